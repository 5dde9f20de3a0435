import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Edition, Lang } from '../../../common/edition/model';
import { parseEdition } from '../../../common/edition/parse';
import { splitWords } from '../../../common/text/words';
import {
  narratedLanguages,
  narratedSentences,
  narratedText,
  parseTimedTranscript,
  parseWaveformPeaks,
  type NarrationTrack,
  type TimedTranscript,
} from '../../../common/timing/model';

const file = fileURLToPath(new URL('../../fixtures/narration/small.yaml', import.meta.url));
const parsed = parseEdition(readFileSync(file, 'utf8'), file);
if (!parsed.ok) throw new Error('the narration fixture edition does not parse');
const edition: Edition = parsed.edition;

/** A made-up but consistent narration: 0.3 s per word, 0.5 s between sentences. */
function track(lang: Lang, of: Edition = edition): NarrationTrack {
  let t = 0.3;
  const sentences = narratedSentences(of, lang).map((s) => {
    const start = t;
    const words = splitWords(narratedText(s, lang)).map((): [number, number] => {
      const w: [number, number] = [t, t + 0.25];
      t += 0.3;
      return w;
    });
    const end = words.at(-1)?.[1] ?? start;
    t = end + 0.5;
    return { id: s.id, start, end, words };
  });
  const spans = (groups: { id: string; sentenceIds: string[] }[]): { id: string; start: number; end: number }[] =>
    groups.flatMap((g) => {
      const timed = sentences.filter((s) => g.sentenceIds.includes(s.id));
      return timed.length ? [{ id: g.id, start: timed[0]!.start, end: timed.at(-1)!.end }] : [];
    });
  return {
    lang,
    mediaId: `${of.id}/${lang}.mp3`,
    mimeType: 'audio/mpeg',
    duration: Math.round((t + 0.2) * 1000) / 1000,
    peaksMediaId: `${of.id}/${lang}.peaks.json`,
    sentences,
    paragraphs: spans(of.paragraphs),
    chapters: spans(of.chapters),
  };
}

function valid(): TimedTranscript {
  return { format: 1, documentId: edition.id, editionHash: 'abc', tracks: { de: track('de'), en: track('en') } };
}

function problems(mutate: (t: TimedTranscript) => void): string[] {
  const t = valid();
  mutate(t);
  const r = parseTimedTranscript(JSON.parse(JSON.stringify(t)), edition);
  if (r.ok) throw new Error('expected problems, but the timings were accepted');
  return r.problems;
}

