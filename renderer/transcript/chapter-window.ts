// Which chapters of a long document the transcript renders. A book of 100,000 words and hundreds of
// chapters would cost seconds to lay out and megabytes of DOM; the reader needs the place being heard
// and what is around it. So a long document renders whole chapters near the current one (whole, so a
// screen reader can read a chapter continuously and nothing empties under its virtual cursor) and,
// for every other chapter, its heading and a space of about its height: moving by heading still
// reaches every chapter, and the scroll bar stays honest. A chapter the reader scrolls or moves into
// is rendered then. A short document (the interview) renders everything, as before.

/** Below this many sentences everything is rendered: the interview has 188. */
export const WINDOW_FROM_SENTENCES = 1500;
/** Chapters rendered on each side of the current one. */
export const WINDOW_RADIUS = 1;
/** At most this many chapters rendered beyond the window (those the reader visited lately). */
export const VISITED_LIMIT = 6;

export interface ChapterWindow {
  /** Chapter indexes to render in full. */
  shown: ReadonlySet<number>;
}

/**
 * The chapters to render: everything when the document is short; else the current chapter and its
 * neighbours, plus the most recently visited ones (newest last in `visited`).
 */
export function chapterWindow(chapterCount: number, sentenceCount: number, current: number, visited: readonly number[]): ChapterWindow {
  if (sentenceCount < WINDOW_FROM_SENTENCES) return { shown: new Set(Array.from({ length: chapterCount }, (_, i) => i)) };
  const shown = new Set<number>();
  const at = Math.min(Math.max(0, current), chapterCount - 1);
  for (let i = at - WINDOW_RADIUS; i <= at + WINDOW_RADIUS; i++) if (i >= 0 && i < chapterCount) shown.add(i);
  for (const index of visited.slice(-VISITED_LIMIT)) if (index >= 0 && index < chapterCount) shown.add(index);
  return { shown };
}

/** Notes a visit (newest last, no repeats), keeping the list short. */
export function visit(visited: readonly number[], index: number): number[] {
  if (visited.at(-1) === index) return [...visited];
  return [...visited.filter((i) => i !== index), index].slice(-VISITED_LIMIT);
}

/** The height to keep for a chapter not rendered: its sentences at the height a sentence has had. */
export function placeholderHeight(sentences: number, pxPerSentence: number): number {
  return Math.max(1, Math.round(sentences * pxPerSentence));
}
