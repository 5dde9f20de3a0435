// Shared set-up for the notes tests: real SQLite files in fresh temporary folders, no mocks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DocumentBundle } from '../../../common/bridge/contract';
import type { Edition } from '../../../common/edition/model';
import { parseEdition } from '../../../common/edition/parse';
import { createEditionCache, type EditionCache } from '../../../main/library/editions';
import { createLibrary } from '../../../main/library/library';
import { createNotesService, type NotesService } from '../../../main/notes/service';
import { createUserDatabase, type UserDatabase } from '../../../main/userdb/service';

export const REPO = resolve(import.meta.dirname, '..', '..', '..');
export const DOC = 'china-sieht-alles';

export function tempDir(prefix = 'mitlesen-notes-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // Retried: a library caches a parse in the background, not waited for (as in the app), and such a
  // write can land in the folder while it is being removed (ENOTEMPTY on a loaded machine).
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }) };
}

/** The bundled documents of this checkout; `dataDir` for the user's own (none unless a test adds one). */
export function repoLibrary(dataDir = join(tmpdir(), 'mitlesen-no-such-data-dir')) {
  return createLibrary({ transcriptsDir: join(REPO, 'transcripts'), narrationDir: join(REPO, 'assets', 'narration'), dataDir, log: () => undefined });
}

export function smallEdition(): Edition {
  const file = join(REPO, 'tests', 'fixtures', 'editions', 'valid-small.yaml');
  const result = parseEdition(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error('the small fixture edition does not parse');
  return result.edition;
}

/** A library serving one edition from memory. */
export function libraryOf(...editions: Edition[]) {
  return {
    async load(documentId: string) {
      const edition = editions.find((e) => e.id === documentId);
      if (!edition) throw new Error(`no document ${documentId}`);
      return { edition, timing: null, timingProblem: 'not narrated in tests' };
    },
  };
}

/**
 * A notes service on its own user database in `dataDir`, as main/services.ts wires them; close()
 * closes both (the database too, so a test can reopen or damage the file afterwards).
 */
export function notesService(options: {
  dataDir: string;
  library: { load(documentId: string): Promise<DocumentBundle> };
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}): NotesService & { userDb: UserDatabase; editions: EditionCache } {
  const { dataDir, library, now, log } = options;
  const userDb = createUserDatabase({ dataDir, ...(now ? { now } : {}), ...(log ? { log } : {}) });
  const editions = createEditionCache((id) => library.load(id));
  const notes = createNotesService({ dataDir, userDb, editions, ...(now ? { now } : {}), ...(log ? { log } : {}) });
  return {
    ...notes,
    get store() {
      return notes.store;
    },
    userDb,
    editions,
    close() {
      notes.close();
      userDb.close();
    },
  };
}
