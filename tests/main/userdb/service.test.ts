// The user database service: one connection for notes and cards, the reasons it cannot be used as
// codes (never as English to match), moving a damaged file aside with its WAL, and backups on demand.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import { pathsFromRoot } from '../../../main/paths';
import { createServices } from '../../../main/services';
import { moveAside, openUserDatabase } from '../../../main/userdb/database';
import { DatabaseUnavailableError } from '../../../main/userdb/errors';
import { LATEST_VERSION } from '../../../main/userdb/migrations';
import { createUserDatabase, userDbPaths } from '../../../main/userdb/service';
import { DOC, REPO, tempDir } from '../notes/helpers';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir('mitlesen-userdb-');
});
afterEach(() => temp.remove());
const silent = () => undefined;

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('the user database service', () => {
  it('keeps its file where notes always were, so existing data is found', () => {
    expect(userDbPaths(temp.dir).database).toBe(join(temp.dir, 'notes', 'notes.sqlite'));
    const userDb = createUserDatabase({ dataDir: temp.dir, log: silent, backupCheckMs: 0 });
    try {
      expect(userDb.problem).toBeNull();
      expect(existsSync(userDb.path)).toBe(true);
      // The daily backup at start, and one on demand.
      expect(userDb.lastBackup()).not.toBeNull();
      expect(userDb.backup(true)).toBe(userDb.lastBackup());
    } finally {
      userDb.close();
    }
  });

  it('refuses a database from a newer Mitlesen with the code "unavailable" and the reason "newer", and leaves it alone', () => {
    const { database, backups } = userDbPaths(temp.dir);
    mkdirSync(join(temp.dir, 'notes'), { recursive: true });
    const newer = new DatabaseSync(database);
    newer.exec(`PRAGMA user_version = ${LATEST_VERSION + 1}`);
    newer.close();

    const error = thrown(() => openUserDatabase(database, backups));
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as DatabaseUnavailableError).code).toBe('unavailable');
    expect((error as DatabaseUnavailableError).reason).toBe('newer');

    const userDb = createUserDatabase({ dataDir: temp.dir, log: silent, backupCheckMs: 0 });
    expect(userDb.db).toBeNull();
    expect(userDb.problem).toMatch(/newer Mitlesen/);
    const refused = thrown(() => userDb.requireDb('Notes are'));
    expect(refused).toMatchObject({ code: 'unavailable', reason: 'newer', message: expect.stringMatching(/^Notes are unavailable: /) });
    expect(readdirSync(join(temp.dir, 'notes'))).toEqual(['notes.sqlite']);
    userDb.close();
  });

  it('says "unavailable" (reason "cannot-create") when no database can be made where it belongs', () => {
    writeFileSync(join(temp.dir, 'notes'), 'a file where the folder should be');
    const userDb = createUserDatabase({ dataDir: temp.dir, log: silent, backupCheckMs: 0 });
    expect(thrown(() => userDb.requireDb('Cards are'))).toMatchObject({ code: 'unavailable' });
    userDb.close();
  });

  it('moves a damaged file aside together with its WAL and shared memory', () => {
    const file = join(temp.dir, 'x.sqlite');
    for (const suffix of ['', '-wal', '-shm']) writeFileSync(file + suffix, suffix || 'db');
    const moved = moveAside(file, new Date('2025-01-02T03:04:05.678Z'));
    expect(moved).toBe(`${file}.corrupt-2025-01-02T03-04-05-678Z`);
    expect(readdirSync(temp.dir).sort()).toEqual(['x.sqlite.corrupt-2025-01-02T03-04-05-678Z', 'x.sqlite.corrupt-2025-01-02T03-04-05-678Z-shm', 'x.sqlite.corrupt-2025-01-02T03-04-05-678Z-wal']);
  });

  it('is the one connection notes and cards write to, through the bridge of the whole app', async () => {
    const services = await createServices({ paths: pathsFromRoot(REPO, temp.dir), host: 'web', version: 'test' });
    try {
      await services.handlers.createNote({ documentId: DOC, sentenceIds: ['s001'], time: 0, text: 'eine Notiz', tags: [] });
      await services.handlers.createCard({ documentId: DOC, sentenceIds: ['s001'] });
    } finally {
      await services.close();
    }
    const db = new DatabaseSync(userDbPaths(temp.dir).database, { readOnly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 1 });
      expect(db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});
