// Importing a German text by keyboard alone: the library's Import dialog takes pasted text and a
// title, shows the narration's progress with a Cancel that leaves nothing behind, and at the end
// lists the new document with the focus on it; it opens and plays with its words lit. A translation
// given with the text is paired with it once it is imported, and the document opens side by side.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRENCH, GERMAN, RUSSIAN } from '../common/parallel/texts';
import { openPlayer, waitForPlaying, waitUntilReady, type PlayerApp } from './player-helpers';

let app: PlayerApp;
// Real sentences (the speech fixture's text), as chapters of a longer text, so the narration takes
// long enough to be cancelled.
const SENTENCES = readFileSync(new URL('../../../shared/fixtures/speech-de/text.txt', import.meta.url), 'utf8').trim();
const LONG_TEXT = Array.from({ length: 80 }, (_, i) => `# Teil ${i + 1}\n\n${SENTENCES}`).join('\n\n');
const SHORT_TEXT = `# Anfang\n\n${SENTENCES}`;

beforeAll(async () => {
  app = await openPlayer();
  await waitUntilReady(app.page);
});

afterAll(async () => {
  await app?.close();
});

const dialog = () => app.page.getByRole('dialog', { name: 'Import a recording or a text' });
const focused = (locator: ReturnType<typeof dialog>) => locator.evaluate((el) => el === document.activeElement);
const ownDocuments = async () => (await app.services.handlers.listDocuments(undefined)).filter((d) => d.kind === 'own');

