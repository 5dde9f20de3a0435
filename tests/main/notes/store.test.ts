// The notes store against a real SQLite file in a temporary folder: CRUD, undo, search with the
// German folding, and the full-text index kept in step with the notes.
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fold } from '../../../common/search/fold';
import { buildQuery } from '../../../common/search/query';
import { openUserDatabase as openNotesDatabase } from '../../../main/userdb/database';
import { ftsIntegrityOk } from '../../../main/userdb/upkeep';
import { createNotesStore, type NotesStore } from '../../../main/notes/store';
import { tempDir } from './helpers';

let temp: ReturnType<typeof tempDir>;
let db: DatabaseSync;
let store: NotesStore;
let clock: number;

function open(): void {
  db = openNotesDatabase(join(temp.dir, 'notes', 'notes.sqlite'), join(temp.dir, 'backups')).db;
  store = createNotesStore(db, { now: () => new Date(clock) });
}

beforeEach(() => {
  temp = tempDir();
  clock = Date.parse('2025-03-01T10:00:00.000Z');
  open();
});

afterEach(() => {
  db.close();
  temp.remove();
});

const base = { documentId: 'doc', sentenceIds: ['s001'], time: 1.5, text: '', tags: [] as string[] };

/** Rows of the FTS index compared with the notes, by FTS5's own check and by reading it back. */
function expectIndexInStep(): void {
  expect(ftsIntegrityOk(db)).toBe(true);
  for (const index of ['notes_fts', 'notes_trigram']) {
    const indexed = (db.prepare(`SELECT count(*) AS n FROM ${index}`).get() as { n: number }).n;
    expect(indexed).toBe(store.count());
  }
  for (const row of db.prepare('SELECT text, fold_text FROM notes').all() as { text: string; fold_text: string }[]) {
    expect(row.fold_text).toBe(fold(row.text));
  }
}

function search(query: string, limit = 50, documentId = 'doc') {
  return store.searchNotes(documentId, buildQuery(query), limit);
}

