// What the notes store (main/notes/store.ts) and the cards store (main/cards/store.ts) share: both
// work on the user database's one connection and promise the same things, so they do it with the same code.
// Each write is one IMMEDIATE transaction (committed, synchronous=FULL, before the call returns);
// updatedAt times always move forward; deleting moves an item into a trash table as JSON under an
// undo token, from which it is restored or, after some days, purged.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** `sql(text)`: the connection's prepared statement for that text, prepared once and reused. */
export function statementCache(db: DatabaseSync): (text: string) => StatementSync {
  const statements = new Map<string, StatementSync>();
  return (text) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
}

/**
 * Runs `work` in one transaction that takes the write lock at once (BEGIN IMMEDIATE) and commits
 * before returning; on an error it rolls back (if SQLite has not already) and rethrows.
 */
export function inWriteTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** `now` as ISO, but at least a millisecond after `previous` (ISO): times always move forward. */
export function timeAfter(now: Date, previous: string | null): string {
  let time = now.getTime();
  if (previous !== null) time = Math.max(time, Date.parse(previous) + 1);
  return new Date(time).toISOString();
}

/** The tables of one kind of item: `table` holds the items, `trash` (token, idColumn, document_id, deleted_at, itemColumn) the deleted ones. */
export interface TrashTables {
  table: string;
  trash: string;
  idColumn: string;
  itemColumn: string;
}

export interface Trash<T> {
  /** Moves the item from its table into the trash under `token`. Call inside a transaction. */
  discard(item: T, token: string, deletedAt: string): void;
  /** Puts the item under `token` back (unless a row with its id is there) and empties that slot; null when there is none. Call inside a transaction. */
  restore(token: string): T | null;
  /** Deletes what was discarded before `cutoff` (ISO); returns how many. */
  purgeBefore(cutoff: string): number;
}

export function trash<T extends { id: string; documentId: string }>(
  sql: (text: string) => StatementSync,
  tables: TrashTables,
  items: { exists(id: string): boolean; insert(item: T): void },
): Trash<T> {
  const { table, trash: bin, idColumn, itemColumn } = tables;
  return {
    discard(item, token, deletedAt) {
      sql(`INSERT INTO ${bin} (token, ${idColumn}, document_id, deleted_at, ${itemColumn}) VALUES (?, ?, ?, ?, ?)`).run(
        token,
        item.id,
        item.documentId,
        deletedAt,
        JSON.stringify(item),
      );
      sql(`DELETE FROM ${table} WHERE id = ?`).run(item.id);
    },
    restore(token) {
      const row = sql(`SELECT ${itemColumn} FROM ${bin} WHERE token = ?`).get(token) as Record<string, string> | undefined;
      if (!row) return null;
      const item = JSON.parse(row[itemColumn]!) as T;
      if (!items.exists(item.id)) items.insert(item);
      sql(`DELETE FROM ${bin} WHERE token = ?`).run(token);
      return item;
    },
    purgeBefore(cutoff) {
      return Number(sql(`DELETE FROM ${bin} WHERE deleted_at < ?`).run(cutoff).changes);
    },
  };
}
