// The timed transcript: when each sentence, word, paragraph and chapter of an edition is heard in
// its narration. Written by the narration build (main/narration), read by the player. The player
// trusts nothing it did not check: `parseTimedTranscript` compares the file with the edition, so a
// narration built from an older text shows "timings don't match the edition" instead of lighting
// the wrong words.

import { z } from 'zod';
import type { Edition, Lang, Sentence } from '../edition/model';
import { pairingOf } from '../edition/pairing';
import { splitWords } from '../text/words';
import { NARRATION_AUDIO_TYPES, type NarrationAudioType } from './audio-types';

export interface TimedTranscript {
  format: 1;
  documentId: string;
  /** Identifies the edition text this was built from (content hash computed by the builder). */
  editionHash: string;
  /** One track per narrated language: at least one, and only languages the edition has. */
  tracks: NarrationTracks;
}

export type NarrationTracks = Partial<Record<Lang, NarrationTrack>>;

/** The languages a timed transcript narrates, in the edition's order of languages. */
export function narratedLanguages(timing: { tracks: Partial<Record<Lang, unknown>> }, edition: Pick<Edition, 'languages'>): Lang[] {
  return edition.languages.filter((lang) => timing.tracks[lang] !== undefined);
}

export interface TimedSentence {
  id: string;
  start: number;
  end: number;
  /** One [start, end] per `splitWords` word of the sentence's text in the track's language. */
  words: [number, number][];
  /** Aligned recordings only: 0..1, how well the audio matched the text here. */
  confidence?: number;
  /** Aligned recordings only: the aligner could not place it; its times are spread between its neighbours'. */
  estimated?: true;
}

export interface TimedSpan {
  id: string;
  start: number;
  end: number;
}

export interface NarrationTrack {
  lang: Lang;
  /** The audio file's path relative to assets/narration/, e.g. "china-sieht-alles/de.mp3". */
  mediaId: string;
  mimeType: NarrationAudioType;
  /** Seconds, as decoded. */
  duration: number;
  /** e.g. "china-sieht-alles/de.peaks.json" (see `WaveformPeaks`). */
  peaksMediaId: string;
  /** Reading order. */
  sentences: TimedSentence[];
  paragraphs: TimedSpan[];
  chapters: TimedSpan[];
}

/** The precomputed waveform: per bucket the largest absolute sample value, 0..1, mono. */
export interface WaveformPeaks {
  sampleRate: number;
  duration: number;
  peaksPerSecond: number;
  data: number[];
}

/** Which sentences a track narrates: all in German; in English those that carry their own English; none in a language the edition lacks. */
export function narratedSentences(edition: Edition, lang: Lang): Sentence[] {
  if (!edition.languages.includes(lang)) return [];
  if (lang === 'de') return edition.sentences;
  const pairing = pairingOf(edition);
  return edition.sentences.filter((s) => pairing.carrierOf(s.id) === s.id);
}

/** The sentence's text in the track's language. */
export function narratedText(sentence: Sentence, lang: Lang): string {
  return lang === 'de' ? sentence.de : sentence.en;
}

// Times are written rounded to milliseconds; comparisons allow for that rounding.
const EPSILON = 0.0015;
const MAX_PROBLEMS = 25;

const time = z.number().finite().nonnegative();
const span = z.object({ id: z.string().min(1), start: time, end: time });
const track = z.object({
  lang: z.enum(['de', 'en']),
  mediaId: z.string().min(1),
  mimeType: z.enum(NARRATION_AUDIO_TYPES),
  duration: z.number().finite().positive(),
  peaksMediaId: z.string().min(1),
  sentences: z.array(
    z.object({
      id: z.string().min(1),
      start: time,
      end: time,
      words: z.array(z.tuple([time, time])),
      confidence: z.number().min(0).max(1).optional(),
      estimated: z.literal(true).optional(),
    }),
  ),
  paragraphs: z.array(span),
  chapters: z.array(span),
});
const schema = z.object({
  format: z.literal(1),
  documentId: z.string().min(1),
  editionHash: z.string().min(1),
  tracks: z
    .object({ de: track.optional(), en: track.optional() })
    .strict()
    .refine((tracks) => tracks.de !== undefined || tracks.en !== undefined, 'there is no narration track'),
});

// The peaks' data (tens of thousands of numbers for a book) is checked by a loop, not by a schema
// per element, which cost the page tens of milliseconds while it opened.
const peaksSchema = z.object({
  sampleRate: z.number().int().positive(),
  duration: z.number().finite().positive(),
  peaksPerSecond: z.number().positive(),
  data: z.array(z.unknown()),
});

function peaksDataProblem(data: readonly unknown[]): string | null {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v !== 'number') return `data.${i}: expected a number`;
    if (!(v >= -1 && v <= 1)) return `data.${i}: a peak lies from -1 to 1 (found ${v})`;
  }
  return null;
}

export type ParseTimingResult = { ok: true; value: TimedTranscript } | { ok: false; problems: string[] };

/**
 * Reads a timed-transcript file and checks that it belongs to `edition`: every narrated sentence
 * present in reading order, one time span per word of its text, spans ordered and inside the audio.
 */
