// The user database service: the one owner of the connection that notes and cards share. It opens
// (and if need be recovers) the database, keeps the daily backups, and closes it; the notes and
// cards services receive it from main/services.ts instead of reaching into each other.
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { listBackups, makeBackup } from './backups';
import { openUserDatabase } from './database';
import { DatabaseUnavailableError, type UnavailableReason } from './errors';

/** Where the user database and its backups live. The file keeps its old name so users' data is found. */
export function userDbPaths(dataDir: string) {
  return {
    database: join(dataDir, 'notes', 'notes.sqlite'),
    backups: join(dataDir, 'backups'),
  };
}

export interface UserDatabaseOptions {
  dataDir: string;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
  /** How often to check whether today's backup exists (ms); 0 makes none but the one at start. */
  backupCheckMs?: number;
}

export interface UserDatabase {
  /** The open connection, or null when the database is unavailable (`problem` says why). */
  readonly db: DatabaseSync | null;
  /** For the user: why the database is unavailable, or what recovery did; null when all is well. */
  readonly problem: string | null;
  readonly path: string;
  /** The connection; throws DatabaseUnavailableError (code 'unavailable') naming `what` when there is none. */
  requireDb(what: string): DatabaseSync;
  /** Writes today's backup (replacing it when `replace`); null when today's already existed. */
  backup(replace?: boolean): string | null;
  lastBackup(): string | null;
  close(): void;
}

const BACKUP_CHECK_MS = 60 * 60 * 1000;

export function createUserDatabase({ dataDir, now = () => new Date(), log = console.error, backupCheckMs = BACKUP_CHECK_MS }: UserDatabaseOptions): UserDatabase {
  const paths = userDbPaths(dataDir);
  let db: DatabaseSync | null = null;
  let problem: string | null = null;
  let reason: UnavailableReason = 'closed';
  try {
    const opened = openUserDatabase(paths.database, paths.backups, now);
    db = opened.db;
    problem = opened.problem;
    if (problem) log(`user database: ${problem}`);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
    reason = error instanceof DatabaseUnavailableError ? error.reason : 'cannot-create';
    log('user database: it could not be opened', error);
  }

  function requireDb(what: string): DatabaseSync {
    if (!db) throw new DatabaseUnavailableError(reason, `${what} unavailable: ${problem ?? 'the database is closed'}`);
    return db;
  }

  function dailyBackup(): void {
    if (!db) return;
    try {
      makeBackup(db, paths.backups, now());
    } catch (error) {
      log('user database: the daily backup failed', error);
    }
  }
  dailyBackup();
  const timer = backupCheckMs > 0 ? setInterval(dailyBackup, backupCheckMs) : null;
  timer?.unref?.();

  return {
    get db() {
      return db;
    },
    get problem() {
      return problem;
    },
    path: paths.database,
    requireDb,
    backup(replace = false) {
      return makeBackup(requireDb('Backups are'), paths.backups, now(), replace);
    },
    lastBackup: () => listBackups(paths.backups)[0]?.path ?? null,
    close() {
      if (timer) clearInterval(timer);
      if (db) {
        try {
          db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        } catch {
          // Another reader may hold the WAL; the next start checkpoints it.
        }
        db.close();
      }
      db = null;
      reason = 'closed';
    },
  };
}
