// Uploads for an import, on a real data folder: chunks in order, whole streams, refusals that say
// what is wrong (a chunk out of place, more bytes than announced, a cut-off stream, an unknown id),
// discard, and the sweep of day-old uploads.
import { existsSync, readFileSync } from 'node:fs';
import { readdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import { BRIDGE_SCHEMAS } from '../../../common/bridge/schemas';
import { createUploads, uploadsDir } from '../../../main/import/uploads';
import { tempDir } from '../notes/helpers';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir('mitlesen-uploads-');
});
afterEach(() => temp.remove());

const bytes = (text: string) => new TextEncoder().encode(text);
async function* stream(...parts: string[]) {
  for (const part of parts) yield bytes(part);
}

describe('uploads', () => {
  it('takes a file in chunks, in order, and hands it out complete under its own name', async () => {
    const uploads = createUploads(temp.dir);
    const { uploadId } = await uploads.begin('Teil 1.mp3', 10);
    expect(await uploads.append(uploadId, 0, bytes('01234'))).toEqual({ uploadId, received: 5, complete: false });
    await expect(uploads.file(uploadId)).rejects.toThrow('Teil 1.mp3: only 5 of 10 bytes have arrived');
    expect(await uploads.append(uploadId, 5, bytes('56789'))).toEqual({ uploadId, received: 10, complete: true });
    const file = await uploads.file(uploadId);
    expect(file).toMatchObject({ uploadId, name: 'Teil 1.mp3', size: 10 });
    expect(file.path.endsWith(join(uploadId, 'Teil 1.mp3'))).toBe(true);
    expect(readFileSync(file.path, 'utf8')).toBe('0123456789');
  });

  it('refuses a chunk out of place, and drops an upload that gets more bytes than announced', async () => {
    const uploads = createUploads(temp.dir);
    const { uploadId } = await uploads.begin('a.wav', 4);
    await expect(uploads.append(uploadId, 2, bytes('xx'))).rejects.toThrow('a.wav: a chunk at byte 2 arrived, but 0 bytes are in; send from 0.');
    await expect(uploads.append(uploadId, 0, bytes('toolong'))).rejects.toThrow('a.wav: more bytes arrived than the 4 announced.');
    await expect(uploads.file(uploadId)).rejects.toThrow(/no longer there/);
  });

  it('takes a whole stream, and refuses one cut short or too long', async () => {
    const uploads = createUploads(temp.dir);
    const whole = await uploads.begin('text.txt', 6);
    expect(await uploads.receive(whole.uploadId, stream('abc', 'def'))).toEqual({ uploadId: whole.uploadId, received: 6, complete: true });
    expect(readFileSync((await uploads.file(whole.uploadId)).path, 'utf8')).toBe('abcdef');
    const short = await uploads.begin('short.mp3', 6);
    await expect(uploads.receive(short.uploadId, stream('abc'))).rejects.toThrow('short.mp3: the upload stopped after 3 of 6 bytes; choose the file again.');
    const long = await uploads.begin('long.mp3', 2);
    await expect(uploads.receive(long.uploadId, stream('abc'))).rejects.toThrow('long.mp3: more bytes arrived than the 2 announced.');
    expect(await readdir(uploadsDir(temp.dir))).toEqual([whole.uploadId]);
  });

  it('says the disk is full when it is, and keeps nothing of the upload', async () => {
    const uploads = createUploads(temp.dir);
    const { uploadId } = await uploads.begin('Buch.m4b', 8);
    // The upload's file made a way into a device that is always full: every write fails with ENOSPC.
    const target = join(uploadsDir(temp.dir), uploadId, 'Buch.m4b');
    await rm(target);
    await symlink('/dev/full', target);
    await expect(uploads.append(uploadId, 0, bytes('12345678'))).rejects.toThrow('Buch.m4b: the disk is full; free some space and import again (nothing was added).');
    expect(existsSync(join(uploadsDir(temp.dir), uploadId))).toBe(false);
  });

  it('discards, knows nothing of ids it never made, and sweeps day-old uploads', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const uploads = createUploads(temp.dir, () => now);
    const old = await uploads.begin('old.mp3', 1);
    now += 20 * 3600 * 1000;
    const recent = await uploads.begin('recent.mp3', 1);
    const gone = await uploads.begin('gone.mp3', 1);
    await uploads.discard(gone.uploadId);
    expect(existsSync(join(uploadsDir(temp.dir), gone.uploadId))).toBe(false);
    const error = await uploads.file('0123456789abcdef01234567').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('not-found');
    await expect(uploads.file('../../etc/passwd')).rejects.toThrow('not an upload id');
    now += 5 * 3600 * 1000;
    expect(await uploads.sweep()).toBe(1);
    expect(await readdir(uploadsDir(temp.dir))).toEqual([recent.uploadId]);
    expect(old.uploadId).not.toBe(recent.uploadId);
  });

  it('is refused at the bridge: empty files, files over the limit, names with paths, other kinds of file', () => {
    const begin = BRIDGE_SCHEMAS.beginUpload;
    expect(begin.safeParse({ name: 'talk.mp3', size: 1000 }).success).toBe(true);
    expect(begin.safeParse({ name: 'talk.mp3', size: 0 }).error?.issues[0]?.message).toBe('the file is empty (0 bytes)');
    expect(begin.safeParse({ name: 'talk.mp3', size: 5 * 1024 ** 3 }).error?.issues[0]?.message).toBe('a file to import is at most 4 GB');
    expect(begin.safeParse({ name: '../talk.mp3', size: 10 }).error?.issues[0]?.message).toBe('a file name cannot contain / or \\');
    expect(begin.safeParse({ name: 'book.pdf', size: 10 }).error?.issues[0]?.message).toMatch(/^the file must be audio \(mp3, m4a/);
    const append = BRIDGE_SCHEMAS.appendUpload;
    expect(append.safeParse({ uploadId: '0123456789abcdef01234567', offset: 0, data: 'AAAA' }).error?.issues[0]?.message).toBe('the data must be bytes');
    expect(append.safeParse({ uploadId: '0123456789abcdef01234567', offset: 0, data: new Uint8Array(2) }).success).toBe(true);
  });
});
