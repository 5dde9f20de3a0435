// The notes store: every read and write of notes, on the one connection opened by db.ts.
// Each write is one transaction committed with synchronous=FULL before the call returns, so a note
// whose save was acknowledged survives a crash. Deleting moves a note to the trash (undo restores it).
import { randomUUID } from 'node:crypto';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { BridgeError } from '../../common/bridge/contract';
import type { CreateNoteRequest, UpdateNoteRequest } from '../../common/bridge/notes-contract';
import { contentKey, planMerge } from '../../common/notes/exchange';
import { normaliseTags, type DeleteResult, type ImportResult, type Note, type NoteHit } from '../../common/notes/model';
import type { SearchQuery } from '../../common/search/query';
import { foldedColumns } from '../userdb/migrations';
import { inWriteTransaction, statementCache, timeAfter, trash } from '../userdb/store-helpers';
import { searchNotes } from './note-search';

/** How long a deleted note can still be restored. */
export const TRASH_DAYS = 30;

interface NoteRow {
  seq: number;
  id: string;
  document_id: string;
  sentence_ids: string;
  quote: string | null;
  quote_lang: 'de' | 'en' | null;
  time: number;
  text: string;
  tags: string;
  created_at: string;
  updated_at: string;
}

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    documentId: row.document_id,
    sentenceIds: JSON.parse(row.sentence_ids) as string[],
    quote: row.quote,
    quoteLang: row.quote_lang,
    time: row.time,
    text: row.text,
    tags: JSON.parse(row.tags) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NotesStoreOptions {
  now?: () => Date;
  newId?: () => string;
}

export interface NotesStore {
  list(documentId: string): Note[];
  get(id: string): Note | null;
  create(req: CreateNoteRequest): Note;
  update(req: UpdateNoteRequest): Note;
  delete(id: string): DeleteResult;
  restore(undoToken: string): Note;
  searchNotes(documentId: string, query: SearchQuery, limit: number): { hits: NoteHit[]; more: boolean };
  /** Merges notes (already validated) into a document, in one transaction. */
  importNotes(documentId: string, notes: readonly Note[]): ImportResult;
  /** Deletes trash older than TRASH_DAYS; returns how many. */
  purgeTrash(): number;
  count(): number;
}

const COLUMNS = 'seq, id, document_id, sentence_ids, quote, quote_lang, time, text, tags, created_at, updated_at';

/**
 * The values of a note's columns from sentence_ids to fold_tags, in that order: what both an insert
 * and a replace write (after id and document_id, before WHERE id). One list, so the two statements
 * store a note the same way and the folded search columns are never left out of either.
 */
function contentValues(note: Note): SQLInputValue[] {
  const folded = foldedColumns(note.text, note.quote, note.tags);
  return [
    JSON.stringify(note.sentenceIds),
    note.quote,
    note.quoteLang,
    note.time,
    note.text,
    JSON.stringify(note.tags),
    note.createdAt,
    note.updatedAt,
    folded.foldText,
    folded.foldQuote,
    folded.foldTags,
  ];
}

