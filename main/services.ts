// Builds the main-process services and the bridge handlers on top of them. Both hosts (Electron and
// the browser-mode HTTP host) call this, so they serve the very same back end, media included.
import type { AppInfo, DocumentSummary, LibraryEntry } from '../common/bridge/contract';
import type { BridgeHandlers } from './bridge/dispatch';
import { createEventHub, type BridgeEventFeed } from './bridge/events';
import { createCardsService } from './cards/service';
import { createExchangeService } from './exchange/service';
import { createLibrary, type Library } from './library/library';
import { createMediaCatalog, type MediaCatalog } from './media/catalog';
import { jobHandlers, publishJobs } from './jobs/handlers';
import { createJobRunner, type JobRunner } from './jobs/runner';
import { createImportService } from './import/service';
import { createTranslationService } from './parallel/translation-service';
import { importText } from './import/text-import';
import type { Uploads } from './import/uploads';
import type { RecordingImportOptions } from './import/recording-import';
import { createNotesService } from './notes/service';
import type { AppPaths } from './paths';
import { createSettingsStore } from './settings/settings-store';
import { createUserDatabase } from './userdb/service';

export interface ServiceOptions {
  paths: AppPaths;
  host: AppInfo['host'];
  version: string;
  /** Aligner settings for imported recordings (tests; the desktop app its launcher; the defaults suit real recordings). */
  aligner?: RecordingImportOptions['aligner'];
  /** The sentence-pairing worker's file, where it is not the source's (the desktop app's build). */
  pairingWorker?: string;
}

export interface Services {
  handlers: BridgeHandlers;
  /** Media by id, each document's from its own folder: the hosts serve it, cards cut clips from it. */
  media: MediaCatalog;
  library: Library;
  /** Push events for the hosts to carry to their pages (see common/bridge/events.ts). */
  events: BridgeEventFeed;
  /** Long jobs; the services that need one start it here and return its id. */
  jobs: JobRunner;
  /** Files on their way into an import (browser mode streams them in through its upload route). */
  uploads: Uploads;
  /** Releases what the services hold open (databases, timers). */
  close(): Promise<void>;
}

export async function createServices({ paths, host, version, aligner, pairingWorker }: ServiceOptions): Promise<Services> {
  const library = createLibrary({ transcriptsDir: paths.transcriptsDir, narrationDir: paths.narrationDir, dataDir: paths.dataDir });
  const media = createMediaCatalog((documentId) => library.mediaFolder(documentId));
  const settings = createSettingsStore(paths.dataDir);
  const jobs = createJobRunner();
  const events = createEventHub(() => jobs.listJobs().map((payload) => ({ name: 'job' as const, payload })));
  publishJobs(jobs, events);
  const userDb = createUserDatabase({ dataDir: paths.dataDir });
  const notes = createNotesService({ dataDir: paths.dataDir, userDb, editions: library.editions });
  const cards = createCardsService({ dataDir: paths.dataDir, userDb, editions: library.editions, media });
  const exchange = createExchangeService({ dataDir: paths.dataDir, load: (id) => library.editions.get(id), media, jobs });
  const imports = createImportService({ dataDir: paths.dataDir, library, jobs, events, ...(aligner ? { aligner } : {}) });
  const translations = createTranslationService({ library, jobs, events, ...(pairingWorker ? { pairingWorker } : {}) });
  imports.resumeInterrupted().catch((error: unknown) => console.error('import: resuming interrupted imports failed', error));
  cards.sweepRecordings().catch((error: unknown) => console.error('cards: sweeping recordings failed', error));

  /** A library entry as the renderer lists it: with the user's last visit and place. */
  async function visited(entry: LibraryEntry, opened: Record<string, string>): Promise<DocumentSummary> {
    const position = await settings.getPosition(entry.id);
    return { ...entry, lastOpenedAt: opened[entry.id] ?? null, listenedTo: position?.time ?? null };
  }

  const handlers = {
    getAppInfo: () => ({ name: 'Mitlesen', version, host }),
    listDocuments: async () => {
      const [entries, opened] = await Promise.all([library.list(), settings.lastOpened()]);
      return Promise.all(entries.map((entry) => visited(entry, opened)));
    },
    renameDocument: async ({ documentId, title }) => {
      const renamed = await library.renameDocument(documentId, title);
      events.emit('library', { documentId });
      return visited(renamed, await settings.lastOpened());
    },
    removeDocument: async ({ documentId }) => {
      const removed = await library.trashDocument(documentId);
      events.emit('library', { documentId });
      return removed;
    },
    importText: (source) => {
      const jobId = jobs.startJob('import-text', async (context) => {
        const added = await importText(source, context, { library });
        events.emit('library', { documentId: added.id });
        return { documentId: added.id };
      }, { subject: source.title });
      return { jobId };
    },
    restoreDocument: async ({ undoToken }) => {
      const restored = await library.restoreDocument(undoToken);
      events.emit('library', { documentId: restored.id });
      return visited(restored, await settings.lastOpened());
    },
    loadDocument: async ({ documentId }) => {
      const opened = await library.open(documentId);
      // Only the renderer opens documents through this call (services load editions directly).
      // Not remembering it costs only which document opens first next time.
      await settings.markOpened(documentId).catch((error: unknown) => console.error('settings: could not note the opened document', error));
      return opened;
    },
    getSettings: () => settings.get(),
    updateSettings: ({ patch }) => settings.update(patch),
    getPosition: ({ documentId }) => settings.getPosition(documentId),
    savePosition: (position) => settings.savePosition(position),
    ...notes.handlers,
    ...cards.handlers,
    ...exchange.handlers,
    ...imports.handlers,
    ...translations.handlers,
    ...jobHandlers(jobs),
  } satisfies BridgeHandlers;

  return {
    handlers,
    media,
    library,
    events,
    jobs,
    uploads: imports.uploads,
    close: async () => {
      // Jobs first: one may still be writing to the database that closes next.
      await jobs.close();
      library.close();
      notes.close();
      userDb.close();
    },
  };
}
