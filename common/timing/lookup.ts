// Time look-up for the highlight: which sentence and which word of a narration track is heard at a
// given time. Built once per track into flat typed arrays, then queried every animation frame.
// Steady playback moves at most one word per frame, so a query first tries the last answer and its
// neighbour (O(1)); a seek falls back to binary search (O(log n)). No allocation per query.

/** The part of a timed sentence the look-up needs (structurally a `TimedSentence`). */
export interface TimedSentenceLike {
  id: string;
  start: number;
  end: number;
  words: readonly (readonly [number, number])[];
}

/** One narration track, flattened: sentences in reading order and all their words in one array. */
export interface Timeline {
  readonly sentenceIds: readonly string[];
  readonly sentenceStarts: Float64Array;
  readonly sentenceEnds: Float64Array;
  /** Index of each sentence's first word in the word arrays; one extra entry (= word count) at the end. */
  readonly firstWord: Int32Array;
  readonly wordStarts: Float64Array;
  readonly wordEnds: Float64Array;
  /** Sentence index of each word. */
  readonly wordSentence: Int32Array;
  readonly sentenceIndex: ReadonlyMap<string, number>;
  readonly duration: number;
}

export function buildTimeline(sentences: readonly TimedSentenceLike[], duration: number): Timeline {
  const wordCount = sentences.reduce((sum, s) => sum + s.words.length, 0);
  const sentenceStarts = new Float64Array(sentences.length);
  const sentenceEnds = new Float64Array(sentences.length);
  const firstWord = new Int32Array(sentences.length + 1);
  const wordStarts = new Float64Array(wordCount);
  const wordEnds = new Float64Array(wordCount);
  let w = 0;
  sentences.forEach((sentence, i) => {
    sentenceStarts[i] = sentence.start;
    sentenceEnds[i] = sentence.end;
    firstWord[i] = w;
    for (const [start, end] of sentence.words) {
      wordStarts[w] = start;
      wordEnds[w] = end;
      w++;
    }
  });
  firstWord[sentences.length] = w;
  return timelineOf({ sentenceIds: sentences.map((s) => s.id), sentenceStarts, sentenceEnds, firstWord, wordStarts, wordEnds, duration });
}

/** A timeline over times already in typed arrays (a compact track's, common/timing/compact.ts). */
export function timelineOf(times: Pick<Timeline, 'sentenceIds' | 'sentenceStarts' | 'sentenceEnds' | 'firstWord' | 'wordStarts' | 'wordEnds' | 'duration'>): Timeline {
  const { sentenceIds, firstWord } = times;
  const wordSentence = new Int32Array(times.wordStarts.length);
  const sentenceIndex = new Map<string, number>();
  for (let i = 0; i < sentenceIds.length; i++) {
    sentenceIndex.set(sentenceIds[i]!, i);
    wordSentence.fill(i, firstWord[i]!, firstWord[i + 1]!);
  }
  return {
    sentenceIds,
    sentenceStarts: times.sentenceStarts,
    sentenceEnds: times.sentenceEnds,
    firstWord,
    wordStarts: times.wordStarts,
    wordEnds: times.wordEnds,
    wordSentence,
    sentenceIndex,
    duration: times.duration,
  };
}

/** Seconds by which a time may fall short of a start and still count as having reached it. */
export const START_TOLERANCE = 0.0005;

/**
 * Index of the last start that is <= t (starts ascending), or -1 when t is before the first.
 * `hint` is the previous answer: if it (or the next index) still fits, no search is needed.
 */
export function lastStartAtOrBefore(starts: ArrayLike<number>, time: number, hint = -1): number {
  const n = starts.length;
  // A seek to a start may read back a hair earlier (times are stored rounded to milliseconds and
  // the media clock is a double); that must still land in the sentence sought.
  const t = time + START_TOLERANCE;
  if (n === 0 || !(t >= starts[0]!)) return -1;
  if (hint >= 0 && hint < n && starts[hint]! <= t) {
    if (hint + 1 >= n || starts[hint + 1]! > t) return hint;
    if (hint + 2 >= n || starts[hint + 2]! > t) return hint + 1;
  }
  let lo = 0;
  let hi = n - 1;
  // Invariant: starts[lo] <= t; the answer lies in [lo, hi].
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * What is heard at a time: the current sentence (the last one started; it stays current through the
 * pause after it) and its current word (the last word started within that sentence, or -1 before the
 * sentence's first word). Keeps its previous answer as the hint for the next query.
 */
export class TimelineCursor {
  /** Sentence index in the timeline, -1 before the first sentence. */
  sentence = -1;
  /** Global word index (into the timeline's word arrays), -1 when no word of the sentence has started. */
  word = -1;
  private wordHint = -1;

  constructor(readonly timeline: Timeline) {}

  /** Moves the cursor to time t; returns true when the sentence or word changed. */
  moveTo(t: number): boolean {
    const { sentenceStarts, wordStarts, firstWord } = this.timeline;
    const sentence = lastStartAtOrBefore(sentenceStarts, t, this.sentence);
    let word = -1;
    if (sentence >= 0) {
      const found = lastStartAtOrBefore(wordStarts, t, this.wordHint);
      this.wordHint = found;
      // A word of an earlier sentence is not "current" once the next sentence has begun.
      if (found >= firstWord[sentence]! && found < firstWord[sentence + 1]!) word = found;
    }
    const changed = sentence !== this.sentence || word !== this.word;
    this.sentence = sentence;
    this.word = word;
    return changed;
  }

  reset(): void {
    this.sentence = -1;
    this.word = -1;
    this.wordHint = -1;
  }

  sentenceId(): string | null {
    return this.sentence >= 0 ? this.timeline.sentenceIds[this.sentence]! : null;
  }

  /** Word index within the current sentence (the n-th `splitWords` word), or -1. */
  wordInSentence(): number {
    return this.word >= 0 ? this.word - this.timeline.firstWord[this.sentence]! : -1;
  }
}

/** The sentence index heard at t (no hint), for one-off questions such as "where am I?". */
export function sentenceAt(timeline: Timeline, t: number): number {
  return lastStartAtOrBefore(timeline.sentenceStarts, t);
}

/** Start time of a word given its sentence id and its index within the sentence, or null. */
export function wordStart(timeline: Timeline, sentenceId: string, wordIndex: number): number | null {
  const s = timeline.sentenceIndex.get(sentenceId);
  if (s === undefined) return null;
  const w = timeline.firstWord[s]! + wordIndex;
  if (wordIndex < 0 || w >= timeline.firstWord[s + 1]!) return null;
  return timeline.wordStarts[w]!;
}
