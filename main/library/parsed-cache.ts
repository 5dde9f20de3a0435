// The parsed form of a document, kept on disk so that its edition is parsed and checked once per
// change, not once per start. Reading a book's edition (YAML, with every rule checked) and checking
// its timings against it took the main process most of a second at 100,000 words; reading this
// file back takes a few tens of milliseconds.
//
// One file per document, <dataDir>/cache/parsed/<id>.json, holding the edition model, the timings
// in their compact form (common/timing/compact.ts) or why there are none, and the key it was made
// under: a hash of the edition file's bytes and the timing file's bytes (or "none"), and the
// cache's format. Any change to either file, or to the format, makes a new key, and the document
// is parsed afresh. Nothing in it is trusted beyond that: a file that is damaged, of another format
// or another key is ignored (and replaced by the next parse).
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Edition } from '../../common/edition/model';
import { compactTimingProblem, type CompactTiming } from '../../common/timing/compact';
import { writeFileAtomic } from '../fs-atomic';

/**
 * Change this whenever the edition model, the compact form or the rules of the edition or timing
 * checks change: a cache written by an older build must not stand in for a parse by this one.
 */
export const PARSED_FORMAT = 1;

export interface ParsedDocument {
  edition: Edition;
  timing: CompactTiming | null;
  timingProblem: string | null;
}

interface ParsedFile extends ParsedDocument {
  format: number;
  key: string;
}

export function parsedCacheFile(dataDir: string, documentId: string): string {
  return join(dataDir, 'cache', 'parsed', `${documentId}.json`);
}

/** The key of a document's sources: the edition's bytes and the timing file's (null: there is none). */
export function parsedKey(edition: Uint8Array, timing: Uint8Array | null): string {
  const hash = createHash('sha256');
  hash.update(`mitlesen-parsed-${PARSED_FORMAT}\n`);
  hash.update(`${edition.length}\n`).update(edition);
  if (timing) hash.update(`\n${timing.length}\n`).update(timing);
  else hash.update('\nnone');
  return hash.digest('hex');
}

/** The cached parse made under `key`, or null (none, damaged, another key or format). */
export async function readParsed(file: string, key: string, documentId: string): Promise<ParsedDocument | null> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Partial<ParsedFile>;
  if (entry.format !== PARSED_FORMAT || entry.key !== key) return null;
  const edition = entry.edition;
  if (typeof edition !== 'object' || edition === null || edition.id !== documentId || !Array.isArray(edition.sentences)) return null;
  if (entry.timing === null) {
    return typeof entry.timingProblem === 'string' ? { edition, timing: null, timingProblem: entry.timingProblem } : null;
  }
  if (compactTimingProblem(entry.timing) !== null) return null;
  return { edition, timing: entry.timing!, timingProblem: null };
}

export async function writeParsed(file: string, key: string, parsed: ParsedDocument): Promise<void> {
  const entry: ParsedFile = { format: PARSED_FORMAT, key, edition: parsed.edition, timing: parsed.timing, timingProblem: parsed.timingProblem };
  await writeFileAtomic(file, JSON.stringify(entry));
}

export async function removeParsed(file: string): Promise<void> {
  await rm(file, { force: true });
}
