// When something is wrong, the app says what and offers a way on; it never shows a blank window:
// missing audio, timings that do not match the edition, a damaged settings file, a failed load.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPlayer, waitUntilReady, type PlayerApp } from './player-helpers';

let app: PlayerApp | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

async function transcriptIsReadable(page: Page): Promise<void> {
  await page.getByRole('article', { name: 'Transcript' }).waitFor();
  expect(await page.locator('[data-sentence="s010"][data-lang="de"]').textContent()).toBeTruthy();
}

describe('errors', () => {
  it('missing audio: says so, keeps the transcript readable, and plays once it is back', async () => {
    const refuse = (route: Route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"ok":false}' });
    const isAudio = (url: URL) => url.pathname.endsWith('.mp3');
    app = await openPlayer({ beforeOpen: (started) => started.page.route(isAudio, refuse) });
    const { page } = app;
    const notice = page.getByRole('alert').filter({ hasText: 'The narration cannot be played' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/narration could not be opened/);
    await transcriptIsReadable(page);
    expect(await page.locator('[data-player-status="no-audio"]').count()).toBe(1);

    await page.unroute(isAudio, refuse);
    await notice.getByRole('button', { name: 'Try again' }).click();
    await waitUntilReady(page);
    expect(await notice.count()).toBe(0);
  });

  it('timings that do not match the edition: says which and how to fix it, and shows the text', async () => {
    const problem = 'The narration timings do not match the edition (de s010: 9 word timings for 10 words in the edition’s text). Run "npm run narrate" to rebuild them.';
    app = await openPlayer({
      beforeOpen: (started) =>
        started.page.route('**/api/loadDocument', async (route) => {
          const response = await route.fetch();
          const envelope = (await response.json()) as { ok: true; value: { timing: unknown; timingProblem: string | null } };
          envelope.value.timing = null;
          envelope.value.timingProblem = problem;
          await route.fulfill({ response, json: envelope });
        }),
    });
    const { page } = app;
    const notice = page.getByRole('alert').filter({ hasText: 'The narration cannot be played' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(problem);
    await transcriptIsReadable(page);
    await notice.getByRole('button', { name: 'Reload' }).waitFor();
    // The layout can still be changed while reading without narration.
    await page.getByLabel('Layout').selectOption('de');
    await expect.poll(() => page.locator('.cell').count()).toBe(0);
    await transcriptIsReadable(page);
  });

  it('a damaged settings file: tells the user the defaults are in use, and the player works', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mitlesen-player-settings-'));
    await writeFile(join(dataDir, 'settings.json'), '{ "layout": "side-by-side", "rate": 2.0,');
    app = await openPlayer({ dataDir });
    const { page } = app;
    const notice = page.getByRole('status').filter({ hasText: 'Your settings were reset' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/damaged/);
    await waitUntilReady(page);
    expect(await page.getByTestId('rate').textContent()).toBe('1.0×');
    await notice.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('a document that cannot be loaded: says why and offers to try again', async () => {
    let failing = true;
    app = await openPlayer({
      beforeOpen: (started) =>
        started.page.route('**/api/loadDocument', async (route) => {
          if (!failing) return route.continue();
          await route.fulfill({ status: 200, json: { ok: false, error: { code: 'failed', message: 'The edition of "china-sieht-alles" is invalid:\nline 12: a sentence has no German text' } } });
        }),
    });
    const { page } = app;
    const notice = page.getByRole('alert').filter({ hasText: 'Mitlesen could not open the document' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('line 12: a sentence has no German text');
    expect(await page.getByRole('banner').count()).toBe(1);
    failing = false;
    await notice.getByRole('button', { name: 'Try again' }).click();
    await waitUntilReady(page);
  });
});
