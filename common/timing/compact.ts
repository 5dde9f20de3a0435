// The timed transcript in the form it travels in and is cached in: per track, the ids in one array
// and the times in flat arrays of whole milliseconds, each stored as the step from the value before
// it. A book of 100,000 words is then some 400,000 small integers instead of 100,000 objects (one
// per sentence) holding 100,000 pairs, which is what made opening a book slow: the file grew to
// megabytes, and every reader (the cache, the bridge, the page) built and threw away an object per
// word. The player reads the times straight into typed arrays (`trackTimes`).
//
// Times in the timing files are written rounded to milliseconds, so the form loses nothing of them:
// a whole number of milliseconds divided by 1000 is the same double as the decimal that was written.
// A time finer than that (an imported sync map may have one) is kept to the millisecond, a sixteenth
// of a frame.

import type { Lang } from '../edition/model';
import { NARRATION_AUDIO_TYPES } from './audio-types';
import type { NarrationTrack, TimedTranscript } from './model';

/** What a track is besides its times: its audio and its peaks (a NarrationTrack without the times). */
export type TrackMedia = Pick<NarrationTrack, 'lang' | 'mediaId' | 'mimeType' | 'duration' | 'peaksMediaId'>;

export interface CompactTrack extends TrackMedia {
  /** The narrated sentences, in reading order. */
  sentenceIds: string[];
  /** Per sentence its start and end, flattened ([start0, end0, start1, …]), in ms, delta-coded. */
  sentenceTimes: number[];
  /** Per sentence how many words it has (one entry per sentence). */
  wordCounts: number[];
  /** Every word's start and end, all sentences in order, flattened, in ms, delta-coded. */
  wordTimes: number[];
  paragraphIds: string[];
  paragraphTimes: number[];
  chapterIds: string[];
  chapterTimes: number[];
  /** Aligned recordings only: per sentence its confidence in whole percent, -1 where there is none. */
  sentenceConfidence?: number[];
  /** Aligned recordings only: the indexes of the sentences whose times are estimated. */
  estimatedSentences?: number[];
}

export interface CompactTiming {
  format: 1;
  documentId: string;
  editionHash: string;
  tracks: Partial<Record<Lang, CompactTrack>>;
}

/** A track's times, read into typed arrays (seconds), as the player's look-ups want them. */
export interface TrackTimes {
  sentenceIds: readonly string[];
  sentenceStarts: Float64Array;
  sentenceEnds: Float64Array;
  /** Index of each sentence's first word; one extra entry (the word count) at the end. */
  firstWord: Int32Array;
  wordStarts: Float64Array;
  wordEnds: Float64Array;
  paragraphIds: readonly string[];
  paragraphStarts: Float64Array;
  chapterIds: readonly string[];
  chapterStarts: Float64Array;
  duration: number;
}

const LANGS: readonly Lang[] = ['de', 'en'];

/** Whole milliseconds, each as the step from the one before (the first from 0). */
function deltas(seconds: Iterable<number>): number[] {
  const out: number[] = [];
  let previous = 0;
  for (const s of seconds) {
    const ms = Math.round(s * 1000);
    out.push(ms - previous);
    previous = ms;
  }
  return out;
}

/** The inverse of `deltas`: seconds, every other value (from `offset`) when `stride` is 2. */
function undelta(steps: readonly number[], stride: 1 | 2, offset: 0 | 1): Float64Array {
  const out = new Float64Array(Math.floor((steps.length - offset + stride - 1) / stride));
  let ms = 0;
  for (let i = 0, k = 0; i < steps.length; i++) {
    ms += steps[i]!;
    if (i % stride === offset) out[k++] = ms / 1000;
  }
  return out;
}

function* spanTimes(spans: readonly { start: number; end: number }[]): Generator<number> {
  for (const s of spans) {
    yield s.start;
    yield s.end;
  }
}

