// Study cards and hidden text in the real app: save the current sentence or selected words with
// Shift+C, open the cards with Shift+K and export them for Anki by keyboard alone (a ZIP download in
// browser mode, the folder with text, clips and README in the data folder), edit, delete with undo;
// hide the English, reveal one sentence with v, all with Shift+V; axe finds nothing in either.
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentenceInLanguage } from '../../common/timing/navigate';
import { audioState, openPlayer, waitForPlaying, waitUntilReady, type PlayerApp } from './player-helpers';

let app: PlayerApp;
const DOC = 'china-sieht-alles';

beforeAll(async () => {
  app = await openPlayer();
  await waitUntilReady(app.page);
});

afterAll(async () => {
  await app?.close();
});

async function pauseAt(sentenceId: string): Promise<void> {
  const { page } = app;
  await page.locator(`[data-sentence="${sentenceId}"][data-lang="de"] [data-w="0"]`).click();
  await waitForPlaying(page, true);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await waitForPlaying(page, false);
}

async function select(sentenceId: string, lang: 'de' | 'en', from: number, to: number): Promise<void> {
  await app.page.evaluate(
    ({ sentenceId, lang, from, to }) => {
      const words = document.querySelectorAll(`[data-sentence="${sentenceId}"][data-lang="${lang}"] [data-w]`);
      const range = document.createRange();
      range.setStart(words[from]!.firstChild!, 0);
      range.setEnd(words[to]!.firstChild!, words[to]!.textContent!.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    },
    { sentenceId, lang, from, to },
  );
}

const cardsAnnouncement = () => app.page.getByTestId('cards-announcer').textContent();
const cards = () => app.services.handlers.listCards({ documentId: DOC });

async function axe(include: string): Promise<string[]> {
  const results = await new AxeBuilder({ page: app.page }).include(include).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('saving cards', () => {
  it('saves the current sentence (Shift+C), once', async () => {
    const { page } = app;
    await pauseAt('s012');
    const s012 = app.bundle.edition.sentences.find((s) => s.id === 's012')!;
    await page.keyboard.press('Shift+C');
    await expect.poll(cardsAnnouncement).toBe(`Card saved: ${s012.de.slice(0, 49)}…`);
    await page.keyboard.press('Shift+C');
    await expect.poll(cardsAnnouncement).toMatch(/^This is already a card: /);
    const saved = await cards();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ kind: 'sentence', sentenceIds: ['s012'], german: s012.de });
    await expect.poll(() => page.getByRole('button', { name: 'Cards (1)', exact: true }).isVisible()).toBe(true);
  });

  it('saves selected German words with their sentence, and selected English words as the back', async () => {
    const { page } = app;
    await select('s012', 'de', 2, 4);
    const selected = await page.evaluate(() => window.getSelection()!.toString());
    await page.keyboard.press('Shift+C');
    await expect.poll(cardsAnnouncement).toBe(`Card saved: ${selected}`);
    // The selection was used up.
    expect(await page.evaluate(() => window.getSelection()!.isCollapsed)).toBe(true);
    const en = sentenceInLanguage(app.bundle.edition, 's020', 'en');
    await select(en, 'en', 0, 1);
    const english = await page.evaluate(() => window.getSelection()!.toString());
    await page.keyboard.press('Shift+C');
    await expect.poll(async () => (await cards()).length).toBe(3);
    const [, phrase, back] = await cards();
    expect(phrase).toMatchObject({ kind: 'phrase', german: selected, sentenceIds: ['s012'] });
    expect(back).toMatchObject({ english, sentenceIds: expect.arrayContaining(['s020']) });
  });
});

