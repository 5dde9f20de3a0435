// Opening the user database: the one connection of the one writer (the main process), holding the
// notes and the study cards. WAL with synchronous=FULL, so a committed note survives a crash or
// power loss; numbered migrations; quick_check at start. A database that cannot be read is moved
// aside (never deleted) and the newest good backup takes its place, with a message the UI shows.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { dirname } from 'node:path';
import { restoreNewestBackup } from './backups';
import { DatabaseUnavailableError } from './errors';
import { migrate } from './migrations';
import { upkeep } from './upkeep';

export interface OpenedDatabase {
  db: DatabaseSync;
  /** A message for the user when the database had to be replaced, else null. */
  problem: string | null;
  /** Where a damaged database was moved, if it was. */
  movedTo: string | null;
}

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

function sqliteCode(error: unknown): number | null {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : null;
}

/** Opens a connection with the settings every connection to the user database uses. */
export function connect(file: string): DatabaseSync {
  const db = new DatabaseSync(file, { timeout: 5000 });
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** The first line of PRAGMA quick_check ("ok" when the file is sound). */
export function quickCheck(db: DatabaseSync): string {
  const rows = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
  return rows.map((row) => row.quick_check).join('; ') || 'no answer';
}

/** Opens, checks, migrates and repairs derived data; throws when the file is unreadable or damaged. */
function openChecked(file: string): DatabaseSync {
  const db = connect(file);
  try {
    const check = quickCheck(db);
    if (check !== 'ok') throw new Error(`the integrity check failed: ${check.slice(0, 200)}`);
    migrate(db);
    upkeep(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Renames a damaged file aside as `<file>.corrupt-<ISO time>`, with its SQLite `-wal` and `-shm`
 * companions when there are any (they belong to that file and would be misread by a new one).
 * Returns the new path. Never deletes: what could still be saved stays with the user.
 */
export function moveAside(file: string, now: Date): string {
  const target = `${file}.corrupt-${timestamp(now)}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Opens the user database at `file`, recovering from a damaged one (moved aside, newest good backup
 * from `backupsDir` restored). Throws DatabaseUnavailableError when the file is fine but cannot be
 * used (busy, newer schema) or cannot be created.
 */
export function openUserDatabase(file: string, backupsDir: string, now: () => Date = () => new Date()): OpenedDatabase {
  mkdirSync(dirname(file), { recursive: true });
  let firstError: unknown;
  try {
    return { db: openChecked(file), problem: null, movedTo: null };
  } catch (error) {
    firstError = error;
  }
  if (firstError instanceof DatabaseUnavailableError) throw firstError;
  const code = sqliteCode(firstError);
  if (code === SQLITE_BUSY || code === SQLITE_LOCKED) {
    throw new DatabaseUnavailableError(
      'busy',
      'The notes database is in use by another program (another Mitlesen window or browser-mode server?). Close it and restart Mitlesen.',
    );
  }
  const reason = firstError instanceof Error ? firstError.message : String(firstError);
  if (!existsSync(file)) {
    // Nothing to move: the folder itself is the problem (permissions, a full disk).
    throw new DatabaseUnavailableError('cannot-create', `The notes database could not be created at ${file}: ${reason}`);
  }
  const movedTo = moveAside(file, now());
  const restored = restoreNewestBackup(backupsDir, file);
  let db: DatabaseSync;
  let fromBackup = restored;
  try {
    db = openChecked(file);
  } catch {
    // The copied backup did not open after all: start empty rather than not at all.
    if (existsSync(file)) moveAside(file, new Date(now().getTime() + 1));
    db = openChecked(file);
    fromBackup = null;
  }
  const problem = fromBackup
    ? `Your notes database could not be read (${reason}). It was moved aside to ${movedTo}, and Mitlesen started from the backup of ${fromBackup.date}: notes written after that backup are only in the moved file.`
    : `Your notes database could not be read (${reason}). It was moved aside to ${movedTo}. No usable backup was found, so Mitlesen started with no notes; the moved file keeps what could be saved.`;
  return { db, problem, movedTo };
}
