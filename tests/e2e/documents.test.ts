// Two documents one after the other in the same page: the bundled interview, then a small document
// of the user's own in German only (narrated for the test by the real narration build). Nothing of
// the first survives in the second (notes, learning state, revealed sentences, the place), and a
// setting changed in one is the same in the other at once; the app reopens the document opened last.
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNarration } from '../../main/narration/build';
import { audioState, DOCUMENT_ID, openPlayer, pauseIfPlaying, waitForPlaying, waitUntilReady, type PlayerApp } from './player-helpers';

const GERMAN_ONLY = fileURLToPath(new URL('../fixtures/editions/valid-german-only.yaml', import.meta.url));
const SECOND = 'nur-deutsch';
const SECOND_TITLE = 'Ein Abend im Radio';

let app: PlayerApp;
let narrationOut: string;

beforeAll(async () => {
  narrationOut = await mkdtemp(join(tmpdir(), 'mitlesen-e2e-narration-'));
  await buildNarration({ editionFile: GERMAN_ONLY, outRoot: narrationOut });
  const built = join(narrationOut, SECOND);
  app = await openPlayer({
    beforeOpen: async (running) =>
      running.services.library.createOwnDocument({
        id: SECOND,
        editionSource: await readFile(GERMAN_ONLY, 'utf8'),
        timing: await readFile(join(built, 'timing.json'), 'utf8'),
        media: [
          { name: 'de.mp3', path: join(built, 'de.mp3') },
          { name: 'de.peaks.json', path: join(built, 'de.peaks.json') },
        ],
      }),
  });
  await waitUntilReady(app.page);
}, 120_000);

afterAll(async () => {
  await app?.close();
  if (narrationOut) await rm(narrationOut, { recursive: true, force: true });
});

const title = () => app.page.locator('.document-title').textContent();
const revealedCount = () => app.page.locator('.reveal-button.is-revealed').count();
const loopStartPressed = () => app.page.getByRole('button', { name: /^A: set the loop start/ }).getAttribute('aria-pressed');
const shownRate = () => app.page.getByTestId('rate').textContent();

const libraryList = () => app.page.getByRole('region', { name: 'Library' });

async function showLibrary(): Promise<void> {
  if (await libraryList().isVisible()) return;
  await app.page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect.poll(() => libraryList().isVisible()).toBe(true);
}

/** Opens a document from the library (listed by its title in the UI language, English here). */
async function openDocument(name: string, header = name): Promise<void> {
  const { page } = app;
  await showLibrary();
  await libraryList().getByRole('button', { name: new RegExp(`^(Open|Continue) ${name}$`) }).click();
  await expect.poll(title).toBe(header);
  await waitUntilReady(page);
}

/** The speed the narration plays at (the audio element takes its rate when it plays). */
async function playingRate(): Promise<number> {
  const { page } = app;
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForPlaying(page, true);
  const { rate } = await audioState(page);
  await pauseIfPlaying(page);
  return rate;
}

/** Plays from the first word of a sentence and pauses there a moment later. */
async function placeAt(sentenceId: string): Promise<number> {
  const { page } = app;
  await page.locator(`[data-sentence="${sentenceId}"][data-lang="de"] [data-w="0"]`).click();
  await waitForPlaying(page, true);
  await page.waitForTimeout(300);
  await pauseIfPlaying(page);
  return (await audioState(page)).time;
}