describe('the cards dialog', () => {
  it('opens with Shift+K and exports for Anki by keyboard alone: a ZIP download and a folder with text, clips and README', async () => {
    const { page } = app;
    await page.keyboard.press('Shift+K');
    const dialog = page.getByRole('dialog', { name: /^Study cards/ });
    await dialog.waitFor();
    // The focus starts on Close; format, audio, export: three Tabs to the export button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe('anki-tsv');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export cards');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^china-sieht-alles-cards-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.zip$/);
    await expect.poll(() => page.getByTestId('cards-export-result').textContent()).toMatch(/^3 cards and 2 audio clips exported to the folder .*collection\.media/);

    const exports = join(app.dataDir, 'exports');
    const [folder] = readdirSync(exports);
    const files = readdirSync(join(exports, folder!)).sort();
    expect(files).toEqual(expect.arrayContaining(['README.txt', `${folder}.txt`]));
    expect(files.filter((f) => f.endsWith('.mp3')).sort()).toEqual(['mitlesen-china-sieht-alles-s012.mp3', `mitlesen-china-sieht-alles-${[...new Set((await cards())[2]!.sentenceIds)].join('-')}.mp3`].sort());
    const text = readFileSync(join(exports, folder!, `${folder}.txt`), 'utf8');
    expect(text.split('\n').slice(0, 7)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck:Mitlesen::China sieht alles',
      '#columns:Front\tBack\tTags\tGUID',
      '#tags column:3',
      '#guid column:4',
    ]);
    expect(text).toContain('[sound:mitlesen-china-sieht-alles-s012.mp3]');
    // The ZIP offered to the browser holds the same files.
    const zip = readFileSync(await file.path());
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    for (const name of files) expect(zip.includes(Buffer.from(`${folder}/${name}`))).toBe(true);
  });

  it('edits a card in place (saved when the field is left)', async () => {
    const { page } = app;
    const note = page.getByRole('dialog').getByLabel('Note').first();
    await note.fill('Merken: lückenlos');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await cards())[0]!.note).toBe('Merken: lückenlos');
  });

  it('deletes a card and undoes it', async () => {
    const { page } = app;
    const first = (await cards())[0]!;
    await page.getByRole('button', { name: `Delete the card “${first.german.slice(0, 39)}…”` }).click();
    await expect.poll(async () => (await cards()).length).toBe(2);
    // The focus stays in the dialog, on Undo.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await cards()).map((c) => c.id)).toContain(first.id);
    expect((await cards()).find((c) => c.id === first.id)!.note).toBe('Merken: lückenlos');
  });

  it('has no accessibility violations, and Escape gives the focus back', async () => {
    const { page } = app;
    expect(await axe('.cards-dialog')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: /^Study cards/ }).isVisible()).toBe(false);
  });
});

describe('hidden text', () => {
  const visibleEnglish = () => app.page.locator('.cell[lang="en"] .reveal-text:visible').count();

  it('hides the English (h) from the eye and from screen readers, with a reveal button per sentence', async () => {
    const { page } = app;
    await pauseAt('s012');
    await page.keyboard.press('h');
    await expect.poll(() => page.getByTestId('learning-announcer').textContent()).toBe('English hidden. Press v to reveal the current sentence.');
    expect(await visibleEnglish()).toBe(0);
    const buttons = page.locator('button[data-reveal="en"]');
    expect(await buttons.count()).toBeGreaterThan(100);
    expect(await buttons.first().getAttribute('aria-expanded')).toBe('false');
    // The accessibility tree has no English sentence text left, only the buttons.
    const en = sentenceInLanguage(app.bundle.edition, 's012', 'en');
    const englishText = app.bundle.edition.sentences.find((s) => s.id === en)!.en;
    const snapshot = await page.locator('#main').ariaSnapshot();
    expect(snapshot).not.toContain(englishText.slice(0, 30));
    expect(snapshot).toContain('Show English');
    // The learning bar, with the hidden language chosen, passes axe too.
    expect(await axe('.learning-bar')).toEqual([]);
    // The setting is kept.
    await expect.poll(async () => (await app.services.handlers.getSettings(undefined)).settings.hiddenLanguage).toBe('en');
  });

  it('reveals the current sentence (v), then all (Shift+V), and hides all again', async () => {
    const { page } = app;
    const en = sentenceInLanguage(app.bundle.edition, 's012', 'en');
    await page.keyboard.press('v');
    const cell = page.locator(`.cell[lang="en"]:has([data-sentence="${en}"])`);
    await expect.poll(() => cell.locator('.reveal-text').isVisible()).toBe(true);
    expect(await cell.locator('button[data-reveal="en"]').getAttribute('aria-expanded')).toBe('true');
    expect(await visibleEnglish()).toBe(1);
    // A click on a reveal button reveals that sentence and does not play.
    await page.locator('button[data-reveal="en"][aria-expanded="false"]').first().click();
    expect(await visibleEnglish()).toBe(2);
    expect((await audioState(page)).paused).toBe(true);
    await page.keyboard.press('Shift+V');
    await expect.poll(() => page.getByTestId('learning-announcer').textContent()).toBe('All hidden text revealed.');
    expect(await page.locator('.cell[lang="en"] .reveal-text:not(:visible)').count()).toBe(0);
    await page.keyboard.press('Shift+V');
    await expect.poll(visibleEnglish).toBe(0);
    expect(await axe('#main')).toEqual([]);
    await page.keyboard.press('h');
    await expect.poll(() => page.locator('button[data-reveal]').count()).toBe(0);
    expect(await visibleEnglish()).toBeGreaterThan(100);
  });
});

