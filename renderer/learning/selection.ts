// What the reader selected in the transcript: the sentences it touches, its language, and its first
// and last words (for a loop over exactly those words, or a card of a word or phrase).
import type { Lang } from '../../common/edition/model';

export interface SelectedWord {
  sentenceId: string;
  /** The n-th `splitWords` word of the sentence. */
  word: number;
}

export interface TranscriptSelection {
  sentenceIds: string[];
  lang: Lang;
  text: string;
  first: SelectedWord | null;
  last: SelectedWord | null;
}

/** The selection, if it lies in the transcript (`root`, the main region by default). */
export function transcriptSelection(root: ParentNode | null = document.getElementById('main')): TranscriptSelection | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  if (!start || !(root as Node).contains(start)) return null;
  const sentences = [...root.querySelectorAll<HTMLElement>('.sentence[data-sentence]')].filter((el) => range.intersectsNode(el));
  if (sentences.length === 0) return null;
  const lang: Lang = sentences[0]!.dataset.lang === 'en' ? 'en' : 'de';
  const sameLanguage = sentences.filter((el) => el.dataset.lang === lang);
  const words = sameLanguage.flatMap((sentence) =>
    [...sentence.querySelectorAll<HTMLElement>('[data-w]')]
      .filter((word) => range.intersectsNode(word) && touchesText(range, word))
      .map((word) => ({ sentenceId: sentence.dataset.sentence!, word: Number(word.dataset.w) })),
  );
  const text = selection.toString().replace(/\s+/g, ' ').trim().slice(0, 2000);
  if (text === '') return null;
  return {
    sentenceIds: [...new Set(sameLanguage.map((el) => el.dataset.sentence!))],
    lang,
    text,
    first: words[0] ?? null,
    last: words[words.length - 1] ?? null,
  };
}

/** A range that merely ends at offset 0 of a word (or starts at its very end) does not select it. */
function touchesText(range: Range, word: HTMLElement): boolean {
  const text = word.firstChild;
  if (!text) return true;
  if (range.endContainer === text && range.endOffset === 0) return false;
  if (range.startContainer === text && range.startOffset >= (text.textContent ?? '').length) return false;
  return true;
}