export function compactTrack(track: NarrationTrack): CompactTrack {
  return {
    lang: track.lang,
    mediaId: track.mediaId,
    mimeType: track.mimeType,
    duration: track.duration,
    peaksMediaId: track.peaksMediaId,
    sentenceIds: track.sentences.map((s) => s.id),
    sentenceTimes: deltas(spanTimes(track.sentences)),
    wordCounts: track.sentences.map((s) => s.words.length),
    wordTimes: deltas(
      (function* () {
        for (const s of track.sentences) for (const [start, end] of s.words) yield* [start, end];
      })(),
    ),
    paragraphIds: track.paragraphs.map((p) => p.id),
    paragraphTimes: deltas(spanTimes(track.paragraphs)),
    chapterIds: track.chapters.map((c) => c.id),
    chapterTimes: deltas(spanTimes(track.chapters)),
    ...quality(track),
  };
}

/** How sure an aligned recording's times are; nothing for an exact narration. */
function quality(track: NarrationTrack): Pick<CompactTrack, 'sentenceConfidence' | 'estimatedSentences'> {
  const out: Pick<CompactTrack, 'sentenceConfidence' | 'estimatedSentences'> = {};
  if (track.sentences.some((s) => s.confidence !== undefined)) out.sentenceConfidence = track.sentences.map((s) => (s.confidence === undefined ? -1 : Math.round(s.confidence * 100)));
  const estimated = track.sentences.flatMap((s, i) => (s.estimated ? [i] : []));
  if (estimated.length > 0) out.estimatedSentences = estimated;
  return out;
}

/** The compact form of a (checked) timed transcript. */
export function compactTiming(timing: TimedTranscript): CompactTiming {
  const tracks: Partial<Record<Lang, CompactTrack>> = {};
  for (const lang of LANGS) {
    const track = timing.tracks[lang];
    if (track) tracks[lang] = compactTrack(track);
  }
  return { format: 1, documentId: timing.documentId, editionHash: timing.editionHash, tracks };
}

/** A track's times in typed arrays (the form is assumed checked: see `compactTimingProblem`). */
export function trackTimes(track: CompactTrack): TrackTimes {
  const firstWord = new Int32Array(track.wordCounts.length + 1);
  for (let i = 0; i < track.wordCounts.length; i++) firstWord[i + 1] = firstWord[i]! + track.wordCounts[i]!;
  return {
    sentenceIds: track.sentenceIds,
    sentenceStarts: undelta(track.sentenceTimes, 2, 0),
    sentenceEnds: undelta(track.sentenceTimes, 2, 1),
    firstWord,
    wordStarts: undelta(track.wordTimes, 2, 0),
    wordEnds: undelta(track.wordTimes, 2, 1),
    paragraphIds: track.paragraphIds,
    paragraphStarts: undelta(track.paragraphTimes, 2, 0),
    chapterIds: track.chapterIds,
    chapterStarts: undelta(track.chapterTimes, 2, 0),
    duration: track.duration,
  };
}

function spansOf(ids: readonly string[], times: readonly number[]): { id: string; start: number; end: number }[] {
  const starts = undelta(times, 2, 0);
  const ends = undelta(times, 2, 1);
  return ids.map((id, i) => ({ id, start: starts[i]!, end: ends[i]! }));
}

/** Back to the object form (exports, tests): an object per sentence and a pair per word. */
export function expandTiming(compact: CompactTiming): TimedTranscript {
  const tracks: TimedTranscript['tracks'] = {};
  for (const lang of LANGS) {
    const track = compact.tracks[lang];
    if (!track) continue;
    const times = trackTimes(track);
    const estimated = new Set(track.estimatedSentences ?? []);
    tracks[lang] = {
      lang: track.lang,
      mediaId: track.mediaId,
      mimeType: track.mimeType,
      duration: track.duration,
      peaksMediaId: track.peaksMediaId,
      sentences: track.sentenceIds.map((id, i) => {
        const words: [number, number][] = [];
        for (let w = times.firstWord[i]!; w < times.firstWord[i + 1]!; w++) words.push([times.wordStarts[w]!, times.wordEnds[w]!]);
        const confidence = track.sentenceConfidence?.[i];
        return {
          id,
          start: times.sentenceStarts[i]!,
          end: times.sentenceEnds[i]!,
          words,
          ...(confidence !== undefined && confidence >= 0 ? { confidence: confidence / 100 } : {}),
          ...(estimated.has(i) ? { estimated: true as const } : {}),
        };
      }),
      paragraphs: spansOf(track.paragraphIds, track.paragraphTimes),
      chapters: spansOf(track.chapterIds, track.chapterTimes),
    };
  }
  return { format: 1, documentId: compact.documentId, editionHash: compact.editionHash, tracks };
}

