// Removing a document of the user's own with undo, and renaming it, against real folders: a removed
// document is no longer listed but its files stay until the undo time has passed; restoring brings it
// back whole; the purge happens only after the undo time; the bundled interview can be neither.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import { createLibrary, type Library } from '../../../main/library/library';
import { libraryDir, ownDocumentDir } from '../../../main/library/own-documents';
import { purgeTrash, UNDO_REMOVE_MS } from '../../../main/library/trash';
import { DOC, REPO, tempDir } from '../notes/helpers';
import { smallNarratedDocument } from './support';

let temp: ReturnType<typeof tempDir>;
let dataDir: string;
let library: Library;
let clock = new Date('2026-12-02T10:00:00.000Z');

beforeEach(() => {
  temp = tempDir('mitlesen-trash-');
  dataDir = join(temp.dir, 'data');
  clock = new Date('2026-12-02T10:00:00.000Z');
  library = createLibrary({
    transcriptsDir: join(REPO, 'transcripts'),
    narrationDir: join(REPO, 'assets', 'narration'),
    dataDir,
    log: () => undefined,
    now: () => clock,
  });
});
afterEach(() => {
  library.close();
  temp.remove();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BridgeError);
  return (error as BridgeError).code;
}

const ids = async () => (await library.list()).map((d) => d.id);

describe('removing a document of your own', () => {
  it('takes it off the list at once, keeps its files, and brings it back whole on undo', async () => {
    const added = await library.createOwnDocument({ ...smallNarratedDocument(), id: 'mein-text' });
    const removed = await library.trashDocument(added.id);
    expect(await ids()).toEqual([DOC]);
    expect(existsSync(ownDocumentDir(dataDir, added.id))).toBe(false);
    expect(Date.parse(removed.expiresAt) - clock.getTime()).toBe(UNDO_REMOVE_MS);
    expect(await codeOf(library.load(added.id))).toBe('not-found');

    const restored = await library.restoreDocument(removed.undoToken);
    expect(restored).toMatchObject({ id: added.id, status: 'ready', title: added.title });
    expect(await ids()).toEqual([DOC, added.id]);
    expect((await library.load(added.id)).timing?.documentId).toBe(added.id);
    // Restored is restored: the same token does not work twice.
    expect(await codeOf(library.restoreDocument(removed.undoToken))).toBe('not-found');
  });

  it('deletes the files only once the undo time has passed; after that undo says it is too late', async () => {
    const added = await library.createOwnDocument({ ...smallNarratedDocument(), id: 'mein-text' });
    const removed = await library.trashDocument(added.id);
    const trashedFolders = () => readdirSync(libraryDir(dataDir)).filter((name) => name.startsWith('.trash-'));
    expect(await purgeTrash(dataDir, new Date(clock.getTime() + UNDO_REMOVE_MS - 1000))).toBe(0);
    expect(trashedFolders()).toHaveLength(1);
    expect(await purgeTrash(dataDir, new Date(clock.getTime() + UNDO_REMOVE_MS + 1))).toBe(1);
    expect(trashedFolders()).toHaveLength(0);
    expect(await codeOf(library.restoreDocument(removed.undoToken))).toBe('not-found');
  });

  it('will not restore over a document added again under the same id', async () => {
    const added = await library.createOwnDocument({ ...smallNarratedDocument(), id: 'mein-text' });
    const removed = await library.trashDocument(added.id);
    await library.createOwnDocument({ ...smallNarratedDocument(), id: 'mein-text' });
    expect(await codeOf(library.restoreDocument(removed.undoToken))).toBe('conflict');
  });

  it('refuses the bundled interview, an unknown document and a made-up token', async () => {
    expect(await codeOf(library.trashDocument(DOC))).toBe('forbidden');
    expect(await codeOf(library.trashDocument('not-there'))).toBe('not-found');
    expect(await codeOf(library.restoreDocument('0123456789abcdef'))).toBe('not-found');
    expect(await codeOf(library.restoreDocument('../../etc'))).toBe('not-found');
  });
});

describe('renaming a document of your own', () => {
  it('changes the title the library lists and the player shows, and keeps the rest of the edition', async () => {
    const added = await library.createOwnDocument({ ...smallNarratedDocument(), id: 'mein-text' });
    const before = await library.load(added.id);
    const renamed = await library.renameDocument(added.id, { de: '  Ein neuer Titel ', en: 'A new title' });
    expect(renamed.title).toEqual({ de: 'Ein neuer Titel', en: 'A new title' });
    expect((await library.list()).find((d) => d.id === added.id)?.title).toEqual({ de: 'Ein neuer Titel', en: 'A new title' });
    const after = await library.load(added.id);
    expect(after.edition.title).toEqual({ de: 'Ein neuer Titel', en: 'A new title' });
    expect(after.edition.sentences).toEqual(before.edition.sentences);
    expect(after.timing).toEqual(before.timing);
  });

  it('refuses the bundled interview and an unknown document', async () => {
    expect(await codeOf(library.renameDocument(DOC, { de: 'Anders' }))).toBe('forbidden');
    expect(await codeOf(library.renameDocument('not-there', { de: 'Anders' }))).toBe('not-found');
  });
});
