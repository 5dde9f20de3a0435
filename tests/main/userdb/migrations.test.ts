// Migrations: a database of the first schema, with notes in it, opens in the newest schema with
// its notes intact and searchable.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildQuery } from '../../../common/search/query';
import { connect, openUserDatabase as openNotesDatabase } from '../../../main/userdb/database';
import { LATEST_VERSION, migrate } from '../../../main/userdb/migrations';
import { ftsIntegrityOk } from '../../../main/userdb/upkeep';
import { createNotesStore } from '../../../main/notes/store';
import { tempDir } from '../notes/helpers';

let temp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  temp = tempDir();
  mkdirSync(join(temp.dir, 'notes'));
  file = join(temp.dir, 'notes', 'notes.sqlite');
});
afterEach(() => temp.remove());

function userVersion(db: DatabaseSync): number {
  return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
}

describe('notes migrations', () => {
  it('gives a schema-4 database the trigram index, filled from its notes and kept in step', () => {
    const old = connect(file);
    expect(migrate(old, 4)).toEqual({ from: 0, to: 4 });
    old.prepare(
      `INSERT INTO notes (id, document_id, sentence_ids, quote, quote_lang, time, text, tags, created_at, updated_at, fold_text, fold_quote, fold_tags)
       VALUES ('n1', 'doc', '["s001"]', NULL, NULL, 1, 'Das Bonitätssystem', '[]', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 'das bonitatssystem', '', '')`,
    ).run();
    old.close();

    const { db, problem } = openNotesDatabase(file, join(temp.dir, 'backups'));
    try {
      expect(problem).toBeNull();
      expect(userVersion(db)).toBe(5);
      const count = (db.prepare("SELECT count(*) AS n FROM notes_trigram WHERE notes_trigram MATCH '\"system\"'").get() as { n: number }).n;
      expect(count).toBe(1);
      const store = createNotesStore(db);
      expect(store.searchNotes('doc', buildQuery('system'), 10).hits.map((h) => h.noteId)).toEqual(['n1']);
      store.update({ id: 'n1', text: 'Der Überwachungsstaat' });
      expect(store.searchNotes('doc', buildQuery('system'), 10).hits).toEqual([]);
      expect(store.searchNotes('doc', buildQuery('staat'), 10).hits.map((h) => h.noteId)).toEqual(['n1']);
      expect(ftsIntegrityOk(db)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('rebuilds a damaged trigram index at open', () => {
    const first = openNotesDatabase(file, join(temp.dir, 'backups'));
    createNotesStore(first.db).create({ documentId: 'doc', sentenceIds: ['s001'], time: 1, text: 'Wohlfahrtsstaat', tags: [] });
    // Drop the index's entries behind its back, as a damaged file might.
    first.db.exec("INSERT INTO notes_trigram (notes_trigram) VALUES ('delete-all')");
    expect(ftsIntegrityOk(first.db)).toBe(false);
    first.db.close();
    const { db } = openNotesDatabase(file, join(temp.dir, 'backups'));
    try {
      expect(ftsIntegrityOk(db)).toBe(true);
      expect(createNotesStore(db).searchNotes('doc', buildQuery('fahrts'), 10).hits).toHaveLength(1);
    } finally {
      db.close();
    }
  });

  it('migrates a first-schema database with notes to the newest schema', () => {
    const old = connect(file);
    expect(migrate(old, 1)).toEqual({ from: 0, to: 1 });
    const insert = old.prepare(
      `INSERT INTO notes (id, document_id, sentence_ids, quote, quote_lang, time, text, tags, created_at, updated_at)
       VALUES (?, 'doc', '["s001"]', ?, 'de', ?, ?, ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`,
    );
    insert.run('n1', 'Straße', 1, 'Die Überwachung wächst', '["Politik"]');
    insert.run('n2', null, 2, 'Zweite Notiz', '[]');
    expect(userVersion(old)).toBe(1);
    old.close();

    const { db, problem } = openNotesDatabase(file, join(temp.dir, 'backups'));
    try {
      expect(problem).toBeNull();
      expect(userVersion(db)).toBe(LATEST_VERSION);
      const store = createNotesStore(db);
      expect(store.list('doc').map((n) => [n.id, n.text, n.tags])).toEqual([
        ['n1', 'Die Überwachung wächst', ['Politik']],
        ['n2', 'Zweite Notiz', []],
      ]);
      expect(ftsIntegrityOk(db)).toBe(true);
      expect(store.searchNotes('doc', buildQuery('ueberwachung'), 10).hits.map((h) => h.noteId)).toEqual(['n1']);
      expect(store.searchNotes('doc', buildQuery('strasse'), 10).hits.map((h) => h.noteId)).toEqual(['n1']);
      expect(store.searchNotes('doc', buildQuery('politik'), 10).hits.map((h) => h.noteId)).toEqual(['n1']);
      // Notes written before the trigram index existed are found inside words too.
      expect(store.searchNotes('doc', buildQuery('wachung'), 10).hits.map((h) => h.noteId)).toEqual(['n1']);
      // Undo works after the migration too (the trash table came with a later migration).
      const { undoToken } = store.delete('n2');
      expect(store.restore(undoToken).id).toBe('n2');
    } finally {
      db.close();
    }
  });

  it('applies each migration once: reopening changes nothing', () => {
    openNotesDatabase(file, join(temp.dir, 'backups')).db.close();
    const db = connect(file);
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    db.close();
  });

  it('refuses a database from a newer Mitlesen without moving it aside', () => {
    const db = connect(file);
    db.exec(`PRAGMA user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => openNotesDatabase(file, join(temp.dir, 'backups'))).toThrow(/newer Mitlesen/);
    const again = connect(file);
    expect(userVersion(again)).toBe(LATEST_VERSION + 1);
    again.close();
  });

  it('uses WAL with synchronous=FULL', () => {
    const { db } = openNotesDatabase(file, join(temp.dir, 'backups'));
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    db.close();
  });
});
