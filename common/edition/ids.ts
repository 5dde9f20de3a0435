// Ids for text that arrives without them (an import of plain text), in the patterns an edition
// file uses. They are numbered by position, so importing the same text twice gives the same ids,
// and padded to a fixed width that only grows past its last number (s9999, then s10000), so one
// more sentence never renames all the others. Editors' ids (s001, p012) stay as they are: notes
// point at them.

export const SENTENCE_ID = /^s[0-9]+$/;
export const PARAGRAPH_ID = /^p[0-9]+$/;
export const CHAPTER_ID = /^ch[0-9]+$/;

// Widths for a book: thousands of sentences and paragraphs, tens of chapters.
const SENTENCE_WIDTH = 4;
const PARAGRAPH_WIDTH = 4;
const CHAPTER_WIDTH = 2;

function numbered(prefix: string, width: number, position: number): string {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`an id position is a whole number from 0 (got ${position})`);
  }
  return `${prefix}${String(position + 1).padStart(width, '0')}`;
}

/** The id of the sentence at `position` (from 0, in reading order over the edition): s0001, … */
export function sentenceId(position: number): string {
  return numbered('s', SENTENCE_WIDTH, position);
}

/** The id of the paragraph at `position` (from 0): p0001, … */
export function paragraphId(position: number): string {
  return numbered('p', PARAGRAPH_WIDTH, position);
}

/** The id of the chapter at `position` (from 0): ch01, … */
export function chapterId(position: number): string {
  return numbered('ch', CHAPTER_WIDTH, position);
}
