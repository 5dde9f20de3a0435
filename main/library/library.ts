// The library: the documents the app can open. Bundled ones ship with the app (an edition in
// transcripts/<id>/, its narration in assets/narration/<id>/, built by `npm run narrate`); the
// user's own live in <dataDir>/library/<id>/ (own-documents.ts). Listing reads records, never whole
// editions on each call: bundled documents are summarised once per run (from the same parse that
// opening them needs), own ones carry a small document.json. Each document's media is found in its
// own folder (mediaFolder, used by the media catalog).
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeError, type DocumentBundle, type LibraryEntry, type OpenedDocument } from '../../common/bridge/contract';
import { DOCUMENT_ID_PATTERN } from '../../common/bridge/ids';
import { formatProblem, parseEdition } from '../../common/edition/parse';
import type { Edition } from '../../common/edition/model';
import { compactTiming, expandTiming } from '../../common/timing/compact';
import { parseTimedTranscript } from '../../common/timing/model';
import { createEditionCache, type EditionCache, type FreshEdition, type LoadedEdition } from './editions';
import { applyTranslation, translationProblem, type Translation } from '../../common/parallel/translation';
import { readTranslation, writeTranslation } from '../parallel/translation-store';
import { parsedCacheFile, parsedKey, readParsed, removeParsed, writeParsed } from './parsed-cache';
import { purgeTrash, restoreOwnDocument, trashOwnDocument, UNDO_REMOVE_MS, type Trashed } from './trash';
import {
  addOwnDocument,
  EDITION_FILE,
  editionLanguages,
  listOwnDocuments,
  MEDIA_FOLDER,
  ownDocumentDir,
  readOwnRecord,
  removeOwnDocument,
  renameOwnDocument,
  sweepLibrary,
  updateOwnRecord,
  TIMING_FILE,
  timingDuration,
  type AddOwnDocumentInput,
} from './own-documents';

export interface LibraryOptions {
  now?: () => Date;
  /** Bundled editions, one folder per document (transcripts/<id>/edition.yaml). */
  transcriptsDir: string;
  /** Bundled narration (assets/narration/<id>/). */
  narrationDir: string;
  /** The user's data folder; own documents live in its library/ folder. */
  dataDir: string;
  log?: (message: string, error?: unknown) => void;
}

export interface Library {
  list(): Promise<LibraryEntry[]>;
  load(documentId: string): Promise<DocumentBundle>;
  /** What the renderer opens: the same, with the timings in their compact form (loadDocument). */
  open(documentId: string): Promise<OpenedDocument>;
  /** The one parsed edition of a document, shared by notes and cards. */
  editions: EditionCache;
  /** The folder holding a document's media, or null when there is no such document. */
  mediaFolder(documentId: string): Promise<string | null>;
  createOwnDocument(input: Omit<AddOwnDocumentInput, 'dataDir' | 'reserved'>): Promise<LibraryEntry>;
  /** Removes a document of the user's own for good, at once (tools and tests). */
  removeDocument(documentId: string): Promise<void>;
  /** Removes a document of the user's own, undoably: its files go once the undo time has passed. */
  trashDocument(documentId: string): Promise<Trashed>;
  restoreDocument(undoToken: string): Promise<LibraryEntry>;
  renameDocument(documentId: string, title: { de: string; en?: string }): Promise<LibraryEntry>;
  /** Keeps a translation (with its pairs) for a document of the user's own; its English is made from it. */
  saveTranslation(documentId: string, translation: Translation): Promise<LibraryEntry>;
  /** Stops the purge timers (the app is closing; what is due is purged at the next start). */
  close(): void;
}

function noDocument(documentId: string): BridgeError {
  return new BridgeError('not-found', `There is no document "${documentId}".`);
}

/** The timing file's bytes, null when there is none, or why it could not be read. */
async function readTimingFile(file: string): Promise<Buffer | null | { problem: string }> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { problem: `The narration timings could not be read: ${(error as Error).message}` };
  }
}

function checkTimed(edition: Edition, source: Buffer | null | { problem: string }, missing: string): DocumentBundle {
  if (source === null) return { edition, timing: null, timingProblem: missing };
  if ('problem' in source) return { edition, timing: null, timingProblem: source.problem };
  let raw: unknown;
  try {
    raw = JSON.parse(source.toString('utf8'));
  } catch (error) {
    return { edition, timing: null, timingProblem: `The narration timings could not be read: ${(error as Error).message}` };
  }
  const timing = parseTimedTranscript(raw, edition);
  if (!timing.ok) {
    return {
      edition,
      timing: null,
      timingProblem: `The narration timings do not match the edition (${timing.problems.slice(0, 3).join('; ')}). Run "npm run narrate" to rebuild them.`,
    };
  }
  return { edition, timing: timing.value, timingProblem: null };
}

