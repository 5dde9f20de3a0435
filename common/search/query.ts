// Turning what a user typed into a safe full-text query, and finding the hits in a text again for
// highlighting. User text never reaches FTS5's MATCH syntax: it is folded, split into word tokens
// (letters and digits only), and each token becomes a quoted prefix term ("token"*), ANDed. So
// quotes, AND/OR/NOT/NEAR, `*`, `^`, `(`, `-`, `:` and emoji are just separators or words.
// Pure: no Node, no DOM.
import { fold, foldWithMap, tokenSpans, tokens } from './fold';

/** At most this many tokens go into the MATCH expression (the longest, as they narrow most). */
export const MAX_MATCH_TOKENS = 8;
/** A token longer than this is cut for MATCH (still a prefix of the same words). */
export const MAX_TOKEN_LENGTH = 64;
/** At most this many distinct tokens are kept from a query at all (a 10,000-character paste). */
export const MAX_QUERY_TOKENS = 256;

export interface SearchQuery {
  /** Every distinct folded token, in typed order: a hit must contain each as a word prefix. */
  tokens: string[];
  /** The FTS5 MATCH expression, or null when nothing searchable is left (no results). */
  match: string | null;
}

export function buildQuery(raw: string): SearchQuery {
  const distinct: string[] = [];
  const seen = new Set<string>();
  for (const token of tokens(fold(raw))) {
    if (seen.has(token)) continue;
    seen.add(token);
    distinct.push(token);
    if (distinct.length >= MAX_QUERY_TOKENS) break;
  }
  if (distinct.length === 0) return { tokens: [], match: null };
  const forMatch = [...distinct]
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_MATCH_TOKENS)
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH));
  // Tokens hold only letters, digits and private-use characters, so they cannot close the quotes.
  const match = forMatch.map((token) => `"${token}"*`).join(' AND ');
  return { tokens: distinct, match };
}

/** A highlighted span [start, end) in UTF-16 offsets of the text it belongs to. */
export type HitRange = [start: number, end: number];

/**
 * Where the query's tokens occur in `text` as word prefixes (after folding), mapped back to the
 * original characters. `found` holds the tokens that occur; `allFound` says whether all do.
 */
export function findHits(
  text: string,
  queryTokens: readonly string[],
): { ranges: HitRange[]; allFound: boolean; found: Set<string> } {
  if (queryTokens.length === 0) return { ranges: [], allFound: false, found: new Set() };
  const { folded, map } = foldWithMap(text);
  const found = new Set<string>();
  const ranges: HitRange[] = [];
  for (const span of tokenSpans(folded)) {
    let best = 0;
    for (const token of queryTokens) {
      if (span.token.startsWith(token)) {
        found.add(token);
        if (token.length > best) best = token.length;
      }
    }
    if (best > 0) ranges.push([map[span.start]!, originalEnd(folded, map, span.start + best)]);
  }
  return { ranges: mergeRanges(ranges), allFound: found.size === queryTokens.length, found };
}

/** Whether every query token is a word prefix in the folded text (cheap check, no ranges). */
export function matchesAll(text: string, queryTokens: readonly string[]): boolean {
  if (queryTokens.length === 0) return false;
  const words = tokens(fold(text));
  return queryTokens.every((token) => words.some((word) => word.startsWith(token)));
}

/** The original offset just past the character that produced folded[end - 1]. */
function originalEnd(folded: string, map: readonly number[], end: number): number {
  if (end <= 0) return map[0] ?? 0;
  const last = map[end - 1]!;
  let j = end;
  while (j < folded.length && map[j] === last) j++;
  return map[j]!;
}

function mergeRanges(ranges: HitRange[]): HitRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: HitRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export interface Snippet {
  text: string;
  ranges: HitRange[];
  /** True when text was cut before / after the snippet (show an ellipsis). */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * A window of at most `maxLength` characters around the first hit, cut at spaces where possible,
 * with the ranges that fall inside it (shifted to the snippet).
 */
export function makeSnippet(text: string, ranges: readonly HitRange[], maxLength = 160): Snippet {
  if (text.length <= maxLength) return { text, ranges: ranges.map(([s, e]) => [s, e]), cutStart: false, cutEnd: false };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(maxLength / 4));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  // Never start inside a surrogate pair.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  let end = Math.min(text.length, start + maxLength);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first && space > start) end = space;
    if (isLowSurrogate(text.charCodeAt(end))) end--;
  }
  const inside: HitRange[] = [];
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    inside.push([Math.max(s, start) - start, Math.min(e, end) - start]);
  }
  return { text: text.slice(start, end), ranges: inside, cutStart: start > 0, cutEnd: end < text.length };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
