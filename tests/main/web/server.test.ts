// The browser-mode host over real HTTP: its gates (Host, Origin, secret), the media route's Range
// answers, and attempts to escape the media folder.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '../../../main/bridge/dispatch';
import { createMediaCatalog } from '../../../main/media/catalog';
import { startWebHost, type WebHost } from '../../../main/web/server';

let dir: string;
let host: WebHost;
const audioBytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

const handlers = {
  getAppInfo: () => ({ name: 'Mitlesen', version: 'test', host: 'web' as const }),
} as unknown as BridgeHandlers;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mitlesen-webhost-'));
  await mkdir(join(dir, 'media', 'doc'), { recursive: true });
  await mkdir(join(dir, 'renderer'), { recursive: true });
  await writeFile(join(dir, 'media', 'doc', 'de.mp3'), audioBytes);
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Mitlesen</title>');
  await writeFile(join(dir, 'secret.txt'), 'not for the web');
  await symlink(join(dir, 'secret.txt'), join(dir, 'media', 'doc', 'link.mp3'));
  host = await startWebHost({ handlers, media: createMediaCatalog(join(dir, 'media')), rendererDir: join(dir, 'renderer') });
});

afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: init.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...init.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const api = (method: string, headers: Record<string, string>, body = '{}') =>
  send(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('web host gates', () => {
  it('listens on loopback only and prints a URL carrying the secret in the fragment', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{43}$`));
  });

  it('answers a call with the secret from its own origin', async () => {
    const answer = await api('getAppInfo', { Origin: host.origin, 'X-Mitlesen-Token': host.token });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString())).toEqual({ ok: true, value: { name: 'Mitlesen', version: 'test', host: 'web' } });
  });

  it('refuses a call without the secret or with a wrong one', async () => {
    expect((await api('getAppInfo', { Origin: host.origin })).status).toBe(401);
    expect((await api('getAppInfo', { Origin: host.origin, 'X-Mitlesen-Token': 'x'.repeat(43) })).status).toBe(401);
  });

  it('refuses a call from another origin even with the secret', async () => {
    const answer = await api('getAppInfo', { Origin: 'http://evil.example', 'X-Mitlesen-Token': host.token });
    expect(answer.status).toBe(403);
    expect((await api('getAppInfo', { 'X-Mitlesen-Token': host.token })).status).toBe(403);
  });

  it('refuses requests for a foreign Host name (DNS rebinding)', async () => {
    const page = await send('/', { headers: { Host: `attacker.example:${host.port}` } });
    expect(page.status).toBe(421);
    const call = await api('getAppInfo', { Host: `attacker.example:${host.port}`, Origin: `http://attacker.example:${host.port}`, 'X-Mitlesen-Token': host.token });
    expect(call.status).toBe(421);
  });

  it('returns a clear error for bad JSON and unknown methods', async () => {
    const bad = await api('getAppInfo', { Origin: host.origin, 'X-Mitlesen-Token': host.token }, '{not json');
    expect(bad.status).toBe(400);
    const unknown = await api('dropTables', { Origin: host.origin, 'X-Mitlesen-Token': host.token });
    expect(JSON.parse(unknown.body.toString())).toEqual({ ok: false, error: { code: 'unknown-method', message: 'There is no bridge method "dropTables".' } });
  });

  it('serves the renderer with the security headers', async () => {
    const page = await send('/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('media route', () => {
  const media = (id: string, headers: Record<string, string> = {}, token = host.token) =>
    send(`/media/${id}?t=${encodeURIComponent(token)}`, { headers });

  it('serves the whole file with Accept-Ranges', async () => {
    const answer = await media('doc/de.mp3');
    expect(answer.status).toBe(200);
    expect(answer.headers['accept-ranges']).toBe('bytes');
    expect(answer.headers['content-type']).toBe('audio/mpeg');
    expect(answer.body.equals(audioBytes)).toBe(true);
  });

  it('answers a byte range with 206 and Content-Range', async () => {
    const answer = await media('doc/de.mp3', { Range: 'bytes=10-19' });
    expect(answer.status).toBe(206);
    expect(answer.headers['content-range']).toBe('bytes 10-19/1000');
    expect(answer.body.equals(audioBytes.subarray(10, 20))).toBe(true);
    const tail = await media('doc/de.mp3', { Range: 'bytes=-5' });
    expect(tail.headers['content-range']).toBe('bytes 995-999/1000');
    const open = await media('doc/de.mp3', { Range: 'bytes=990-' });
    expect(open.body.length).toBe(10);
  });

  it('answers an unsatisfiable range with 416', async () => {
    const answer = await media('doc/de.mp3', { Range: 'bytes=1000-2000' });
    expect(answer.status).toBe(416);
    expect(answer.headers['content-range']).toBe('bytes */1000');
  });

  it('requires the secret', async () => {
    expect((await media('doc/de.mp3', {}, 'wrong')).status).toBe(401);
  });

  it.each([
    ['..%2fsecret.txt', 400],
    ['doc/..%2f..%2fsecret.txt', 400],
    ['doc%2f..%2f..%2fsecret.txt', 400],
    ['doc/..%5c..%5csecret.txt', 400],
    ['..\\secret.txt', 404],
    ['doc/de.mp3%00.txt', 400],
    ['%2fetc%2fpasswd', 400],
    ['/etc/passwd', 400],
    ['C:%5cWindows%5cwin.ini', 400],
    ['doc/link.mp3', 404],
    ['doc/missing.mp3', 404],
  ])('does not let %s out of the media folder', async (id, status) => {
    const answer = await send(`/media/${id}?t=${host.token}`);
    expect(answer.status).toBe(status);
    expect(answer.body.toString()).not.toContain('not for the web');
  });
});
