// Media are asked for by id ("<document>/<file>"), never by path. The id is checked against a strict
// pattern first; the document part then picks that document's own media folder (bundled narration
// or the user's library folder, see main/library/), and the resolved file must still lie inside that
// folder after symlinks are followed, so nothing the renderer (or a web page) sends can reach another
// file, not even another document's.
import { join } from 'node:path';
import { resolveInside } from './contain';

const MEDIA_ID = /^([a-z0-9][a-z0-9-]{0,63})\/([a-z0-9][a-z0-9-]{0,63}(?:\.[a-z0-9]{1,8}){1,2})$/;

const MIME_TYPES: Record<string, string> = {
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.flac': 'audio/flac',
  '.wav': 'audio/wav',
  '.json': 'application/json',
};

export interface MediaFile {
  path: string;
  size: number;
  mimeType: string;
}

export type MediaLookup = { ok: true; file: MediaFile } | { ok: false; status: 400 | 404; reason: string };

export interface MediaCatalog {
  resolve(id: string): Promise<MediaLookup>;
}

/** The folder holding a document's media, or null when there is no such document. */
export type MediaFolderOf = (documentId: string) => Promise<string | null> | string | null;

/**
 * `folders` is either a function from document id to its media folder (the library's), or one
 * folder holding a subfolder per document (the bundled narration's layout, and tests).
 */
export function createMediaCatalog(folders: MediaFolderOf | string): MediaCatalog {
  const folderOf: MediaFolderOf = typeof folders === 'string' ? (documentId) => join(folders, documentId) : folders;
  return {
    async resolve(id) {
      const match = MEDIA_ID.exec(id);
      if (!match) return { ok: false, status: 400, reason: 'not a media id' };
      const [, documentId, file] = match as unknown as [string, string, string];
      const mimeType = MIME_TYPES[file.slice(file.lastIndexOf('.'))];
      if (!mimeType) return { ok: false, status: 404, reason: 'unknown media type' };
      const folder = await folderOf(documentId);
      if (!folder) return { ok: false, status: 404, reason: 'no such document' };
      const found = await resolveInside(folder, file);
      if (!found) return { ok: false, status: 404, reason: 'no such media' };
      return { ok: true, file: { path: found.path, size: found.size, mimeType } };
    },
  };
}
