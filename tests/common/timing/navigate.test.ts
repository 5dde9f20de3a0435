import { describe, expect, it } from 'vitest';
import type { Edition } from '../../../common/edition/model';
import {
  buildNavigationIndex,
  chapterDurations,
  counterpartSentences,
  navigationTarget,
  narratedSentenceFrom,
  nextStart,
  previousStart,
  RESTART_GRACE,
  resumeTarget,
  sentenceInLanguage,
  skipTarget,
  startOf,
  unitAt,
} from '../../../common/timing/navigate';

const track = {
  duration: 20,
  sentences: [
    { id: 's001', start: 0, end: 2, words: [[0, 2]] as [number, number][] },
    { id: 's002', start: 3, end: 5, words: [[3, 5]] as [number, number][] },
    { id: 's003', start: 6, end: 9, words: [[6, 9]] as [number, number][] },
    { id: 's004', start: 10, end: 14, words: [[10, 14]] as [number, number][] },
    { id: 's006', start: 15, end: 19, words: [[15, 19]] as [number, number][] },
  ],
  paragraphs: [
    { id: 'p001', start: 0, end: 5 },
    { id: 'p002', start: 6, end: 14 },
    { id: 'p003', start: 15, end: 19 },
  ],
  chapters: [
    { id: 'ch01', start: 0, end: 9 },
    { id: 'ch02', start: 10, end: 19 },
  ],
};

const edition = {
  languages: ['de', 'en'],
  sentences: [
    { id: 's001', enWith: null },
    { id: 's002', enWith: null },
    { id: 's003', enWith: null },
    { id: 's004', enWith: null },
    { id: 's005', enWith: 's004' },
    { id: 's006', enWith: null },
  ],
} as unknown as Edition;

describe('previous and next', () => {
  const starts = [0, 3, 6, 10];

  it('goes to the next unit start, and nowhere after the last', () => {
    expect(nextStart(starts, -1)).toBe(0);
    expect(nextStart(starts, 0)).toBe(3);
    expect(nextStart(starts, 4.9)).toBe(6);
    expect(nextStart(starts, 10.5)).toBeNull();
  });

  it('restarts the current unit, or goes to the one before within the grace time', () => {
    expect(previousStart(starts, 8)).toBe(6);
    expect(previousStart(starts, 6 + RESTART_GRACE / 2)).toBe(3);
    expect(previousStart(starts, 6)).toBe(3);
    expect(previousStart(starts, 0.2)).toBe(0);
    expect(previousStart(starts, -3)).toBe(0);
    expect(previousStart([], 3)).toBeNull();
  });

  it('navigates by sentence, paragraph and chapter over a track', () => {
    const index = buildNavigationIndex(track);
    expect(navigationTarget(index, 'sentence', 1, 3.5)).toBe(6);
    expect(navigationTarget(index, 'sentence', -1, 3.5)).toBe(0);
    expect(navigationTarget(index, 'paragraph', 1, 3.5)).toBe(6);
    expect(navigationTarget(index, 'paragraph', -1, 12)).toBe(6);
    expect(navigationTarget(index, 'chapter', 1, 3.5)).toBe(10);
    expect(navigationTarget(index, 'chapter', -1, 10.2)).toBe(0);
    expect(navigationTarget(index, 'chapter', 1, 12)).toBeNull();
    expect(unitAt(index, 'paragraph', 7)).toBe('p002');
    expect(unitAt(index, 'chapter', -1)).toBeNull();
    expect(startOf(index, 'sentence', 's004')).toBe(10);
    expect(startOf(index, 'sentence', 's005')).toBeNull();
    expect(chapterDurations(index)).toEqual(new Map([['ch01', 10], ['ch02', 10]]));
  });

  it('keeps time skips inside the audio', () => {
    expect(skipTarget(3, -5, 20)).toBe(0);
    expect(skipTarget(3, 15, 20)).toBe(18);
    expect(skipTarget(18, 15, 20)).toBe(20);
  });
});

describe('the same place in the other language', () => {
  it('maps a German sentence with shared English to the English carrier, and back to the group', () => {
    expect(sentenceInLanguage(edition, 's005', 'en')).toBe('s004');
    expect(sentenceInLanguage(edition, 's005', 'de')).toBe('s005');
    expect(sentenceInLanguage(edition, 's003', 'en')).toBe('s003');
    expect(counterpartSentences(edition, 's005', 'de')).toEqual(['s004']);
    expect(counterpartSentences(edition, 's004', 'en')).toEqual(['s004', 's005']);
    expect(counterpartSentences(edition, 's006', 'en')).toEqual(['s006']);
  });

  it('finds the first narrated sentence from a place', () => {
    const index = buildNavigationIndex(track);
    expect(narratedSentenceFrom(edition, index, 's005', 'en')).toBe('s004');
    expect(narratedSentenceFrom(edition, index, 's005', 'de')).toBe('s006');
    expect(narratedSentenceFrom(edition, index, 's999', 'de')).toBeNull();
  });
});

describe('resuming a saved place', () => {
  const index = buildNavigationIndex(track);

  it('returns the exact time when it still lies in the saved sentence of the same language', () => {
    expect(resumeTarget(edition, index, { sentenceId: 's003', time: 7.25, lang: 'de' }, 'de')).toBe(7.25);
  });

  it('falls back to the sentence start when the timings moved, or the place was saved in the other language', () => {
    expect(resumeTarget(edition, index, { sentenceId: 's003', time: 12, lang: 'de' }, 'de')).toBe(6);
    expect(resumeTarget(edition, index, { sentenceId: 's003', time: 99, lang: 'en' }, 'de')).toBe(6);
    expect(resumeTarget(edition, index, { sentenceId: 's005', time: 1, lang: 'en' }, 'de')).toBe(15);
  });

  it('starts from the beginning when the saved sentence is gone', () => {
    expect(resumeTarget(edition, index, { sentenceId: 's999', time: 3, lang: 'de' }, 'de')).toBe(0);
  });
});
