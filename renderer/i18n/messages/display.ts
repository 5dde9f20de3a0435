// The transcript's layout picker and the highlight's sync offset (renderer/settings/DisplaySettings).
export default {
  en: {
    'layout.label': 'Layout',
    'layout.side-by-side': 'Side by side',
    'layout.interleaved': 'Interleaved',
    'layout.de': '{first} only',
    'layout.en': '{second} only',
    'sync.summary': 'Highlight timing',
    'sync.label': 'Highlight offset',
    'sync.value': '{sign}{ms} ms',
    'sync.help': 'Headphones with latency (Bluetooth) play the voice late: move the highlight later (+) until it matches what you hear.',
    'sync.reset': 'Reset to 0',
  },
  de: {
    'layout.label': 'Anordnung',
    'layout.side-by-side': 'Nebeneinander',
    'layout.interleaved': 'Abwechselnd',
    'layout.de': 'Nur {first}',
    'layout.en': 'Nur {second}',
    'sync.summary': 'Zeitversatz',
    'sync.label': 'Versatz der Hervorhebung',
    'sync.value': '{sign}{ms} ms',
    'sync.help': 'Kopfhörer mit Verzögerung (Bluetooth) spielen die Stimme später ab: Die Hervorhebung nach später (+) schieben, bis sie zum Gehörten passt.',
    'sync.reset': 'Auf 0 zurücksetzen',
  },
} as const;
