// Media are asked for by id ("<document>/<file>"), never by path. The id is checked against a strict
// pattern first; the resolved file must then still lie inside the media folder after symlinks are
// followed, so nothing the renderer (or a web page) sends can reach another file.
import { resolveInside } from './contain';

const MEDIA_ID = /^[a-z0-9][a-z0-9-]{0,63}\/[a-z0-9][a-z0-9-]{0,63}(\.[a-z0-9]{1,8}){1,2}$/;

const MIME_TYPES: Record<string, string> = {
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
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

export function createMediaCatalog(mediaRoot: string): MediaCatalog {
  return {
    async resolve(id) {
      if (!MEDIA_ID.test(id)) return { ok: false, status: 400, reason: 'not a media id' };
      const extension = id.slice(id.lastIndexOf('.'));
      const mimeType = MIME_TYPES[extension];
      if (!mimeType) return { ok: false, status: 404, reason: 'unknown media type' };
      const found = await resolveInside(mediaRoot, id);
      if (!found) return { ok: false, status: 404, reason: 'no such media' };
      return { ok: true, file: { path: found.path, size: found.size, mimeType } };
    },
  };
}