describe('many cards', () => {
  it('renders only the cards in view, reaches the last by scrolling, and keeps the focused card while it scrolls away', async () => {
    const { page } = app;
    const sentences = app.bundle.edition.sentences;
    for (let i = 0; i < 300; i++) {
      const sentence = sentences[i % sentences.length]!;
      await app.services.handlers.createCard({ documentId: DOC, sentenceIds: [sentence.id], german: `Karte ${i + 1}: ${sentence.de.slice(0, 30)}`, english: `Card ${i + 1}` });
    }
    const total = (await cards()).length;
    await page.reload();
    await waitUntilReady(page);
    await page.keyboard.press('Shift+K');
    const dialog = page.getByRole('dialog', { name: /^Study cards/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const items = dialog.locator('.cards-list > .card');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    expect(await items.count()).toBeLessThan(30);
    expect(await items.first().getAttribute('aria-setsize')).toBe(String(total));

    // Into the first card's German field, then scroll the dialog to the end: that card stays, focused.
    const firstField = dialog.getByLabel('German').first();
    await firstField.focus();
    const firstId = await items.first().getAttribute('data-card-id');
    await page.evaluate(() => {
      const d = document.querySelector('.cards-dialog')!;
      d.scrollTop = d.scrollHeight;
    });
    const last = (await cards()).at(-1)!;
    await expect.poll(() => dialog.locator(`[data-card-id="${last.id}"]`).isVisible()).toBe(true);
    expect(await dialog.locator(`[data-card-id="${last.id}"]`).getAttribute('aria-posinset')).toBe(String(total));
    expect(await page.evaluate(() => document.activeElement?.closest('[data-card-id]')?.getAttribute('data-card-id'))).toBe(firstId);
    expect(await items.count()).toBeLessThan(30);

    // Tab through the fields moves on card by card, however far down.
    await page.evaluate(() => {
      const d = document.querySelector('.cards-dialog')!;
      d.scrollTop = 0;
    });
    const before = await page.evaluate(() => document.activeElement?.closest('[data-card-id]')?.getAttribute('aria-posinset'));
    // As fast as the keys come (a held Tab key): the next card is always rendered before the focus
    // needs it.
    for (let i = 0; i < 6 * 8; i++) await page.keyboard.press('Tab');
    const after = Number(await page.evaluate(() => document.activeElement?.closest('[data-card-id]')?.getAttribute('aria-posinset')));
    expect(after).toBeGreaterThan(Number(before) + 5);
    expect(await axe('.cards-dialog')).toEqual([]);
  }, 120_000);
});
