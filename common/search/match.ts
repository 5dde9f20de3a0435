// Where a search token occurs in folded text, and how well: as a whole word, at a word's start,
// or inside a word. German builds words by joining them ("Bonitätssystem", "Überwachungsstaat"),
// so a reader looking for "system" or "staat" means those too; but a whole word or a word's start
// is more likely what they meant, so results are ranked by that. The rank of a text is its worst
// token's best occurrence: "partei staat" ranks a text with both as words above one that has
// "Partei" and only "Überwachungsstaat". Tokens shorter than MIN_INSIDE_LENGTH count only at a
// word's start: one or two letters occur inside nearly every word, and while typing the first
// letters of a word the reader wants words that start with them.
// Pure: no Node, no DOM. Both sides must fold first (./fold.ts).

export const MATCH_WORD = 0;
export const MATCH_START = 1;
export const MATCH_INSIDE = 2;
export type MatchKind = typeof MATCH_WORD | typeof MATCH_START | typeof MATCH_INSIDE;

/** Tokens this long or longer are found inside words too. */
export const MIN_INSIDE_LENGTH = 3;

// As the tokens in ./fold.ts: letters, digits and private-use characters make up words.
const WORD_CHAR = /^[\p{L}\p{N}\p{Co}]$/u;

/** Whether the UTF-16 unit at `i` belongs to a word character (either half of a surrogate pair counts). */
export function isWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (Number.isNaN(code)) return false;
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  if (code >= 0xd800 && code <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
  if (code >= 0xdc00 && code <= 0xdfff) return i > 0 && WORD_CHAR.test(text.slice(i - 1, i + 1));
  return WORD_CHAR.test(text[i]!);
}

/** How an occurrence of `length` units at `at` sits in its word, or null when a short token is inside a word. */
export function kindAt(folded: string, at: number, length: number, wordChar: (i: number) => boolean = (i) => isWordCharAt(folded, i)): MatchKind | null {
  const start = at === 0 || !wordChar(at - 1);
  if (!start) return length >= MIN_INSIDE_LENGTH ? MATCH_INSIDE : null;
  const end = at + length >= folded.length || !wordChar(at + length);
  return end ? MATCH_WORD : MATCH_START;
}

/** The best way `token` occurs in `folded` between `from` and `to`, or null when it does not. */
export function bestKind(folded: string, token: string, from = 0, to = folded.length, wordChar?: (i: number) => boolean): MatchKind | null {
  let best: MatchKind | null = null;
  for (let at = folded.indexOf(token, from); at !== -1 && at + token.length <= to; at = folded.indexOf(token, at + 1)) {
    const kind = kindAt(folded, at, token.length, wordChar);
    if (kind !== null && (best === null || kind < best)) {
      best = kind;
      if (best === MATCH_WORD) break;
    }
  }
  return best;
}

/** The rank of a folded text for the tokens (0 best), or null when a token is missing. */
export function rankOf(folded: string, tokens: readonly string[]): MatchKind | null {
  if (tokens.length === 0) return null;
  let worst: MatchKind = MATCH_WORD;
  for (const token of tokens) {
    const kind = bestKind(folded, token);
    if (kind === null) return null;
    if (kind > worst) worst = kind;
  }
  return worst;
}
