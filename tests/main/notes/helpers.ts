// Shared set-up for the notes tests: real SQLite files in fresh temporary folders, no mocks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Edition } from '../../../common/edition/model';
import { parseEdition } from '../../../common/edition/parse';
import { createLibrary } from '../../../main/library/library';

export const REPO = resolve(import.meta.dirname, '..', '..', '..');
export const DOC = 'china-sieht-alles';

export function tempDir(prefix = 'mitlesen-notes-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function repoLibrary() {
  return createLibrary(join(REPO, 'transcripts'), join(REPO, 'assets', 'narration'));
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
