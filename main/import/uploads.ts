// Files the user hands the import (a recording, its text) arrive here as uploads: the page sends the
// bytes, never a path, so a page can only give the main process files the user chose. Each upload
// is a folder <dataDir>/imports/uploads/<id>/ holding the file under its own name (the aligner's
// messages name it) and upload.json (name, size, when). An upload stays until its import is done,
// the page discards it, or it is a day old (swept at start), so an import cancelled or killed
// halfway can start again without sending the file twice.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeError } from '../../common/bridge/contract';
import { UPLOAD_ID, UPLOAD_MAX_BYTES, type UploadState } from '../../common/bridge/import-contract';

const META = 'upload.json';
const DAY_MS = 24 * 3600 * 1000;

export interface UploadedFile {
  uploadId: string;
  /** The name the user's file had. */
  name: string;
  path: string;
  size: number;
}

export interface Uploads {
  begin(name: string, size: number): Promise<{ uploadId: string }>;
  /** Writes the next chunk; `offset` must be what was received so far. */
  append(uploadId: string, offset: number, data: Uint8Array): Promise<UploadState>;
  /** Takes a whole file as one stream (browser mode's upload route); what was there is replaced. */
  receive(uploadId: string, body: AsyncIterable<Uint8Array>): Promise<UploadState>;
  discard(uploadId: string): Promise<void>;
  /** A complete upload, or a clear error when it is unknown or unfinished. */
  file(uploadId: string): Promise<UploadedFile>;
  /** Removes uploads older than `maxAgeMs` (a day by default). */
  sweep(maxAgeMs?: number): Promise<number>;
}

interface Meta {
  name: string;
  size: number;
  createdAt: string;
}

export function uploadsDir(dataDir: string): string {
  return join(dataDir, 'imports', 'uploads');
}

function diskProblem(error: unknown, name: string): BridgeError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new BridgeError('failed', `${name}: the disk is full; free some space and import again (nothing was added).`);
  return new BridgeError('failed', `${name}: could not be stored for the import: ${(error as Error).message}`);
}

export function createUploads(dataDir: string, now: () => number = Date.now): Uploads {
  const root = uploadsDir(dataDir);
  // One write at a time per upload: a second chunk for the same upload waits for the first.
  const busy = new Map<string, Promise<unknown>>();

  function folder(uploadId: string): string {
    if (!UPLOAD_ID.test(uploadId)) throw new BridgeError('invalid-argument', 'not an upload id');
    return join(root, uploadId);
  }

  async function meta(uploadId: string): Promise<Meta> {
    const dir = folder(uploadId);
    try {
      return JSON.parse(await readFile(join(dir, META), 'utf8')) as Meta;
    } catch {
      throw new BridgeError('not-found', 'That file is no longer there to import (it was discarded or is more than a day old); choose it again.');
    }
  }

  async function received(dir: string, name: string): Promise<number> {
    return stat(join(dir, name)).then((s) => s.size, () => 0);
  }

  function serial<T>(uploadId: string, task: () => Promise<T>): Promise<T> {
    const before = busy.get(uploadId) ?? Promise.resolve();
    const run = before.then(task, task);
    busy.set(uploadId, run.catch(() => undefined));
    return run;
  }

  async function fail(uploadId: string, error: unknown, name: string): Promise<never> {
    await rm(folder(uploadId), { recursive: true, force: true });
    throw error instanceof BridgeError ? error : diskProblem(error, name);
  }

  return {
    async begin(name, size) {
      if (size > UPLOAD_MAX_BYTES) throw new BridgeError('invalid-argument', `${name}: ${(size / 1024 ** 3).toFixed(1)} GB is more than the ${UPLOAD_MAX_BYTES / 1024 ** 3} GB a file to import may have.`);
      const uploadId = randomBytes(12).toString('hex');
      const dir = folder(uploadId);
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, META), JSON.stringify({ name, size, createdAt: new Date(now()).toISOString() } satisfies Meta));
        // An empty file at once, so appends only ever write at the end of what is there.
        await writeFile(join(dir, name), new Uint8Array(0));
      } catch (error) {
        return fail(uploadId, error, name);
      }
      return { uploadId };
    },

    append(uploadId, offset, data) {
      return serial(uploadId, async () => {
        const { name, size } = await meta(uploadId);
        const dir = folder(uploadId);
        const have = await received(dir, name);
        if (offset !== have) throw new BridgeError('invalid-argument', `${name}: a chunk at byte ${offset} arrived, but ${have} bytes are in; send from ${have}.`);
        if (have + data.byteLength > size) return fail(uploadId, new BridgeError('invalid-argument', `${name}: more bytes arrived than the ${size} announced.`), name);
        const handle = await open(join(dir, name), 'r+');
        try {
          await handle.write(data, 0, data.byteLength, offset);
        } catch (error) {
          await handle.close();
          return fail(uploadId, error, name);
        }
        await handle.close();
        const total = have + data.byteLength;
        return { uploadId, received: total, complete: total === size };
      });
    },

    receive(uploadId, body) {
      return serial(uploadId, async () => {
        const { name, size } = await meta(uploadId);
        const target = join(folder(uploadId), name);
        const handle = await open(target, 'w');
        let total = 0;
        try {
          for await (const chunk of body) {
            total += chunk.byteLength;
            if (total > size) throw new BridgeError('invalid-argument', `${name}: more bytes arrived than the ${size} announced.`);
            await handle.write(chunk);
          }
        } catch (error) {
          await handle.close();
          return fail(uploadId, error, name);
        }
        await handle.close();
        if (total !== size) return fail(uploadId, new BridgeError('invalid-argument', `${name}: the upload stopped after ${total} of ${size} bytes; choose the file again.`), name);
        return { uploadId, received: total, complete: true };
      });
    },

    async discard(uploadId) {
      await serial(uploadId, () => rm(folder(uploadId), { recursive: true, force: true }));
      busy.delete(uploadId);
    },

    async file(uploadId) {
      const { name, size } = await meta(uploadId);
      const path = join(folder(uploadId), name);
      const have = await received(folder(uploadId), name);
      if (have !== size) throw new BridgeError('invalid-argument', `${name}: only ${have} of ${size} bytes have arrived; wait for the upload to finish or choose the file again.`);
      return { uploadId, name, path, size };
    },

    async sweep(maxAgeMs = DAY_MS) {
      const names = await readdir(root).catch(() => [] as string[]);
      let removed = 0;
      for (const id of names) {
        const dir = join(root, id);
        const created = await readFile(join(dir, META), 'utf8').then((t) => Date.parse((JSON.parse(t) as Meta).createdAt), () => Number.NaN);
        if (!UPLOAD_ID.test(id) || Number.isNaN(created) || now() - created > maxAgeMs) {
          await rm(dir, { recursive: true, force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
