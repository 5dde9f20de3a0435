// Builds the main-process services and the bridge handlers on top of them. Both hosts (Electron and
// the browser-mode HTTP host) call this, so they serve the very same back end, media included.
import type { AppInfo } from '../common/bridge/contract';
import type { BridgeHandlers } from './bridge/dispatch';
import { createCardsService } from './cards/service';
import { createLibrary, type Library } from './library/library';
import { createMediaCatalog, type MediaCatalog } from './media/catalog';
import { createNotesService } from './notes/service';
import type { AppPaths } from './paths';
import { createSettingsStore } from './settings/settings-store';
import { createUserDatabase } from './userdb/service';

export interface ServiceOptions {
  paths: AppPaths;
  host: AppInfo['host'];
  version: string;
}

export interface Services {
  handlers: BridgeHandlers;
  /** Media by id, each document's from its own folder: the hosts serve it, cards cut clips from it. */
  media: MediaCatalog;
  library: Library;
  /** Releases what the services hold open (databases, timers). */
  close(): Promise<void>;
}

export async function createServices({ paths, host, version }: ServiceOptions): Promise<Services> {
  const library = createLibrary({ transcriptsDir: paths.transcriptsDir, narrationDir: paths.narrationDir, dataDir: paths.dataDir });
  const media = createMediaCatalog((documentId) => library.mediaFolder(documentId));
  const settings = createSettingsStore(paths.dataDir);
  const userDb = createUserDatabase({ dataDir: paths.dataDir });
  const notes = createNotesService({ dataDir: paths.dataDir, userDb, editions: library.editions });
  const cards = createCardsService({ dataDir: paths.dataDir, userDb, editions: library.editions, media });
  cards.sweepRecordings().catch((error: unknown) => console.error('cards: sweeping recordings failed', error));

  const handlers = {
    getAppInfo: () => ({ name: 'Mitlesen', version, host }),
    listDocuments: () => library.list(),
    loadDocument: ({ documentId }) => library.load(documentId),
    getSettings: () => settings.get(),
    updateSettings: ({ patch }) => settings.update(patch),
    getPosition: ({ documentId }) => settings.getPosition(documentId),
    savePosition: (position) => settings.savePosition(position),
    ...notes.handlers,
    ...cards.handlers,
  } satisfies BridgeHandlers;

  return {
    handlers,
    media,
    library,
    close: async () => {
      notes.close();
      userDb.close();
    },
  };
}
