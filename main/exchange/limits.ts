// Limits on what an import reads, so that a huge or hostile file is refused with a message instead
// of filling memory: captions are read through a counting stream that stops at the limit (a 1 GB
// SRT is refused after its first 50 MB, not read whole), archives are checked entry by entry.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';

export interface ImportLimits {
  /** A captions or JSON file, in bytes. */
  textBytes: number;
  /** An EPUB archive as a whole, in bytes. */
  archiveBytes: number;
  /** One entry of an archive, unpacked. */
  entryBytes: number;
  /** All entries of an archive together, unpacked. */
  totalBytes: number;
  /** Unpacked size over packed size of an entry larger than a few kilobytes (a zip bomb packs far tighter). */
  entryRatio: number;
  /** Entries in an archive. */
  entries: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  textBytes: 50 * 1024 * 1024,
  archiveBytes: 2 * 1024 * 1024 * 1024,
  entryBytes: 1024 * 1024 * 1024,
  totalBytes: 2 * 1024 * 1024 * 1024,
  entryRatio: 200,
  entries: 10_000,
};

export function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Reads a text file, refusing it as soon as it passes `maxBytes` (nothing more is read). */
export async function readTextLimited(path: string, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new ImportError(`${basename(path)}: the file is larger than ${megabytes(maxBytes)}, the most that is read; refused.`);
      }
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
  // A byte order mark is not text.
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