export function parseTimedTranscript(json: unknown, edition: Edition): ParseTimingResult {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, MAX_PROBLEMS)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'file'}: ${issue.message}`);
    return { ok: false, problems: ['the timing file is malformed', ...problems] };
  }
  const value = parsed.data as TimedTranscript;
  const problems: string[] = [];
  if (value.documentId !== edition.id) {
    problems.push(`the timings are for document "${value.documentId}", not "${edition.id}"`);
  }
  for (const lang of ['de', 'en'] as const) {
    const t = value.tracks[lang];
    if (!t) continue;
    if (!edition.languages.includes(lang)) {
      problems.push(`${lang}: the edition has no ${lang === 'de' ? 'German' : 'English'} text for this track to narrate`);
      continue;
    }
    if (t.lang !== lang) problems.push(`${lang}: the track under "${lang}" says its language is "${t.lang}"`);
    checkTrack(t, lang, edition, problems);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) shown.push(`… and ${problems.length - MAX_PROBLEMS} more`);
    return { ok: false, problems: shown };
  }
  return { ok: true, value };
}

export function parseWaveformPeaks(json: unknown): { ok: true; value: WaveformPeaks } | { ok: false; problem: string } {
  const parsed = peaksSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `malformed waveform peaks: ${parsed.error.issues[0]?.message ?? ''}` };
  const problem = peaksDataProblem(parsed.data.data);
  if (problem) return { ok: false, problem: `malformed waveform peaks: ${problem}` };
  return { ok: true, value: parsed.data as WaveformPeaks };
}

function checkTrack(t: NarrationTrack, lang: Lang, edition: Edition, problems: string[]): void {
  const where = (id: string): string => `${lang} ${id}`;
  const expected = narratedSentences(edition, lang);
  const byId = new Map(expected.map((s) => [s.id, s]));
  const present = new Set<string>();
  let previousEnd = 0;
  for (const timed of t.sentences) {
    const sentence = byId.get(timed.id);
    if (!sentence) {
      problems.push(`${where(timed.id)}: this sentence is not narrated in the edition (${lang === 'en' && edition.sentences.some((s) => s.id === timed.id) ? 'its English is shared with another sentence' : 'unknown id'})`);
      continue;
    }
    if (present.has(timed.id)) {
      problems.push(`${where(timed.id)}: the sentence is timed twice`);
      continue;
    }
    present.add(timed.id);
    if (timed.end + EPSILON < timed.start) problems.push(`${where(timed.id)}: ends (${timed.end}) before it starts (${timed.start})`);
    if (timed.end > t.duration + EPSILON) problems.push(`${where(timed.id)}: ends at ${timed.end} s, after the audio (${t.duration} s)`);
    if (timed.start + EPSILON < previousEnd) problems.push(`${where(timed.id)}: starts at ${timed.start} s, before the previous sentence ends (${previousEnd} s)`);
    previousEnd = Math.max(previousEnd, timed.end);

    const words = splitWords(narratedText(sentence, lang));
    if (timed.words.length !== words.length) {
      problems.push(`${where(timed.id)}: ${timed.words.length} word timings for ${words.length} words in the edition's text`);
      continue;
    }
    let wordEnd = timed.start;
    for (let i = 0; i < timed.words.length; i++) {
      const [ws, we] = timed.words[i]!;
      const label = `${where(timed.id)} word ${i + 1} ("${words[i]!.text}")`;
      if (we + EPSILON < ws) problems.push(`${label}: ends before it starts`);
      if (ws + EPSILON < wordEnd) problems.push(`${label}: starts before the previous word ends`);
      if (ws + EPSILON < timed.start || we > timed.end + EPSILON) problems.push(`${label}: lies outside its sentence`);
      wordEnd = Math.max(wordEnd, we);
    }
  }
  // Order matters: the player finds sentences by binary search over their start times.
  const order = t.sentences.map((s) => s.id).filter((id) => byId.has(id));
  const expectedOrder = expected.map((s) => s.id).filter((id) => present.has(id));
  const firstOutOfOrder = order.findIndex((id, i) => id !== expectedOrder[i]);
  if (firstOutOfOrder >= 0) problems.push(`${lang}: sentence ${order[firstOutOfOrder]} is out of reading order`);
  const missing = expected.filter((s) => !present.has(s.id)).map((s) => s.id);
  if (missing.length > 0) {
    problems.push(`${lang}: ${missing.length} sentence(s) of the edition have no timings: ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}`);
  }

  const narrated = new Set(expected.map((s) => s.id));
  const expectedParagraphs = edition.paragraphs.filter((p) => p.sentenceIds.some((id) => narrated.has(id))).map((p) => p.id);
  const expectedChapters = edition.chapters.filter((c) => c.sentenceIds.some((id) => narrated.has(id))).map((c) => c.id);
  checkSpans(t.paragraphs, expectedParagraphs, 'paragraph', lang, t.duration, problems);
  checkSpans(t.chapters, expectedChapters, 'chapter', lang, t.duration, problems);
}

function checkSpans(spans: TimedSpan[], expectedIds: string[], what: string, lang: Lang, duration: number, problems: string[]): void {
  const ids = spans.map((s) => s.id);
  if (ids.join(' ') !== expectedIds.join(' ')) {
    const missing = expectedIds.filter((id) => !ids.includes(id));
    const extra = ids.filter((id) => !expectedIds.includes(id));
    const detail = [
      missing.length > 0 ? `missing ${missing.slice(0, 8).join(', ')}` : '',
      extra.length > 0 ? `not in the edition ${extra.slice(0, 8).join(', ')}` : '',
      missing.length === 0 && extra.length === 0 ? 'not in reading order' : '',
    ].filter(Boolean).join('; ');
    problems.push(`${lang}: the ${what} timings do not match the edition's ${what}s (${detail})`);
    return;
  }
  let previousStart = 0;
  for (const s of spans) {
    if (s.end + EPSILON < s.start) problems.push(`${lang} ${s.id}: the ${what} ends before it starts`);
    if (s.end > duration + EPSILON) problems.push(`${lang} ${s.id}: the ${what} ends after the audio`);
    if (s.start + EPSILON < previousStart) problems.push(`${lang} ${s.id}: the ${what} starts before the previous one`);
    previousStart = s.start;
  }
}
