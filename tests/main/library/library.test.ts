// The library against real folders: the bundled interview listed from its record, documents of the
// user's own added whole (or refused with the reason), opened, their media found in their own folder,
// removed; a broken record listed as failed instead of breaking the list; listing not re-parsing.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import { DOCUMENT_ID_PATTERN } from '../../../common/bridge/ids';
import { createLibrary, type Library } from '../../../main/library/library';
import { addOwnDocument, libraryDir, makeDocumentId, ownDocumentDir } from '../../../main/library/own-documents';
import { createMediaCatalog } from '../../../main/media/catalog';
import { DOC, REPO, repoLibrary, tempDir } from '../notes/helpers';
import { SMALL_EDITION_SOURCE, smallNarratedDocument } from './support';

let temp: ReturnType<typeof tempDir>;
let dataDir: string;
let library: Library;
beforeEach(() => {
  temp = tempDir('mitlesen-library-');
  dataDir = join(temp.dir, 'data');
  library = repoLibrary(dataDir);
});
afterEach(() => temp.remove());

const NOW = () => new Date('2025-06-01T10:00:00.000Z');

async function rejection(promise: Promise<unknown>): Promise<BridgeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BridgeError);
  return error as BridgeError;
}

describe('the bundled documents', () => {
  it('are listed with their record: kind, title, languages, duration, status', async () => {
    const [interview, ...rest] = await library.list();
    expect(rest).toEqual([]);
    expect(interview).toMatchObject({ id: DOC, kind: 'bundled', languages: ['de', 'en'], status: 'ready', problem: null });
    expect(interview!.title.de).toBe('China sieht alles');
    expect(interview!.duration).toBeGreaterThan(60);
    expect(Date.parse(interview!.createdAt)).not.toBeNaN();
  });

  it('are summarised once: a later list does not parse the edition again', async () => {
    const transcripts = join(temp.dir, 'transcripts');
    mkdirSync(join(transcripts, 'small-interview'), { recursive: true });
    writeFileSync(join(transcripts, 'small-interview', 'edition.yaml'), SMALL_EDITION_SOURCE);
    const own = createLibrary({ transcriptsDir: transcripts, narrationDir: join(temp.dir, 'narration'), dataDir, log: () => undefined });
    const first = await own.list();
    expect(first).toMatchObject([{ id: 'small-interview', kind: 'bundled', status: 'ready', duration: null }]);
    writeFileSync(join(transcripts, 'small-interview', 'edition.yaml'), 'not: [an edition');
    expect(await own.list()).toEqual(first);
  });

  it('list one whose edition is broken as failed, with the reason', async () => {
    const transcripts = join(temp.dir, 'transcripts');
    mkdirSync(join(transcripts, 'broken'), { recursive: true });
    writeFileSync(join(transcripts, 'broken', 'edition.yaml'), 'id: broken\n');
    const own = createLibrary({ transcriptsDir: transcripts, narrationDir: join(temp.dir, 'narration'), dataDir, log: () => undefined });
    const [broken] = await own.list();
    expect(broken).toMatchObject({ id: 'broken', kind: 'bundled', status: 'failed', problem: expect.stringMatching(/edition of "broken" is invalid/) });
  });

  it('share one parsed edition between loadDocument and everyone else', async () => {
    const loaded = await library.load(DOC);
    expect(loaded.edition).toBe((await library.editions.get(DOC)).edition);
    // What crosses the bridge is the bundle only (a Set would not survive JSON).
    expect(Object.keys(loaded).sort()).toEqual(['edition', 'timing', 'timingProblem']);
  });

  it('cannot be removed', async () => {
    expect((await rejection(library.removeDocument(DOC))).code).toBe('forbidden');
  });
});

