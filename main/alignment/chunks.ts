// How a long recording is cut into windows of a few minutes that are aligned one after another.
// DTW pins both ends of a window to both ends of its text, so a window is only trusted where both
// are known to match: it starts where the last trusted sentence of the previous window ended (text
// and audio in step there), its text is as much as the audio should hold at the speaking rate seen
// so far, and only sentences ending before the last 25 % of the window are kept; the rest is
// aligned again, properly anchored, by the next window. Pure: no I/O.

export const WINDOW_SECONDS = 120;
/** Part of a window whose sentences are kept (the tail is only there to steady the path). */
export const KEEP_FRACTION = 0.75;

export interface Cursor {
  /** Seconds on the joined timeline where the next window starts. */
  audio: number;
  /** Index of the first sentence not yet placed. */
  sentence: number;
  /** Characters per second of audio, measured on what has been aligned (or the whole, at first). */
  charsPerSecond: number;
}

export interface Window {
  audioStart: number;
  audioEnd: number;
  /** Sentences [first, last) go into this window's text. */
  first: number;
  last: number;
  /** The last window takes all remaining audio and text and keeps everything. */
  final: boolean;
}

export function initialCursor(sentenceChars: readonly number[], duration: number): Cursor {
  const chars = sentenceChars.reduce((a, b) => a + b, 0);
  return { audio: 0, sentence: 0, charsPerSecond: duration > 0 ? chars / duration : 15 };
}

export function planWindow(cursor: Cursor, sentenceChars: readonly number[], duration: number, windowSeconds = WINDOW_SECONDS): Window {
  const n = sentenceChars.length;
  const remaining = duration - cursor.audio;
  if (remaining <= windowSeconds * 1.3) return { audioStart: cursor.audio, audioEnd: duration, first: cursor.sentence, last: n, final: true };
  const audioEnd = cursor.audio + windowSeconds;
  const budget = windowSeconds * cursor.charsPerSecond;
  let last = cursor.sentence;
  let chars = 0;
  while (last < n && (last === cursor.sentence || chars + sentenceChars[last]! / 2 <= budget)) chars += sentenceChars[last++]!;
  if (last >= n) return { audioStart: cursor.audio, audioEnd: duration, first: cursor.sentence, last: n, final: true };
  return { audioStart: cursor.audio, audioEnd, first: cursor.sentence, last, final: false };
}

export interface PlacedSentence {
  /** Absolute times, or null if not placed. */
  start: number | null;
  end: number | null;
  trusted: boolean;
}

/**
 * Which of a window's sentences to keep, and where the next window starts. Keeps sentences that end
 * before the keep mark, up to the last trusted one among them (the next window must start at a
 * point where text and audio are known to be in step). If none is trusted, the window is a stretch
 * where audio and text disagree: its sentences up to the mark are kept (untimed by the caller) and
 * the next window starts at the mark.
 */
export function acceptWindow(window: Window, placed: readonly PlacedSentence[], sentenceChars: readonly number[], cursor: Cursor): { keep: number; next: Cursor } {
  if (window.final) return { keep: placed.length, next: { ...cursor, audio: window.audioEnd, sentence: window.last } };
  const mark = window.audioStart + (window.audioEnd - window.audioStart) * KEEP_FRACTION;
  let lastTrusted = -1;
  let lastBeforeMark = -1;
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    if (p.end === null || p.end > mark) continue;
    lastBeforeMark = i;
    if (p.trusted) lastTrusted = i;
  }
  if (lastTrusted >= 0) {
    const keep = lastTrusted + 1;
    const end = placed[lastTrusted]!.end!;
    const chars = sentenceChars.slice(window.first, window.first + keep).reduce((a, b) => a + b, 0);
    const measured = chars / Math.max(1, end - window.audioStart);
    // Blend, so one odd window does not swing the next window's text budget.
    const charsPerSecond = 0.5 * cursor.charsPerSecond + 0.5 * measured;
    return { keep, next: { audio: end, sentence: window.first + keep, charsPerSecond } };
  }
  const keep = Math.max(1, lastBeforeMark + 1);
  return { keep, next: { ...cursor, audio: mark, sentence: window.first + keep } };
}
