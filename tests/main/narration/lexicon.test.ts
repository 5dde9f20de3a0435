// The pronunciation lexicon: every entry's respelling must still produce the phonemes recorded for
// it (so an eSpeak upgrade that changes a reading fails here instead of going unheard), and the
// narration must actually use the entries.

import { beforeAll, describe, expect, it } from 'vitest';
import type { SpeechEngine } from '../../../main/narration/engine';
import { createEspeakEngine } from '../../../main/narration/espeak';
import { lexiconLookup, loadLexicon, parseLexicon } from '../../../main/narration/lexicon';
import { toSpokenText } from '../../../main/narration/normalize';

const { lexicon } = loadLexicon();
const voice = { de: { name: 'de' }, en: { name: 'en-us' } } as const;
const entries = (['de', 'en'] as const).flatMap((lang) => lexicon[lang].map((e) => [lang, e.words.join('/'), e] as const));

let engine: SpeechEngine;
beforeAll(async () => {
  engine = await createEspeakEngine();
});

describe('pronunciation lexicon', () => {
  it('covers the abbreviations the interview needs', () => {
    const de = lexiconLookup(lexicon, 'de');
    for (const w of ['KP', 'USA', 'US', 'QR']) expect(de.has(w), w).toBe(true);
  });

  it.each(entries)('%s %s: eSpeak says the respelling as recorded', async (lang, _words, entry) => {
    expect(await engine.phonemes(entry.say, lang, voice[lang])).toBe(entry.ipa);
  });

  it('spells abbreviations out letter by letter in German', async () => {
    const ipa = async (text: string): Promise<string> =>
      engine.phonemes(toSpokenText(text, 'de', lexiconLookup(lexicon, 'de')).text, 'de', voice.de);
    expect(await ipa('die KP')).toContain('k_ˈɑː p_ˈeː');
    expect(await ipa('die USA')).toContain('_ˈuː _ɛ_s _ˈɑː');
    // Without the lexicon eSpeak reads "USA" as one word, [uːzɑː].
    expect(await engine.phonemes('die USA', 'de', voice.de)).toContain('ˈuː_z_ɑː');
    // In compounds, the listed part is replaced and the rest kept.
    expect(await ipa('als QR-Code')).toContain('k_ˈuː');
    expect(await ipa('zum US-Präsidenten')).toMatch(/_ˈuː _ɛ_s.*p_ɾ/);
  });

  it('rejects a malformed lexicon and duplicate spellings', () => {
    expect(() => parseLexicon('de:\n  - words: [KP]\n    say: Ka Peh\n')).toThrow(/ipa/);
    expect(() => parseLexicon('de:\n  - { words: [KP], say: a, ipa: b }\n  - { words: [KP], say: c, ipa: d }\n')).toThrow(/"KP" is listed twice/);
    expect(() => parseLexicon('fr: []\n')).toThrow(/invalid pronunciation lexicon/);
  });
});

describe('spoken text', () => {
  const de = lexiconLookup(lexicon, 'de');
  const en = lexiconLookup(lexicon, 'en');

  it('writes out years and ordinals and keeps each written word’s place', () => {
    const s = toSpokenText('Im Roman «1984», im 19. Jahrhundert.', 'de', de);
    expect(s.text).toBe('Im Roman «neunzehnhundertvierundachtzig», im neunzehnten Jahrhundert.');
    expect(s.words.map((w) => w.text)).toEqual(['Im', 'Roman', '1984', 'im', '19.', 'Jahrhundert']);
    expect(s.ranges.map(([a, b]) => s.text.slice(a, b))).toEqual(['Im', 'Roman', 'neunzehnhundertvierundachtzig', 'im', 'neunzehnten', 'Jahrhundert']);
  });

  it('reads English years in pairs and uses the English entries', () => {
    expect(toSpokenText('From 2020, Xi said “1984”.', 'en', en).text).toBe('From twenty twenty, Shee said “nineteen eighty-four”.');
  });

  it('leaves other numbers to the engine', () => {
    expect(toSpokenText('2,5 Sekunden und 2024', 'de', de).text).toBe('2,5 Sekunden und 2024');
  });
});
