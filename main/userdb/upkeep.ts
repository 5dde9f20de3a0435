// Upkeep of derived data in the user database, run at every open after the migrations: the folded
// search columns and the notes' full-text index are computed from the notes, so when they are stale
// (new folding rules) or disagree (a crash, a damaged index) they are rebuilt from the notes rather
// than trusted. They belong with the schema that created them (migration 2).
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

/** The search index is derived data: if it disagrees with the notes, rebuild it from them. */
function repairSearchIndex(db: DatabaseSync): void {
  if (ftsIntegrityOk(db)) return;
  db.exec("INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')");
}

/** FTS5's own check that the index matches the notes table. */
export function ftsIntegrityOk(db: DatabaseSync): boolean {
  try {
    db.exec("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)");
    return true;
  } catch {
    return false;
  }
}
