// Builds the main-process services and the bridge handlers on top of them. Both hosts (Electron and
// the browser-mode HTTP host) call this, so they serve the very same back end.
import type { AppInfo } from '../common/bridge/contract';
import type { BridgeHandlers } from './bridge/dispatch';
import { createEventHub, type BridgeEventFeed } from './bridge/events';
import { createCardsService } from './cards/service';
import { jobHandlers, publishJobs } from './jobs/handlers';
import { createJobRunner, type JobRunner } from './jobs/runner';
import { createLibrary } from './library/library';
import { createNotesService } from './notes/service';
import type { AppPaths } from './paths';
import { createSettingsStore } from './settings/settings-store';

export interface ServiceOptions {
  paths: AppPaths;
  host: AppInfo['host'];
  version: string;
}

export interface Services {
  handlers: BridgeHandlers;
  /** Push events for the hosts to carry to their pages (see common/bridge/events.ts). */
  events: BridgeEventFeed;
  /** Long jobs; the services that need one start it here and return its id. */
  jobs: JobRunner;
  /** Releases what the services hold open (databases, timers). */
  close(): Promise<void>;
}

export async function createServices({ paths, host, version }: ServiceOptions): Promise<Services> {
  const library = createLibrary(paths.transcriptsDir, paths.narrationDir);
  const settings = createSettingsStore(paths.dataDir);
  const jobs = createJobRunner();
  const events = createEventHub(() => jobs.listJobs().map((payload) => ({ name: 'job' as const, payload })));
  publishJobs(jobs, events);
  const notes = createNotesService({ dataDir: paths.dataDir, library });
  const cards = createCardsService({
    dataDir: paths.dataDir,
    narrationDir: paths.narrationDir,
    library,
    database: () => notes.db,
    problem: () => notes.status().problem,
  });
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
    ...jobHandlers(jobs),
  } satisfies BridgeHandlers;

  return {
    handlers,
    events,
    jobs,
    close: async () => {
      // Jobs first: one may still be writing to the database that notes.close() shuts.
      await jobs.close();
      await notes.close();
    },
  };
}
