// A damaged or unreadable notes database: detected at start, moved aside (never deleted), reported,
// and the app starts, from the newest good backup when there is one. And the rotating backups.
import { existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathsFromRoot } from '../../../main/paths';
import { createServices } from '../../../main/services';
import { listBackups } from '../../../main/userdb/backups';
import { userDbPaths as notesPaths } from '../../../main/userdb/service';
import { DOC, REPO, libraryOf, notesService, smallEdition, tempDir } from '../notes/helpers';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.remove());

const edition = smallEdition();
const library = libraryOf(edition);
const silent = () => undefined;

function service(now?: () => Date) {
  return notesService({ dataDir: temp.dir, library, log: silent, ...(now ? { now } : {}) });
}

function note(text: string) {
  return { documentId: edition.id, sentenceIds: ['s003'], time: 3, text, tags: [] };
}

describe('a damaged notes database', () => {
  it('is moved aside and reported when it is garbage, and the whole app still starts', async () => {
    const { database } = notesPaths(temp.dir);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(temp.dir, 'notes'), { recursive: true });
    const garbage = Buffer.from('this is not a database at all, just some words '.repeat(200));
    writeFileSync(database, garbage);

    const services = await createServices({ paths: pathsFromRoot(REPO, temp.dir), host: 'web', version: 'test' });
    try {
      const status = await services.handlers.getNotesStatus(undefined);
      expect(status.available).toBe(true);
      expect(status.problem).toMatch(/could not be read/);
      expect(status.problem).toMatch(/No usable backup/);
      const moved = readdirSync(join(temp.dir, 'notes')).filter((name) => name.startsWith('notes.sqlite.corrupt-'));
      expect(moved).toHaveLength(1);
      expect(status.problem).toContain(moved[0]);
      // The damaged file is kept byte for byte.
      expect(readFileSync(join(temp.dir, 'notes', moved[0]!)).equals(garbage)).toBe(true);
      // And notes work again.
      const created = await services.handlers.createNote({ documentId: DOC, sentenceIds: ['s004'], time: 1, text: 'neu', tags: [] });
      expect((await services.handlers.listNotes({ documentId: DOC })).map((n) => n.id)).toEqual([created.id]);
    } finally {
      await services.close();
    }
  });

  it('is replaced by the newest good backup, and says from which day', async () => {
    const first = service(() => new Date('2025-05-01T09:00:00'));
    const kept = await first.handlers.createNote(note('in der Sicherung'));
    await first.handlers.backupNotes(undefined);
    await first.handlers.createNote(note('nach der Sicherung'));
    first.close();

    // Damage the pages after the header: the file still opens, but the check fails.
    const { database } = notesPaths(temp.dir);
    const size = statSync(database).size;
    expect(size).toBeGreaterThan(8192);
    const fd = openSync(database, 'r+');
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    closeSync(fd);

    const second = service(() => new Date('2025-05-03T09:00:00'));
    try {
      const status = second.status();
      expect(status.available).toBe(true);
      expect(status.problem).toMatch(/backup of \d{4}-\d{2}-\d{2}/);
      expect((await second.handlers.listNotes({ documentId: edition.id })).map((n) => n.text)).toEqual([kept.text]);
      expect(readdirSync(join(temp.dir, 'notes')).some((name) => name.startsWith('notes.sqlite.corrupt-'))).toBe(true);
    } finally {
      second.close();
    }
  });

  it('skips a damaged backup for an older good one', async () => {
    const day1 = service(() => new Date('2025-05-01T09:00:00'));
    await day1.handlers.createNote(note('vom ersten Tag'));
    await day1.handlers.backupNotes(undefined);
    day1.close();
    const day2 = service(() => new Date('2025-05-02T09:00:00'));
    await day2.handlers.createNote(note('vom zweiten Tag'));
    day2.close();
    const backups = listBackups(join(temp.dir, 'backups'));
    expect(backups.map((b) => b.date)).toEqual(['2025-05-02', '2025-05-01']);
    writeFileSync(backups[0]!.path, 'garbage');
    writeFileSync(notesPaths(temp.dir).database, 'garbage');

    const day3 = service(() => new Date('2025-05-03T09:00:00'));
    try {
      expect(day3.status().problem).toContain('2025-05-01');
      expect((await day3.handlers.listNotes({ documentId: edition.id })).map((n) => n.text)).toEqual(['vom ersten Tag']);
    } finally {
      day3.close();
    }
  });
});

describe('a database this Mitlesen must not touch', () => {
  it('(from a newer version) leaves it in place, makes notes unavailable with a message, and still searches the transcript', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(temp.dir, 'notes'), { recursive: true });
    const newer = new DatabaseSync(notesPaths(temp.dir).database);
    newer.exec('PRAGMA user_version = 999');
    newer.close();
    const s = service();
    try {
      expect(s.status()).toMatchObject({ available: false, problem: expect.stringMatching(/newer Mitlesen/) });
      await expect(Promise.resolve().then(() => s.handlers.listNotes({ documentId: edition.id }))).rejects.toThrow(/Notes are unavailable: .*newer Mitlesen/);
      const result = await s.handlers.search({ documentId: edition.id, query: 'gesehen' });
      expect(result.transcript.map((hit) => hit.sentenceId)).toContain('s003');
      expect(result.problem).toMatch(/Notes cannot be searched/);
      expect(readdirSync(join(temp.dir, 'notes')).filter((name) => name.includes('corrupt'))).toEqual([]);
    } finally {
      s.close();
    }
  });
});

describe('backups', () => {
  it('are made once a day outside the database folder, the newest 7 kept, each a sound database', async () => {
    for (let day = 1; day <= 10; day++) {
      const s = service(() => new Date(`2025-06-${String(day).padStart(2, '0')}T12:00:00`));
      await s.handlers.createNote(note(`Tag ${day}`));
      s.close();
    }
    const backupsDir = join(temp.dir, 'backups');
    const backups = listBackups(backupsDir);
    expect(backups.map((b) => b.date)).toEqual(['2025-06-10', '2025-06-09', '2025-06-08', '2025-06-07', '2025-06-06', '2025-06-05', '2025-06-04']);
    expect(readdirSync(backupsDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Each day's backup is taken at start, before that day's note: the 10th holds 9 notes.
    const db = new DatabaseSync(backups[0]!.path, { readOnly: true });
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    expect((db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n).toBe(9);
    db.close();
    expect(existsSync(join(temp.dir, 'notes', 'backups'))).toBe(false);
  });

  it('on demand replaces the day’s backup with the current notes', async () => {
    const s = service(() => new Date('2025-07-01T12:00:00'));
    try {
      await s.handlers.createNote(note('eins'));
      const { path } = await s.handlers.backupNotes(undefined);
      const db = new DatabaseSync(path, { readOnly: true });
      expect((db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n).toBe(1);
      db.close();
      expect(s.status().lastBackup).toBe(path);
    } finally {
      s.close();
    }
  });
});
