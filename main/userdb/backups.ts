// Rotating backups of the user database (notes and cards), outside its folder:
// <dataDir>/backups/notes-YYYY-MM-DD.sqlite (the local date; "notes-" because existing backups are
// named so and must still be found for a restore), one a day, the newest 7 kept. Made with VACUUM INTO (a consistent copy even
// while the app writes), into a temporary name first and renamed when complete and checked.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const KEEP_BACKUPS = 7;
const BACKUP_NAME = /^notes-(\d{4}-\d{2}-\d{2})\.sqlite$/;

function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function backupPath(backupsDir: string, now: Date): string {
  return join(backupsDir, `notes-${localDate(now)}.sqlite`);
}

/** Backups, newest first. */
export function listBackups(backupsDir: string): { path: string; date: string }[] {
  if (!existsSync(backupsDir)) return [];
  return readdirSync(backupsDir)
    .map((name) => ({ name, match: BACKUP_NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .sort((a, b) => b.name.localeCompare(a.name))
    .map((entry) => ({ path: join(backupsDir, entry.name), date: entry.match[1]! }));
}

function isSound(file: string): boolean {
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    const row = db.prepare('PRAGMA quick_check').get() as { quick_check: string } | undefined;
    return row?.quick_check === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Writes today's backup. Unless `replace`, an existing backup for today is kept as it is.
 * Returns the backup's path, or null when today's already existed.
 */
export function makeBackup(db: DatabaseSync, backupsDir: string, now: Date, replace = false): string | null {
  mkdirSync(backupsDir, { recursive: true });
  const target = backupPath(backupsDir, now);
  if (!replace && existsSync(target)) return null;
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  rmSync(temp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    if (!isSound(temp)) throw new Error('the new backup failed its integrity check');
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
  pruneBackups(backupsDir);
  return target;
}

export function pruneBackups(backupsDir: string, keep = KEEP_BACKUPS): void {
  for (const old of listBackups(backupsDir).slice(keep)) rmSync(old.path, { force: true });
}

/**
 * Copies the newest backup that passes quick_check to `target` (which must not exist).
 * Returns which backup, or null when none is usable.
 */
export function restoreNewestBackup(backupsDir: string, target: string): { path: string; date: string } | null {
  for (const backup of listBackups(backupsDir)) {
    if (!isSound(backup.path)) continue;
    const temp = `${target}.restore.tmp`;
    copyFileSync(backup.path, temp);
    renameSync(temp, target);
    return backup;
  }
  return null;
}
