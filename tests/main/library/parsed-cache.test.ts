// The parsed-form cache: a document is parsed and checked once per change of its files; an app start
// after that reads the cache. Any change to the edition or the timings, a damaged cache, or one of
// another format is a fresh parse; removing a document removes its cache.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compactTiming } from '../../../common/timing/compact';
import { createLibrary, type Library } from '../../../main/library/library';
import { ownDocumentDir } from '../../../main/library/own-documents';
import { PARSED_FORMAT, parsedCacheFile, parsedKey, readParsed, writeParsed } from '../../../main/library/parsed-cache';
import { REPO, smallEdition, tempDir } from '../notes/helpers';
import { fittingTiming, smallNarratedDocument } from './support';

let temp: ReturnType<typeof tempDir>;
let dataDir: string;
beforeEach(() => {
  temp = tempDir('mitlesen-parsed-');
  dataDir = join(temp.dir, 'data');
});
afterEach(() => temp.remove());

const bytes = (text: string) => new TextEncoder().encode(text);

/** A library as after an app start: nothing read yet in this process. */
function started(): Library {
  return createLibrary({ transcriptsDir: join(REPO, 'transcripts'), narrationDir: join(REPO, 'assets', 'narration'), dataDir, log: () => undefined });
}

/** Waits for the cache file that a parse writes without being waited for. */
async function cached(documentId: string): Promise<Record<string, any>> {
  const file = parsedCacheFile(dataDir, documentId);
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
}

describe('the key of a document’s sources', () => {
  it('is the same for the same bytes and differs when either file changes or goes', () => {
    const key = parsedKey(bytes('id: a'), bytes('{}'));
    expect(parsedKey(bytes('id: a'), bytes('{}'))).toBe(key);
    expect(parsedKey(bytes('id: b'), bytes('{}'))).not.toBe(key);
    expect(parsedKey(bytes('id: a'), bytes('{ }'))).not.toBe(key);
    expect(parsedKey(bytes('id: a'), null)).not.toBe(key);
    // Where one file ends and the other begins is part of the key.
    expect(parsedKey(bytes('id: a{'), bytes('}'))).not.toBe(parsedKey(bytes('id: a'), bytes('{}')));
  });
});

describe('reading a cached parse', () => {
  const edition = { ...smallEdition() };
  const parsed = { edition, timing: compactTiming(fittingTiming(edition)), timingProblem: null };
  const file = () => join(dataDir, 'cache.json');

  it('gives back what was written under the same key', async () => {
    await writeParsed(file(), 'k1', parsed);
    expect(await readParsed(file(), 'k1', edition.id)).toEqual(parsed);
    const untimed = { edition, timing: null, timingProblem: 'This document has no narration.' };
    await writeParsed(file(), 'k2', untimed);
    expect(await readParsed(file(), 'k2', edition.id)).toEqual(untimed);
  });

  it('ignores a cache of another key, format or document, a damaged one, and none', async () => {
    expect(await readParsed(file(), 'k1', edition.id)).toBeNull();
    await writeParsed(file(), 'k1', parsed);
    expect(await readParsed(file(), 'k2', edition.id)).toBeNull();
    expect(await readParsed(file(), 'k1', 'another-document')).toBeNull();
    const entry = JSON.parse(readFileSync(file(), 'utf8'));
    writeFileSync(file(), JSON.stringify({ ...entry, format: PARSED_FORMAT + 1 }));
    expect(await readParsed(file(), 'k1', edition.id)).toBeNull();
    writeFileSync(file(), JSON.stringify({ ...entry, timing: { ...entry.timing, tracks: {} } }));
    expect(await readParsed(file(), 'k1', edition.id)).toBeNull();
    writeFileSync(file(), JSON.stringify(entry).slice(0, 200));
    expect(await readParsed(file(), 'k1', edition.id)).toBeNull();
  });
});

describe('the library with the cache', () => {
  it('parses a document once and reads the cache after an app start', async () => {
    const added = await started().createOwnDocument(smallNarratedDocument());
    const first = started();
    const fresh = await first.load(added.id);
    const entry = await cached(added.id);
    expect(entry.timing).toEqual(compactTiming(fresh.timing!));

    // Mark the cached copy: a library that returns the mark read the cache, not the edition.
    entry.edition.title.de = 'Aus dem Cache';
    writeFileSync(parsedCacheFile(dataDir, added.id), JSON.stringify(entry));
    const again = await started().load(added.id);
    expect(again.edition.title.de).toBe('Aus dem Cache');
    expect(again.timing).toEqual(fresh.timing);
  });

  it('parses afresh when the edition or the timings changed', async () => {
    const added = await started().createOwnDocument(smallNarratedDocument());
    await started().load(added.id);
    const entry = await cached(added.id);
    entry.edition.title.de = 'Aus dem Cache';
    writeFileSync(parsedCacheFile(dataDir, added.id), JSON.stringify(entry));

    const folder = ownDocumentDir(dataDir, added.id);
    writeFileSync(join(folder, 'edition.yaml'), `${readFileSync(join(folder, 'edition.yaml'), 'utf8')}\n# edited\n`);
    expect((await started().load(added.id)).edition.title.de).not.toBe('Aus dem Cache');

    writeFileSync(join(folder, 'timing.json'), '{ "broken": ');
    const broken = await started().load(added.id);
    expect(broken.timing).toBeNull();
    expect(broken.timingProblem).toMatch(/could not be read/);
  });

  it('sends the renderer the compact form of the same timings', async () => {
    const added = await started().createOwnDocument(smallNarratedDocument());
    const library = started();
    const opened = await library.open(added.id);
    const loaded = await library.load(added.id);
    expect(opened.edition).toBe(loaded.edition);
    expect(opened.timing).toEqual(compactTiming(loaded.timing!));
  });

  it('removes the cache of a document that is removed', async () => {
    const library = started();
    const added = await library.createOwnDocument(smallNarratedDocument());
    await library.load(added.id);
    await cached(added.id);
    await library.removeDocument(added.id);
    await expect.poll(() => existsSync(parsedCacheFile(dataDir, added.id))).toBe(false);
  });
});