async function fillIn(text: string, title: string, looks = 'German'): Promise<void> {
  const { page } = app;
  if (!(await page.getByRole('region', { name: 'Library' }).isVisible())) {
    await page.getByRole('button', { name: 'Library', exact: true }).focus();
    await page.keyboard.press('Enter');
  }
  await page.getByRole('button', { name: 'Import…' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog().isVisible()).toBe(true);
  const textField = dialog().getByRole('textbox', { name: 'Text' });
  await textField.focus();
  await textField.fill(text);
  await dialog().getByRole('textbox', { name: 'Title' }).focus();
  // What was typed before a cancel is kept, to try again; replace it.
  await page.keyboard.press('Control+A');
  if (title) await page.keyboard.type(title);
  else await page.keyboard.press('Delete');
  if (text && looks) expect(await dialog().textContent()).toContain(`The text looks ${looks}.`);
}

describe('importing a text', () => {
  it('reads a chosen or dropped file: the title from its name, Markdown from its extension; refuses one that is not text', async () => {
    const { page } = app;
    await fillIn('', '');
    await dialog().getByLabel(/^Choose the text file/).setInputFiles({ name: 'zehn_saetze.md', mimeType: 'text/markdown', buffer: Buffer.from(SHORT_TEXT) });
    await expect.poll(() => dialog().getByRole('textbox', { name: 'Title' }).inputValue()).toBe('zehn saetze');
    expect(await dialog().getByRole('textbox', { name: 'Text' }).inputValue()).toBe(SHORT_TEXT);
    expect(await dialog().getByRole('combobox', { name: 'Format', exact: true }).inputValue()).toBe('markdown');
    await page.evaluate(() => {
      const form = document.querySelector('dialog[open] form')!;
      const data = new DataTransfer();
      data.items.add(new File(['Ein Satz. Noch einer.'], 'notiz.txt', { type: 'text/plain' }));
      form.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => dialog().getByRole('textbox', { name: 'Text' }).inputValue()).toBe('Ein Satz. Noch einer.');
    // The title was the file's, not typed: it follows the new file.
    expect(await dialog().getByRole('textbox', { name: 'Title' }).inputValue()).toBe('notiz');
    expect(await dialog().getByRole('combobox', { name: 'Format', exact: true }).inputValue()).toBe('plain');
    await dialog().getByLabel(/^Choose the text file/).setInputFiles({ name: 'bild.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) });
    await expect.poll(() => dialog().getByRole('alert').textContent()).toBe('“bild.png” is not a text file (.txt, .md, EPUB, WebVTT, SRT or JSON).');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);
  });

  it('cancels a running import, and nothing is added', async () => {
    const { page } = app;
    // Each test from a fresh page: on loaded CI runs the dialog has failed to reopen after an Escape
    // (a defect recorded in issue 11, not yet found); these tests check the import itself.
    await page.reload();
    await waitUntilReady(page);
    await fillIn(LONG_TEXT, 'Abgebrochen');
    await page.keyboard.press('Enter');
    const cancel = dialog().getByRole('button', { name: 'Cancel import' });
    await expect.poll(() => cancel.isEnabled()).toBe(true);
    expect(await dialog().getByRole('progressbar').count()).toBe(1);
    await cancel.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByRole('status').textContent(), { timeout: 30_000 }).toBe('Import cancelled. Nothing was added.');
    expect(await ownDocuments()).toEqual([]);
    // The Cancel button is gone: the focus is on Import, ready to start again.
    await expect.poll(() => focused(dialog().getByRole('button', { name: 'Import', exact: true }))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);
  });

  it('imports a pasted text, lists it with the focus on it, and opens it playing with its words lit', async () => {
    const { page } = app;
    // From a fresh page too (see the cancel test).
    await page.reload();
    await waitUntilReady(page);
    await fillIn(SHORT_TEXT, 'Zehn Sätze');
    expect((await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible(), { timeout: 60_000 }).toBe(false);
    const [added] = await ownDocuments();
    expect(added).toMatchObject({ title: { de: 'Zehn Sätze' }, languages: ['de'], status: 'ready' });
    const open = page.getByRole('button', { name: 'Open Zehn Sätze' });
    await expect.poll(() => focused(open)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.document-title').textContent()).toBe('Zehn Sätze');
    await waitUntilReady(page);
    expect(await page.locator('#main h2, #main h3').first().textContent()).toContain('Anfang');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlaying(page, true);
    await expect.poll(() => page.locator('.is-current-word').count()).toBe(1);
  });

  it('imports a text with its translation, pairs the two once imported, and opens them side by side', async () => {
    const { page } = app;
    await page.reload();
    await waitUntilReady(page);
    await fillIn(GERMAN.join('\n\n'), 'Die Mauer');
    await dialog().getByRole('combobox', { name: 'Format', exact: true }).selectOption('markdown');
    // The translation is optional, behind its disclosure: opened from the keyboard.
    const disclosure = dialog().locator('summary', { hasText: 'Its translation (optional)' });
    await disclosure.focus();
    await page.keyboard.press('Enter');
    const translation = dialog().getByRole('textbox', { name: 'Translation', exact: true });
    await translation.focus();
    await translation.fill(RUSSIAN.join('\n\n'));
    await dialog().getByRole('combobox', { name: 'Format of the translation' }).selectOption('markdown');
    await dialog().getByRole('combobox', { name: 'Language of the translation' }).selectOption('ru');
    await dialog().getByRole('button', { name: 'Import', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible(), { timeout: 60_000 }).toBe(false);

    const added = (await ownDocuments()).find((d) => d.title.de === 'Die Mauer')!;
    expect(added).toMatchObject({ languages: ['de', 'en'], status: 'ready' });
    const opened = await app.services.handlers.loadDocument({ documentId: added.id });
    expect(opened.translation).toMatchObject({ lang: 'ru' });
    // Every sentence of the document in one pair, in order.
    expect(opened.translation!.pairs.flatMap((pair) => pair.a)).toEqual(opened.edition.sentences.map((sentence) => sentence.id));
    // No note of a translation not added.
    expect(await page.locator('.library .notice').count()).toBe(0);
    const open = page.getByRole('button', { name: 'Open Die Mauer' });
    await expect.poll(() => focused(open)).toBe(true);
    await page.keyboard.press('Enter');
    await waitUntilReady(page);
    await expect.poll(() => page.locator('.transcript.layout-side-by-side').count()).toBe(1);
    // The first German sentence beside its Russian, in a row of their own.
    const first = page.locator('.transcript [data-unit]', { hasText: 'Im November 1989 fiel in Berlin die Mauer.' });
    expect(await first.locator('.cell[lang="ru"]').textContent()).toBe('В ноябре 1989 года в Берлине пала стена.');
  });

  it('imports the text all the same when its translation cannot be paired, and says why', async () => {
    const { page } = app;
    await page.reload();
    await waitUntilReady(page);
    await fillIn(SHORT_TEXT, 'Ohne Übersetzung');
    await dialog().locator('summary', { hasText: 'Its translation (optional)' }).click();
    // The German again where its translation should be: the pairing refuses it.
    await dialog().getByRole('textbox', { name: 'Translation', exact: true }).fill(SENTENCES);
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog().isVisible(), { timeout: 60_000 }).toBe(false);
    const added = (await ownDocuments()).find((d) => d.title.de === 'Ohne Übersetzung');
    expect(added).toMatchObject({ languages: ['de'], status: 'ready' });
    await expect.poll(() => page.locator('.library .notice').textContent()).toContain('Imported without its translation: text: this looks German, like the document; choose its translation.');
  });

  it('imports a French text with its German translation: the language chosen by keyboard, both texts marked and named as themselves, and it plays', async () => {
    const { page } = app;
    await page.reload();
    await waitUntilReady(page);
    // German is chosen at first, and the dialog says the text looks otherwise; once French is chosen, it looks right.
    await fillIn(FRENCH.join('\n\n'), 'Le mur', '');
    await expect.poll(() => dialog().textContent()).toContain('The text looks French, not German: it would be read and aligned with a voice for German.');
    await dialog().getByRole('combobox', { name: 'Format', exact: true }).selectOption('markdown');
    const language = dialog().getByRole('combobox', { name: 'Language of the text' });
    expect(await language.inputValue()).toBe('de');
    await language.focus();
    await page.keyboard.type('French');
    await expect.poll(() => language.inputValue()).toBe('fr');
    await expect.poll(() => dialog().textContent()).toContain('The text looks French.');
    const disclosure = dialog().locator('summary', { hasText: 'Its translation (optional)' });
    await disclosure.focus();
    await page.keyboard.press('Enter');
    const translation = dialog().getByRole('textbox', { name: 'Translation', exact: true });
    await translation.fill(GERMAN.join('\n\n'));
    await dialog().getByRole('combobox', { name: 'Format of the translation' }).selectOption('markdown');
    await dialog().getByRole('combobox', { name: 'Language of the translation' }).selectOption('de');
    await dialog().getByRole('button', { name: 'Import', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible(), { timeout: 60_000 }).toBe(false);

    const added = (await ownDocuments()).find((d) => d.title.de === 'Le mur')!;
    expect(added).toMatchObject({ languages: ['de', 'en'], languageTags: { de: 'fr', en: 'de' }, status: 'ready' });
    const opened = await app.services.handlers.loadDocument({ documentId: added.id });
    expect(opened.edition.languageTags).toEqual({ de: 'fr', en: 'de' });
    expect(opened.translation!.pairs.flatMap((pair) => pair.a)).toEqual(opened.edition.sentences.map((sentence) => sentence.id));
    // The library names the languages as they are.
    expect(await page.locator('.library li', { hasText: 'Le mur' }).textContent()).toContain('French, German');
    const open = page.getByRole('button', { name: 'Open Le mur' });
    await expect.poll(() => focused(open)).toBe(true);
    await page.keyboard.press('Enter');
    await waitUntilReady(page);
    const first = page.locator('.transcript [data-unit]', { hasText: 'En novembre 1989, le mur est tombé à Berlin.' });
    expect(await first.locator('.cell[lang="fr"]').count()).toBe(1);
    expect(await first.locator('.cell[lang="de"]').textContent()).toBe('Im November 1989 fiel in Berlin die Mauer.');
    expect(await page.locator('.transcript [lang="en"]').count()).toBe(0);
    // Labels name French and German, not German and English.
    const layouts = await page.getByRole('combobox', { name: 'Layout' }).locator('option').allTextContents();
    expect(layouts).toEqual(expect.arrayContaining(['French only', 'German only']));
    // It plays, in its (French) narration, its words lit.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlaying(page, true);
    await expect.poll(() => page.locator('.transcript .sentence.is-current[data-lang="de"] .w.is-current-word').count(), { timeout: 10_000 }).toBe(1);
  });
});
