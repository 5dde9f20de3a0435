// From a sentence as written to the text the engine reads: lexicon respellings, years and
// ordinals written out. The engine only ever sees the spoken text, so every written word
// (splitWords) keeps its range in the spoken text; word events are mapped back through it.

import type { Lang } from '../../common/edition/model';
import { splitWords, type WordSpan } from '../../common/text/words';
import { englishYear, germanOrdinal, germanYear } from './numbers';

export interface SpokenText {
  /** What the engine reads. */
  text: string;
  /** The sentence's words as written (splitWords). */
  words: WordSpan[];
  /** Per written word, its [start, end) in `text`. */
  ranges: [number, number][];
}

const HYPHEN = /([-\u2010\u2011])/u;

function spokenWord(word: string, previous: string | null, lang: Lang | null, lexicon: Map<string, string>): string {
  const listed = lexicon.get(word);
  if (listed !== undefined) return listed;
  if (/^\d{4}$/.test(word)) {
    const n = Number(word);
    if (lang === 'de' && n >= 1100 && n <= 1999) return germanYear(n);
    if (lang === 'en') return englishYear(n) ?? word;
  }
  const ordinal = /^(\d{1,6})\.$/.exec(word);
  if (ordinal && lang === 'de') return germanOrdinal(Number(ordinal[1]), previous);
  if (HYPHEN.test(word)) {
    // Parts of compounds: "US-Präsidenten", "QR-Code".
    const parts = word.split(HYPHEN);
    const spoken = parts.map((part, i) => (i % 2 === 1 ? part : (lexicon.get(part) ?? part)));
    return spoken.join('');
  }
  return word;
}

/** `lang`: whose numbers to write out (German or English); null for a text in another language, whose numbers eSpeak reads itself. */
export function toSpokenText(sentence: string, lang: Lang | null, lexicon: Map<string, string>): SpokenText {
  const words = splitWords(sentence);
  let text = '';
  let cursor = 0;
  const ranges: [number, number][] = [];
  words.forEach((w, i) => {
    text += sentence.slice(cursor, w.start);
    const spoken = spokenWord(w.text, i > 0 ? words[i - 1]!.text : null, lang, lexicon);
    ranges.push([text.length, text.length + spoken.length]);
    text += spoken;
    cursor = w.end;
  });
  text += sentence.slice(cursor);
  return { text, words, ranges };
}
