// Opening the notes database: the one connection of the one writer (the main process).
// WAL with synchronous=FULL, so a committed note survives a crash or power loss; numbered
// migrations; quick_check at start. A database that cannot be read is moved aside (never deleted)
// and the newest good backup takes its place, with a message the UI shows.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { dirname } from 'node:path';
import { FOLD_VERSION } from '../../common/search/fold';
import { restoreNewestBackup } from './backups';
import { foldedColumns, migrate } from './migrations';

export interface OpenedDatabase {
  db: DatabaseSync;
  /** A message for the user when the database had to be replaced, else null. */
  problem: string | null;
  /** Where a damaged database was moved, if it was. */
  movedTo: string | null;
}

/** A database another process holds, or one from a newer Mitlesen: not damaged, not to be moved. */
export class NotesUnavailableError extends Error {
  override name = 'NotesUnavailableError';
}

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

function sqliteCode(error: unknown): number | null {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : null;
}

/** Opens a connection with the settings every connection to the notes database uses. */
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

/** Opens, checks and migrates; throws when the file is unreadable or damaged. */
function openChecked(file: string): DatabaseSync {
  const db = connect(file);
  try {
    const check = quickCheck(db);
    if (check !== 'ok') throw new Error(`the integrity check failed: ${check.slice(0, 200)}`);
    migrate(db);
    refoldIfNeeded(db);
    repairSearchIndex(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
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

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Renames the database and its WAL and shared-memory files aside; returns the new database path. */
function moveAside(file: string, now: Date): string {
  const target = `${file}.corrupt-${timestamp(now)}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

export function openNotesDatabase(file: string, backupsDir: string, now: () => Date = () => new Date()): OpenedDatabase {
  mkdirSync(dirname(file), { recursive: true });
  let firstError: unknown;
  try {
    return { db: openChecked(file), problem: null, movedTo: null };
  } catch (error) {
    firstError = error;
  }
  const code = sqliteCode(firstError);
  if (code === SQLITE_BUSY || code === SQLITE_LOCKED) {
    throw new NotesUnavailableError(
      'The notes database is in use by another program (another Mitlesen window or browser-mode server?). Close it and restart Mitlesen.',
    );
  }
  if (firstError instanceof Error && firstError.message.includes('written by a newer Mitlesen')) {
    throw new NotesUnavailableError(firstError.message);
  }
  const reason = firstError instanceof Error ? firstError.message : String(firstError);
  if (!existsSync(file)) {
    // Nothing to move: the folder itself is the problem (permissions, a full disk).
    throw new NotesUnavailableError(`The notes database could not be created at ${file}: ${reason}`);
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
