// Which chapters the waveform marks. A book has hundreds of chapters: a mark and a title for each
// would be an unreadable comb on a waveform a few hundred pixels wide (and each mark costs the page a
// layout). So past a number the marks thin out evenly, always keeping the first chapter; the chapter
// list and the chapter keys still reach every chapter.
export const MAX_CHAPTER_MARKS = 40;

export function markedChapters<T>(chapters: readonly T[], max = MAX_CHAPTER_MARKS): T[] {
  if (chapters.length <= max) return [...chapters];
  const step = Math.ceil(chapters.length / max);
  return chapters.filter((_, i) => i % step === 0);
}
