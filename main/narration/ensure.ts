// Builds the narration of every edition under transcripts/ when it is missing or stale; called by
// `npm start`, `npm run web`, the e2e set-up and `npm run dist`, so a fresh clone just works.

import { access, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNarration, formatBytes, formatDuration, relativeTo, type BuildResult } from './build';

export const DEFAULT_REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function narrationRoot(repoRoot: string): string {
  return join(repoRoot, 'assets', 'narration');
}

/** transcripts/<id>/edition.yaml for every document, in a stable order. */
export async function editionFiles(repoRoot: string): Promise<string[]> {
  const dir = join(repoRoot, 'transcripts');
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = join(dir, e.name, 'edition.yaml');
    try {
      await access(file);
      files.push(file);
    } catch {
      // A folder without an edition (yet): nothing to narrate.
    }
  }
  return files;
}

export function describeResult(r: BuildResult, repoRoot: string): string[] {
  if (!r.built) return [`Narration of ${r.documentId} is up to date (${relativeTo(repoRoot, r.outDir)}): nothing to do.`];
  const lines = r.tracks.map(
    (t) =>
      `  ${t.lang}: ${formatDuration(t.duration)} audio, ${t.words} words, ${Math.round(t.wordsPerMinute)} words/min, ` +
      `${formatBytes(t.audioBytes)} audio + ${formatBytes(t.peaksBytes)} peaks`,
  );
  const duration = r.tracks.reduce((a, t) => a + t.duration, 0);
  const words = r.tracks.reduce((a, t) => a + t.words, 0);
  const bytes = r.tracks.reduce((a, t) => a + t.audioBytes + t.peaksBytes, 0);
  lines.push(
    `Built ${r.documentId} in ${r.seconds.toFixed(1)} s: ${formatDuration(duration)} audio, ${words} words, ` +
      `${Math.round(words / (duration / 60))} words/min, ${formatBytes(bytes)} (real-time factor ${(r.seconds / duration).toFixed(4)})`,
  );
  return lines;
}

// Callers in one process (a test file and the web host, say) share a build in progress instead of
// running a second one over the same files.
const inFlight = new Map<string, Promise<{ built: boolean; outDir: string }>>();

export async function ensureNarration(opts: { repoRoot?: string; log?: (line: string) => void } = {}): Promise<{ built: boolean; outDir: string }> {
  const repoRoot = resolve(opts.repoRoot ?? DEFAULT_REPO_ROOT);
  const running = inFlight.get(repoRoot);
  if (running) return running;
  const build = ensureAll(repoRoot, opts.log ?? (() => {})).finally(() => inFlight.delete(repoRoot));
  inFlight.set(repoRoot, build);
  return build;
}

async function ensureAll(repoRoot: string, log: (line: string) => void): Promise<{ built: boolean; outDir: string }> {
  const outDir = narrationRoot(repoRoot);
  let built = false;
  for (const editionFile of await editionFiles(repoRoot)) {
    const result = await buildNarration({ editionFile, outRoot: outDir, log });
    built ||= result.built;
    for (const line of describeResult(result, repoRoot)) log(line);
  }
  return { built, outDir };
}
