// Search over an edition's sentences, German and English, built when a document is first searched.
// Every sentence is folded (the same `fold` as notes and queries) into one long string, a row per
// sentence and language, with a table of which units are word characters. A query scans that
// string with indexOf, once for its longest token, which finds whole words, word starts and
// inside-word matches alike (German compounds: "staat" finds "Überwachungsstaat"); the remaining
// tokens are looked for only in the rows that had the first. Results are ranked (./match.ts in
// common/search: whole word, word start, inside a word) and in reading order within a rank.
//
// Why not SQLite here: the index is read-only and in memory, and an inside-word match needs a
// trigram index several times the text's size that then still returns every row for a common
// token; scanning 1.5 MB of folded text for a 100,000-word book takes about a millisecond, and
// building is only folding.
import type { Edition, Lang } from '../../common/edition/model';
import type { TranscriptHit } from '../../common/notes/model';
import { fold } from '../../common/search/fold';
import { isWordCharAt, kindAt, MATCH_INSIDE, MATCH_START, MATCH_WORD, MIN_INSIDE_LENGTH, type MatchKind } from '../../common/search/match';
import { findHits, type SearchQuery } from '../../common/search/query';

export interface TranscriptIndex {
  search(query: SearchQuery, limit: number): { hits: TranscriptHit[]; more: boolean };
  close(): void;
}

const ABSENT = 255;
/** Separates rows; not a word character, so no token runs across two sentences. */
const ROW_END = '\n';

export function buildTranscriptIndex(edition: Edition): TranscriptIndex {
  // Rows in reading order, German before English: the order results come in within a rank.
  const rowSentence: number[] = [];
  const rowLang: Lang[] = [];
  const parts: string[] = [];
  for (const sentence of edition.sentences) {
    parts.push(fold(sentence.de));
    rowSentence.push(sentence.index);
    rowLang.push('de');
    if (sentence.en !== '') {
      parts.push(fold(sentence.en));
      rowSentence.push(sentence.index);
      rowLang.push('en');
    }
  }
  const rows = parts.length;
  const starts = new Int32Array(rows + 1);
  let length = 0;
  for (let r = 0; r < rows; r++) {
    starts[r] = length;
    length += parts[r]!.length + ROW_END.length;
  }
  starts[rows] = length;
  const text = parts.join(ROW_END) + ROW_END;
  const wordChars = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) wordChars[i] = isWordCharAt(text, i) ? 1 : 0;
  const wordChar = (i: number) => wordChars[i] === 1;
  const best = new Uint8Array(rows);

  /** Each row's best kind for `token`, over the whole text: one indexOf pass. Returns the rows that have it. */
  function scan(token: string): number[] {
    best.fill(ABSENT);
    const found: number[] = [];
    let row = 0;
    const length = token.length;
    const inside = length >= MIN_INSIDE_LENGTH;
    // kindAt, inlined over the word-character table: this loop runs once per occurrence, which
    // for a common short token is a hundred thousand times.
    for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) {
      const start = at === 0 || wordChars[at - 1] === 0;
      if (!start && !inside) continue;
      const kind = !start ? MATCH_INSIDE : wordChars[at + length] === 1 ? MATCH_START : MATCH_WORD;
      while (starts[row + 1]! <= at) row++;
      if (best[row] === ABSENT) found.push(row);
      if (kind < best[row]!) best[row] = kind;
    }
    return found;
  }

  /** The best kind of `token` in one row, or null. */
  function inRow(token: string, row: number): MatchKind | null {
    let kind: MatchKind | null = null;
    const end = starts[row + 1]! - ROW_END.length;
    for (let at = text.indexOf(token, starts[row]!); at !== -1 && at + token.length <= end; at = text.indexOf(token, at + 1)) {
      const k = kindAt(text, at, token.length, wordChar);
      if (k !== null && (kind === null || k < kind)) kind = k;
      if (kind === 0) break;
    }
    return kind;
  }

  return {
    search(query, limit) {
      if (query.tokens.length === 0) return { hits: [], more: false };
      // The longest token is usually the rarest, so the other tokens have the fewest rows to check.
      const [first, ...rest] = [...query.tokens].sort((a, b) => b.length - a.length) as [string, ...string[]];
      const candidates = scan(first);
      const byRank: number[][] = [[], [], []];
      for (const row of candidates) {
        let rank = best[row]! as MatchKind;
        for (const token of rest) {
          const kind = inRow(token, row);
          if (kind === null) {
            rank = ABSENT as MatchKind;
            break;
          }
          if (kind > rank) rank = kind;
        }
        if (rank <= MATCH_INSIDE) byRank[rank]!.push(row);
      }
      const ranked = byRank.flat();
      const hits: TranscriptHit[] = [];
      for (const row of ranked.slice(0, limit)) {
        const sentence = edition.sentences[rowSentence[row]!]!;
        const lang = rowLang[row]!;
        const original = lang === 'de' ? sentence.de : sentence.en;
        const found = findHits(original, query.tokens);
        // Cannot fail (same folding, same rules); kept so that a disagreement drops a hit rather than showing one unmarked.
        if (!found.allFound) continue;
        hits.push({ sentenceId: sentence.id, lang, text: original, ranges: found.ranges });
      }
      return { hits, more: ranked.length > limit };
    },
    close() {},
  };
}
