// The foundation, end to end in real Chromium: the shell renders from the real back end, the bridge
// round-trips, the media route serves Range requests that <audio> seeks with, and a call without the
// session's secret is refused.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

async function callBridge(method: string, arg?: unknown, withToken = true): Promise<{ status: number; body: unknown }> {
  return app.page.evaluate(
    async ({ method, arg, withToken }) => {
      const token = sessionStorage.getItem('mitlesen.token') ?? '';
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(withToken ? { 'X-Mitlesen-Token': token } : {}) },
        body: JSON.stringify({ arg }),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, arg, withToken },
  );
}

describe('browser mode', () => {
  it('renders the app shell with the bundled interview from the real back end', async () => {
    await expect.poll(() => app.page.title()).toContain('Mitlesen');
    await app.page.getByText('China sieht alles').first().waitFor({ timeout: 15_000 });
    // The secret has been taken from the address bar so it is not left in history or screenshots.
    expect(app.page.url()).not.toContain('token=');
  });

  it('round-trips a bridge call to the real services', async () => {
    const info = await callBridge('getAppInfo');
    expect(info).toEqual({ status: 200, body: { ok: true, value: { name: 'Mitlesen', version: 'test', host: 'web' } } });

    const saved = await callBridge('updateSettings', { patch: { syncOffsetMs: 120 } });
    expect(saved.status).toBe(200);
    const onDisk = JSON.parse(await readFile(join(app.dataDir, 'settings.json'), 'utf8')) as { syncOffsetMs: number };
    expect(onDisk.syncOffsetMs).toBe(120);
  });

  it('answers an invalid argument with a clear error, not a crash', async () => {
    const result = await callBridge('updateSettings', { patch: { syncOffsetMs: 9999 } });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect((result.body as { error: { message: string } }).error.message).toMatch(/^updateSettings: patch\.syncOffsetMs: /);
    // The back end is still there.
    expect((await callBridge('getAppInfo')).body).toMatchObject({ ok: true });
  });

  it('refuses a call without the session secret', async () => {
    const result = await callBridge('getSettings', undefined, false);
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('serves narration with Range so the page can seek in <audio>', async () => {
    const bundle = (await callBridge('loadDocument', { documentId: 'china-sieht-alles' })).body as {
      ok: true;
      value: { timing: { tracks: { de: { mediaId: string; duration: number } } } };
    };
    const track = bundle.value.timing.tracks.de!;
    const result = await app.page.evaluate(async (mediaId) => {
      const token = sessionStorage.getItem('mitlesen.token') ?? '';
      const url = `/media/${mediaId}?t=${encodeURIComponent(token)}`;
      const partial = await fetch(url, { headers: { Range: 'bytes=100-199' } });
      const bytes = (await partial.arrayBuffer()).byteLength;
      const unsatisfiable = await fetch(url, { headers: { Range: 'bytes=999999999-' } });
      const audio = new Audio(url);
      audio.muted = true;
      await new Promise((resolve, reject) => {
        audio.addEventListener('loadedmetadata', resolve, { once: true });
        audio.addEventListener('error', () => reject(new Error('audio failed to load')), { once: true });
      });
      const target = audio.duration * 0.75;
      audio.currentTime = target;
      await new Promise((resolve) => audio.addEventListener('seeked', resolve, { once: true }));
      return {
        status: partial.status,
        contentRange: partial.headers.get('content-range'),
        bytes,
        unsatisfiable: unsatisfiable.status,
        duration: audio.duration,
        target,
        landed: audio.currentTime,
        seekableEnd: audio.seekable.length > 0 ? audio.seekable.end(0) : 0,
      };
    }, track.mediaId);
    expect(result.status).toBe(206);
    expect(result.contentRange).toMatch(/^bytes 100-199\/\d+$/);
    expect(result.bytes).toBe(100);
    expect(result.unsatisfiable).toBe(416);
    expect(Math.abs(result.duration - track.duration)).toBeLessThan(0.1);
    expect(Math.abs(result.landed - result.target)).toBeLessThan(0.05);
    expect(result.seekableEnd).toBeCloseTo(result.duration, 1);
  });
});
