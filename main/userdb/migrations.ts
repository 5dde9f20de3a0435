// The user database schema (notes, their search indexes and trash, study cards, recordings), as
// numbered migrations. `PRAGMA user_version` holds the number of the
// last one applied; each runs in its own transaction, so a crash mid-migration leaves the previous
// version intact. Never edit a migration that has shipped: add the next one.
import type { DatabaseSync } from 'node:sqlite';
import { fold, FOLD_VERSION } from '../../common/search/fold';
import { DatabaseUnavailableError } from './errors';

export interface Migration {
  version: number;
  name: string;
  up(db: DatabaseSync): void;
}

/** The folded search columns of a note, computed here (in JS) so SQLite triggers only copy them. */
export function foldedColumns(text: string, quote: string | null, tags: readonly string[]) {
  return { foldText: fold(text), foldQuote: fold(quote ?? ''), foldTags: fold(tags.join(' ')) };
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'notes',
    up(db) {
      // seq is an explicit INTEGER PRIMARY KEY so that VACUUM (and VACUUM INTO, our backups) keeps
      // it: the full-text index refers to notes by it.
      db.exec(`
        CREATE TABLE notes (
          seq          INTEGER PRIMARY KEY,
          id           TEXT    NOT NULL UNIQUE,
          document_id  TEXT    NOT NULL,
          sentence_ids TEXT    NOT NULL,  -- JSON array of sentence ids
          quote        TEXT,
          quote_lang   TEXT    CHECK (quote_lang IN ('de', 'en')),
          time         REAL    NOT NULL,
          text         TEXT    NOT NULL,
          tags         TEXT    NOT NULL DEFAULT '[]',  -- JSON array of strings
          created_at   TEXT    NOT NULL,
          updated_at   TEXT    NOT NULL
        );
        CREATE INDEX notes_by_document ON notes (document_id, time);
      `);
    },
  },
  {
    version: 2,
    name: 'full-text search',
    up(db) {
      db.exec(`
        ALTER TABLE notes ADD COLUMN fold_text  TEXT NOT NULL DEFAULT '';
        ALTER TABLE notes ADD COLUMN fold_quote TEXT NOT NULL DEFAULT '';
        ALTER TABLE notes ADD COLUMN fold_tags  TEXT NOT NULL DEFAULT '';
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      `);
      const select = db.prepare('SELECT seq, text, quote, tags FROM notes');
      const update = db.prepare('UPDATE notes SET fold_text = ?, fold_quote = ?, fold_tags = ? WHERE seq = ?');
      for (const row of select.all() as { seq: number; text: string; quote: string | null; tags: string }[]) {
        const folded = foldedColumns(row.text, row.quote, JSON.parse(row.tags) as string[]);
        update.run(folded.foldText, folded.foldQuote, folded.foldTags, row.seq);
      }
      db.prepare("INSERT INTO meta (key, value) VALUES ('fold_version', ?)").run(String(FOLD_VERSION));
      // External-content index over the folded columns; the triggers keep it in step with notes.
      db.exec(`
        CREATE VIRTUAL TABLE notes_fts USING fts5(
          fold_text, fold_quote, fold_tags,
          content = 'notes', content_rowid = 'seq',
          tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
          INSERT INTO notes_fts (rowid, fold_text, fold_quote, fold_tags)
          VALUES (new.seq, new.fold_text, new.fold_quote, new.fold_tags);
        END;
        CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
          INSERT INTO notes_fts (notes_fts, rowid, fold_text, fold_quote, fold_tags)
          VALUES ('delete', old.seq, old.fold_text, old.fold_quote, old.fold_tags);
        END;
        CREATE TRIGGER notes_fts_update AFTER UPDATE ON notes BEGIN
          INSERT INTO notes_fts (notes_fts, rowid, fold_text, fold_quote, fold_tags)
          VALUES ('delete', old.seq, old.fold_text, old.fold_quote, old.fold_tags);
          INSERT INTO notes_fts (rowid, fold_text, fold_quote, fold_tags)
          VALUES (new.seq, new.fold_text, new.fold_quote, new.fold_tags);
        END;
        INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');
      `);
    },
  },
  {
    version: 3,
    name: 'trash for undo',
    up(db) {
      // A deleted note waits here (whole, as JSON) until undone or purged after some days.
      db.exec(`
        CREATE TABLE notes_trash (
          token       TEXT PRIMARY KEY,
          note_id     TEXT NOT NULL,
          document_id TEXT NOT NULL,
          deleted_at  TEXT NOT NULL,
          note        TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 4,
    name: 'study cards and recordings',
    up(db) {
      // Cards (main/cards/store.ts), their trash for undo, and the learner's recordings: the audio
      // lives in <dataDir>/recordings/<file>, the row says which sentence it reads.
      db.exec(`
        CREATE TABLE cards (
          seq          INTEGER PRIMARY KEY,
          id           TEXT    NOT NULL UNIQUE,
          document_id  TEXT    NOT NULL,
          sentence_ids TEXT    NOT NULL,  -- JSON array of sentence ids
          german       TEXT    NOT NULL,
          english      TEXT    NOT NULL,
          note         TEXT    NOT NULL DEFAULT '',
          context_de   TEXT    NOT NULL,
          context_en   TEXT    NOT NULL,
          kind         TEXT    NOT NULL CHECK (kind IN ('sentence', 'phrase')),
          created_at   TEXT    NOT NULL,
          updated_at   TEXT    NOT NULL
        );
        CREATE INDEX cards_by_document ON cards (document_id, created_at);
        CREATE TABLE cards_trash (
          token       TEXT PRIMARY KEY,
          card_id     TEXT NOT NULL,
          document_id TEXT NOT NULL,
          deleted_at  TEXT NOT NULL,
          card        TEXT NOT NULL
        );
        CREATE TABLE recordings (
          id          TEXT    PRIMARY KEY,
          document_id TEXT    NOT NULL,
          sentence_id TEXT    NOT NULL,
          lang        TEXT    NOT NULL CHECK (lang IN ('de', 'en')),
          mime_type   TEXT    NOT NULL,
          file        TEXT    NOT NULL UNIQUE,
          bytes       INTEGER NOT NULL,
          duration_ms INTEGER,
          created_at  TEXT    NOT NULL
        );
        CREATE INDEX recordings_by_sentence ON recordings (document_id, sentence_id, created_at);
      `);
    },
  },
  {
    version: 5,
    name: 'inside-word search',
    up(db) {
      // A second index over the same folded columns, with the trigram tokenizer: it finds any
      // substring of three or more characters, so "staat" finds "Überwachungsstaat" (German
      // compounds), which the word index (notes_fts) cannot. Kept in step by triggers as
      // notes_fts is, and filled from the notes already there.
      db.exec(`
        CREATE VIRTUAL TABLE notes_trigram USING fts5(
          fold_text, fold_quote, fold_tags,
          content = 'notes', content_rowid = 'seq',
          tokenize = 'trigram'
        );
        CREATE TRIGGER notes_trigram_insert AFTER INSERT ON notes BEGIN
          INSERT INTO notes_trigram (rowid, fold_text, fold_quote, fold_tags)
          VALUES (new.seq, new.fold_text, new.fold_quote, new.fold_tags);
        END;
        CREATE TRIGGER notes_trigram_delete AFTER DELETE ON notes BEGIN
          INSERT INTO notes_trigram (notes_trigram, rowid, fold_text, fold_quote, fold_tags)
          VALUES ('delete', old.seq, old.fold_text, old.fold_quote, old.fold_tags);
        END;
        CREATE TRIGGER notes_trigram_update AFTER UPDATE ON notes BEGIN
          INSERT INTO notes_trigram (notes_trigram, rowid, fold_text, fold_quote, fold_tags)
          VALUES ('delete', old.seq, old.fold_text, old.fold_quote, old.fold_tags);
          INSERT INTO notes_trigram (rowid, fold_text, fold_quote, fold_tags)
          VALUES (new.seq, new.fold_text, new.fold_quote, new.fold_tags);
        END;
        INSERT INTO notes_trigram (notes_trigram) VALUES ('rebuild');
      `);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Applies the migrations after the database's current version, each in its own transaction. */
export function migrate(db: DatabaseSync, upTo: number = LATEST_VERSION): { from: number; to: number } {
  const from = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  if (from > LATEST_VERSION) {
    throw new DatabaseUnavailableError(
      'newer',
      `The notes database was written by a newer Mitlesen (schema ${from}; this one knows up to ${LATEST_VERSION}). Update Mitlesen to open it.`,
    );
  }
  let version = from;
  for (const migration of MIGRATIONS) {
    if (migration.version <= version || migration.version > upTo) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      migration.up(db);
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new Error(`Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
    }
    version = migration.version;
  }
  return { from, to: version };
}
