// Full-text search over an edition's sentences, German and English, in an in-memory SQLite FTS5
// table built when a document is first searched. The text is folded with the same `fold` as notes
// and queries, so the German folding rules hold here too. Results come in reading order.
import { DatabaseSync } from 'node:sqlite';
import type { Edition, Lang } from '../../common/edition/model';
import type { TranscriptHit } from '../../common/notes/model';
import { fold } from '../../common/search/fold';
import { findHits, type SearchQuery } from '../../common/search/query';

export interface TranscriptIndex {
  search(query: SearchQuery, limit: number): { hits: TranscriptHit[]; more: boolean };
  close(): void;
}

// rowid = sentence index * 2 + (0 for German, 1 for English): reading order, German first.
const rowidOf = (index: number, lang: Lang) => index * 2 + (lang === 'en' ? 1 : 0);

export function buildTranscriptIndex(edition: Edition): TranscriptIndex {
  const db = new DatabaseSync(':memory:');
  db.exec("CREATE VIRTUAL TABLE sentences USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO sentences (rowid, folded) VALUES (?, ?)');
  db.exec('BEGIN');
  for (const sentence of edition.sentences) {
    insert.run(rowidOf(sentence.index, 'de'), fold(sentence.de));
    if (sentence.en !== '') insert.run(rowidOf(sentence.index, 'en'), fold(sentence.en));
  }
  db.exec('COMMIT');
  const select = db.prepare('SELECT rowid FROM sentences WHERE sentences MATCH ? ORDER BY rowid');
  const byIndex = edition.sentences;

  return {
    search(query, limit) {
      if (query.match === null) return { hits: [], more: false };
      const hits: TranscriptHit[] = [];
      let more = false;
      for (const row of select.iterate(query.match)) {
        const rowid = Number((row as { rowid: number | bigint }).rowid);
        const sentence = byIndex[rowid >> 1];
        if (!sentence) continue;
        const lang: Lang = rowid & 1 ? 'en' : 'de';
        const text = lang === 'de' ? sentence.de : sentence.en;
        const found = findHits(text, query.tokens);
        if (!found.allFound) continue;
        if (hits.length >= limit) {
          more = true;
          break;
        }
        hits.push({ sentenceId: sentence.id, lang, text, ranges: found.ranges });
      }
      return { hits, more };
    },
    close() {
      db.close();
    },
  };
}