function checkEditionSource(source: string, shownAs: string, documentId: string): Edition {
  const result = parseEdition(source, shownAs);
  if (!result.ok) {
    const listed = result.problems.slice(0, 5).map(formatProblem).join('\n');
    const more = result.problems.length > 5 ? `\n…and ${result.problems.length - 5} more` : '';
    throw new BridgeError('failed', `The edition of "${documentId}" is invalid:\n${listed}${more}`);
  }
  if (result.edition.id !== documentId) {
    throw new BridgeError('failed', `The edition in the folder "${documentId}" says its id is "${result.edition.id}".`);
  }
  return result.edition;
}

/** A bundled document's bundle, without the sentence index the cache adds (it does not cross the bridge). */
function bundleOf(loaded: LoadedEdition): DocumentBundle {
  return { edition: loaded.edition, timing: loaded.timing, timingProblem: loaded.timingProblem };
}

export function createLibrary({ transcriptsDir, narrationDir, dataDir, log = console.error, now = () => new Date() }: LibraryOptions): Library {
  const purgeTimers = new Set<ReturnType<typeof setTimeout>>();
  const purgeSoon = (): void => {
    const timer = setTimeout(() => {
      purgeTimers.delete(timer);
      purgeTrash(dataDir, now()).catch((error: unknown) => log('library: purging removed documents failed', error));
    }, UNDO_REMOVE_MS + 1000);
    timer.unref?.();
    purgeTimers.add(timer);
  };
  let bundledIds: Promise<ReadonlySet<string>> | null = null;
  let bundledSummaries: Promise<LibraryEntry[]> | null = null;

  function bundled(): Promise<ReadonlySet<string>> {
    bundledIds ??= readdir(transcriptsDir, { withFileTypes: true }).then(
      (entries) => new Set(entries.filter((e) => e.isDirectory() && DOCUMENT_ID_PATTERN.test(e.name)).map((e) => e.name)),
      () => new Set<string>(),
    );
    return bundledIds;
  }

  /**
   * Reads a document from its files: from the parsed-form cache when neither file changed since it
   * was written, else by parsing and checking both (and then caching the result).
   */
  async function readDocument(documentId: string, editionFile: string, shownAs: string, timingFile: string, missing: string): Promise<Omit<FreshEdition, 'kind' | 'translation'>> {
    let editionBytes: Buffer;
    try {
      editionBytes = await readFile(editionFile);
    } catch {
      throw noDocument(documentId);
    }
    const timingSource = await readTimingFile(timingFile);
    // A timing file that cannot be read is not cached: the next open tries it again.
    const cacheable = timingSource === null || timingSource instanceof Buffer;
    const key = parsedKey(editionBytes, timingSource instanceof Buffer ? timingSource : null);
    const cacheFile = parsedCacheFile(dataDir, documentId);
    const cached = cacheable ? await readParsed(cacheFile, key, documentId) : null;
    if (cached) {
      return { edition: cached.edition, timing: cached.timing ? expandTiming(cached.timing) : null, timingProblem: cached.timingProblem, compact: cached.timing };
    }
    const edition = checkEditionSource(editionBytes.toString('utf8'), shownAs, documentId);
    const bundle = checkTimed(edition, timingSource, missing);
    const compact = bundle.timing ? compactTiming(bundle.timing) : null;
    if (cacheable) {
      // Not waited for: the document opens now; a cache that could not be written only costs a parse.
      writeParsed(cacheFile, key, { edition, timing: compact, timingProblem: bundle.timingProblem }).catch((error: unknown) =>
        log(`library: could not cache the parsed form of "${documentId}"`, error),
      );
    }
    // The times as the cache will give them back (to the millisecond), so that a first open and a
    // later one hand out the very same timings.
    return { ...bundle, timing: compact ? expandTiming(compact) : null, compact };
  }

  async function loadFresh(documentId: string): Promise<FreshEdition> {
    if (!DOCUMENT_ID_PATTERN.test(documentId)) throw noDocument(documentId);
    if ((await bundled()).has(documentId)) {
      const fresh = await readDocument(
        documentId,
        join(transcriptsDir, documentId, EDITION_FILE),
        `transcripts/${documentId}/${EDITION_FILE}`,
        join(narrationDir, documentId, TIMING_FILE),
        'The narration has not been built yet. Run "npm run narrate", then reload.',
      );
      return { ...fresh, kind: 'bundled', translation: null };
    }
    const folder = ownDocumentDir(dataDir, documentId);
    if (!existsSync(folder)) throw noDocument(documentId);
    const record = await readOwnRecord(dataDir, documentId);
    if (record.status === 'failed') throw new BridgeError('failed', record.problem ?? `The document "${documentId}" cannot be opened.`);
    if (record.status === 'importing') throw new BridgeError('failed', `"${record.title.de}" is still being imported.`);
    const fresh = await readDocument(documentId, join(folder, EDITION_FILE), `library/${documentId}/${EDITION_FILE}`, join(folder, TIMING_FILE), 'This document has no narration.');
    // The learner's translation is applied after the parse (and its cache): the pairs change far
    // more often than the text, and applying them is one pass over the sentences.
    const stored = await readTranslation(folder, fresh.edition);
    if (!stored.translation) {
      if (stored.problem) log(`library: "${documentId}" opens without its translation: ${stored.problem}`);
      return { ...fresh, kind: 'own', translation: null };
    }
    return { ...fresh, kind: 'own', edition: applyTranslation(fresh.edition, stored.translation), translation: stored.translation };
  }

  /** Forgets a document here and on disk (it was removed or replaced). */
  function forget(documentId: string): void {
    editions.invalidate(documentId);
    removeParsed(parsedCacheFile(dataDir, documentId)).catch((error: unknown) => log(`library: could not remove the cached parse of "${documentId}"`, error));
  }

  const editions = createEditionCache(loadFresh);
  sweepLibrary(dataDir).catch((error: unknown) => log('library: removing leftovers of an interrupted add failed', error));
  purgeTrash(dataDir, now()).catch((error: unknown) => log('library: purging removed documents failed', error));

  async function summariseBundled(): Promise<LibraryEntry[]> {
    const summaries: LibraryEntry[] = [];
    for (const id of [...(await bundled())].sort()) {
      const file = join(transcriptsDir, id, EDITION_FILE);
      const createdAt = await stat(file).then((info) => info.mtime.toISOString(), () => new Date(0).toISOString());
      try {
        const loaded = await editions.get(id);
        summaries.push({
          id,
          kind: 'bundled',
          title: loaded.edition.title,
          languages: editionLanguages(loaded.edition),
          ...(loaded.edition.languageTags ? { languageTags: loaded.edition.languageTags } : {}),
          duration: timingDuration(loaded.timing),
          status: 'ready',
          problem: null,
          createdAt,
        });
      } catch (error) {
        // Listed, not hidden: the user sees the document and why it does not open.
        const problem = error instanceof Error ? error.message : String(error);
        summaries.push({ id, kind: 'bundled', title: { de: id, en: '' }, languages: ['de'], duration: null, status: 'failed', problem, createdAt });
      }
    }
    return summaries;
  }

  return {
    async list() {
      // Bundled documents do not change while the app runs: summarised once.
      bundledSummaries ??= summariseBundled();
      return [...(await bundledSummaries), ...(await listOwnDocuments(dataDir))];
    },
    async load(documentId) {
      return bundleOf(await editions.get(documentId));
    },
    async open(documentId) {
      const loaded = await editions.get(documentId);
      return { kind: loaded.kind, edition: loaded.edition, timing: loaded.compact, timingProblem: loaded.timingProblem, translation: loaded.translation };
    },
    editions,
    async mediaFolder(documentId) {
      if (!DOCUMENT_ID_PATTERN.test(documentId)) return null;
      if ((await bundled()).has(documentId)) return join(narrationDir, documentId);
      const folder = ownDocumentDir(dataDir, documentId);
      return existsSync(folder) ? join(folder, MEDIA_FOLDER) : null;
    },
    async createOwnDocument(input) {
      const summary = await addOwnDocument({ ...input, dataDir, reserved: await bundled() });
      editions.invalidate(summary.id);
      return summary;
    },
    async removeDocument(documentId) {
      if ((await bundled()).has(documentId)) throw new BridgeError('forbidden', `"${documentId}" comes with Mitlesen and cannot be removed.`);
      await removeOwnDocument(dataDir, documentId);
      forget(documentId);
    },
    async trashDocument(documentId) {
      if ((await bundled()).has(documentId)) throw new BridgeError('forbidden', `"${documentId}" comes with Mitlesen and cannot be removed.`);
      const trashed = await trashOwnDocument(dataDir, documentId, now());
      forget(documentId);
      purgeSoon();
      return trashed;
    },
    async restoreDocument(undoToken) {
      const documentId = await restoreOwnDocument(dataDir, undoToken);
      editions.invalidate(documentId);
      return readOwnRecord(dataDir, documentId);
    },
    async renameDocument(documentId, title) {
      if ((await bundled()).has(documentId)) throw new BridgeError('forbidden', `"${documentId}" comes with Mitlesen; its title cannot be changed.`);
      if (!existsSync(ownDocumentDir(dataDir, documentId))) throw noDocument(documentId);
      const renamed = await renameOwnDocument(dataDir, documentId, title);
      editions.invalidate(documentId);
      return renamed;
    },
    async saveTranslation(documentId, translation) {
      if ((await bundled()).has(documentId)) throw new BridgeError('forbidden', `"${documentId}" comes with Mitlesen; its translation cannot be changed.`);
      if (!existsSync(ownDocumentDir(dataDir, documentId))) throw noDocument(documentId);
      const { edition } = await editions.get(documentId);
      const problem = translationProblem(edition, translation);
      if (problem) throw new BridgeError('invalid-argument', `translation: ${problem}`);
      await writeTranslation(ownDocumentDir(dataDir, documentId), translation);
      editions.invalidate(documentId);
      const tags = { ...edition.languageTags, en: translation.lang };
      return updateOwnRecord(dataDir, documentId, { languages: ['de', 'en'], languageTags: Object.fromEntries(Object.entries(tags).filter(([slot, tag]) => tag !== slot)) });
    },
    close() {
      for (const timer of purgeTimers) clearTimeout(timer);
      purgeTimers.clear();
    },
  };
}
