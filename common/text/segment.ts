// A plain text as the aligner and an importer see it: sentences in reading order, each knowing its
// paragraph and chapter. Paragraphs are separated by blank lines (a text without any blank line
// has one paragraph per line, as many exported .txt files do); a Markdown heading line ("# …")
// starts a chapter and is a sentence of its own. Pure: no Node, no DOM.

import { splitSentences } from './sentences';

export interface TextSentence {
  text: string;
  /** Paragraph number over the whole text, from 0. */
  paragraph: number;
  /** Chapter number, from 0: the text before the first heading, or the first heading's chapter. */
  chapter: number;
  /** True for a heading line (its text without the "#"). */
  heading: boolean;
}

interface Block {
  text: string;
  heading: boolean;
}

const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/u;

function blocksOf(text: string): Block[] {
  const lines = text.replace(/\r\n?/gu, '\n').replace(/^\uFEFF/u, '').split('\n');
  const blankSeparated = lines.some((line, i) => line.trim() === '' && i > 0 && i < lines.length - 1);
  const blocks: Block[] = [];
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length > 0) blocks.push({ text: pending.join(' '), heading: false });
    pending = [];
  };
  for (const line of lines) {
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      if (heading[1]) blocks.push({ text: heading[1], heading: true });
    } else if (line.trim() === '') {
      flush();
    } else {
      pending.push(line);
      if (!blankSeparated) flush();
    }
  }
  flush();
  return blocks;
}

function number(blocks: readonly Block[], sentencesOf: (block: Block) => string[]): TextSentence[] {
  const sentences: TextSentence[] = [];
  let paragraph = -1;
  let chapter = 0;
  for (const block of blocks) {
    const texts = block.heading ? [block.text.replace(/\s+/gu, ' ')] : sentencesOf(block);
    if (texts.length === 0) continue;
    // A heading opens a new chapter, except at the very start, where it names the first one.
    if (block.heading && sentences.length > 0) chapter++;
    paragraph++;
    for (const text of texts) sentences.push({ text, paragraph, chapter, heading: block.heading });
  }
  return sentences;
}

/** The sentences of a plain text; `lang` as for `splitSentences`. */
export function segmentText(text: string, lang?: string): TextSentence[] {
  return number(blocksOf(text), (block) => splitSentences(block.text, lang));
}

/**
 * One sentence per non-empty line, exactly as given (trimmed), as aligners' test corpora are; a
 * blank line ends a paragraph. No line is read as a heading: the text is the caller's segmentation.
 * Indexes count sentences, so blank lines are not counted.
 */
export function lineSentences(text: string): TextSentence[] {
  const sentences: TextSentence[] = [];
  let paragraph = 0;
  let open = false;
  for (const line of text.replace(/\r\n?/gu, '\n').replace(/^\uFEFF/u, '').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') {
      if (open) paragraph++;
      open = false;
      continue;
    }
    sentences.push({ text: trimmed, paragraph, chapter: 0, heading: false });
    open = true;
  }
  return sentences;
}
