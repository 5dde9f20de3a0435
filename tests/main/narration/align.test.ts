// Mapping the engine's word events onto the edition's words: made-up event lists for each way an
// engine can disagree with splitWords, then real eSpeak on the words it splits or merges.

import { beforeAll, describe, expect, it } from 'vitest';
import { mapWordTimes } from '../../../main/narration/align';
import type { EngineWord, SpeechEngine } from '../../../main/narration/engine';
import { createEspeakEngine } from '../../../main/narration/espeak';
import { lexiconLookup, loadLexicon } from '../../../main/narration/lexicon';
import { toSpokenText } from '../../../main/narration/normalize';

const noLexicon = new Map<string, string>();

function engineWord(spokenText: string, fragment: string, start: number, end: number, from = 0): EngineWord {
  const at = spokenText.indexOf(fragment, from);
  if (at < 0) throw new Error(`"${fragment}" not in "${spokenText}"`);
  return { textStart: at, textEnd: at + fragment.length, start, end };
}

describe('mapWordTimes with made-up engine events', () => {
  it('maps one event per word straight through', () => {
    const spoken = toSpokenText('Ja, ich denke.', 'de', noLexicon);
    const t = spoken.text;
    const words = [engineWord(t, 'Ja', 0.0, 0.2), engineWord(t, 'ich', 0.5, 0.7), engineWord(t, 'denke', 0.7, 1.1)];
    expect(mapWordTimes(spoken, words, [0, 1.1])).toEqual([[0, 0.2], [0.5, 0.7], [0.7, 1.1]]);
  });

  it('joins several events for one written word (a number read in parts)', () => {
    const spoken = toSpokenText('hat 1984 gesehen', 'de', noLexicon);
    const t = spoken.text;
    // eSpeak reports "1984" as several words, all pointing into the number.
    const words = [
      engineWord(t, 'hat', 0, 0.2),
      { textStart: 4, textEnd: 8, start: 0.25, end: 0.4 },
      { textStart: 5, textEnd: 9, start: 0.4, end: 0.7 },
      { textStart: 5, textEnd: 9, start: 0.7, end: 1.0 },
      engineWord(t, 'gesehen', 1.1, 1.5),
    ];
    expect(mapWordTimes(spoken, words, [0, 1.5])).toEqual([[0, 0.2], [0.25, 1.0], [1.1, 1.5]]);
  });

  it('gives an event on an opening quote to the quoted word, and one on closing punctuation to the word before', () => {
    const spoken = toSpokenText('ist «schön» % da', 'de', noLexicon);
    const t = spoken.text;
    const words = [
      engineWord(t, 'ist', 0, 0.2),
      { textStart: t.indexOf('«'), textEnd: t.indexOf('«'), start: 0.3, end: 0.6 },
      { textStart: t.indexOf('%'), textEnd: t.indexOf('%') + 1, start: 0.7, end: 0.9 },
      engineWord(t, 'da', 1.0, 1.2),
    ];
    expect(mapWordTimes(spoken, words, [0, 1.2])).toEqual([[0, 0.2], [0.3, 0.9], [1.0, 1.2]]);
  });

  it('splits one event that covers several written words by their length', () => {
    const spoken = toSpokenText('ab in die Stadt', 'de', noLexicon);
    const t = spoken.text;
    const words = [engineWord(t, 'ab', 0, 0.2), { textStart: t.indexOf('in'), textEnd: t.indexOf('die') + 3, start: 0.2, end: 0.7 }, engineWord(t, 'Stadt', 0.7, 1.0)];
    const spans = mapWordTimes(spoken, words, [0, 1]);
    expect(spans[1]![0]).toBeCloseTo(0.2);
    expect(spans[1]![1]).toBeCloseTo(0.4);
    expect(spans[2]![0]).toBeCloseTo(0.4);
    expect(spans[2]![1]).toBeCloseTo(0.7);
  });

  it('shares a neighbour’s time with words the engine skipped, at the start, middle and end', () => {
    const spoken = toSpokenText('eins zwei drei vier fünf', 'de', noLexicon);
    const t = spoken.text;
    const words = [engineWord(t, 'zwei', 0.4, 0.8), engineWord(t, 'vier', 1.2, 1.6)];
    const spans = mapWordTimes(spoken, words, [0, 2]);
    expect(spans).toHaveLength(5);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    // "eins" shares the following word's time, "drei" and "fünf" the preceding word's.
    expect(spans[0]![0]).toBeCloseTo(0.4);
    expect(spans[1]![1]).toBeCloseTo(0.7);
    expect(spans[2]![0]).toBeCloseTo(0.7);
    expect(spans[2]![1]).toBeCloseTo(0.8);
    expect(spans[3]![0]).toBeCloseTo(1.2);
    expect(spans[4]![1]).toBeCloseTo(1.6);
    for (const [a, b] of spans) expect(b).toBeGreaterThan(a);
  });

  it('spreads the whole sentence over its words when the engine placed none', () => {
    const spoken = toSpokenText('ab cd', 'de', noLexicon);
    expect(mapWordTimes(spoken, [], [1, 2])).toEqual([[1, 1.5], [1.5, 2]]);
  });

  it('never lets spans overlap, even for events out of reading order', () => {
    const spoken = toSpokenText('a b c', 'de', noLexicon);
    const t = spoken.text;
    const spans = mapWordTimes(spoken, [engineWord(t, 'c', 0.1, 0.3), engineWord(t, 'a', 0.2, 0.5), engineWord(t, 'b', 0.4, 0.6)], [0, 1]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
  });
});

describe('mapWordTimes with eSpeak NG', () => {
  let engine: SpeechEngine;
  beforeAll(async () => {
    engine = await createEspeakEngine();
  });

  const lexicon = { de: lexiconLookup(loadLexicon().lexicon, 'de'), en: lexiconLookup(loadLexicon().lexicon, 'en') };

  it.each([
    ['de', 'Die chinesische KP, die QR-Code-Zahlung und «1984» im 19. Jahrhundert.'],
    ['de', 'Die USA, 2,5 Sekunden, US-Präsidenten – und Big Data!'],
    ['de', 'Ab 2020 soll das in ein nationales System integriert werden.'],
    ['en', 'The CCP’s “1984”, a QR code, and 2.5 seconds in the 19th-century idea – from 2020.'],
    ['en', 'Xi Jinping, Xinjiang and Uighurs: don’t ask.'],
  ] as const)('%s: one ordered, sounding span per word in “%s”', async (lang, sentence) => {
    const spoken = toSpokenText(sentence, lang, lexicon[lang]);
    const out = await engine.synthesize({ text: spoken.text, lang, voice: { name: lang === 'de' ? 'de' : 'en-us' }, rate: 170 });
    const spans = mapWordTimes(spoken, out.words, [0, out.samples.length / out.sampleRate]);
    expect(spans).toHaveLength(spoken.words.length);
    const duration = out.samples.length / out.sampleRate;
    let previous = 0;
    for (const [i, [a, b]] of spans.entries()) {
      expect(a, spoken.words[i]!.text).toBeGreaterThanOrEqual(previous);
      expect(b - a, spoken.words[i]!.text).toBeGreaterThan(0.05);
      expect(b).toBeLessThanOrEqual(duration);
      // Each word's span holds sound, not just silence.
      let peak = 0;
      for (let k = Math.floor(a * out.sampleRate); k < Math.ceil(b * out.sampleRate); k++) peak = Math.max(peak, Math.abs(out.samples[k]!));
      expect(peak, spoken.words[i]!.text).toBeGreaterThan(0.05);
      previous = b;
    }
  });

  it('gives a year its full reading time: «1984» (ten syllables) lasts far longer than «Roman»', async () => {
    const spoken = toSpokenText('Im Roman «1984» steht es.', 'de', lexicon.de);
    const out = await engine.synthesize({ text: spoken.text, lang: 'de', voice: { name: 'de' }, rate: 170 });
    const spans = mapWordTimes(spoken, out.words, [0, 1]);
    const [a, b] = spans[2]!;
    const [c, d] = spans[1]!;
    expect(b - a).toBeGreaterThan(3 * (d - c));
  });
});
