// Turning what a user typed into safe full-text queries, and finding the hits in a text again for
// highlighting. User text never reaches FTS5's MATCH syntax: it is folded, split into word tokens
// (letters and digits only), and each token becomes a quoted term, ANDed: "token" for whole
// words, "token"* for word starts, and for the trigram index "token" (a substring, so inside a
// word too; only tokens of MIN_INSIDE_LENGTH or more, see ./match.ts). So quotes, AND/OR/NOT/NEAR,
// `*`, `^`, `(`, `-`, `:` and emoji are just separators or words.
// Pure: no Node, no DOM.
import { fold, foldWithMap, tokens } from './fold';
import { kindAt, MIN_INSIDE_LENGTH, type MatchKind } from './match';

/** At most this many tokens go into the MATCH expression (the longest, as they narrow most). */
export const MAX_MATCH_TOKENS = 8;
/** A token longer than this is cut for MATCH (still a prefix of the same words). */
export const MAX_TOKEN_LENGTH = 64;
/** At most this many distinct tokens are kept from a query at all (a 10,000-character paste). */
export const MAX_QUERY_TOKENS = 256;

export interface SearchQuery {
  /**
   * Every distinct folded token, in typed order: a hit must contain each, at a word's start or
   * (MIN_INSIDE_LENGTH letters or more) inside a word.
   */
  tokens: string[];
  /** The FTS5 MATCH expression for word starts ("token"*), or null when nothing searchable is left (no results). */
  match: string | null;
  /** The MATCH expression for whole words ("token"), on the same unicode61 index. */
  whole: string | null;
  /** For a trigram index: the tokens of MIN_INSIDE_LENGTH or more as substrings; null when there are none. */
  inside: string | null;
  /** With `inside`: the shorter tokens as word starts (unicode61), which a trigram index cannot look up; null when there are none. */
  short: string | null;
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
  if (distinct.length === 0) return { tokens: [], match: null, whole: null, inside: null, short: null };
  const longest = [...distinct].sort((a, b) => b.length - a.length).slice(0, MAX_MATCH_TOKENS);
  const forMatch = longest.map((token) => token.slice(0, MAX_TOKEN_LENGTH));
  // Tokens hold only letters, digits and private-use characters, so they cannot close the quotes.
  const terms = (list: string[], star: boolean) => (list.length === 0 ? null : list.map((token) => `"${token}"${star ? '*' : ''}`).join(' AND '));
  // A cut token is no longer the whole word it was typed as; as a prefix it still narrows.
  const whole = longest.some((token) => token.length > MAX_TOKEN_LENGTH) ? null : terms(forMatch, false);
  return {
    tokens: distinct,
    match: terms(forMatch, true),
    whole,
    inside: terms(forMatch.filter((token) => token.length >= MIN_INSIDE_LENGTH), false),
    short: terms(forMatch.filter((token) => token.length < MIN_INSIDE_LENGTH), true),
  };
}

/** A highlighted span [start, end) in UTF-16 offsets of the text it belongs to. */
export type HitRange = [start: number, end: number];

/**
 * Where the query's tokens occur in `text` (after folding; at word starts, and inside words for
 * tokens of MIN_INSIDE_LENGTH or more), mapped back to the original characters. `found` holds the
 * tokens that occur; `allFound` says whether all do; `rank` is the text's rank (./match.ts), null
 * unless all do.
 */
export function findHits(
  text: string,
  queryTokens: readonly string[],
): { ranges: HitRange[]; allFound: boolean; found: Set<string>; rank: MatchKind | null } {
  if (queryTokens.length === 0) return { ranges: [], allFound: false, found: new Set(), rank: null };
  const { folded, map } = foldWithMap(text);
  const found = new Set<string>();
  const ranges: HitRange[] = [];
  let rank: MatchKind = 0;
  for (const token of queryTokens) {
    let best: MatchKind | null = null;
    for (let at = folded.indexOf(token); at !== -1; at = folded.indexOf(token, at + 1)) {
      const kind = kindAt(folded, at, token.length);
      if (kind === null) continue;
      if (best === null || kind < best) best = kind;
      ranges.push([map[at]!, originalEnd(folded, map, at + token.length)]);
    }
    if (best === null) continue;
    found.add(token);
    if (best > rank) rank = best;
  }
  const allFound = found.size === queryTokens.length;
  return { ranges: mergeRanges(ranges), allFound, found, rank: allFound ? rank : null };
}

/** Whether every query token occurs in the text as findHits finds it (cheap check, no ranges). */
export function matchesAll(text: string, queryTokens: readonly string[]): boolean {
  if (queryTokens.length === 0) return false;
  const folded = fold(text);
  return queryTokens.every((token) => {
    for (let at = folded.indexOf(token); at !== -1; at = folded.indexOf(token, at + 1)) {
      if (kindAt(folded, at, token.length) !== null) return true;
    }
    return false;
  });
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