describe('two documents in one page', () => {
  it('opens the interview first; a second document shows nothing of it, and settings are shared at once', async () => {
    const { page } = app;
    expect(await title()).toBe(app.bundle.edition.title.de);

    // The interview: a place, a note, a loop start, German hidden and one sentence revealed, a speed.
    const interviewTime = await placeAt('s020');
    expect(interviewTime).toBeGreaterThan(10);
    await page.keyboard.press('n');
    await expect.poll(async () => (await app.services.handlers.listNotes({ documentId: DOCUMENT_ID })).length).toBe(1);
    // The new note's editor has the focus; leave it (Escape) so the keys reach the player again.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA');
    await page.keyboard.press('a');
    await expect.poll(loopStartPressed).toBe('true');
    await page.keyboard.press('Shift+H');
    await page.keyboard.press('v');
    await expect.poll(revealedCount).toBe(1);
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(shownRate).toBe('1.2×');
    const interviewNotes = await page.locator('.notes-list > li').count();
    expect(interviewNotes).toBe(1);

    await openDocument(SECOND_TITLE);

    // Nothing of the interview: no note, no loop, nothing revealed, its own place at the start.
    expect(await page.locator('.notes-list > li').count()).toBe(0);
    expect(await loopStartPressed()).toBe('false');
    expect(await revealedCount()).toBe(0);
    const state = await audioState(page);
    expect(state.time).toBeLessThan(1);
    expect(state.src).toContain(`/media/${SECOND}/de.mp3`);
    expect(await page.locator('#main').textContent()).not.toContain('Heilmann');
    // One language: German only, nothing to switch to and no layout to pick.
    expect(await page.locator('[data-sentence][data-lang="en"]').count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Narration language' }).count()).toBe(0);
    // The settings are the user's, not the document's: hidden German and the speed carry over.
    expect(await page.getByRole('button', { name: /^Show German/ }).count()).toBeGreaterThan(0);
    expect(await shownRate()).toBe('1.2×');
    expect(await playingRate()).toBeCloseTo(1.2, 5);

    // Changed here, the setting is the same everywhere at once: saved, and in force in the interview.
    await page.keyboard.press('+');
    await expect.poll(shownRate).toBe('1.3×');
    await expect.poll(async () => (await app.services.handlers.getSettings(undefined)).settings.rate).toBe(1.3);
    expect(await app.services.handlers.listNotes({ documentId: SECOND })).toEqual([]);

    const violations = (await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);
    expect(violations).toEqual([]);

    // Back to the interview: its note and its place come back; the loop was this visit's only.
    await openDocument(app.bundle.edition.title.en, app.bundle.edition.title.de);
    expect(Math.abs((await audioState(page)).time - interviewTime)).toBeLessThan(1);
    await expect.poll(() => page.locator('.notes-list > li').count()).toBe(1);
    expect(await loopStartPressed()).toBe('false');
    expect(await revealedCount()).toBe(0);
    expect(await shownRate()).toBe('1.3×');
    expect(await playingRate()).toBeCloseTo(1.3, 5);
  });

  it('lists both in the library with their languages and how far the user has listened; only the own one can be renamed or removed', async () => {
    const { page } = app;
    await showLibrary();
    const rows = libraryList().getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);
    const interview = libraryList().getByRole('listitem', { name: app.bundle.edition.title.en });
    expect(await interview.textContent()).toMatch(/German, English · \d+:\d\d long · \d+% listened · last opened/);
    expect(await interview.getByRole('button', { name: /^Rename/ }).count()).toBe(0);
    const own = libraryList().getByRole('listitem', { name: SECOND_TITLE });
    expect(await own.textContent()).toMatch(/German · \d+:\d\d long/);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    // Rename by keyboard: the field takes the focus, Enter saves, the focus returns to Rename.
    await own.getByRole('button', { name: `Rename ${SECOND_TITLE}` }).focus();
    await page.keyboard.press('Enter');
    const field = own.getByRole('textbox', { name: 'New title' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Radio am Abend');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.services.handlers.listDocuments(undefined)).find((d) => d.id === SECOND)?.title.de).toBe('Radio am Abend');
    const renamed = libraryList().getByRole('listitem', { name: 'Radio am Abend' });
    await expect.poll(() => renamed.getByRole('button', { name: 'Rename Radio am Abend' }).evaluate((el) => el === document.activeElement)).toBe(true);

    // Remove, then undo from the offer that takes the focus: the document is back, whole.
    await renamed.getByRole('button', { name: 'Remove Radio am Abend' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => renamed.getByRole('button', { name: 'Open Radio am Abend' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await app.services.handlers.loadDocument({ documentId: SECOND })).edition.title.de).toBe('Radio am Abend');
  });

  it('reopens the document opened last', async () => {
    const { page } = app;
    await openDocument('Radio am Abend');
    await page.reload();
    await expect.poll(title).toBe('Radio am Abend');
    await waitUntilReady(page);
  });
});