describe('documents of the user\'s own', () => {
  it('are added whole, listed from their record, opened, and their media served from their folder', async () => {
    const input = smallNarratedDocument(join(REPO, 'assets', 'narration', DOC, 'en.mp3'));
    const added = await library.createOwnDocument({ ...input, now: NOW });
    expect(added.id).toMatch(/^kleines-gesprach-[0-9a-f]{6}$/);
    expect(added).toMatchObject({
      kind: 'own',
      title: { de: 'Kleines Gespräch', en: 'A Small Conversation' },
      languages: ['de', 'en'],
      status: 'ready',
      problem: null,
      createdAt: '2025-06-01T10:00:00.000Z',
    });
    expect(added.duration).toBe(4.5); // nine German sentences, half a second each
    expect((await library.list()).map((d) => d.id)).toEqual([DOC, added.id]);
    expect(readdirSync(ownDocumentDir(dataDir, added.id)).sort()).toEqual(['document.json', 'edition.yaml', 'media', 'timing.json']);

    // The edition and its timings now carry the document's id.
    const bundle = await library.load(added.id);
    expect(bundle.edition.id).toBe(added.id);
    expect(bundle.timingProblem).toBeNull();
    expect(bundle.timing!.documentId).toBe(added.id);
    expect(bundle.timing!.tracks.de!.mediaId).toBe(`${added.id}/de.mp3`);

    const media = createMediaCatalog((id) => library.mediaFolder(id));
    const found = await media.resolve(`${added.id}/de.mp3`);
    expect(found).toMatchObject({ ok: true, file: { mimeType: 'audio/mpeg', path: join(ownDocumentDir(dataDir, added.id), 'media', 'de.mp3') } });
    expect(await media.resolve(`${DOC}/de.mp3`)).toMatchObject({ ok: true, file: { path: join(REPO, 'assets', 'narration', DOC, 'de.mp3') } });
    // Another document's folder is out of reach, and an unknown document has none.
    expect(await media.resolve(`${added.id}/timing.json`)).toMatchObject({ ok: false, status: 404 });
    expect(await media.resolve('no-such-document/de.mp3')).toMatchObject({ ok: false, status: 404, reason: 'no such document' });
  });

  it('can be given an id, and are refused when it is taken or malformed', async () => {
    const added = await addOwnDocument({ dataDir, editionSource: SMALL_EDITION_SOURCE, id: 'second-doc', now: NOW });
    expect(added.id).toBe('second-doc');
    expect(added.duration).toBeNull();
    expect((await library.load('second-doc')).timingProblem).toMatch(/no narration/);
    expect((await rejection(addOwnDocument({ dataDir, editionSource: SMALL_EDITION_SOURCE, id: 'second-doc' }))).message).toMatch(/already a document "second-doc"/);
    expect((await rejection(library.createOwnDocument({ editionSource: SMALL_EDITION_SOURCE, id: DOC }))).message).toMatch(/comes with Mitlesen/);
    expect((await rejection(addOwnDocument({ dataDir, editionSource: SMALL_EDITION_SOURCE, id: 'Bad Id' }))).code).toBe('invalid-argument');
  });

  it('are refused, leaving nothing behind, when the edition, the timings or the media are wrong', async () => {
    const input = smallNarratedDocument();
    const cases: [Parameters<typeof addOwnDocument>[0], RegExp][] = [
      [{ dataDir, editionSource: 'id: x\n' }, /The edition is invalid/],
      [{ dataDir, ...input, timing: '{ not json' }, /timing: not valid JSON/],
      [{ dataDir, ...input, timing: JSON.stringify({ format: 1 }) }, /timing: the timing file is malformed/],
      [{ dataDir, ...input, media: input.media!.slice(0, 1) }, /media: the timings name "en.mp3"/],
      [{ dataDir, ...input, media: [...input.media!, { name: '../escape.mp3', data: new Uint8Array(1) }] }, /media: "..\/escape.mp3" is not a media file name/],
    ];
    for (const [bad, message] of cases) expect((await rejection(addOwnDocument(bad))).message).toMatch(message);
    expect(existsSync(libraryDir(dataDir)) ? readdirSync(libraryDir(dataDir)) : []).toEqual([]);
  });

  it('are removed whole: no longer listed, opened or served', async () => {
    const added = await library.createOwnDocument({ ...(smallNarratedDocument()) });
    await library.load(added.id);
    await library.removeDocument(added.id);
    expect((await library.list()).map((d) => d.id)).toEqual([DOC]);
    expect((await rejection(library.load(added.id))).code).toBe('not-found');
    expect(await library.mediaFolder(added.id)).toBeNull();
    expect((await rejection(library.removeDocument(added.id))).code).toBe('not-found');
  });

  it('are opened again after being replaced (the shared edition is not kept past a removal)', async () => {
    await library.createOwnDocument({ editionSource: SMALL_EDITION_SOURCE, id: 'replaced' });
    expect((await library.load('replaced')).edition.title.de).toBe('Kleines Gespräch');
    await library.removeDocument('replaced');
    await library.createOwnDocument({ editionSource: SMALL_EDITION_SOURCE.replace('de: Kleines Gespräch, en', 'de: Neues Gespräch, en'), id: 'replaced' });
    expect((await library.load('replaced')).edition.title.de).toBe('Neues Gespräch');
  });
});

