// The notes service: opens the database (recovering from a damaged one), keeps the daily backups,
// and answers the notes and search bridge calls. Built by main/services.ts for both hosts.
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { BridgeError } from '../../common/bridge/contract';
import type { NotesBridge } from '../../common/bridge/notes-contract';
import type { Edition } from '../../common/edition/model';
import { parseExchange, serializeExchange, toExchange } from '../../common/notes/exchange';
import { exportFileName, notesToMarkdown } from '../../common/notes/markdown';
import { sortNotesByPosition, type ExportFormat, type NotesStatus } from '../../common/notes/model';
import { buildQuery } from '../../common/search/query';
import type { BridgeHandlers } from '../bridge/dispatch';
import { writeFileAtomic } from '../fs-atomic';
import type { Library } from '../library/library';
import { notesToAnkiCsv } from './anki';
import { listBackups, makeBackup } from './backups';
import { openNotesDatabase } from './db';
import { createNotesStore, type NotesStore } from './store';
import { buildTranscriptIndex, type TranscriptIndex } from './transcript-index';

export type NotesHandlers = Pick<BridgeHandlers, keyof NotesBridge>;

export interface NotesServiceOptions {
  dataDir: string;
  library: Pick<Library, 'load'>;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

export interface NotesService {
  handlers: NotesHandlers;
  /** The store, or null when the database is unavailable (tests and tools). */
  store: NotesStore | null;
  /** The open database connection, or null when unavailable (the cards live in it too). */
  readonly db: DatabaseSync | null;
  status(): NotesStatus;
  close(): void;
}

export function notesPaths(dataDir: string) {
  return {
    database: join(dataDir, 'notes', 'notes.sqlite'),
    backups: join(dataDir, 'backups'),
    exports: join(dataDir, 'exports'),
  };
}

const DEFAULT_LIMIT = 50;
const BACKUP_CHECK_MS = 60 * 60 * 1000;

export function createNotesService({ dataDir, library, now = () => new Date(), log = console.error }: NotesServiceOptions): NotesService {
  const paths = notesPaths(dataDir);
  let db: DatabaseSync | null = null;
  let store: NotesStore | null = null;
  let problem: string | null = null;

  try {
    const opened = openNotesDatabase(paths.database, paths.backups, now);
    db = opened.db;
    problem = opened.problem;
    if (problem) log(`notes: ${problem}`);
    store = createNotesStore(db, { now });
    store.purgeTrash();
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
    log('notes: the database could not be opened', error);
  }

  function dailyBackup(): void {
    if (!db) return;
    try {
      makeBackup(db, paths.backups, now());
    } catch (error) {
      log('notes: the daily backup failed', error);
    }
  }
  dailyBackup();
  const timer = setInterval(dailyBackup, BACKUP_CHECK_MS);
  timer.unref?.();

  function requireStore(): NotesStore {
    if (!store) throw new BridgeError('failed', `Notes are unavailable: ${problem ?? 'the database is closed'}`);
    return store;
  }

  // Editions are bundled content that does not change while the app runs: load and index once.
  const editions = new Map<string, Promise<{ edition: Edition; index: TranscriptIndex; sentenceIds: Set<string> }>>();
  function editionOf(documentId: string) {
    let entry = editions.get(documentId);
    if (!entry) {
      entry = library.load(documentId).then(({ edition }) => ({
        edition,
        index: buildTranscriptIndex(edition),
        sentenceIds: new Set(edition.sentences.map((s) => s.id)),
      }));
      editions.set(documentId, entry);
      entry.catch(() => editions.delete(documentId));
    }
    return entry;
  }

  function checkSentences(edition: Edition, known: ReadonlySet<string>, sentenceIds: readonly string[]): void {
    const unknown = sentenceIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new BridgeError('invalid-argument', `sentenceIds: ${unknown.slice(0, 5).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in "${edition.id}".`);
    }
  }

  function status(): NotesStatus {
    return {
      problem,
      available: store !== null,
      databasePath: paths.database,
      lastBackup: listBackups(paths.backups)[0]?.path ?? null,
    };
  }

