// The shipped interview's narration, built (or found up to date) by ensureNarration exactly as
// `npm start` and `npm run web` get it: it must fit the edition, decode to the length it claims,
// keep a learner's pace, and tell its two speakers apart.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition, Lang } from '../../../common/edition/model';
import { parseTimedTranscript, parseWaveformPeaks, type TimedTranscript } from '../../../common/timing/model';
import { loadEdition } from '../../../main/narration/build';
import { ensureNarration } from '../../../main/narration/ensure';
import { DEFAULT_SETTINGS } from '../../../main/narration/settings';
import { decode, medianF0 } from './support';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const EDITION = join(REPO, 'transcripts/china-sieht-alles/edition.yaml');
const LANGS: Lang[] = ['de', 'en'];

let edition: Edition;
let timing: TimedTranscript;
let dir: string;
const audio: Partial<Record<Lang, { samples: Float32Array; sampleRate: number }>> = {};

beforeAll(async () => {
  const { outDir } = await ensureNarration({ repoRoot: REPO });
  dir = join(outDir, 'china-sieht-alles');
  edition = loadEdition(readFileSync(EDITION, 'utf8'), EDITION);
  timing = JSON.parse(readFileSync(join(dir, 'timing.json'), 'utf8')) as TimedTranscript;
  for (const lang of LANGS) audio[lang] = decode(join(dir, `${lang}.mp3`));
}, 240_000);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('narration of the interview', () => {
  it('is up to date: a second ensureNarration builds nothing', async () => {
    const lines: string[] = [];
    const again = await ensureNarration({ repoRoot: REPO, log: (l) => lines.push(l) });
    expect(again.built).toBe(false);
    expect(lines).toEqual(['Narration of china-sieht-alles is up to date (assets/narration/china-sieht-alles): nothing to do.']);
  }, 60_000);

  it('fits the edition: every sentence, one span per word, ordered, inside the audio', () => {
    const check = parseTimedTranscript(timing, edition);
    expect(check.ok ? [] : check.problems).toEqual([]);
  });

  it.each(LANGS)('%s: decodes to the duration the timings claim, the last word ending within 1 s of the end', (lang) => {
    const { samples, sampleRate } = audio[lang]!;
    const track = timing.tracks[lang]!;
    expect(Math.abs(samples.length / sampleRate - track.duration)).toBeLessThan(0.05);
    const lastWord = track.sentences.at(-1)!.words.at(-1)!;
    expect(track.duration - lastWord[1]).toBeLessThan(1);
    const peaks = parseWaveformPeaks(JSON.parse(readFileSync(join(dir, `${lang}.peaks.json`), 'utf8')));
    expect(peaks.ok && peaks.value.data.length).toBe(Math.ceil(track.duration * DEFAULT_SETTINGS.peaksPerSecond));
  });

  it.each(LANGS)('%s: keeps a pace a learner can follow (140-160 words per minute)', (lang) => {
    const track = timing.tracks[lang]!;
    const words = track.sentences.reduce((n, s) => n + s.words.length, 0);
    const wpm = words / (track.duration / 60);
    expect(wpm).toBeGreaterThanOrEqual(140);
    expect(wpm).toBeLessThanOrEqual(160);
  });

  it.each(LANGS)('%s: speaks the interviewer and Heilmann in measurably different voices', (lang) => {
    const { samples, sampleRate } = audio[lang]!;
    const bySpeaker = (speakerId: string): number => {
      const ids = new Set(edition.paragraphs.filter((p) => p.kind === 'turn' && p.speakerId === speakerId).flatMap((p) => p.sentenceIds));
      // A sample: the first twelve sentences of the speaker.
      const parts = timing.tracks[lang]!.sentences.filter((s) => ids.has(s.id)).slice(0, 12);
      const f0s = parts.map((s) => medianF0(samples, sampleRate, Math.round(s.start * sampleRate), Math.round(s.end * sampleRate)).f0);
      return median(f0s.filter((f) => f > 0));
    };
    const interviewer = bySpeaker('interviewer');
    const heilmann = bySpeaker('heilmann');
    expect(interviewer).toBeGreaterThan(150);
    expect(heilmann).toBeLessThan(120);
    expect(interviewer / heilmann).toBeGreaterThan(1.4);
    // Pitch analysis of two dozen sentences takes seconds of CPU, many more while the e2e suite
    // shares the two cores: a limit for a hung test, not a measure of speed.
  }, 60_000);

  it.each(LANGS)('%s: pauses follow the text: comma < sentence < new speaker < new chapter', (lang) => {
    const track = timing.tracks[lang]!;
    const sentenceOf = new Map(edition.sentences.map((s) => [s.id, s]));
    const paragraphOf = new Map(edition.paragraphs.map((p) => [p.id, p]));
    const within: number[] = [];
    const speakerChange: number[] = [];
    const chapter: number[] = [];
    track.sentences.forEach((s, i) => {
      if (i === 0) return;
      const prev = track.sentences[i - 1]!;
      const [a, b] = [sentenceOf.get(prev.id)!, sentenceOf.get(s.id)!];
      const gap = s.start - prev.end;
      if (a.chapterId !== b.chapterId) chapter.push(gap);
      else if (a.paragraphId === b.paragraphId) within.push(gap);
      else if (paragraphOf.get(a.paragraphId)!.speakerId !== paragraphOf.get(b.paragraphId)!.speakerId) speakerChange.push(gap);
    });
    const commas: number[] = [];
    for (const s of track.sentences) {
      const text = lang === 'de' ? sentenceOf.get(s.id)!.de : sentenceOf.get(s.id)!.en;
      // Word i is followed by a comma when the text right after it starts with one.
      const words = [...text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*(,)?/gu)];
      if (words.length !== s.words.length) continue;
      words.forEach((m, i) => {
        if (m[1] && i + 1 < s.words.length) commas.push(s.words[i + 1]![0] - s.words[i]![1]);
      });
    }
    expect(commas.length).toBeGreaterThan(50);
    expect(median(commas)).toBeGreaterThan(0.2);
    expect(median(within)).toBeGreaterThan(median(commas) + 0.1);
    expect(median(speakerChange)).toBeGreaterThan(median(within) + 0.3);
    expect(Math.min(...chapter)).toBeGreaterThan(median(speakerChange) + 0.5);
  });
});
