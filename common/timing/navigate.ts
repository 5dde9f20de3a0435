// Where the navigation commands go: previous/next sentence, paragraph and chapter, and time skips,
// each computed from the time heard now. Pure; the player only seeks to the answers.
import type { Edition, Lang } from '../edition/model';
import { pairingOf } from '../edition/pairing';
import type { CompactTrack } from './compact';
import { trackTimes } from './compact';
import { buildTimeline, lastStartAtOrBefore, timelineOf, TimelineCursor, type TimedSentenceLike, type Timeline } from './lookup';

/**
 * "Previous" within this many seconds of a unit's start goes to the unit before; later, it goes back
 * to the start of the current one (the way "previous track" works on every player).
 */
export const RESTART_GRACE = 1.0;

export type NavigationLevel = 'sentence' | 'paragraph' | 'chapter';
export type Direction = -1 | 1;

export interface SpanLike {
  id: string;
  start: number;
  end: number;
}

/** One track's navigation points: start times per level, ascending. */
export interface NavigationIndex {
  readonly timeline: Timeline;
  readonly starts: Readonly<Record<NavigationLevel, Float64Array>>;
  readonly ids: Readonly<Record<NavigationLevel, readonly string[]>>;
  readonly duration: number;
}

export interface TrackLike {
  duration: number;
  sentences: readonly TimedSentenceLike[];
  paragraphs: readonly SpanLike[];
  chapters: readonly SpanLike[];
}

export function buildNavigationIndex(track: TrackLike): NavigationIndex {
  const timeline = buildTimeline(track.sentences, track.duration);
  return {
    timeline,
    starts: {
      sentence: timeline.sentenceStarts,
      paragraph: Float64Array.from(track.paragraphs, (p) => p.start),
      chapter: Float64Array.from(track.chapters, (c) => c.start),
    },
    ids: {
      sentence: timeline.sentenceIds,
      paragraph: track.paragraphs.map((p) => p.id),
      chapter: track.chapters.map((c) => c.id),
    },
    duration: track.duration,
  };
}

/** The same index for a track in the compact form: its times go straight into typed arrays. */
export function navigationIndexOf(track: CompactTrack): NavigationIndex {
  const times = trackTimes(track);
  return {
    timeline: timelineOf(times),
    starts: { sentence: times.sentenceStarts, paragraph: times.paragraphStarts, chapter: times.chapterStarts },
    ids: { sentence: times.sentenceIds, paragraph: times.paragraphIds, chapter: times.chapterIds },
    duration: track.duration,
  };
}

/** The start to go to for "previous": the current unit's start, or the one before (see RESTART_GRACE). */
export function previousStart(starts: ArrayLike<number>, t: number, grace = RESTART_GRACE): number | null {
  if (starts.length === 0) return null;
  const current = lastStartAtOrBefore(starts, t);
  if (current < 0) return starts[0]!;
  if (t - starts[current]! > grace) return starts[current]!;
  return starts[Math.max(0, current - 1)]!;
}

/** The start of the unit after the current one, or null at the last. */
export function nextStart(starts: ArrayLike<number>, t: number): number | null {
  const next = lastStartAtOrBefore(starts, t) + 1;
  return next < starts.length ? starts[next]! : null;
}

export function navigationTarget(index: NavigationIndex, level: NavigationLevel, direction: Direction, t: number): number | null {
  const starts = index.starts[level];
  return direction < 0 ? previousStart(starts, t) : nextStart(starts, t);
}

/** A time skip, kept inside the audio. */
export function skipTarget(t: number, seconds: number, duration: number): number {
  return Math.min(Math.max(0, t + seconds), Math.max(0, duration));
}

/** Id of the unit (sentence, paragraph, chapter) heard at t, or null before the first. */
export function unitAt(index: NavigationIndex, level: NavigationLevel, t: number): string | null {
  const i = lastStartAtOrBefore(index.starts[level], t);
  return i >= 0 ? index.ids[level][i]! : null;
}

/** Start time of a unit by id, or null when this track does not narrate it. */
export function startOf(index: NavigationIndex, level: NavigationLevel, id: string): number | null {
  const i = level === 'sentence' ? (index.timeline.sentenceIndex.get(id) ?? -1) : index.ids[level].indexOf(id);
  return i >= 0 ? index.starts[level][i]! : null;
}

/**
 * The sentence that stands for `sentenceId` in a language's narration. The English narration reads a
 * shared English translation once, under the sentence that carries it (`enWith` names the carrier).
 */
export function sentenceInLanguage(edition: Edition, sentenceId: string, lang: Lang): string {
  return lang === 'de' ? sentenceId : pairingOf(edition).carrierOf(sentenceId);
}

/**
 * The sentences of the other language that say what `sentenceId` says in `narrated`: in German, a
 * sentence whose English is shared maps to the English carrier; in English, a carrier maps to all the
 * German sentences that share it. Kept for its callers; the answer is `pairingOf(edition).counterparts`
 * (common/edition/pairing.ts), copied so that a caller may change its array.
 */
export function counterpartSentences(edition: Edition, sentenceId: string, narrated: Lang): string[] {
  return [...pairingOf(edition).counterparts(sentenceId, narrated)];
}

/**
 * The first sentence at or after `sentenceId` (in reading order) that `index` narrates, for a place
 * given in a sentence the track skips (e.g. a German sentence whose English lives elsewhere).
 */
export function narratedSentenceFrom(edition: Edition, index: NavigationIndex, sentenceId: string, lang: Lang): string | null {
  const mapped = sentenceInLanguage(edition, sentenceId, lang);
  if (index.timeline.sentenceIndex.has(mapped)) return mapped;
  const from = pairingOf(edition).indexOf(sentenceId);
  if (from < 0) return null;
  for (let i = from; i < edition.sentences.length; i++) {
    const id = edition.sentences[i]!.id;
    if (index.timeline.sentenceIndex.has(id)) return id;
  }
  return null;
}

/** Seconds each chapter lasts in the narration: from its start to the next chapter's (or the end). */
export function chapterDurations(index: NavigationIndex): Map<string, number> {
  const starts = index.starts.chapter;
  const durations = new Map<string, number>();
  index.ids.chapter.forEach((id, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : index.duration;
    durations.set(id, Math.max(0, end - starts[i]!));
  });
  return durations;
}

/**
 * Where to resume a saved place in the narration of `lang`: the exact time when it was saved in that
 * language and the timings still put it in the saved sentence; otherwise the start of that sentence
 * (or of the first narrated one after it); 0 when the sentence is gone.
 */
export function resumeTarget(edition: Edition, index: NavigationIndex, saved: { sentenceId: string; time: number; lang: Lang }, lang: Lang): number {
  if (saved.lang === lang) {
    const cursor = new TimelineCursor(index.timeline);
    cursor.moveTo(saved.time);
    if (cursor.sentenceId() === saved.sentenceId) return saved.time;
  }
  const sentence = narratedSentenceFrom(edition, index, saved.sentenceId, lang);
  return sentence ? (startOf(index, 'sentence', sentence) ?? 0) : 0;
}