// ---- Checking what arrives --------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function intsProblem(value: unknown, name: string, length: number, nonNegative: boolean): string | null {
  if (!Array.isArray(value)) return `${name} is not a list`;
  if (value.length !== length) return `${name} has ${value.length} entries, not ${length}`;
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || (nonNegative && v < 0)) return `${name}[${i}] is not a whole number${nonNegative ? ' >= 0' : ''}`;
  }
  return null;
}

function idsProblem(value: unknown, name: string): string | null {
  if (!Array.isArray(value)) return `${name} is not a list`;
  for (let i = 0; i < value.length; i++) if (!isText(value[i])) return `${name}[${i}] is not an id`;
  return null;
}

function trackProblem(lang: Lang, track: unknown): string | null {
  if (!isObject(track)) return `${lang}: the track is not an object`;
  if (track.lang !== lang) return `${lang}: the track says its language is "${String(track.lang)}"`;
  if (!isText(track.mediaId) || !isText(track.peaksMediaId)) return `${lang}: the track names no audio or peaks`;
  if (!(NARRATION_AUDIO_TYPES as readonly unknown[]).includes(track.mimeType)) return `${lang}: the audio type is not one the player plays (${NARRATION_AUDIO_TYPES.join(', ')})`;
  if (typeof track.duration !== 'number' || !Number.isFinite(track.duration) || track.duration <= 0) return `${lang}: the duration is not a positive number`;
  const problem =
    idsProblem(track.sentenceIds, 'sentenceIds') ??
    idsProblem(track.paragraphIds, 'paragraphIds') ??
    idsProblem(track.chapterIds, 'chapterIds');
  if (problem) return `${lang}: ${problem}`;
  const sentences = (track.sentenceIds as unknown[]).length;
  const counts = intsProblem(track.wordCounts, 'wordCounts', sentences, true);
  if (counts) return `${lang}: ${counts}`;
  const words = (track.wordCounts as number[]).reduce((sum, n) => sum + n, 0);
  const times =
    intsProblem(track.sentenceTimes, 'sentenceTimes', 2 * sentences, false) ??
    intsProblem(track.wordTimes, 'wordTimes', 2 * words, false) ??
    intsProblem(track.paragraphTimes, 'paragraphTimes', 2 * (track.paragraphIds as unknown[]).length, false) ??
    intsProblem(track.chapterTimes, 'chapterTimes', 2 * (track.chapterIds as unknown[]).length, false);
  if (times) return `${lang}: ${times}`;
  if (track.sentenceConfidence !== undefined) {
    const confidence = intsProblem(track.sentenceConfidence, 'sentenceConfidence', sentences, false);
    if (confidence) return `${lang}: ${confidence}`;
    if ((track.sentenceConfidence as number[]).some((c) => c < -1 || c > 100)) return `${lang}: sentenceConfidence holds a value outside -1..100`;
  }
  if (track.estimatedSentences !== undefined) {
    const list = track.estimatedSentences;
    if (!Array.isArray(list) || list.some((i) => !Number.isSafeInteger(i) || (i as number) < 0 || (i as number) >= sentences)) return `${lang}: estimatedSentences holds an index that is not a sentence's`;
  }
  return null;
}

/**
 * What is wrong with a value that should be a CompactTiming, or null when it is one: every field
 * present, the arrays as long as their ids say, the times whole milliseconds. (Whether the times fit
 * the edition was checked where the form was made, from the timing file: parseTimedTranscript.)
 */
export function compactTimingProblem(value: unknown): string | null {
  if (!isObject(value)) return 'the timings are not an object';
  if (value.format !== 1) return 'the timings are not in format 1';
  if (!isText(value.documentId) || !isText(value.editionHash)) return 'the timings name no document or edition';
  if (!isObject(value.tracks)) return 'the timings have no tracks';
  const langs = Object.keys(value.tracks);
  if (langs.length === 0) return 'there is no narration track';
  for (const lang of langs) {
    if (lang !== 'de' && lang !== 'en') return `"${lang}" is not a narration language`;
    const problem = trackProblem(lang, value.tracks[lang]);
    if (problem) return problem;
  }
  return null;
}
