// The cards and recordings store: rows in the notes database (migration 4), on its one connection.
// Every write is one transaction committed (synchronous=FULL) before the call returns, as for notes.
// Deleting a card moves it to the trash (undo restores it); a recording's row is removed before its
// file, and files without a row are swept at start.
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { BridgeError } from '../../common/bridge/contract';
import type { Card, Recording } from '../../common/learning/cards';
import type { Lang } from '../../common/edition/model';
import { inWriteTransaction, statementCache, timeAfter, trash } from '../userdb/store-helpers';

/** How long a deleted card can still be restored. */
export const CARD_TRASH_DAYS = 30;

interface CardRow {
  id: string;
  document_id: string;
  sentence_ids: string;
  german: string;
  english: string;
  note: string;
  context_de: string;
  context_en: string;
  kind: 'sentence' | 'phrase';
  created_at: string;
  updated_at: string;
}

interface RecordingRow {
  id: string;
  document_id: string;
  sentence_id: string;
  lang: Lang;
  mime_type: string;
  file: string;
  bytes: number;
  duration_ms: number | null;
  created_at: string;
}

const CARD_COLUMNS = 'id, document_id, sentence_ids, german, english, note, context_de, context_en, kind, created_at, updated_at';
const RECORDING_COLUMNS = 'id, document_id, sentence_id, lang, mime_type, file, bytes, duration_ms, created_at';

