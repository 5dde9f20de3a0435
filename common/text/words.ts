// The one word tokenizer shared by the narration build and the player: the player wraps exactly
// these spans and lights span i at narration word timing i, so both sides must agree on every
// boundary. Pure: no Node, no DOM.

export interface WordSpan {
  /** The word as written (a slice of the sentence text). */
  text: string;
  /** Offset of the first character in the sentence text (UTF-16 code units). */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

// Letters (with combining marks) and digits.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{Nd}/u;
// Joiners that stay inside a word when letters or digits stand on both sides:
// hyphen, non-breaking hyphen, hyphen (U+2010), apostrophes.
const INNER_JOINER = new Set(['-', '\u2010', '\u2011', "'", '\u2019']);
// A comma or point between digits belongs to the number ("2,5", "1.000").
const NUMBER_JOINER = new Set([',', '.']);

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && DIGIT.test(ch);
}

/**
 * Splits a sentence into words: runs of letters and digits, with inner hyphens and apostrophes
 * ("QR-Code", "gibt's"), and numbers with inner separators ("2,5"). A number followed by a point
 * and more text is an ordinal and keeps its point ("im 19. Jahrhundert"); a point at the end of
 * the text ends the sentence. Punctuation, quotes («») and dashes are never words.
 */
export function splitWords(text: string): WordSpan[] {
  const chars = Array.from(text);
  // Offsets in UTF-16 units, so spans index `text` directly even past astral characters.
  const offsets: number[] = [];
  let unit = 0;
  for (const ch of chars) {
    offsets.push(unit);
    unit += ch.length;
  }
  offsets.push(unit);

  const words: WordSpan[] = [];
  let i = 0;
  while (i < chars.length) {
    if (!isWordChar(chars[i])) {
      i++;
      continue;
    }
    const first = i;
    i++;
    for (;;) {
      const ch = chars[i];
      if (isWordChar(ch)) {
        i++;
      } else if (ch !== undefined && INNER_JOINER.has(ch) && isWordChar(chars[i + 1])) {
        i += 2;
      } else if (ch !== undefined && NUMBER_JOINER.has(ch) && isDigit(chars[i - 1]) && isDigit(chars[i + 1])) {
        i += 2;
      } else {
        break;
      }
    }
    if (chars[i] === '.' && isOrdinalNumber(chars, first, i) && continuesAfterPoint(chars, i + 1)) {
      i++;
    }
    const start = offsets[first]!;
    const end = offsets[i]!;
    words.push({ text: text.slice(start, end), start, end });
  }
  return words;
}

function isOrdinalNumber(chars: string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isDigit(chars[k])) return false;
  return true;
}

/** True when whitespace and then a letter or digit follow: the point is not the sentence's end. */
function continuesAfterPoint(chars: string[], from: number): boolean {
  let k = from;
  if (chars[k] === undefined || !/\s/u.test(chars[k]!)) return false;
  while (chars[k] !== undefined && /\s/u.test(chars[k]!)) k++;
  return isWordChar(chars[k]);
}

/** Number of words in a text, as `splitWords` counts them. */
export function countWords(text: string): number {
  return splitWords(text).length;
}
