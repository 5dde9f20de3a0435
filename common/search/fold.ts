// German-aware search folding. Both the indexed text and the query pass through `fold`, so any two
// spellings that fold alike meet: case, accents and umlauts ("Ü" → "u"), the transliterated umlaut
// ("ue" → "u", so "Ueberwachung", "Uberwachung" and "Überwachung" all become "uberwachung"), ß and
// ẞ ("ss"), NFC and NFD, and compatibility forms (ligatures, full-width letters; NFKD).
//
// Folding "ae/oe/ue" to "a/o/u" also changes words that never had an umlaut ("Frauen" → "fraun",
// "Feuer" → "feur", "Quelle" → "qulle"). That is harmless: the query is folded the same way, so
// "Feuer" still finds "Feuer"; the only cost is a rare extra hit ("Bar" finds "Baer").
//
// `foldWithMap` also returns, for every folded character, the offset of the original character it
// came from, so hits found in folded text can be highlighted in the original.
// Pure: no Node, no DOM.

/** Bump when `fold` changes: stored folded text is rebuilt when its version differs. */
export const FOLD_VERSION = 1;

const MARK = /\p{M}/gu;
const cache = new Map<string, string>();

/** Folds one code point (before the digraph pass). */
function foldCodePoint(cp: string): string {
  const code = cp.charCodeAt(0);
  if (cp.length === 1 && code < 0x80) {
    return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : cp;
  }
  const cached = cache.get(cp);
  if (cached !== undefined) return cached;
  const folded = cp
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARK, '')
    .replace(/ß/g, 'ss');
  if (cache.size < 10_000) cache.set(cp, folded);
  return folded;
}

export interface FoldedText {
  folded: string;
  /**
   * map[i] is the offset (UTF-16) in the original of the character that produced folded[i];
   * map[folded.length] is the original's length.
   */
  map: number[];
}

export function foldWithMap(text: string): FoldedText {
  // Pass 1: per code point (lowercase, decompose, strip marks, ß → ss).
  const chars: string[] = [];
  const from: number[] = [];
  let offset = 0;
  for (const cp of text) {
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      chars.push(folded[k]!);
      from.push(offset);
    }
    offset += cp.length;
  }
  // Pass 2: the transliterated umlauts ae/oe/ue → a/o/u, left to right.
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    folded += ch;
    map.push(from[i]!);
    if ((ch === 'a' || ch === 'o' || ch === 'u') && chars[i + 1] === 'e') i++;
  }
  map.push(text.length);
  return { folded, map };
}

/** The canonical search form of a text (see the file comment). */
export function fold(text: string): string {
  // Fast path for the common case: no characters beyond ASCII.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().replace(/([aou])e/g, '$1');
  return foldWithMap(text).folded;
}

// The characters that make up a search token: letters, digits and private-use characters, as in
// SQLite's unicode61 tokenizer. Everything else (spaces, punctuation, emoji, symbols) separates.
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

export interface TokenSpan {
  token: string;
  start: number;
  end: number;
}

/** The tokens of an already folded text, with their offsets in it. */
export function tokenSpans(folded: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const match of folded.matchAll(TOKEN)) {
    spans.push({ token: match[0], start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** The tokens of an already folded text. */
export function tokens(folded: string): string[] {
  return folded.match(TOKEN) ?? [];
}
