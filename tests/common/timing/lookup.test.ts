import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline, lastStartAtOrBefore, sentenceAt, TimelineCursor, wordStart, START_TOLERANCE } from '../../../common/timing/lookup';

// Three sentences with a pause between them and a gap before the first word of the second.
const SENTENCES = [
  { id: 's001', start: 0.5, end: 2.0, words: [[0.5, 0.9], [1.0, 1.4], [1.5, 2.0]] as [number, number][] },
  { id: 's002', start: 2.5, end: 4.0, words: [[2.8, 3.2], [3.3, 4.0]] as [number, number][] },
  { id: 's003', start: 4.2, end: 5.0, words: [[4.2, 5.0]] as [number, number][] },
];

function naiveLastStart(starts: number[], t: number): number {
  let answer = -1;
  starts.forEach((s, i) => {
    if (s <= t + START_TOLERANCE) answer = i;
  });
  return answer;
}

describe('lastStartAtOrBefore', () => {
  it('finds the last start at or before t, -1 before the first', () => {
    const starts = [0, 1, 2, 3];
    expect(lastStartAtOrBefore(starts, -1)).toBe(-1);
    expect(lastStartAtOrBefore(starts, 0)).toBe(0);
    expect(lastStartAtOrBefore(starts, 1.5)).toBe(1);
    expect(lastStartAtOrBefore(starts, 3)).toBe(3);
    expect(lastStartAtOrBefore(starts, 99)).toBe(3);
    expect(lastStartAtOrBefore([], 1)).toBe(-1);
  });

  it('counts a time a hair before a start (a seek read back) as at the start', () => {
    expect(lastStartAtOrBefore([0, 1.234], 1.2339999)).toBe(1);
    expect(lastStartAtOrBefore([0, 1.234], 1.232)).toBe(0);
  });

  it('gives the same answer whatever the hint (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: -10, max: 1100, noNaN: true }),
        fc.integer({ min: -2, max: 70 }),
        (raw, t, hint) => {
          const starts = [...raw].sort((a, b) => a - b);
          expect(lastStartAtOrBefore(starts, t, hint)).toBe(naiveLastStart(starts, t));
        },
      ),
    );
  });
});

describe('TimelineCursor', () => {
  const timeline = buildTimeline(SENTENCES, 6);

  it('flattens the words and remembers where each sentence begins', () => {
    expect(Array.from(timeline.firstWord)).toEqual([0, 3, 5, 6]);
    expect(Array.from(timeline.wordSentence)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(wordStart(timeline, 's002', 1)).toBe(3.3);
    expect(wordStart(timeline, 's002', 2)).toBeNull();
    expect(wordStart(timeline, 's999', 0)).toBeNull();
    expect(sentenceAt(timeline, 2.6)).toBe(1);
  });

  it('reports the sentence and word heard, keeping a sentence through its trailing pause', () => {
    const cursor = new TimelineCursor(timeline);
    const at = (t: number) => {
      cursor.moveTo(t);
      return [cursor.sentenceId(), cursor.wordInSentence()];
    };
    expect(at(0.1)).toEqual([null, -1]);
    expect(at(0.5)).toEqual(['s001', 0]);
    expect(at(0.95)).toEqual(['s001', 0]); // between words: the last word started stays lit
    expect(at(1.0)).toEqual(['s001', 1]);
    expect(at(2.2)).toEqual(['s001', 2]); // the pause after the sentence
    expect(at(2.6)).toEqual(['s002', -1]); // sentence begun, its first word not yet
    expect(at(2.8)).toEqual(['s002', 0]);
    expect(at(4.5)).toEqual(['s003', 0]);
    expect(at(1.2)).toEqual(['s001', 1]); // a seek backwards
    expect(at(99)).toEqual(['s003', 0]);
  });

  it('says whether anything changed, so the caller touches the DOM only then', () => {
    const cursor = new TimelineCursor(timeline);
    expect(cursor.moveTo(0.6)).toBe(true);
    expect(cursor.moveTo(0.7)).toBe(false);
    expect(cursor.moveTo(1.05)).toBe(true);
    cursor.reset();
    expect(cursor.sentence).toBe(-1);
  });

  it('matches a hint-free search over a whole steady play-through at 3x, frame by frame', () => {
    const cursor = new TimelineCursor(timeline);
    for (let t = 0; t < 6; t += (1 / 60) * 3) {
      cursor.moveTo(t);
      expect(cursor.sentence).toBe(naiveLastStart(SENTENCES.map((s) => s.start), t));
      const w = naiveLastStart(Array.from(timeline.wordStarts), t);
      const inSentence = w >= 0 && timeline.wordSentence[w] === cursor.sentence;
      expect(cursor.word).toBe(inSentence ? w : -1);
    }
  });
});
