// Plain text or Markdown as the user has it (a file or pasted) turned into edition data: paragraphs
// from blank lines, sentences from the segmenter, chapters from Markdown headings or from
// heading-like lines in plain text (else one chapter), ids from common/edition/ids.ts so the same
// text always gets the same ids. The result is the same edition model as the bundled interview's,
// so the transcript, search, notes, cards and the learning tools work on it unchanged.
import type { ChapterInput, EditionInput, ParagraphInput } from '../edition/build';
import { chapterId, paragraphId, sentenceId } from '../edition/ids';

export type TextFormat = 'plain' | 'markdown';

export interface TextSource {
  title: string;
  text: string;
  format: TextFormat;
  /**
   * The text's language, a BCP 47 tag ('de', 'fr', 'pt-BR'). The text fills the edition's first
   * slot, which is tagged with it (see common/edition/language-tags.ts).
   */
  language: string;
}

/** Splits one paragraph's text into sentences (the app's segmenter). */
export type Segmenter = (paragraph: string, language: string) => string[];

export class TextEditionError extends Error {
  override name = 'TextEditionError';
}

const HEADING_MAX = 80;
// A line that ends like a sentence is text, not a heading.
const ENDS_LIKE_SENTENCE = /[.!?:;,…"»“”'’)\]-]$/u;
const WHITESPACE = /[ \t\f\v\u00a0]+/g;

interface Block {
  kind: 'heading' | 'text';
  text: string;
}

// A backslash before ASCII punctuation makes it literal (CommonMark): "1\. Mai" is text, not a list.
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
// Escaped characters wait in the Private Use Area while the marks are taken out, then come back.
const HELD = /[\uE000-\uE07F]/g;

/** Markdown's inline marks are not words: emphasis, code, links and images keep only their text. */
function plainMarkdown(line: string): string {
  return line
    .replace(ESCAPED, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/^\s{0,3}(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(HELD, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

function blocksOf(source: TextSource): Block[] {
  const lines = source.text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    const text = paragraph.join(' ').replace(WHITESPACE, ' ').trim();
    if (text !== '') blocks.push({ kind: 'text', text });
    paragraph = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (source.format === 'markdown') {
      const heading = /^#{1,6}\s+(.+?)(?:\s+#+)?\s*$/.exec(line);
      if (heading) {
        endParagraph();
        blocks.push({ kind: 'heading', text: plainMarkdown(heading[1]!).trim() });
        continue;
      }
      // Rules and fences carry no words.
      if (/^(?:-{3,}|\*{3,}|_{3,}|```.*|~~~.*)$/.test(line)) {
        endParagraph();
        continue;
      }
    }
    if (line === '') endParagraph();
    else paragraph.push(source.format === 'markdown' ? plainMarkdown(line) : line);
  }
  endParagraph();
  if (source.format === 'plain') {
    // A short line on its own, not ending like a sentence and followed by text, reads as a heading.
    return blocks.map((block, i) =>
      block.text.length <= HEADING_MAX && !ENDS_LIKE_SENTENCE.test(block.text) && blocks[i + 1]?.kind === 'text' && !block.text.includes('  ')
        ? { kind: 'heading', text: block.text }
        : block,
    );
  }
  return blocks;
}

/**
 * The edition data of a text in one language. Throws TextEditionError with words for the user
 * when there is no text to read.
 */
export function textToEdition(source: TextSource, id: string, segment: Segmenter, options: { titleIsRead?: boolean } = {}): EditionInput {
  // The built-in voice reads the title first, as the interview's narration does; a recording of the
  // user's own may not, so its text starts with the text (else the aligner looks for the title).
  const titleIsRead = options.titleIsRead ?? true;
  const title = source.title.replace(WHITESPACE, ' ').trim();
  if (title === '') throw new TextEditionError('The document needs a title.');
  const blocks = blocksOf(source);
  const paragraphs: ParagraphInput[] = [];
  const chapters: ChapterInput[] = [];
  let pendingHeading: string | null = null;
  let sentences = 0;
  const bilingual = (text: string) => ({ de: text, en: '' });

  // The title opens the text, as the interview's does: the narration reads it, the eye finds it.
  if (titleIsRead) paragraphs.push({ id: paragraphId(0), kind: 'title', sentences: [{ id: sentenceId(sentences++), de: title }] });
  const titleParagraphs = paragraphs.length;
  chapters.push({ id: chapterId(0), title: bilingual(title), start: sentenceId(0) });

  for (const block of blocks) {
    if (block.kind === 'heading') {
      // Two headings in a row: the later one names the chapter (the earlier titled nothing).
      pendingHeading = block.text;
      continue;
    }
    const texts = segment(block.text, source.language).map((s) => s.replace(WHITESPACE, ' ').trim()).filter((s) => s !== '');
    if (texts.length === 0) continue;
    const first = sentenceId(sentences);
    if (pendingHeading !== null) {
      const onlyTitleSoFar = chapters.length === 1 && paragraphs.length === titleParagraphs;
      // A heading before any text names the first chapter rather than opening a second one.
      if (onlyTitleSoFar) chapters[0] = { ...chapters[0]!, title: bilingual(pendingHeading) };
      else chapters.push({ id: chapterId(chapters.length), title: bilingual(pendingHeading), start: first });
      pendingHeading = null;
    }
    paragraphs.push({ id: paragraphId(paragraphs.length), kind: 'prose', sentences: texts.map((de) => ({ id: sentenceId(sentences++), de })) });
  }
  if (paragraphs.length === titleParagraphs) throw new TextEditionError('The text has no sentences to read.');
  return {
    id,
    languages: ['de'],
    ...(source.language !== 'de' ? { languageTags: { de: source.language } } : {}),
    title: bilingual(title),
    speakers: [],
    chapters,
    paragraphs,
  };
}
