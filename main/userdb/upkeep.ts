// Upkeep of derived data in the user database, run at every open after the migrations: the folded
// search columns and the notes' full-text indexes are computed from the notes, so when they are stale
// (new folding rules) or disagree (a crash, a damaged index) they are rebuilt from the notes rather
// than trusted. They belong with the schema that created them (migrations 2 and 5).
import type { DatabaseSync } from 'node:sqlite';
import { FOLD_VERSION } from '../../common/search/fold';
import { foldedColumns } from './migrations';

export function upkeep(db: DatabaseSync): void {
  refoldIfNeeded(db);
  repairSearchIndex(db);
}

/** When the folding rules changed since the notes were indexed, fold them again. */
function refoldIfNeeded(db: DatabaseSync): void {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'fold_version'").get() as { value: string } | undefined;
  if (row?.value === String(FOLD_VERSION)) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    const update = db.prepare('UPDATE notes SET fold_text = ?, fold_quote = ?, fold_tags = ? WHERE seq = ?');
    for (const note of db.prepare('SELECT seq, text, quote, tags FROM notes').all() as {
      seq: number;
      text: string;
      quote: string | null;
      tags: string;
    }[]) {
      const folded = foldedColumns(note.text, note.quote, JSON.parse(note.tags) as string[]);
      update.run(folded.foldText, folded.foldQuote, folded.foldTags, note.seq);
    }
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('fold_version', ?)").run(String(FOLD_VERSION));
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** The notes' full-text indexes: words (migration 2) and trigrams for inside-word search (migration 5). */
export const SEARCH_INDEXES = ['notes_fts', 'notes_trigram'] as const;
type SearchIndex = (typeof SEARCH_INDEXES)[number];

/** The search indexes are derived data: one that disagrees with the notes is rebuilt from them. */
function repairSearchIndex(db: DatabaseSync): void {
  for (const index of SEARCH_INDEXES) {
    if (!indexOk(db, index)) db.exec(`INSERT INTO ${index} (${index}) VALUES ('rebuild')`);
  }
}

function indexOk(db: DatabaseSync, index: SearchIndex): boolean {
  try {
    db.exec(`INSERT INTO ${index} (${index}, rank) VALUES ('integrity-check', 1)`);
    return true;
  } catch {
    return false;
  }
}

/** FTS5's own check that every search index matches the notes table (those the schema has so far). */
export function ftsIntegrityOk(db: DatabaseSync): boolean {
  const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  return SEARCH_INDEXES.filter((index) => present.has(index)).every((index) => indexOk(db, index));
}
