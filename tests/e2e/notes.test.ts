// Notes and search end to end in real Chromium against the real back end (SQLite, web host):
// a note added by keyboard survives a reload, search finds it and the transcript, Enter jumps there,
// delete undoes with Ctrl+Z, a note from a selection keeps the exact words, and the Markdown export
// (downloaded and written to the data folder) quotes the sentence. The panel and the results pass
// axe; a damaged database is reported in the panel and the app still starts.
import AxeBuilder from '@axe-core/playwright';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let page: Page;

const S004_DE = 'Entstanden ist der erste digitale Überwachungsstaat der Welt.';

beforeAll(async () => {
  app = await startApp();
  page = app.page;
  await page.locator('.sentence[data-sentence="s004"]').first().waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await app?.close();
});

const notesPanel = () => page.getByRole('complementary', { name: 'Notes' });
const violations = async (selector: string, disabledRules: string[] = []) =>
  (await new AxeBuilder({ page }).include(selector).disableRules(disabledRules).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
const searchBox = () => page.getByRole('combobox', { name: 'Search the transcript and your notes' });

/** Puts the focus on the transcript (not a text field), so single-key commands work. */
async function focusTranscript(): Promise<void> {
  await page.locator('#main').focus();
}

describe('notes and search in the browser', () => {
  it('adds a note with the n key, autosaves it, and keeps it across a reload', async () => {
    await focusTranscript();
    await page.keyboard.press('n');
    const editor = notesPanel().locator('textarea').first();
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Mein Gedanke zur Ueberwachung: Kameras überall.');
    await notesPanel().getByText('Saved', { exact: true }).first().waitFor();

    await app.reload();
    await page.locator('.sentence[data-sentence="s004"]').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => notesPanel().locator('textarea').first().inputValue()).toBe('Mein Gedanke zur Ueberwachung: Kameras überall.');
    // The note shows beside its sentence in the transcript.
    await expect.poll(() => page.locator('#main .decoration').count()).toBeGreaterThan(0);
    // And as one mark on the waveform, named by the note.
    await expect.poll(() => page.locator('.note-marker').count()).toBe(1);
    expect(await page.locator('.note-marker').first().getAttribute('title')).toMatch(/^Note at \d+:\d\d: Mein Gedanke zur Ueberwachung/);
  });

  it('finds the note and the transcript in one box, with the hits marked; Enter plays from the hit', async () => {
    await focusTranscript();
    await page.keyboard.press('/');
    await expect.poll(() => searchBox().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Überwachungsstaat');
    const transcriptGroup = page.getByRole('group', { name: /^Transcript/ });
    await transcriptGroup.getByRole('option').first().waitFor();
    await expect.poll(() => transcriptGroup.getByRole('option').first().textContent()).toContain(S004_DE);
    // Results arrive as the user types; wait for those of the whole word, not an earlier prefix.
    await expect.poll(() => transcriptGroup.locator('mark').first().textContent()).toBe('Überwachungsstaat');

    // A transliterated spelling finds the note ("Ueberwachung" in it) and the transcript.
    await searchBox().fill('uberwachung');
    const notesGroup = page.getByRole('group', { name: /^Notes/ });
    await notesGroup.getByRole('option').first().waitFor();
    await expect.poll(() => notesGroup.locator('mark').first().textContent()).toBe('Ueberwachung');
    await page.keyboard.press('ArrowDown');
    // The results scroll without being focusable themselves: in the ARIA combobox pattern the focus
    // stays in the input and the arrow keys move (and scroll to) the active option.
    expect(await violations('.search', ['scrollable-region-focusable'])).toEqual([]);

    // Hostile input is just text: no error, no crash.
    for (const hostile of ['"', 'NOT (', '*^-:', '🙂', 'x'.repeat(2000)]) {
      await searchBox().fill(hostile);
      await page.waitForTimeout(50);
    }
    await expect.poll(() => page.locator('.search [role="alert"]').count()).toBe(0);

    // Enter on a transcript hit jumps there and plays; the results close and the focus goes back.
    await searchBox().fill('Überwachungsstaat der Welt');
    await transcriptGroup.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => searchBox().getAttribute('aria-activedescendant')).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.sentence.is-current[data-sentence="s004"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await searchBox().evaluate((el) => el === document.activeElement)).toBe(false);
    await page.keyboard.press('Space'); // pause again

    // Escape closes the results and gives the focus back.
    await focusTranscript();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('china');
    await transcriptGroup.getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await transcriptGroup.isVisible()).toBe(false);
  });

  it('makes a note from a text selection with the exact words, and deletes it with undo (Ctrl+Z)', async () => {
    await page.evaluate(() => {
      const sentence = document.querySelector('#main .sentence[data-sentence="s004"][data-lang="de"]')!;
      const words = sentence.querySelectorAll('.w');
      const range = document.createRange();
      range.setStartBefore(words[3]!);
      range.setEndAfter(words[5]!);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await page.keyboard.press('n');
    const quote = notesPanel().locator('.note-quote');
    await expect.poll(() => quote.first().textContent()).toBe('«erste digitale Überwachungsstaat»');
    await page.keyboard.type('Aus der Auswahl');
    await notesPanel().getByText('Saved', { exact: true }).first().waitFor();
    const before = await notesPanel().locator('.note').count();

    const note = notesPanel().locator('.note', { hasText: 'erste digitale Überwachungsstaat' });
    await note.getByRole('button', { name: /^Delete the note/ }).click();
    await expect.poll(() => notesPanel().locator('.note').count()).toBe(before - 1);
    await notesPanel().getByRole('button', { name: 'Undo', exact: true }).waitFor();
    await expect.poll(() => page.locator('[aria-live="polite"]', { hasText: 'Note deleted.' }).count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => notesPanel().locator('.note').count()).toBe(before);
    await expect.poll(() => notesPanel().locator('.note-quote').first().textContent()).toBe('«erste digitale Überwachungsstaat»');
    expect(await violations('.notes-panel')).toEqual([]);
  });

  it('exports Markdown that quotes the sentence, as a download and as a file in the data folder', async () => {
    const download = page.waitForEvent('download');
    await notesPanel().getByRole('group', { name: 'Export notes' }).getByRole('button', { name: 'Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^china-sieht-alles-notes-.*\.md$/);
    const content = await readFile((await file.path())!, 'utf8');
    expect(content).toContain(`> ${S004_DE}`);
    expect(content).toContain('Mein Gedanke zur Ueberwachung: Kameras überall.');
    expect(content).toContain('Selected: «erste digitale Überwachungsstaat»');
    const written = await readdir(join(app.dataDir, 'exports'));
    expect(written).toContain(file.suggestedFilename());
    expect(await readFile(join(app.dataDir, 'exports', file.suggestedFilename()), 'utf8')).toBe(content);
  });
});

describe('a damaged notes database in the browser', () => {
  it('is reported in the notes panel, and the app starts with working notes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mitlesen-e2e-corrupt-'));
    await mkdir(join(dataDir, 'notes'), { recursive: true });
    await writeFile(join(dataDir, 'notes', 'notes.sqlite'), 'garbage, not a database '.repeat(100));
    const damaged = await startApp({ dataDir });
    try {
      const panel = damaged.page.getByRole('complementary', { name: 'Notes' });
      const alert = panel.getByRole('alert');
      await alert.waitFor({ timeout: 20_000 });
      expect(await alert.textContent()).toMatch(/could not be read .* moved aside to .*notes\.sqlite\.corrupt-/);
      await damaged.page.locator('#main').focus();
      await damaged.page.keyboard.press('n');
      await expect.poll(() => panel.locator('textarea').count()).toBe(1);
      expect((await readdir(join(dataDir, 'notes'))).some((name) => name.startsWith('notes.sqlite.corrupt-'))).toBe(true);
    } finally {
      await damaged.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