describe('notes store', () => {
  it('creates, reads, updates and lists notes, and keeps them across a reopen', () => {
    const note = store.create({ ...base, sentenceIds: ['s002', 's003'], quote: 'genaue Worte', quoteLang: 'de', text: 'Erste\nZweite Zeile', tags: [' a ', 'b', 'A'] });
    expect(note).toMatchObject({ documentId: 'doc', sentenceIds: ['s002', 's003'], quote: 'genaue Worte', quoteLang: 'de', tags: ['a', 'b'] });
    expect(note.createdAt).toBe('2025-03-01T10:00:00.000Z');
    expect(store.get(note.id)).toEqual(note);

    clock += 5000;
    const updated = store.update({ id: note.id, text: 'Geändert', expectedUpdatedAt: note.updatedAt });
    expect(updated.text).toBe('Geändert');
    expect(updated.updatedAt).toBe('2025-03-01T10:00:05.000Z');
    expect(updated.createdAt).toBe(note.createdAt);

    const later = store.create({ ...base, time: 0.5, text: 'früher' });
    expect(store.list('doc').map((n) => n.id)).toEqual([later.id, note.id]);
    expect(store.list('other')).toEqual([]);

    db.close();
    open();
    expect(store.get(note.id)).toEqual(updated);
    expectIndexInStep();
  });

  it('moves updatedAt forward even within the same millisecond', () => {
    const note = store.create({ ...base, text: 'a' });
    const first = store.update({ id: note.id, text: 'b' });
    const second = store.update({ id: first.id, text: 'c' });
    expect(Date.parse(first.updatedAt)).toBeGreaterThan(Date.parse(note.updatedAt));
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
  });

  it('refuses an update based on a stale copy, and one of a missing note', () => {
    const note = store.create({ ...base, text: 'a' });
    store.update({ id: note.id, text: 'b' });
    expect(() => store.update({ id: note.id, text: 'c', expectedUpdatedAt: note.updatedAt })).toThrow(/changed elsewhere/);
    expect(store.get(note.id)!.text).toBe('b');
    expect(() => store.update({ id: 'nope', text: 'x' })).toThrow(/no note "nope"/);
  });

  it('deletes with undo: the note comes back whole, once', () => {
    const note = store.create({ ...base, quote: 'Zitat', text: 'weg und zurück', tags: ['t'] });
    const { deleted, undoToken } = store.delete(note.id);
    expect(deleted).toEqual(note);
    expect(store.get(note.id)).toBeNull();
    expect(search('zuruck').hits).toEqual([]);
    expectIndexInStep();

    expect(store.restore(undoToken)).toEqual(note);
    expect(store.get(note.id)).toEqual(note);
    expect(search('zuruck').hits.map((h) => h.noteId)).toEqual([note.id]);
    expect(() => store.restore(undoToken)).toThrow(/can no longer be undone/);
    expect(() => store.delete('nope')).toThrow(/no note/);
    expectIndexInStep();
  });

  it('purges trash older than 30 days', () => {
    const { undoToken } = store.delete(store.create({ ...base, text: 'alt' }).id);
    clock += 31 * 24 * 3600 * 1000;
    expect(store.purgeTrash()).toBe(1);
    expect(() => store.restore(undoToken)).toThrow(/can no longer be undone/);
  });

  it('finds notes across the German spellings, in text, quote and tags, with the hit marked', () => {
    const uber = store.create({ ...base, text: 'Der Überwachungsstaat wächst.' });
    const strasse = store.create({ ...base, text: 'Auf der Straße' });
    const strasse2 = store.create({ ...base, text: 'In der Strasse' });
    const quoted = store.create({ ...base, quote: 'Bonitätssystem', text: 'siehe oben' });
    const tagged = store.create({ ...base, text: 'nur ein Tag', tags: ['Gesichtserkennung'] });
    const nfd = store.create({ ...base, text: 'Über'.normalize('NFD') + 'blick' });

    for (const query of ['Überwachung', 'Ueberwachung', 'Uberwachung', 'UEBERWACHUNG', 'überw'.normalize('NFD')]) {
      expect(search(query).hits.map((h) => h.noteId), query).toEqual([uber.id]);
    }
    expect(search('Strasse').hits.map((h) => h.noteId).sort()).toEqual([strasse.id, strasse2.id].sort());
    expect(search('Straße').hits.map((h) => h.noteId).sort()).toEqual([strasse.id, strasse2.id].sort());
    expect(search('Bonitaets').hits).toMatchObject([{ noteId: quoted.id, field: 'quote' }]);
    expect(search('gesicht').hits).toMatchObject([{ noteId: tagged.id, field: 'tags' }]);
    expect(search('Überblick').hits.map((h) => h.noteId)).toEqual([nfd.id]);

    const [hit] = search('ueberwach').hits;
    expect(hit!.snippet.ranges.map(([s, e]) => hit!.snippet.text.slice(s, e))).toEqual(['Überwach']);
    // A word's start finds it (and a part inside a word, tested below); all words must be present.
    expect(search('der wachs').hits.map((h) => h.noteId)).toEqual([uber.id]);
    expect(search('der nichtda').hits).toEqual([]);
    expect(search('', 50).hits).toEqual([]);
    expect(search('wachst', 50, 'other').hits).toEqual([]);
  });

  it('finds words inside German compounds, ranked whole word, word start, inside a word', () => {
    const inside = store.create({ ...base, text: 'Der Überwachungsstaat wächst.' });
    const start = store.create({ ...base, text: 'Staatsfeinde überall' });
    const whole = store.create({ ...base, text: 'Der Staat sieht alles' });
    const quoted = store.create({ ...base, quote: 'Das Bonitätssystem', text: 'siehe oben' });
    const tagged = store.create({ ...base, text: 'ohne', tags: ['Wohlfahrtsstaat'] });
    const ids = (query: string, limit = 50) => search(query, limit).hits.map((h) => h.noteId);

    // Creation order within a rank; ranks in order whatever the creation order.
    expect(ids('staat')).toEqual([whole.id, start.id, inside.id, tagged.id]);
    expect(ids('Ueberwachungsstaat')).toEqual([inside.id]);
    expect(ids('system')).toEqual([quoted.id]);
    expect(search('system').hits[0]).toMatchObject({ field: 'quote' });
    const [hit] = search('wachungs').hits;
    expect(hit!.snippet.ranges.map(([s, e]) => hit!.snippet.text.slice(s, e))).toEqual(['wachungs']);
    // The page holds the best ranks, and says there is more.
    expect(ids('staat', 2)).toEqual([whole.id, start.id]);
    expect(search('staat', 2).more).toBe(true);
    // Short tokens only at word starts; with a long one, both must hold.
    expect(ids('st')).toEqual([start.id, whole.id]);
    expect(ids('aa')).toEqual([]);
    expect(ids('staat de')).toEqual([whole.id, inside.id]);
  });

  it('answers any hostile query without an error', () => {
    store.create({ ...base, text: 'AND OR NOT "quoted" (paren) col:on a-b ^caret *star 🙂 emoji' });
    const hostile = ['"', '""', 'AND', 'OR', 'NOT', 'a AND', 'OR b', '*', '^', '(', ')', '-', ':', 'col:on', 'NEAR(a b, 2)', '🙂', 'a"b', "'", '\\', '\u0000', '%', '_', 'x'.repeat(10_000), '🙂'.repeat(5000)];
    for (const query of hostile) expect(() => search(query), JSON.stringify(query.slice(0, 20))).not.toThrow();
    expect(search('AND').hits).toHaveLength(1);
    expect(search('"quoted"').hits).toHaveLength(1);
    expect(search('col:on').hits).toHaveLength(1);
  });

  it('honours the limit and says there is more', () => {
    for (let i = 0; i < 7; i++) store.create({ ...base, text: `Wort ${i}` });
    const page = search('wort', 5);
    expect(page.hits).toHaveLength(5);
    expect(page.more).toBe(true);
    expect(search('wort', 7).more).toBe(false);
  });

  it('keeps the index in step through many mixed writes', () => {
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const op = i % 5;
      if (op < 3 || ids.length === 0) ids.push(store.create({ ...base, text: `Notiz ${i} Größe`, tags: [`t${i % 3}`] }).id);
      else if (op === 3) store.update({ id: ids[i % ids.length]!, text: `geändert ${i} Fluß` });
      else store.delete(ids.splice(i % ids.length, 1)[0]!);
    }
    expectIndexInStep();
    expect(search('grosse').hits.length + search('fluss').hits.length).toBe(store.count());
  });

  it('property: any string as a query returns, and only notes a LIKE scan of the folded text also finds', () => {
    const words = ['Überwachung', 'Straße', 'Strasse', 'Ueber', 'Bonität', 'AND', 'OR', 'NOT', 'NEAR', '"x"', '*', '^', '(', '-', ':', '🙂', 'ß', 'Ä', 'e', 'ue', 'Frauen', 'Feuer', '中文', 'x1', '%', '_'];
    const noteText = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 8 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.array(noteText, { minLength: 1, maxLength: 6 }), fc.oneof(noteText, fc.string({ unit: 'binary', maxLength: 40 })), (texts, query) => {
        db.exec('DELETE FROM notes');
        for (const text of texts) store.create({ ...base, text });
        const built = buildQuery(query);
        const found = store.searchNotes('doc', built, 500).hits.map((h) => h.noteId);
        // The reference: notes whose folded text contains every query token (plain LIKE, escaped).
        const like = db.prepare(
          `SELECT id FROM notes WHERE ${built.tokens.map(() => "(fold_text || ' ' || fold_quote || ' ' || fold_tags) LIKE ? ESCAPE '\\'").join(' AND ') || '0'}`,
        );
        const expected = new Set((like.all(...built.tokens.map((t) => `%${t.replace(/[\\%_]/g, '\\$&')}%`)) as { id: string }[]).map((r) => r.id));
        for (const id of found) expect(expected.has(id)).toBe(true);
        // With tokens of three letters or more, inside-word matching finds exactly what the scan finds.
        if (built.tokens.length > 0 && built.tokens.every((t) => t.length >= 3)) expect(new Set(found)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
    expectIndexInStep();
  });
});
