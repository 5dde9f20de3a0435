// A long document (a generated 20,000-word book in 80 chapters): the transcript renders the chapters
// around the place heard and keeps every chapter's heading; a jump to a chapter far away lands on it,
// lit; ↓ past the last rendered sentence moves into the next chapter; the page stays axe-clean.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocument } from '../../main/library/generate/document';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let documentId: string;
const CHAPTERS = 80;

beforeAll(async () => {
  app = await startApp({ open: false });
  const generated = await generateDocument({ words: 20_000, chapters: CHAPTERS, title: 'Ein langes Buch', seed: 'e2e' });
  documentId = generated.id;
  await app.services.library.createOwnDocument(generated.input);
  // Opened once, so the app reopens it at start.
  await app.services.handlers.loadDocument({ documentId });
  await app.page.goto(app.host.url);
  await app.page.waitForSelector('[data-player-status="ready"]', { timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const renderedChapters = () => app.page.locator('section.chapter[data-rendered]').evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.chapterIndex)));

describe('a long document', () => {
  it('renders the chapters around the place heard, and every chapter heading', async () => {
    const { page } = app;
    expect(await page.locator('.document-title').textContent()).toBe('Ein langes Buch');
    expect(await page.locator('section.chapter').count()).toBe(CHAPTERS);
    expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(CHAPTERS);
    expect(await renderedChapters()).toEqual([0, 1]);
    expect((await new AxeBuilder({ page }).include('#main').analyze()).violations.map((v) => v.id)).toEqual([]);
  });

  it('lands on a chapter far away, lit, when the reader jumps there', async () => {
    const { page } = app;
    const bundle = await app.services.handlers.loadDocument({ documentId });
    const target = bundle.edition.chapters[61]!;
    await page.locator('#chapters-panel button').nth(61).click();
    await expect.poll(renderedChapters).toEqual(expect.arrayContaining([60, 61, 62]));
    await expect.poll(() => page.locator('[data-unit][aria-current="true"]').getAttribute('data-unit')).toBe(target.sentenceIds[0]);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
  });

  it('moves by ↓ from the last sentence rendered into the next chapter', async () => {
    const { page } = app;
    const bundle = await app.services.handlers.loadDocument({ documentId });
    const shown = await renderedChapters();
    const last = Math.max(...shown);
    const lastUnit = page.locator(`section.chapter[data-chapter-index="${last}"] [data-unit]`).last();
    await lastUnit.focus();
    await page.keyboard.press('ArrowDown');
    const next = bundle.edition.chapters[last + 1]!;
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.unit ?? null)).toBe(next.sentenceIds[0]);
    expect(await renderedChapters()).toContain(last + 1);
  });
});