function toCard(row: CardRow): Card {
  return {
    id: row.id,
    documentId: row.document_id,
    sentenceIds: JSON.parse(row.sentence_ids) as string[],
    german: row.german,
    english: row.english,
    note: row.note,
    contextDe: row.context_de,
    contextEn: row.context_en,
    kind: row.kind,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRecording(row: RecordingRow): Recording & { file: string } {
  return {
    id: row.id,
    documentId: row.document_id,
    sentenceId: row.sentence_id,
    lang: row.lang,
    mimeType: row.mime_type,
    bytes: row.bytes,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
    file: row.file,
  };
}

/** A card before the store gives it its id and times: the model's own fields, so the two cannot drift apart. */
export type NewCard = Omit<Card, 'id' | 'createdAt' | 'updatedAt'>;

export interface CardsStore {
  list(documentId: string): Card[];
  get(id: string): Card | null;
  create(card: NewCard): Card;
  update(req: { id: string; german?: string; english?: string; note?: string; expectedUpdatedAt?: string }): Card;
  delete(id: string): { deleted: Card; undoToken: string };
  restore(undoToken: string): Card;
  purgeTrash(): number;
  addRecording(recording: Omit<Recording, 'createdAt'> & { file: string }): Recording;
  listRecordings(documentId: string, sentenceId?: string): Recording[];
  getRecording(id: string): (Recording & { file: string }) | null;
  /** Removes the row; returns the file name it pointed at (to delete after). */
  removeRecording(id: string): string;
  recordingFiles(): Set<string>;
}

export function createCardsStore(db: DatabaseSync, options: { now?: () => Date; newId?: () => string } = {}): CardsStore {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());
  const sql = statementCache(db);
  const transaction = <T>(work: () => T): T => inWriteTransaction(db, work);

  /** The last creation time handed out: cards made in the same millisecond still sort in order. */
  let lastCreated: string | null = null;

  function getRow(id: string): CardRow | undefined {
    return sql(`SELECT ${CARD_COLUMNS} FROM cards WHERE id = ?`).get(id) as CardRow | undefined;
  }

  function insert(card: Card): void {
    sql(
      `INSERT INTO cards (${CARD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      card.id,
      card.documentId,
      JSON.stringify(card.sentenceIds),
      card.german,
      card.english,
      card.note,
      card.contextDe,
      card.contextEn,
      card.kind,
      card.createdAt,
      card.updatedAt,
    );
  }

  const trashed = trash<Card>(
    sql,
    { table: 'cards', trash: 'cards_trash', idColumn: 'card_id', itemColumn: 'card' },
    { exists: (id) => getRow(id) !== undefined, insert },
  );

  return {
    list(documentId) {
      const rows = sql(`SELECT ${CARD_COLUMNS} FROM cards WHERE document_id = ? ORDER BY created_at, id`).all(documentId) as unknown as CardRow[];
      return rows.map(toCard);
    },
    get(id) {
      const row = getRow(id);
      return row ? toCard(row) : null;
    },
    create(input) {
      const at = timeAfter(now(), lastCreated);
      lastCreated = at;
      const card: Card = { id: newId(), ...input, createdAt: at, updatedAt: at };
      transaction(() => insert(card));
      return card;
    },
    update({ id, german, english, note, expectedUpdatedAt }) {
      return transaction(() => {
        const row = getRow(id);
        if (!row) throw new BridgeError('not-found', `There is no card "${id}" (it may have been deleted).`);
        if (expectedUpdatedAt !== undefined && row.updated_at !== expectedUpdatedAt) {
          throw new BridgeError('conflict', 'This card was changed elsewhere since you opened it. Reload the cards to see the newer version.');
        }
        const card = toCard(row);
        const next: Card = {
          ...card,
          german: german ?? card.german,
          english: english ?? card.english,
          note: note ?? card.note,
          updatedAt: timeAfter(now(), card.updatedAt),
        };
        sql('UPDATE cards SET german = ?, english = ?, note = ?, updated_at = ? WHERE id = ?').run(next.german, next.english, next.note, next.updatedAt, id);
        return next;
      });
    },
    delete(id) {
      return transaction(() => {
        const row = getRow(id);
        if (!row) throw new BridgeError('not-found', `There is no card "${id}" (it may have been deleted already).`);
        const card = toCard(row);
        const undoToken = randomUUID();
        trashed.discard(card, undoToken, now().toISOString());
        return { deleted: card, undoToken };
      });
    },
    restore(undoToken) {
      return transaction(() => {
        const card = trashed.restore(undoToken);
        if (!card) throw new BridgeError('not-found', 'This deletion can no longer be undone (the card was restored already or purged).');
        return card;
      });
    },
    purgeTrash() {
      const cutoff = new Date(now().getTime() - CARD_TRASH_DAYS * 24 * 3600 * 1000).toISOString();
      return transaction(() => trashed.purgeBefore(cutoff));
    },
    addRecording(recording) {
      const createdAt = timeAfter(now(), null);
      transaction(() =>
        sql(`INSERT INTO recordings (${RECORDING_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
          recording.id,
          recording.documentId,
          recording.sentenceId,
          recording.lang,
          recording.mimeType,
          recording.file,
          recording.bytes,
          recording.durationMs,
          createdAt,
        ),
      );
      const { file: _file, ...rest } = recording;
      return { ...rest, createdAt };
    },
    listRecordings(documentId, sentenceId) {
      const rows = (
        sentenceId === undefined
          ? sql(`SELECT ${RECORDING_COLUMNS} FROM recordings WHERE document_id = ? ORDER BY created_at, id`).all(documentId)
          : sql(`SELECT ${RECORDING_COLUMNS} FROM recordings WHERE document_id = ? AND sentence_id = ? ORDER BY created_at, id`).all(documentId, sentenceId)
      ) as unknown as RecordingRow[];
      return rows.map((row) => {
        const { file: _file, ...recording } = toRecording(row);
        return recording;
      });
    },
    getRecording(id) {
      const row = sql(`SELECT ${RECORDING_COLUMNS} FROM recordings WHERE id = ?`).get(id) as RecordingRow | undefined;
      return row ? toRecording(row) : null;
    },
    removeRecording(id) {
      return transaction(() => {
        const row = sql('SELECT file FROM recordings WHERE id = ?').get(id) as { file: string } | undefined;
        if (!row) throw new BridgeError('not-found', `There is no recording "${id}" (it may have been deleted already).`);
        sql('DELETE FROM recordings WHERE id = ?').run(id);
        return row.file;
      });
    },
    recordingFiles() {
      return new Set((sql('SELECT file FROM recordings').all() as { file: string }[]).map((r) => r.file));
    },
  };
}
