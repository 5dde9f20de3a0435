// The notes service: answers the notes and search bridge calls on the user database it is given
// (main/userdb/ opens, recovers and backs it up). Built by main/services.ts for both hosts.
import { join } from 'node:path';
import { BridgeError } from '../../common/bridge/contract';
import type { NotesBridge } from '../../common/bridge/notes-contract';
import type { Edition } from '../../common/edition/model';
import { parseExchange, serializeExchange, toExchange } from '../../common/notes/exchange';
import { exportFileName, notesToMarkdown } from '../../common/notes/markdown';
import { sortNotesByPosition, type ExportFormat, type NotesStatus } from '../../common/notes/model';
import { buildQuery } from '../../common/search/query';
import type { BridgeHandlers } from '../bridge/dispatch';
import { writeFileAtomic } from '../fs-atomic';
import { checkSentences, type EditionCache } from '../library/editions';
import type { UserDatabase } from '../userdb/service';
import { notesToAnkiCsv } from './anki';
import { createNotesStore, type NotesStore } from './store';
import { buildTranscriptIndex, type TranscriptIndex } from './transcript-index';

export type NotesHandlers = Pick<BridgeHandlers, keyof NotesBridge>;

export interface NotesServiceOptions {
  dataDir: string;
  userDb: UserDatabase;
  editions: Pick<EditionCache, 'get'>;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

export interface NotesService {
  handlers: NotesHandlers;
  /** The store, or null when the database is unavailable (tests and tools). */
  store: NotesStore | null;
  status(): NotesStatus;
  /** Releases the search indexes; the database itself belongs to the user database service. */
  close(): void;
}

export function notesPaths(dataDir: string) {
  return { exports: join(dataDir, 'exports') };
}

const DEFAULT_LIMIT = 50;

export function createNotesService({ dataDir, userDb, editions, now = () => new Date(), log = console.error }: NotesServiceOptions): NotesService {
  const paths = notesPaths(dataDir);
  let store: NotesStore | null = null;

  if (userDb.db) {
    try {
      store = createNotesStore(userDb.db, { now });
      store.purgeTrash();
    } catch (error) {
      log('notes: purging the trash failed', error);
    }
  }

  function requireStore(): NotesStore {
    userDb.requireDb('Notes are');
    if (!store) throw new BridgeError('failed', 'Notes are unavailable: the notes store could not be prepared.');
    return store;
  }

  // The transcript index is built on first search and kept while the edition is the same one.
  const indexes = new Map<string, { edition: Edition; index: TranscriptIndex }>();
  async function editionOf(documentId: string) {
    const loaded = await editions.get(documentId);
    let entry = indexes.get(documentId);
    if (!entry || entry.edition !== loaded.edition) {
      entry?.index.close();
      entry = { edition: loaded.edition, index: buildTranscriptIndex(loaded.edition) };
      indexes.set(documentId, entry);
    }
    return { edition: loaded.edition, index: entry.index, sentenceIds: loaded.sentenceIds };
  }

  function status(): NotesStatus {
    return {
      problem: userDb.problem,
      available: userDb.db !== null && store !== null,
      databasePath: userDb.path,
      lastBackup: userDb.lastBackup(),
    };
  }

  async function exportNotes(documentId: string, format: ExportFormat) {
    const { edition } = await editions.get(documentId);
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
      const { edition, sentenceIds } = await editions.get(req.documentId);
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
      const usable = userDb.db !== null && store !== null;
      const notes = usable ? store!.searchNotes(documentId, built, limit) : { hits: [], more: false };
      if (!usable) searchProblem = `Notes cannot be searched: ${userDb.problem ?? 'the database is closed'}`;
      let transcript: ReturnType<TranscriptIndex['search']> = { hits: [], more: false };
      try {
        transcript = (await editionOf(documentId)).index.search(built, limit);
      } catch (error) {
        searchProblem = `The transcript could not be searched: ${error instanceof Error ? error.message : String(error)}`;
        if (!usable) searchProblem += ` Notes cannot be searched either: ${userDb.problem ?? 'the database is closed'}`;
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
      const { sentenceIds: known } = await editions.get(documentId);
      const anchored = parsed.exchange.notes.filter((note) => note.sentenceIds.every((id) => known.has(id)));
      const result = notes.importNotes(documentId, anchored);
      const unanchored = parsed.exchange.notes.length - anchored.length;
      if (unanchored > 0) {
        result.skipped += unanchored;
        result.problems.unshift(`${unanchored} note${unanchored === 1 ? '' : 's'} pointed at sentences this edition does not have.`);
      }
      return result;
    },
    backupNotes: () => ({ path: userDb.backup(true)! }),
  } satisfies NotesHandlers;

  return {
    handlers,
    get store() {
      return store;
    },
    status,
    close() {
      for (const entry of indexes.values()) entry.index.close();
      indexes.clear();
      store = null;
    },
  };
}