  async function exportNotes(documentId: string, format: ExportFormat) {
    const { edition } = await editionOf(documentId);
    const notes = sortNotesByPosition(requireStore().list(documentId), edition);
    const at = now();
    const [content, extension, mimeType] =
      format === 'markdown'
        ? [notesToMarkdown(notes, edition, at), 'md', 'text/markdown']
        : format === 'json'
          ? [serializeExchange(toExchange(documentId, notes, at)), 'json', 'application/json']
          : [notesToAnkiCsv(notes, edition), 'csv', 'text/csv'];
    const fileName = exportFileName(documentId, extension, at);
    const path = join(paths.exports, fileName);
    await writeFileAtomic(path, content);
    return { fileName, mimeType, content, path, count: notes.length };
  }

  const handlers = {
    getNotesStatus: () => status(),
    listNotes: ({ documentId }) => requireStore().list(documentId),
    createNote: async (req) => {
      const notes = requireStore();
      const { edition, sentenceIds } = await editionOf(req.documentId);
      checkSentences(edition, sentenceIds, req.sentenceIds);
      return notes.create(req);
    },
    updateNote: (req) => requireStore().update(req),
    deleteNote: ({ id }) => requireStore().delete(id),
    restoreNote: ({ undoToken }) => requireStore().restore(undoToken),
    search: async ({ documentId, query, limit = DEFAULT_LIMIT }) => {
      const built = buildQuery(query);
      let searchProblem: string | null = null;
      // The transcript is searched even when the notes database is unavailable.
      const notes = store ? store.searchNotes(documentId, built, limit) : { hits: [], more: false };
      if (!store) searchProblem = `Notes cannot be searched: ${problem ?? 'the database is closed'}`;
      let transcript: ReturnType<TranscriptIndex['search']> = { hits: [], more: false };
      try {
        transcript = (await editionOf(documentId)).index.search(built, limit);
      } catch (error) {
        searchProblem = `The transcript could not be searched: ${error instanceof Error ? error.message : String(error)}`;
        if (!store) searchProblem += ` Notes cannot be searched either: ${problem ?? 'the database is closed'}`;
      }
      return {
        query,
        transcript: transcript.hits,
        notes: notes.hits,
        moreTranscript: transcript.more,
        moreNotes: notes.more,
        problem: searchProblem,
      };
    },
    exportNotes: ({ documentId, format }) => exportNotes(documentId, format),
    importNotes: async ({ documentId, json }) => {
      const notes = requireStore();
      const parsed = parseExchange(json);
      if (!parsed.ok) throw new BridgeError('invalid-argument', parsed.message);
      if (parsed.exchange.documentId !== documentId) {
        throw new BridgeError(
          'invalid-argument',
          `This export holds notes of "${parsed.exchange.documentId}", not of "${documentId}". Open that document to import them.`,
        );
      }
      const { sentenceIds: known } = await editionOf(documentId);
      const anchored = parsed.exchange.notes.filter((note) => note.sentenceIds.every((id) => known.has(id)));
      const result = notes.importNotes(documentId, anchored);
      const unanchored = parsed.exchange.notes.length - anchored.length;
      if (unanchored > 0) {
        result.skipped += unanchored;
        result.problems.unshift(`${unanchored} note${unanchored === 1 ? '' : 's'} pointed at sentences this edition does not have.`);
      }
      return result;
    },
    backupNotes: () => {
      if (!db) throw new BridgeError('failed', `Notes are unavailable: ${problem ?? 'the database is closed'}`);
      return { path: makeBackup(db, paths.backups, now(), true)! };
    },
  } satisfies NotesHandlers;

  return {
    handlers,
    get store() {
      return store;
    },
    get db() {
      return db;
    },
    status,
    close() {
      clearInterval(timer);
      for (const entry of editions.values()) entry.then((e) => e.index.close(), () => undefined);
      editions.clear();
      if (db) {
        try {
          db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        } catch {
          // Another reader may hold the WAL; the next start checkpoints it.
        }
        db.close();
      }
      db = null;
      store = null;
    },
  };
}
