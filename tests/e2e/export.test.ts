// The export dialog in the real app (browser mode, real services): opened from the toolbar, a format
// chosen and exported by keyboard alone, the file written into exports/ and downloaded; an EPUB runs
// as a job and ends with its file; a failure is shown as an alert with the reason; axe finds nothing.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEpub } from '../../main/exchange/epub-read';
import { openPlayer, waitUntilReady, type PlayerApp } from './player-helpers';

let app: PlayerApp;

beforeAll(async () => {
  app = await openPlayer();
  await waitUntilReady(app.page);
});

afterAll(async () => {
  await app?.close();
});

const result = () => app.page.getByTestId('export-result').textContent();
const focused = () => app.page.evaluate(() => {
  const el = document.activeElement as HTMLInputElement | null;
  return { tag: el?.tagName, value: el?.value, text: el?.textContent, checked: el?.checked };
});

describe('the export dialog', () => {
  it('exports SRT by keyboard alone: written into exports/ and downloaded', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Export the document' });
    await dialog.waitFor();
    expect((await focused()).tag).toBe('H2');
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Close');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ value: 'vtt', checked: true });
    // Arrow keys move through a radio group and choose as they go.
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ value: 'srt', checked: true });
    await page.keyboard.press('Tab');
    expect((await focused()).tag).toBe('SELECT');
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Export');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^china-sieht-alles-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.de\.srt$/);
    await expect.poll(result).toMatch(/^2 files written to the exports folder:/);
    const written = join(app.dataDir, 'exports', file.suggestedFilename());
    expect(readFileSync(written, 'utf8')).toBe(readFileSync(await file.path(), 'utf8'));
    expect(readFileSync(written, 'utf8')).toMatch(/^1\n00:00:00,\d{3} --> /);
  });

  it('exports an EPUB as a job and shows its file', async () => {
    const { page } = app;
    const dialog = page.getByRole('dialog', { name: 'Export the document' });
    await dialog.getByRole('radio', { name: /^EPUB 3/ }).check();
    await dialog.getByRole('combobox', { name: 'Language' }).selectOption('en');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.en\.epub$/);
    await expect.poll(result).toMatch(/^1 file written to the exports folder:.*\.en\.epub/);
    const book = readEpub(readFileSync(join(app.dataDir, 'exports', file.suggestedFilename())), file.suggestedFilename());
    expect(book.overlays.flatMap((o) => o.pars).length).toBe(app.timing.tracks.en!.sentences.length);
  }, 90_000);

  it('shows a failed export as an alert with the reason', async () => {
    const { page } = app;
    // The exports folder replaced by a file: nothing can be written there.
    const exports = join(app.dataDir, 'exports');
    rmSync(exports, { recursive: true, force: true });
    writeFileSync(exports, 'not a folder');
    const dialog = page.getByRole('dialog', { name: 'Export the document' });
    await dialog.getByRole('radio', { name: /^Bilingual text/ }).check();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/^The export failed: china-sieht-alles-[\d-]+\.md could not be written to .*exports: EEXIST/);
    rmSync(exports, { force: true });
  });

  it('passes axe, and closes with Escape back to its button', async () => {
    const { page } = app;
    const results = await new AxeBuilder({ page }).include('.export-dialog').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Export the document' }).isVisible()).toBe(false);
    expect((await focused()).text).toBe('Export…');
  });
});

describe('the Export button in large text and zoom', () => {
  // The button adds to the header: the header still wraps instead of scrolling, and the page still
  // fits the window (the checks of a11y-reflow.test.ts, repeated here for the new button), and the
  // dialog itself does not scroll sideways.
  const cases: [string, { width: number; height: number }, number, number][] = [
    ['200% text, 1024x768', { width: 1024, height: 768 }, 1, 2],
    ['300% text, 1024x768', { width: 1024, height: 768 }, 1, 3],
    ['200% zoom', { width: 512, height: 384 }, 2, 1],
  ];
  for (const [name, viewport, deviceScaleFactor, fontScale] of cases) {
    it(`${name}: nothing scrolls sideways, the page fits, the dialog too`, async () => {
      const large = await openPlayer({
        context: { viewport, deviceScaleFactor },
        beforeOpen: async (running) => running.services.handlers.updateSettings({ patch: { fontScale } }),
      });
      try {
        await waitUntilReady(large.page);
        const page = large.page;
        const measure = () =>
          page.evaluate(() => ({
            document: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            pageVertical: document.documentElement.scrollHeight - document.documentElement.clientHeight,
            header: document.querySelector('.app-header')!.scrollWidth - document.querySelector('.app-header')!.clientWidth,
          }));
        expect(await measure()).toEqual({ document: 0, pageVertical: 0, header: 0 });
        await page.getByRole('button', { name: 'Export…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Export the document' });
        await dialog.waitFor();
        expect(await page.evaluate(() => { const d = document.querySelector('.export-dialog')!; return d.scrollWidth - d.clientWidth; })).toBe(0);
      } finally {
        await large.close();
      }
    }, 90_000);
  }
});