describe('a broken record', () => {
  function writeRecord(id: string, text: string | null): void {
    mkdirSync(ownDocumentDir(dataDir, id), { recursive: true });
    if (text !== null) writeFileSync(join(ownDocumentDir(dataDir, id), 'document.json'), text);
  }

  it('is listed as failed with what is wrong, and the other documents still list', async () => {
    const good = await addOwnDocument({ dataDir, editionSource: SMALL_EDITION_SOURCE, id: 'good', now: NOW });
    writeRecord('garbage', '{ not json');
    writeRecord('missing', null);
    const record = JSON.parse(readFileSync(join(ownDocumentDir(dataDir, 'good'), 'document.json'), 'utf8')) as Record<string, unknown>;
    writeRecord('wrong-fields', JSON.stringify({ ...record, id: 'wrong-fields', languages: [], status: 'done' }));
    writeRecord('other-name', JSON.stringify(record));
    const listed = await library.list();
    const byId = new Map(listed.map((d) => [d.id, d]));
    expect(byId.get('good')).toEqual(good);
    expect(byId.get('garbage')).toMatchObject({ kind: 'own', status: 'failed', problem: expect.stringMatching(/not valid JSON/) });
    expect(byId.get('missing')).toMatchObject({ status: 'failed', problem: expect.stringMatching(/document.json is missing/) });
    expect(byId.get('wrong-fields')).toMatchObject({
      status: 'failed',
      problem: expect.stringMatching(/languages: a document has at least one language.*status: the status is "ready", "importing" or "failed"/),
    });
    expect(byId.get('other-name')).toMatchObject({ status: 'failed', problem: expect.stringMatching(/names "good", but its folder is "other-name"/) });
    expect((await rejection(library.load('garbage'))).message).toMatch(/not valid JSON/);
  });

  it('and leftovers of an interrupted add are neither listed nor kept', async () => {
    mkdirSync(join(libraryDir(dataDir), '.adding-x-1234'), { recursive: true });
    mkdirSync(join(libraryDir(dataDir), 'Not An Id'), { recursive: true });
    expect((await library.list()).map((d) => d.id)).toEqual([DOC]);
    repoLibrary(dataDir);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(libraryDir(dataDir))).toEqual(['Not An Id']);
  });
});

describe('own document ids', () => {
  it('are a slug of the title and a random suffix, always a valid document id', () => {
    expect(makeDocumentId('Kleines Gespräch', () => 'abc123')).toBe('kleines-gesprach-abc123');
    expect(makeDocumentId('Straße & Öl — 2024!', () => 'abc123')).toBe('strasse-ol-2024-abc123');
    expect(makeDocumentId('中文', () => 'abc123')).toBe('document-abc123');
    expect(makeDocumentId('x'.repeat(200))).toMatch(DOCUMENT_ID_PATTERN);
    expect(makeDocumentId('a')).not.toBe(makeDocumentId('a'));
  });
});

