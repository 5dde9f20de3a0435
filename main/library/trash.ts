// Removing a document of the user's own, with undo. The folder is renamed aside at once (the library
// no longer lists it) and deleted only once the undo time has passed: a removal the user regrets
// costs nothing, and a crash in between loses nothing either (the next start purges what is due).
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BridgeError } from '../../common/bridge/contract';
import { DOCUMENT_ID_PATTERN, documentId as documentIdSchema, isoTime } from '../../common/bridge/ids';
import { writeFileAtomic } from '../fs-atomic';
import { libraryDir, ownDocumentDir } from './own-documents';

/** How long a removed document can be brought back (its files stay on disk until then). */
export const UNDO_REMOVE_MS = 10 * 60 * 1000;

const TRASH_PREFIX = '.trash-';
const TRASH_NOTE = 'trashed.json';
const TOKEN = /^[0-9a-f]{16}$/;

const trashNoteSchema = z.object({ documentId: documentIdSchema, removedAt: isoTime }).strict();

export interface Trashed {
  undoToken: string;
  documentId: string;
  /** When the files go for good (ISO time). */
  expiresAt: string;
}

function trashDir(dataDir: string, token: string): string {
  return join(libraryDir(dataDir), `${TRASH_PREFIX}${token}`);
}

/** Moves a document's folder aside; it is listed no more and can be restored with the token. */
export async function trashOwnDocument(dataDir: string, documentId: string, now: Date): Promise<Trashed> {
  if (!DOCUMENT_ID_PATTERN.test(documentId)) throw new BridgeError('invalid-argument', 'documentId: a document id is 1-64 characters a-z, 0-9 or -');
  const token = randomBytes(8).toString('hex');
  const aside = trashDir(dataDir, token);
  try {
    await rename(ownDocumentDir(dataDir, documentId), aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BridgeError('not-found', `There is no document "${documentId}" of your own.`);
    throw error;
  }
  await writeFileAtomic(join(aside, TRASH_NOTE), `${JSON.stringify({ documentId, removedAt: now.toISOString() })}\n`);
  return { undoToken: token, documentId, expiresAt: new Date(now.getTime() + UNDO_REMOVE_MS).toISOString() };
}

async function readNote(folder: string): Promise<z.infer<typeof trashNoteSchema> | null> {
  try {
    const parsed = trashNoteSchema.safeParse(JSON.parse(await readFile(join(folder, TRASH_NOTE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Brings a removed document back under its id; returns the id. */
export async function restoreOwnDocument(dataDir: string, undoToken: string): Promise<string> {
  const gone = () => new BridgeError('not-found', 'That document can no longer be restored (the undo time has passed).');
  if (!TOKEN.test(undoToken)) throw gone();
  const aside = trashDir(dataDir, undoToken);
  const note = await readNote(aside);
  if (!note) throw gone();
  try {
    await rename(aside, ownDocumentDir(dataDir, note.documentId));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') {
      throw new BridgeError('conflict', `There is a document "${note.documentId}" in the library again, so the removed one cannot take its place.`);
    }
    throw error;
  }
  await rm(join(ownDocumentDir(dataDir, note.documentId), TRASH_NOTE), { force: true });
  return note.documentId;
}

/** Deletes the removed documents whose undo time has passed (or that say nothing readable about it). */
export async function purgeTrash(dataDir: string, now: Date, undoMs = UNDO_REMOVE_MS): Promise<number> {
  const names = await readdir(libraryDir(dataDir)).catch(() => [] as string[]);
  let purged = 0;
  for (const name of names.filter((n) => n.startsWith(TRASH_PREFIX))) {
    const folder = join(libraryDir(dataDir), name);
    const note = await readNote(folder);
    // A note that cannot be read is old or broken: the folder was removed on purpose either way.
    if (note && now.getTime() - Date.parse(note.removedAt) < undoMs) continue;
    await rm(folder, { recursive: true, force: true });
    purged++;
  }
  return purged;
}
