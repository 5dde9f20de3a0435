// Checking the times of an aligned recording.
export default {
  en: {
    'timingCheck.button': 'Check timings ({count})',
    'timingCheck.title': '{count} sentences to check',
    'timingCheck.help': 'The recording and the text did not match well here, or the aligner could not place the sentence (then its time is estimated from its neighbours). They are underlined with dots in the transcript. Choose one to hear it.',
    'timingCheck.estimated': 'not found in the recording: time estimated',
    'timingCheck.lowConfidence': 'weak match ({percent} %)',
  },
  de: {
    'timingCheck.button': 'Zeiten prüfen ({count})',
    'timingCheck.title': '{count} Sätze zu prüfen',
    'timingCheck.help': 'Hier passten Aufnahme und Text schlecht zusammen, oder der Satz wurde in der Aufnahme nicht gefunden (dann ist seine Zeit aus den Nachbarn geschätzt). Im Text sind sie gepunktet unterstrichen. Wählen Sie einen, um ihn zu hören.',
    'timingCheck.estimated': 'in der Aufnahme nicht gefunden: Zeit geschätzt',
    'timingCheck.lowConfidence': 'schwache Übereinstimmung ({percent} %)',
  },
} as const;
