// Where the app finds its bundled content and keeps the user's data. Computed once by each host
// and passed down, so no service guesses paths on its own.
import { join } from 'node:path';

export interface AppPaths {
  /** Edition sources, one folder per document (transcripts/<id>/edition.yaml). */
  transcriptsDir: string;
  /** Generated narration (assets/narration/<id>/...). */
  narrationDir: string;
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  /** The user's own data: settings, reading positions, notes database. */
  dataDir: string;
}

/** Paths for a checkout or an unpacked app whose content sits under `root`. */
export function pathsFromRoot(root: string, dataDir: string): AppPaths {
  return {
    transcriptsDir: join(root, 'transcripts'),
    narrationDir: join(root, 'assets', 'narration'),
    rendererDir: join(root, 'out', 'renderer'),
    dataDir,
  };
}
