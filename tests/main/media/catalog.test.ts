// The media catalog: ids name a document and a file; the document picks its own folder, and nothing
// outside that folder is reachable, not even another document's media through a symlink.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaCatalog } from '../../../main/media/catalog';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mitlesen-catalog-'));
  await mkdir(join(dir, 'bundled', 'interview'), { recursive: true });
  await mkdir(join(dir, 'own', 'mine', 'media'), { recursive: true });
  await writeFile(join(dir, 'bundled', 'interview', 'de.mp3'), 'bundled');
  await writeFile(join(dir, 'own', 'mine', 'media', 'de.mp3'), 'own');
  await writeFile(join(dir, 'own', 'mine', 'document.json'), '{}');
  await symlink(join(dir, 'bundled', 'interview', 'de.mp3'), join(dir, 'own', 'mine', 'media', 'borrowed.mp3'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const folders: Record<string, string> = { interview: 'bundled/interview', mine: 'own/mine/media' };
const catalog = () => createMediaCatalog(async (documentId) => (folders[documentId] ? join(dir, folders[documentId]) : null));

describe('the media catalog', () => {
  it("finds each document's media in that document's folder", async () => {
    expect(await catalog().resolve('interview/de.mp3')).toMatchObject({ ok: true, file: { path: join(dir, 'bundled', 'interview', 'de.mp3'), size: 7, mimeType: 'audio/mpeg' } });
    expect(await catalog().resolve('mine/de.mp3')).toMatchObject({ ok: true, file: { path: join(dir, 'own', 'mine', 'media', 'de.mp3'), size: 3 } });
  });

  it('refuses what is not a media id, an unknown document, a file outside the folder', async () => {
    const cases: [string, number, string][] = [
      ['../de.mp3', 400, 'not a media id'],
      ['mine/../document.json', 400, 'not a media id'],
      ['Mine/de.mp3', 400, 'not a media id'],
      ['mine/de.exe', 404, 'unknown media type'],
      ['nobody/de.mp3', 404, 'no such document'],
      ['mine/missing.mp3', 404, 'no such media'],
      ['mine/borrowed.mp3', 404, 'no such media'],
    ];
    for (const [id, status, reason] of cases) expect(await catalog().resolve(id), id).toEqual({ ok: false, status, reason });
  });

  it('takes one folder holding a folder per document (the bundled narration\'s layout)', async () => {
    expect(await createMediaCatalog(join(dir, 'bundled')).resolve('interview/de.mp3')).toMatchObject({ ok: true });
  });
});
