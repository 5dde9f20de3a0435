// Recordings locked with DRM, recognised before any decoding so the user is told why instead of
// being shown a decoder error: Audible's .aa and .aax/.aaxc, and MP4 audio (M4A, M4B, M4P) whose
// sample entries are encrypted: Apple FairPlay ('drms', 'drmi'), Common Encryption ('enca'/'encv'),
// Audible ('aavd'), or a clear-looking entry carrying a protection scheme ('sinf').
//
// The MP4 is read box by box, jumping over the media data, so 'moov' is found at the start or at
// the end of the file with a few small reads; of 'moov' only its first MOOV_READ bytes are read,
// where the sample descriptions ('stsd', first in each track's sample table) are.
import type { FileHandle } from 'node:fs/promises';

const MOOV_READ = 4 * 1024 * 1024;
const TOP_LEVEL_BOXES = 256;
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl']);
const LOCKED_ENTRIES: Record<string, string> = {
  drms: 'Apple FairPlay',
  drmi: 'Apple FairPlay',
  aavd: 'Audible AAX',
  enca: 'encrypted audio',
  encv: 'encrypted video',
};
const SCHEMES: Record<string, string> = {
  itun: 'Apple FairPlay',
  cbcs: 'Common Encryption, cbcs',
  cenc: 'Common Encryption, cenc',
  cens: 'Common Encryption, cens',
  cbc1: 'Common Encryption, cbc1',
  adrm: 'Audible',
};

const fourcc = (bytes: Uint8Array, at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);

/** The protection scheme named by a 'schm' box inside `bytes[start, end)`, if any. */
function schemeIn(bytes: Uint8Array, start: number, end: number): string | null {
  for (let i = start; i + 12 <= end; i++) {
    if (fourcc(bytes, i) !== 'schm') continue;
    const scheme = fourcc(bytes, i + 8);
    return SCHEMES[scheme] ?? `protection scheme '${scheme}'`;
  }
  return null;
}

/** Walks the boxes in `bytes[start, end)` down to the sample descriptions; the first lock found, or null. */
function lockIn(bytes: Uint8Array, start: number, end: number): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = start;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    const type = fourcc(bytes, at + 4);
    let header = 8;
    if (size === 1 && at + 16 <= end) {
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header) return null;
    // A box cut off by the read window is walked as far as it was read.
    const boxEnd = Math.min(end, at + size);
    if (CONTAINERS.has(type)) {
      const found = lockIn(bytes, at + header, boxEnd);
      if (found) return found;
    } else if (type === 'stsd') {
      // Version and flags, the entry count, then one box per sample entry.
      let entry = at + header + 8;
      while (entry + 8 <= boxEnd) {
        const entrySize = view.getUint32(entry);
        const entryType = fourcc(bytes, entry + 4);
        if (entrySize < 8) break;
        const entryEnd = Math.min(boxEnd, entry + entrySize);
        const scheme = schemeIn(bytes, entry + 8, entryEnd);
        const locked = LOCKED_ENTRIES[entryType];
        if (locked) return scheme && scheme !== locked ? `${locked}, ${scheme}` : locked;
        // A scheme-information box in an otherwise ordinary entry protects it too.
        for (let i = entry + 8; i + 8 <= entryEnd; i++) if (fourcc(bytes, i) === 'sinf' && view.getUint32(i - 4) >= 8) return scheme ?? 'protected MP4 audio';
        entry += entrySize;
      }
    }
    at += size;
  }
  return null;
}

/**
 * The DRM that locks the file, or null. `head` is the file's first bytes (read already); `handle`
 * reads the rest where needed.
 */
export async function audioDrm(handle: FileHandle, head: Uint8Array, size: number): Promise<string | null> {
  if (head.length >= 8) {
    // Audible's older .aa format: the file size, then its magic number.
    if (head[4] === 0x57 && head[5] === 0x90 && head[6] === 0x75 && head[7] === 0x36) return 'Audible .aa';
  }
  if (head.length < 12 || fourcc(head, 4) !== 'ftyp') return null;
  const brand = fourcc(head, 8);
  if (brand === 'aax ' || brand === 'aaxc') return 'Audible AAX';
  const header = Buffer.alloc(16);
  let at = 0;
  for (let boxes = 0; boxes < TOP_LEVEL_BOXES && at + 8 <= size; boxes++) {
    const { bytesRead } = await handle.read(header, 0, 16, at);
    if (bytesRead < 8) return null;
    let boxSize = header.readUInt32BE(0);
    const type = fourcc(header, 4);
    if (boxSize === 1) {
      if (bytesRead < 16) return null;
      boxSize = Number(header.readBigUInt64BE(8));
    } else if (boxSize === 0) boxSize = size - at;
    if (boxSize < 8) return null;
    if (type === 'moov') {
      const moov = Buffer.alloc(Math.min(boxSize, MOOV_READ, size - at));
      const read = await handle.read(moov, 0, moov.length, at);
      return lockIn(moov, 0, read.bytesRead);
    }
    at += boxSize;
  }
  return null;
}
