// Adding a translation to a document of one's own, by keyboard alone: an imported copy of the
// interview in German only is given the interview's English through "Add translation…"; the
// sentences are paired on this machine, the side-by-side view lights both languages as the German
// plays, a pair is fixed with a key, undone with Ctrl+Z, fixed again, and the fix is still there
// after a reload; another is fixed and undone from the sentence's own menu, by pointer and by keys.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../common/edition/model';
import { pairingOf } from '../../common/edition/pairing';
import { parallelTexts } from '../fixtures/parallel/parallel';
import { AUDIO_PROBE, highlightState, waitForPlaying, waitUntilReady } from './player-helpers';
import { startApp, type RunningApp } from './support/app';
import { addGermanCopy } from './support/german-copy';

let app: RunningApp;
let page: Page;
let documentId: string;
let interview: Edition;

beforeAll(async () => {
  app = await startApp({ open: false });
  page = app.page;
  await page.addInitScript(AUDIO_PROBE);
  ({ documentId, interview } = await addGermanCopy(app.services));
  // Opened once, so the app opens it at start.
  await app.services.handlers.loadDocument({ documentId });
  await page.goto(app.host.url);
  await waitUntilReady(page);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const dialog = () => page.getByRole('dialog', { name: 'Add a translation' });
const statusText = () => page.locator('p[role="status"]').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? '').join(' | '));
const focusedUnit = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.unit ?? null);
/** The German sentences of the unit (row) holding `sentenceId`, as the page shows them. */
const unitSentences = (sentenceId: string) =>
  page.evaluate((id) => {
    const unit = document.querySelector(`[data-sentence="${id}"]`)?.closest('[data-unit]');
    return unit ? Array.from(unit.querySelectorAll<HTMLElement>('.sentence[data-lang="de"]')).map((s) => s.dataset.sentence!) : [];
  }, sentenceId);
const savedPairOf = async (sentenceId: string) => {
  const opened = await app.services.handlers.loadDocument({ documentId });
  return opened.translation?.pairs.find((p) => p.a.includes(sentenceId))?.a ?? null;
};