describe('parseTimedTranscript', () => {
  it('accepts timings that fit the edition', () => {
    const r = parseTimedTranscript(valid(), edition);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('rejects a malformed file with the path of the problem', () => {
    expect(parseTimedTranscript(null, edition)).toEqual({ ok: false, problems: expect.arrayContaining(['the timing file is malformed']) });
    expect(problems((t) => ((t as { format: number }).format = 2))[1]).toMatch(/^format: /);
    expect(problems((t) => (t.tracks.de!.sentences[0]!.words[0]![0] = -1)).join('\n')).toMatch(/tracks\.de\.sentences\.0\.words\.0\.0/);
    expect(problems((t) => (t.tracks.en!.duration = 0)).join('\n')).toMatch(/tracks\.en\.duration/);
  });

  it('names a document mismatch', () => {
    expect(problems((t) => (t.documentId = 'other'))).toContain('the timings are for document "other", not "narration-small"');
  });

  it('finds sentences missing, unknown, shared or out of order', () => {
    expect(problems((t) => t.tracks.de!.sentences.splice(3, 1))).toContain('de: 1 sentence(s) of the edition have no timings: s004');
    expect(problems((t) => (t.tracks.de!.sentences[0]!.id = 's999')).join('\n')).toMatch(/de s999: this sentence is not narrated in the edition \(unknown id\)/);
    expect(
      problems((t) => t.tracks.en!.sentences.splice(4, 0, { ...t.tracks.en!.sentences[3]!, id: 's005' })).join('\n'),
    ).toMatch(/en s005: .*its English is shared with another sentence/);
    expect(
      problems((t) => {
        const s = t.tracks.de!.sentences;
        [s[1], s[2]] = [s[2]!, s[1]!];
      }).join('\n'),
    ).toMatch(/out of reading order/);
  });

  it('finds word counts that differ from the edition’s text', () => {
    expect(problems((t) => t.tracks.de!.sentences[1]!.words.pop())).toContain("de s002: 8 word timings for 9 words in the edition's text");
  });

  it('finds spans out of order or outside their sentence or the audio', () => {
    expect(problems((t) => (t.tracks.de!.sentences[1]!.words[2]![1] = t.tracks.de!.sentences[1]!.words[2]![0] - 0.1)).join('\n')).toMatch(
      /de s002 word 3 \("erklärt"\): ends before it starts/,
    );
    expect(
      problems((t) => {
        const w = t.tracks.de!.sentences[1]!.words;
        w[3] = [w[1]![0], w[1]![1]];
      }).join('\n'),
    ).toMatch(/word 4 \("was"\): starts before the previous word ends/);
    expect(problems((t) => (t.tracks.de!.sentences[1]!.words.at(-1)![1] += 5)).join('\n')).toMatch(/lies outside its sentence/);
    expect(problems((t) => (t.tracks.en!.duration = 3)).join('\n')).toMatch(/after the audio/);
  });

  it('checks paragraph and chapter spans against the edition', () => {
    expect(problems((t) => t.tracks.de!.paragraphs.pop())).toContain("de: the paragraph timings do not match the edition's paragraphs (missing p008)");
    // The gap paragraph has nothing to narrate, so it must not be timed.
    expect(problems((t) => t.tracks.de!.paragraphs.push({ id: 'p005', start: 1, end: 2 })).join('\n')).toMatch(/not in the edition p005/);
    expect(problems((t) => t.tracks.en!.chapters.reverse()).join('\n')).toMatch(/chapter timings .*\(not in reading order\)/);
  });

  it('caps a long list of problems', () => {
    const p = problems((t) => {
      for (const lang of ['de', 'en'] as const) {
        for (const s of t.tracks[lang]!.sentences) s.words = s.words.map(([a, b]) => [b, a]);
      }
    });
    expect(p.length).toBeLessThanOrEqual(26);
    expect(p.at(-1)).toMatch(/^… and \d+ more$/);
  });
});

describe('parseTimedTranscript, one language', () => {
  const germanOnlyFile = fileURLToPath(new URL('../../fixtures/editions/valid-german-only.yaml', import.meta.url));
  const germanOnly = (() => {
    const result = parseEdition(readFileSync(germanOnlyFile, 'utf8'), germanOnlyFile);
    if (!result.ok) throw new Error('the German-only fixture does not parse');
    return result.edition;
  })();
  const timing = (tracks: TimedTranscript['tracks']): TimedTranscript => ({ format: 1, documentId: germanOnly.id, editionHash: 'abc', tracks });

  it('narrates no sentence in a language the edition does not have', () => {
    expect(narratedSentences(germanOnly, 'en')).toEqual([]);
    expect(narratedSentences(germanOnly, 'de')).toHaveLength(germanOnly.sentences.length);
  });

  it('accepts a German track alone for an edition in German only, and names it as the one narrated language', () => {
    const r = parseTimedTranscript(timing({ de: track('de', germanOnly) }), germanOnly);
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(narratedLanguages(timing({ de: track('de', germanOnly) }), germanOnly)).toEqual(['de']);
  });

  it('refuses an English track for an edition without English, and timings without any track', () => {
    const withEnglish = parseTimedTranscript(timing({ de: track('de', germanOnly), en: track('de', germanOnly) }), germanOnly);
    expect(withEnglish.ok ? [] : withEnglish.problems).toContain('en: the edition has no English text for this track to narrate');
    const none = parseTimedTranscript(timing({}), germanOnly);
    expect(none.ok ? [] : none.problems.join('\n')).toMatch(/tracks: there is no narration track/);
  });

  it('accepts a bilingual edition narrated in one of its languages only', () => {
    const r = parseTimedTranscript({ ...valid(), tracks: { en: track('en') } }, edition);
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(narratedLanguages({ tracks: { en: track('en') } }, edition)).toEqual(['en']);
  });
});

describe('parseWaveformPeaks', () => {
  it('accepts peaks in -1..1 and rejects others', () => {
    expect(parseWaveformPeaks({ sampleRate: 22050, duration: 1, peaksPerSecond: 100, data: [0, 0.5, 1] }).ok).toBe(true);
    expect(parseWaveformPeaks({ sampleRate: 22050, duration: 1, peaksPerSecond: 100, data: [2] }).ok).toBe(false);
    expect(parseWaveformPeaks({ data: [] }).ok).toBe(false);
    expect(parseWaveformPeaks({ sampleRate: 22050, duration: 1, peaksPerSecond: 100, data: [0, -1, '0.5'] })).toEqual({ ok: false, problem: 'malformed waveform peaks: data.2: expected a number' });
    expect(parseWaveformPeaks({ sampleRate: 22050, duration: 1, peaksPerSecond: 100, data: [0, Number.NaN] })).toMatchObject({ ok: false, problem: expect.stringMatching(/data\.1: a peak lies from -1 to 1/) });
  });
});
