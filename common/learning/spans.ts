// Which stretch of the narration a learning command means: the sentence heard now, a loop point
// snapped to the word heard now, the words of a selection. Pure look-ups on a track's timeline.
import { lastStartAtOrBefore, type Timeline } from '../timing/lookup';
import type { Span } from './scheduler';

export interface SentenceSpan extends Span {
  id: string;
  index: number;
}

/** The sentence heard at `time` (it stays current through the pause after it); the first before it. */
export function sentenceSpanAt(timeline: Timeline, time: number): SentenceSpan | null {
  if (timeline.sentenceIds.length === 0) return null;
  const index = Math.max(0, lastStartAtOrBefore(timeline.sentenceStarts, time));
  return sentenceSpan(timeline, index);
}

export function sentenceSpan(timeline: Timeline, index: number): SentenceSpan | null {
  if (index < 0 || index >= timeline.sentenceIds.length) return null;
  return { id: timeline.sentenceIds[index]!, index, start: timeline.sentenceStarts[index]!, end: timeline.sentenceEnds[index]! };
}

/** The span from the first to the last of some sentences (by id); null when none is in the track. */
export function sentencesSpan(timeline: Timeline, sentenceIds: readonly string[]): Span | null {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const id of sentenceIds) {
    const i = timeline.sentenceIndex.get(id);
    if (i === undefined) continue;
    start = Math.min(start, timeline.sentenceStarts[i]!);
    end = Math.max(end, timeline.sentenceEnds[i]!);
  }
  return Number.isFinite(start) ? { start, end } : null;
}

/**
 * A loop point at `time`, snapped to the word heard then: a start goes to the word's start, an end
 * to the word's end. Between words (a pause) the time itself is kept.
 */
export function snapLoopPoint(timeline: Timeline, time: number, edge: 'start' | 'end'): number {
  const s = lastStartAtOrBefore(timeline.sentenceStarts, time);
  if (s < 0) return time;
  const w = lastStartAtOrBefore(timeline.wordStarts, time);
  if (w < timeline.firstWord[s]! || w >= timeline.firstWord[s + 1]!) return time;
  if (time > timeline.wordEnds[w]!) return time;
  return edge === 'start' ? timeline.wordStarts[w]! : timeline.wordEnds[w]!;
}

/** From the start of one word to the end of another (sentence id + word index in that sentence). */
export function wordsSpan(
  timeline: Timeline,
  first: { sentenceId: string; word: number },
  last: { sentenceId: string; word: number },
): Span | null {
  const at = (p: { sentenceId: string; word: number }): number | null => {
    const s = timeline.sentenceIndex.get(p.sentenceId);
    if (s === undefined) return null;
    const w = timeline.firstWord[s]! + p.word;
    return p.word >= 0 && w < timeline.firstWord[s + 1]! ? w : null;
  };
  const a = at(first);
  const b = at(last);
  if (a === null || b === null) return null;
  const [from, to] = a <= b ? [a, b] : [b, a];
  return { start: timeline.wordStarts[from]!, end: timeline.wordEnds[to]! };
}
