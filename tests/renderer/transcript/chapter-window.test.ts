import { describe, expect, it } from 'vitest';
import { chapterWindow, placeholderHeight, visit, VISITED_LIMIT, WINDOW_FROM_SENTENCES } from '../../../renderer/transcript/chapter-window';

const shown = (w: ReturnType<typeof chapterWindow>) => [...w.shown].sort((a, b) => a - b);

describe('chapterWindow', () => {
  it('renders every chapter of a short document', () => {
    expect(shown(chapterWindow(17, 188, 5, []))).toHaveLength(17);
  });

  it('renders the current chapter and its neighbours of a long one, clamped at the ends', () => {
    const long = WINDOW_FROM_SENTENCES * 4;
    expect(shown(chapterWindow(300, long, 150, []))).toEqual([149, 150, 151]);
    expect(shown(chapterWindow(300, long, 0, []))).toEqual([0, 1]);
    expect(shown(chapterWindow(300, long, 299, []))).toEqual([298, 299]);
    expect(shown(chapterWindow(300, long, 999, []))).toEqual([298, 299]);
  });

  it('also renders the chapters visited lately, and only so many', () => {
    const long = WINDOW_FROM_SENTENCES * 4;
    expect(shown(chapterWindow(300, long, 150, [10, 20]))).toEqual([10, 20, 149, 150, 151]);
    const many = Array.from({ length: 20 }, (_, i) => i * 10 + 3);
    expect(shown(chapterWindow(300, long, 150, many)).length).toBe(3 + VISITED_LIMIT);
  });
});

describe('visit', () => {
  it('keeps the newest last, without repeats, and short', () => {
    expect(visit([1, 2, 3], 2)).toEqual([1, 3, 2]);
    expect(visit([1, 2, 3], 3)).toEqual([1, 2, 3]);
    expect(visit(Array.from({ length: VISITED_LIMIT }, (_, i) => i), 99)).toHaveLength(VISITED_LIMIT);
  });
});

describe('placeholderHeight', () => {
  it('is about the chapter’s height, never zero', () => {
    expect(placeholderHeight(40, 52.5)).toBe(2100);
    expect(placeholderHeight(0, 52.5)).toBe(1);
  });
});