export function createNotesStore(db: DatabaseSync, options: NotesStoreOptions = {}): NotesStore {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID());

  const sql = statementCache(db);
  const transaction = <T>(work: () => T): T => inWriteTransaction(db, work);

  function getRow(id: string): NoteRow | undefined {
    return sql(`SELECT ${COLUMNS} FROM notes WHERE id = ?`).get(id) as NoteRow | undefined;
  }

  function insert(note: Note): void {
    sql(
      `INSERT INTO notes (id, document_id, sentence_ids, quote, quote_lang, time, text, tags, created_at, updated_at, fold_text, fold_quote, fold_tags)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(note.id, note.documentId, ...contentValues(note));
  }

  function replace(note: Note): void {
    sql(
      `UPDATE notes SET sentence_ids = ?, quote = ?, quote_lang = ?, time = ?, text = ?, tags = ?, created_at = ?, updated_at = ?,
         fold_text = ?, fold_quote = ?, fold_tags = ? WHERE id = ?`,
    ).run(...contentValues(note), note.id);
  }

  const trashed = trash<Note>(
    sql,
    { table: 'notes', trash: 'notes_trash', idColumn: 'note_id', itemColumn: 'note' },
    { exists: (id) => getRow(id) !== undefined, insert },
  );

  return {
    list(documentId) {
      const rows = sql(`SELECT ${COLUMNS} FROM notes WHERE document_id = ? ORDER BY time, created_at, id`).all(documentId) as unknown as NoteRow[];
      return rows.map(toNote);
    },

    get(id) {
      const row = getRow(id);
      return row ? toNote(row) : null;
    },

    create(req) {
      const createdAt = now().toISOString();
      const quote = req.quote && req.quote.trim() !== '' ? req.quote.normalize('NFC') : null;
      const note: Note = {
        id: newId(),
        documentId: req.documentId,
        sentenceIds: [...new Set(req.sentenceIds)],
        quote,
        quoteLang: quote ? (req.quoteLang ?? null) : null,
        time: req.time,
        text: req.text.normalize('NFC'),
        tags: normaliseTags(req.tags ?? []),
        createdAt,
        updatedAt: createdAt,
      };
      insert(note); // one statement: its own transaction, committed when run() returns
      return note;
    },

    update(req) {
      return transaction(() => {
        const row = getRow(req.id);
        if (!row) throw new BridgeError('not-found', `There is no note "${req.id}" (it may have been deleted).`);
        const current = toNote(row);
        if (req.expectedUpdatedAt !== undefined && req.expectedUpdatedAt !== current.updatedAt) {
          throw new BridgeError(
            'conflict',
            `This note was changed elsewhere (at ${current.updatedAt}) since this copy was loaded; reload the notes to see the newer text.`,
          );
        }
        const next: Note = {
          ...current,
          text: req.text !== undefined ? req.text.normalize('NFC') : current.text,
          tags: req.tags !== undefined ? normaliseTags(req.tags) : current.tags,
        };
        if (next.text === current.text && JSON.stringify(next.tags) === JSON.stringify(current.tags)) return current;
        next.updatedAt = timeAfter(now(), current.updatedAt);
        replace(next);
        return next;
      });
    },

    delete(id) {
      return transaction(() => {
        const row = getRow(id);
        if (!row) throw new BridgeError('not-found', `There is no note "${id}" (it may have been deleted already).`);
        const deleted = toNote(row);
        const undoToken = newId();
        trashed.discard(deleted, undoToken, now().toISOString());
        return { deleted, undoToken };
      });
    },

    restore(undoToken) {
      return transaction(() => {
        const note = trashed.restore(undoToken);
        if (!note) throw new BridgeError('not-found', 'That deletion can no longer be undone (it was undone already, or is too old).');
        return note;
      });
    },

    searchNotes(documentId, query, limit) {
      return searchNotes(sql, documentId, query, limit, (seq) => toNote(sql(`SELECT ${COLUMNS} FROM notes WHERE seq = ?`).get(seq) as unknown as NoteRow));
    },

    importNotes(documentId, notes) {
      return transaction(() => {
        const existing = new Map<string, Note>();
        const keys = new Set<string>();
        for (const note of this.list(documentId)) {
          existing.set(note.id, note);
          keys.add(contentKey(note));
        }
        const result: ImportResult = { added: 0, updated: 0, skipped: 0, problems: [] };
        for (const incoming of notes) {
          const note: Note = {
            ...incoming,
            documentId,
            text: incoming.text.normalize('NFC'),
            quote: incoming.quote ? incoming.quote.normalize('NFC') : null,
            quoteLang: incoming.quote ? incoming.quoteLang : null,
            tags: normaliseTags(incoming.tags),
          };
          const elsewhere = existing.has(note.id) ? undefined : getRow(note.id);
          if (elsewhere && elsewhere.document_id !== documentId) {
            result.skipped++;
            if (result.problems.length < 5) result.problems.push(`Note ${note.id} already exists in another document ("${elsewhere.document_id}").`);
            continue;
          }
          const plan = planMerge(note, existing.get(note.id), keys);
          if (plan.action === 'add') {
            insert(note);
            result.added++;
          } else if (plan.action === 'update') {
            replace(note);
            result.updated++;
          } else {
            result.skipped++;
            continue;
          }
          existing.set(note.id, note);
          keys.add(contentKey(note));
        }
        return result;
      });
    },

    purgeTrash() {
      const cutoff = new Date(now().getTime() - TRASH_DAYS * 24 * 3600 * 1000).toISOString();
      return trashed.purgeBefore(cutoff);
    },

    count() {
      return (sql('SELECT count(*) AS n FROM notes').get() as { n: number }).n;
    },
  };
}