describe('adding a translation to a document of your own', () => {
  it('pairs the English with the German through the dialog, by keyboard, and shows both side by side', async () => {
    expect((await app.services.handlers.loadDocument({ documentId })).edition.languages).toEqual(['de']);
    const button = page.getByRole('button', { name: 'Add translation…' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    // The file field has the focus first; the OS file chooser is stood in for by setInputFiles.
    const fileField = dialog().getByLabel(/^Translation file/);
    expect(await fileField.evaluate((el) => el === document.activeElement)).toBe(true);
    const english = parallelTexts(interview).b;
    await fileField.setInputFiles({ name: 'china-sees-everything.txt', mimeType: 'text/plain', buffer: Buffer.from(english) });
    await expect.poll(() => dialog().getByRole('textbox', { name: 'Translation', exact: true }).inputValue()).toBe(english);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await dialog().getByRole('combobox', { name: 'Format of the translation' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await dialog().getByRole('combobox', { name: 'Language of the translation' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await dialog().getByRole('combobox', { name: 'Language of the translation' }).inputValue()).toBe('en');
    await page.keyboard.press('Tab');
    expect(await dialog().getByRole('button', { name: 'Pair sentences' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible(), { timeout: 60_000 }).toBe(false);
    await expect.poll(statusText, { timeout: 20_000 }).toMatch(/Translation added: \d+ pairs, \d+ to check\./);

    // Saved and applied: the document is now bilingual, and its pairs are those we made by hand
    // for nearly every sentence.
    const opened = await app.services.handlers.loadDocument({ documentId });
    expect(opened.edition.languages).toEqual(['de', 'en']);
    expect(opened.translation?.lang).toBe('en');
    const ours = pairingOf(opened.edition);
    const truth = pairingOf(interview);
    const same = interview.sentences.filter((s) => ours.englishOf(s.id) === truth.englishOf(s.id)).length;
    console.log(`[add-translation] ${same} of ${interview.sentences.length} sentences have the hand pairing's English; ${opened.translation!.pairs.length} pairs`);
    expect(same / interview.sentences.length).toBeGreaterThanOrEqual(0.95);
    const listed = (await app.services.handlers.listDocuments(undefined)).find((d) => d.id === documentId);
    expect(listed?.languages).toEqual(['de', 'en']);
    // Search finds the new language too.
    const found = await app.services.handlers.search({ documentId, query: 'surveillance state', limit: 5 });
    expect(found.transcript.some((hit) => hit.lang === 'en')).toBe(true);

    // Side by side (the default layout), both languages lit as the German plays.
    await expect.poll(() => page.locator('.transcript.layout-side-by-side').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: /^Play/ }).first().focus();
    await page.keyboard.press('Space');
    await waitForPlaying(page, true);
    await expect.poll(async () => (await highlightState(page)).sentences.map((s) => s.split(':')[0]).sort().join(','), { timeout: 10_000 }).toMatch(/^de,en/);
    const lit = await highlightState(page);
    const de = lit.sentences.find((s) => s.startsWith('de:'))!.slice(3);
    // The English lit is the German sentence's counterpart.
    expect(lit.sentences).toContain(`en:${ours.carrierOf(de)}`);
    await page.keyboard.press('Space');
    await waitForPlaying(page, false);
  }, 120_000);

  it('joins a pair with the one above by keyboard, undoes it with Ctrl+Z, and keeps a fix after a reload', async () => {
    // A sentence with its own translation that follows another such in its paragraph: joined with
    // the pair above, the two share one row.
    const { edition } = await app.services.handlers.loadDocument({ documentId });
    const target = edition.sentences.find((s, i) => i > 0 && s.enWith === null && edition.sentences[i - 1]!.paragraphId === s.paragraphId && edition.sentences[i - 1]!.enWith === null)!.id;
    // The focus into the transcript, then down to it.
    await page.keyboard.press('t');
    await expect.poll(focusedUnit).not.toBeNull();
    for (let i = 0; i < 40 && (await focusedUnit()) !== target; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedUnit()).toBe(target);
    const before = await unitSentences(target);
    const pairBefore = await savedPairOf(target);
    expect(pairBefore).toEqual(before);
    // Playing from it (Enter), so that the fix is made while the learner listens.
    await page.keyboard.press('Enter');
    await waitForPlaying(page, true);
    const heardAtFix = await page.evaluate(() => {
      const audio = window.__mitlesenAudio!();
      (window as unknown as { __audioAtFix: unknown }).__audioAtFix = audio;
      return audio!.currentTime;
    });

    await page.keyboard.press('u');
    await expect.poll(statusText).toContain('Joined with the pair above. Control Z undoes.');
    // Shown at once: the sentence is now in the row above, with its sentences, and has the focus.
    await expect.poll(async () => (await unitSentences(target)).length).toBeGreaterThan(before.length);
    const joined = await unitSentences(target);
    expect(joined.slice(-before.length)).toEqual(before);
    await expect.poll(focusedUnit).toBe(joined[0]);
    expect(await savedPairOf(target)).toEqual(joined);
    // The fix did not stop the narration: the same audio plays on from where it was, and the
    // sentence heard is still lit.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const audio = window.__mitlesenAudio!();
          return { same: audio === (window as unknown as { __audioAtFix: unknown }).__audioAtFix, paused: audio!.paused };
        }),
      )
      .toEqual({ same: true, paused: false });
    await expect.poll(() => page.evaluate(() => window.__mitlesenAudio!()!.currentTime)).toBeGreaterThan(heardAtFix + 0.3);
    expect((await highlightState(page)).sentences.some((s) => s.startsWith('de:'))).toBe(true);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await waitForPlaying(page, false);
    await page.locator(`[data-unit="${joined[0]}"]`).focus();

    await page.keyboard.press('Control+z');
    await expect.poll(statusText).toContain('Undone.');
    await expect.poll(() => unitSentences(target)).toEqual(before);
    expect(await savedPairOf(target)).toEqual(pairBefore);
    await expect.poll(focusedUnit).toBe(target);

    // Fixed again, then the page reloaded: the fix is what opens.
    await page.keyboard.press('u');
    await expect.poll(() => unitSentences(target)).toEqual(joined);
    await page.reload();
    await waitUntilReady(page);
    await expect.poll(() => unitSentences(target)).toEqual(joined);
    expect(await savedPairOf(target)).toEqual(joined);
  }, 120_000);

  it("fixes a pair by pointer from the sentence's own menu, undoes it there, and the menu is a keyboard menu too", async () => {
    // Another sentence with its own translation after another such in its paragraph, away from the
    // one fixed above.
    const { edition } = await app.services.handlers.loadDocument({ documentId });
    const ownRows = edition.sentences.filter((s, i) => i > 0 && s.enWith === null && edition.sentences[i - 1]!.paragraphId === s.paragraphId && edition.sentences[i - 1]!.enWith === null);
    const target = ownRows[3]!.id;
    const before = await unitSentences(target);
    expect(before).toEqual([target]);
    const menu = page.getByRole('menu', { name: 'Fix this pair' });

    await page.locator(`.sentence[data-lang="de"][data-sentence="${target}"]`).click({ button: 'right' });
    await expect.poll(() => menu.isVisible()).toBe(true);
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Join with aboveu', 'Join with belowd', 'Splitx', 'UntranslatedShift+X', 'Right as it isy', 'UndoCtrl+Z']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    expect(await menu.getByRole('menuitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-keyshortcuts')))).toEqual(['U', 'D', 'X', 'Shift+X', 'Y', 'Control+Z']);
    expect((await new AxeBuilder({ page }).include('.pair-menu').analyze()).violations.map((v) => v.id)).toEqual([]);
    await menu.getByRole('menuitem', { name: 'Join with above' }).click();
    await expect.poll(statusText).toContain('Joined with the pair above. Control Z undoes.');
    expect(await menu.count()).toBe(0);
    await expect.poll(async () => (await unitSentences(target)).length).toBe(2);
    const joined = await unitSentences(target);
    expect(await savedPairOf(target)).toEqual(joined);

    // From the keyboard: Shift+F10 on the focused sentence opens the same menu; End is Undo.
    await expect.poll(focusedUnit).toBe(joined[0]);
    await page.keyboard.press('Shift+F10');
    await expect.poll(() => menu.isVisible()).toBe(true);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('UndoCtrl+Z');
    await page.keyboard.press('Enter');
    await expect.poll(statusText).toContain('Undone.');
    await expect.poll(() => unitSentences(target)).toEqual(before);
    expect(await savedPairOf(target)).toEqual(before);

    // Escape closes it and the focus is back on the sentence it was opened on.
    await expect.poll(focusedUnit).toBe(target);
    await page.keyboard.press('Shift+F10');
    await expect.poll(() => menu.isVisible()).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Join with belowd');
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    expect(await focusedUnit()).toBe(target);
    expect(await savedPairOf(target)).toEqual(before);
  }, 60_000);

  it('lists the uncertain pairs under Check pairs, and one confirmed by keyboard leaves the list and loses its mark', async () => {
    // Two pairs the aligner was unsure of (as a translation with a missing sentence would give).
    const opened = await app.services.handlers.loadDocument({ documentId });
    const unsure = [5, 9];
    const pairs = opened.translation!.pairs.map((pair, k) => (unsure.includes(k) ? { ...pair, confidence: 0.2 } : { ...pair, confidence: 1 }));
    await app.services.library.saveTranslation(documentId, { ...opened.translation!, pairs });
    await page.reload();
    await waitUntilReady(page);
    const first = pairs[5]!.a[0]!;
    await expect.poll(() => page.locator('.sentence[data-lang="de"][data-pair-check]').count()).toBe(pairs[5]!.a.length + pairs[9]!.a.length);

    const button = page.getByRole('button', { name: 'Check pairs (2)' });
    await button.focus();
    await page.keyboard.press('Enter');
    const check = page.getByRole('dialog', { name: '2 pairs to check' });
    await expect.poll(() => check.isVisible()).toBe(true);
    // The focus starts on the first pair's first button ("Go to the pair"); the next confirms it.
    expect(await check.getByRole('button', { name: 'Go to the pair' }).first().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Right as it is');
    await page.keyboard.press('Enter');
    await expect.poll(statusText).toContain('Marked as right. Control Z undoes.');
    await expect.poll(() => page.getByRole('dialog', { name: '1 pair to check' }).isVisible()).toBe(true);
    // Saved, and the transcript's mark is gone from the confirmed pair only.
    expect((await app.services.handlers.loadDocument({ documentId })).translation!.pairs[5]!.confidence).toBe(1);
    expect(await page.locator(`.sentence[data-lang="de"][data-sentence="${first}"][data-pair-check]`).count()).toBe(0);
    expect(await page.locator('.sentence[data-lang="de"][data-pair-check]').count()).toBe(pairs[9]!.a.length);
    // The focus went on to the next pair's first button: Go to the pair, where y says it is right.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Go to the pair');
    await page.keyboard.press('Enter');
    await expect.poll(focusedUnit).toBe(pairs[9]!.a[0]!);
    await page.keyboard.press('y');
    await expect.poll(async () => (await app.services.handlers.loadDocument({ documentId })).translation!.pairs[9]!.confidence).toBe(1);
    await expect.poll(() => page.locator('.sentence[data-lang="de"][data-pair-check]').count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: /^Check pairs/ }).count()).toBe(0);
  }, 60_000);

  it("names the translation's language wherever the English is named, and marks its text with it", async () => {
    // The same pairs said to be Greek (as a learner's Greek edition would be): nothing says English.
    const opened = await app.services.handlers.loadDocument({ documentId });
    await app.services.library.saveTranslation(documentId, { ...opened.translation!, lang: 'el' });
    await page.reload();
    await waitUntilReady(page);
    const layouts = await page.getByRole('combobox', { name: 'Layout' }).locator('option').allTextContents();
    expect(layouts).toContain('Greek only');
    expect(layouts.join(' ')).not.toMatch(/English/);
    expect(await page.getByRole('combobox', { name: 'Hide', exact: true }).locator('option').allTextContents()).toContain('Greek');
    // Hidden and revealed by keyboard as the English is: h hides it, and the page says which.
    await page.getByRole('button', { name: /^Play/ }).first().focus();
    await page.keyboard.press('h');
    await expect.poll(() => page.getByRole('button', { name: 'Show Greek (this sentence)' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.transcript [lang="el"]').count()).toBeGreaterThan(100);
    expect(await page.locator('.transcript [lang="en"]').count()).toBe(0);
  }, 60_000);
});
