import { describe, expect, it } from 'vitest';
import { markedChapters, MAX_CHAPTER_MARKS } from '../../../renderer/waveform/chapter-marks';

describe('markedChapters', () => {
  it('marks every chapter of a document with few', () => {
    const seventeen = Array.from({ length: 17 }, (_, i) => i);
    expect(markedChapters(seventeen)).toEqual(seventeen);
  });

  it('thins the marks of a book evenly, never more than the limit, the first chapter kept', () => {
    const three00 = Array.from({ length: 300 }, (_, i) => i);
    const marked = markedChapters(three00);
    expect(marked.length).toBeLessThanOrEqual(MAX_CHAPTER_MARKS);
    expect(marked.length).toBeGreaterThan(MAX_CHAPTER_MARKS / 2);
    expect(marked[0]).toBe(0);
    const gaps = new Set(marked.slice(1).map((c, i) => c - marked[i]!));
    expect(gaps.size).toBe(1);
  });
});
