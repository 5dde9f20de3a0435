// Searching a document's notes, ranked: notes where every token is a whole word first, then those
// where each is at least a word's start, then those where some token is only inside a word
// (common/search/match.ts). Each rank is one index query, in that order, over the word index
// (notes_fts: "tok" for whole words, "tok"* for starts) and the trigram index (notes_trigram:
// substrings, for inside a word), so a common word stops after the first rank fills the page
// instead of ranking every note. Within a rank, notes come in the order they were written (index
// order, which lets SQLite stop at the page's end instead of sorting every match).
//
// The indexes only narrow: every candidate is checked in JS on its stored folded text with the
// same rules as highlighting, which also gives its true rank (the index queries hold at most
// MAX_MATCH_TOKENS tokens, each cut to MAX_TOKEN_LENGTH). So results are always a subset of a
// plain scan of the folded text, and a note shows its rank's place whatever query found it.
import type { StatementSync } from 'node:sqlite';
import type { Note, NoteHit } from '../../common/notes/model';
import { rankOf, type MatchKind } from '../../common/search/match';
import { findHits, makeSnippet, type SearchQuery } from '../../common/search/query';

interface Candidate {
  seq: number;
  rank: MatchKind;
}

const BY_WORDS = `SELECT n.seq, n.fold_text, n.fold_quote, n.fold_tags
  FROM notes_fts JOIN notes n ON n.seq = notes_fts.rowid
  WHERE notes_fts MATCH ? AND n.document_id = ?
  ORDER BY notes_fts.rowid`;
const BY_TRIGRAMS = `SELECT n.seq, n.fold_text, n.fold_quote, n.fold_tags
  FROM notes_trigram JOIN notes n ON n.seq = notes_trigram.rowid
  WHERE notes_trigram MATCH ? AND n.document_id = ?
  ORDER BY notes_trigram.rowid`;
// Short tokens cannot be looked up by trigram; they must still start a word.
const BY_TRIGRAMS_AND_WORDS = `SELECT n.seq, n.fold_text, n.fold_quote, n.fold_tags
  FROM notes_trigram JOIN notes n ON n.seq = notes_trigram.rowid
  WHERE notes_trigram MATCH ? AND n.document_id = ? AND n.seq IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?)
  ORDER BY notes_trigram.rowid`;

export function searchNotes(
  sql: (text: string) => StatementSync,
  documentId: string,
  query: SearchQuery,
  limit: number,
  load: (seq: number) => Note,
): { hits: NoteHit[]; more: boolean } {
  if (query.match === null) return { hits: [], more: false };
  const passes: [string, unknown[]][] = [];
  if (query.whole) passes.push([BY_WORDS, [query.whole, documentId]]);
  passes.push([BY_WORDS, [query.match, documentId]]);
  if (query.inside) passes.push(query.short ? [BY_TRIGRAMS_AND_WORDS, [query.inside, documentId, query.short]] : [BY_TRIGRAMS, [query.inside, documentId]]);

  const seen = new Set<number>();
  const found: Candidate[] = [];
  for (const [statement, args] of passes) {
    for (const raw of sql(statement).iterate(...(args as string[]))) {
      const row = raw as { seq: number; fold_text: string; fold_quote: string; fold_tags: string };
      if (seen.has(row.seq)) continue;
      seen.add(row.seq);
      // Tokens cannot hold a newline, so none matches across two fields.
      const rank = rankOf(`${row.fold_text}\n${row.fold_quote}\n${row.fold_tags}`, query.tokens);
      if (rank === null) continue;
      found.push({ seq: row.seq, rank });
      // One more than the page says whether there is more. Later passes hold worse ranks only.
      if (found.length > limit) break;
    }
    if (found.length > limit) break;
  }
  found.sort((a, b) => a.rank - b.rank || a.seq - b.seq);

  const hits = found.slice(0, limit).map((candidate): NoteHit => {
    const note = load(candidate.seq);
    const fields = [
      { field: 'text' as const, text: note.text },
      { field: 'quote' as const, text: note.quote ?? '' },
      { field: 'tags' as const, text: note.tags.join(', ') },
    ].map((entry) => ({ ...entry, hits: findHits(entry.text, query.tokens) }));
    // The field to show: the one with the most tokens, then the better rank.
    const score = (entry: (typeof fields)[number]) => entry.hits.found.size * 10 - (entry.hits.rank ?? 3);
    const best = fields.reduce((a, b) => (score(b) > score(a) ? b : a));
    return { noteId: note.id, sentenceId: note.sentenceIds[0] ?? '', time: note.time, field: best.field, snippet: makeSnippet(best.text, best.hits.ranges) };
  });
  return { hits, more: found.length > limit };
}
