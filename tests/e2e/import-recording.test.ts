// Importing a recording of real human speech with its text, by keyboard alone, in browser mode: the
// file goes in through the dialog, the progress shows the phase, Cancel stops it and adds nothing,
// Import again finishes (going on from the finished windows), and the new document plays with the
// highlight on the sentence the speaker is saying. A note on it survives a reload, and the library
// lists it beside the interview.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBook } from '../main/import/fixture-book';
import { audioState, clockAndHighlight, openPlayer, waitForPlaying, waitUntilReady, type PlayerApp } from './player-helpers';

const FIXTURE = join(import.meta.dirname, '../../../shared/fixtures/speech-de');
const truth = JSON.parse(readFileSync(join(FIXTURE, 'truth.json'), 'utf8')) as { sentences: { text: string; start: number; end: number }[] };

let app: PlayerApp;

beforeAll(async () => {
  // Windows of 10 s: the 50 s recording takes several, so the Cancel lands while it aligns.
  app = await openPlayer({ aligner: { windowSeconds: 10 } });
  await waitUntilReady(app.page);
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const dialog = () => app.page.getByRole('dialog', { name: 'Import a recording or a text' });
const isFocused = (locator: ReturnType<typeof dialog>) => locator.evaluate((el) => el === document.activeElement);
const ownDocuments = async () => (await app.services.handlers.listDocuments(undefined)).filter((d) => d.kind === 'own');

/** Tabs forward until `target` has the focus (at most `limit` presses), as a keyboard user would. */
async function tabTo(target: ReturnType<typeof dialog>, limit = 20): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await isFocused(target)) return;
    await app.page.keyboard.press('Tab');
  }
  throw new Error('the control was not reached with Tab');
}

describe('importing a recording', () => {
  it('imports the recording by keyboard: progress, cancel, import again; it plays with the highlight on the speaker\'s sentence', { timeout: 240_000 }, async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Library', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Import…' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible()).toBe(true);

    // The recording's field has the focus first; the OS file chooser is stood in for by setInputFiles.
    const audioField = dialog().getByLabel(/^Choose the recording/);
    await expect.poll(() => isFocused(audioField)).toBe(true);
    await audioField.setInputFiles(join(FIXTURE, 'speech.mp3'));
    await expect.poll(() => dialog().getByRole('list', { name: 'Recording' }).textContent()).toMatch(/^speech\.mp3 \(\d+ KB\)$/);
    // The text from its file, chosen the same way; the title comes from the recording's name.
    const textField = dialog().getByLabel(/^Choose the text file/);
    await tabTo(textField);
    await textField.setInputFiles(join(FIXTURE, 'text.txt'));
    await expect.poll(() => dialog().getByRole('textbox', { name: 'Text' }).inputValue()).toContain(truth.sentences[0]!.text);
    const title = dialog().getByRole('textbox', { name: 'Title' });
    expect(await title.inputValue()).toBe('speech');
    await tabTo(title);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Zehn Sätze, gesprochen');
    expect(await dialog().textContent()).toContain('The text looks German.');
    expect((await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations.map((v) => v.id)).toEqual([]);

    // Import, then Cancel once the aligner is at work: the focus is on Cancel, nothing is added.
    await page.keyboard.press('Enter');
    const cancel = dialog().getByRole('button', { name: 'Cancel import' });
    await expect.poll(() => isFocused(cancel)).toBe(true);
    const bar = dialog().getByRole('progressbar');
    await expect.poll(() => dialog().locator('.import-progress label').textContent(), { timeout: 60_000 }).toBe('Aligning the text with the recording, word by word');
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^\d+ percent/);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByRole('status').textContent(), { timeout: 30_000 }).toBe('Import cancelled. Nothing was added.');
    expect(await ownDocuments()).toEqual([]);
    const importButton = dialog().getByRole('button', { name: 'Import', exact: true });
    await expect.poll(() => isFocused(importButton)).toBe(true);
    // What was chosen is kept: Import again.
    expect(await dialog().getByRole('list', { name: 'Recording' }).textContent()).toContain('speech.mp3');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible(), { timeout: 120_000 }).toBe(false);

    const [added] = await ownDocuments();
    expect(added).toMatchObject({ title: { de: 'Zehn Sätze, gesprochen' }, languages: ['de'], status: 'ready' });
    expect(added!.duration).toBeCloseTo(50.2, 0);
    const open = page.getByRole('button', { name: 'Open Zehn Sätze, gesprochen' });
    await expect.poll(() => isFocused(open)).toBe(true);
    // The library lists it beside the interview.
    expect(await page.locator('.library-document').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.document))).toEqual(expect.arrayContaining(['china-sieht-alles', added!.id]));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.document-title').textContent()).toBe('Zehn Sätze, gesprochen');
    await waitUntilReady(page);
    expect((await audioState(page)).src).toContain(`/media/${added!.id}/de.mp3`);

    // Play from the fourth sentence's start and watch the highlight follow the voice.
    const bundle = await app.services.handlers.loadDocument({ documentId: added!.id });
    const ids = bundle.edition.sentences.map((s) => s.id);
    await page.locator('#main').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('.');
    await page.keyboard.press('Space');
    await waitForPlaying(page, true);
    const seen: { time: number; sentence: string }[] = [];
    const until = Date.now() + 8000;
    while (Date.now() < until) {
      const state = await clockAndHighlight(page);
      if (state.word) seen.push({ time: state.time, sentence: state.word.sentence });
      await page.waitForTimeout(150);
    }
    await page.keyboard.press('Space');
    expect(seen.length).toBeGreaterThan(20);
    // Where the truth says a sentence is being spoken (away from its edges), that sentence is lit.
    const inside = seen.filter(({ time }) => truth.sentences.some((s) => time > s.start + 0.3 && time < s.end - 0.3));
    expect(inside.length).toBeGreaterThan(10);
    const right = inside.filter(({ time, sentence }) => {
      const index = truth.sentences.findIndex((s) => time > s.start + 0.3 && time < s.end - 0.3);
      return ids[index] === sentence;
    });
    expect(right.length).toBe(inside.length);
  });

  it('keeps a note on the imported recording across a reload, and the library still lists both documents', { timeout: 60_000 }, async () => {
    const { page } = app;
    await page.locator('#main').focus();
    await page.keyboard.press('n');
    const notes = page.getByRole('complementary', { name: 'Notes' });
    const editor = notes.locator('textarea').first();
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Gut ausgesprochen.');
    await notes.getByText('Saved', { exact: true }).first().waitFor();
    await app.reload();
    await waitUntilReady(page);
    expect(await page.locator('.document-title').textContent()).toBe('Zehn Sätze, gesprochen');
    await expect.poll(() => notes.locator('textarea').first().inputValue()).toBe('Gut ausgesprochen.');
    await page.getByRole('button', { name: 'Library', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.library-document').count()).toBe(2);
    expect(await page.getByRole('region', { name: 'Library' }).textContent()).toContain('China Sees Everything');
  });

  it('imports the recording with subtitles made elsewhere: their text and times, no aligning', { timeout: 90_000 }, async () => {
    const { page } = app;
    const stamp = (t: number) => new Date(Math.round(t * 1000)).toISOString().slice(11, 23).replace('.', ',');
    const srt = truth.sentences.map((s, i) => `${i + 1}\n${stamp(s.start)} --> ${stamp(s.end)}\n${s.text}\n`).join('\n');
    const before = (await ownDocuments()).length;
    await page.getByRole('button', { name: 'Import…' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await dialog().getByLabel(/^Choose the recording/).setInputFiles(join(FIXTURE, 'speech.mp3'));
    const textField = dialog().getByLabel(/^Choose the text file/);
    await tabTo(textField);
    await textField.setInputFiles({ name: 'zehn.srt', mimeType: 'application/x-subrip', buffer: Buffer.from(srt) });
    await expect.poll(() => dialog().textContent()).toContain('Text and times from “zehn.srt”');
    expect(await dialog().getByRole('textbox', { name: 'Text' }).inputValue()).toContain(truth.sentences[9]!.text);
    await dialog().getByRole('button', { name: 'Import', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible(), { timeout: 60_000 }).toBe(false);
    const own = await ownDocuments();
    expect(own).toHaveLength(before + 1);
    const added = own.find((d) => d.title.de === 'speech')!;
    const track = (await app.services.library.load(added.id)).timing!.tracks.de!;
    expect(track.sentences.map((s) => s.start)).toEqual(truth.sentences.map((s) => Math.round(s.start * 1000) / 1000));
  });

  it('imports a book with read-aloud audio alone: its text, chapters, times and recording, nothing aligned', { timeout: 90_000 }, async () => {
    const { page } = app;
    const known = new Set((await ownDocuments()).map((d) => d.id));
    await page.getByRole('button', { name: 'Import…' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible()).toBe(true);
    // No recording chosen: the book brings its own.
    const textField = dialog().getByLabel(/^Choose the text file/);
    await tabTo(textField);
    await textField.setInputFiles({ name: 'zehn.epub', mimeType: 'application/epub+zip', buffer: Buffer.from(fixtureBook(readFileSync(join(FIXTURE, 'speech.mp3')))) });
    await expect.poll(() => dialog().textContent()).toContain('Text, chapters, times and recording from “zehn.epub”');
    expect(await dialog().getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe('Zehn Sätze');
    expect(await dialog().getByRole('textbox', { name: 'Text' }).inputValue()).toMatch(/^# Eins\n\n/);
    expect(await new AxeBuilder({ page }).include('dialog[open]').analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
    await dialog().getByRole('button', { name: 'Import', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().isVisible(), { timeout: 60_000 }).toBe(false);
    const fresh = (await ownDocuments()).filter((d) => !known.has(d.id));
    expect(fresh.map((d) => d.title.de)).toEqual(['Zehn Sätze']);
    const added = fresh[0]!;
    const bundle = await app.services.library.load(added.id);
    expect(bundle.edition.chapters.map((c) => c.title.de)).toEqual(['Eins', 'Zwei']);
    expect(bundle.timing!.tracks.de!.sentences.map((s) => s.start)).toEqual(truth.sentences.map((s) => Math.round(s.start * 1000) / 1000));
  });

  it('lists the sentences worth checking: one the recording does not have is found untimed, and choosing it plays from there', { timeout: 120_000 }, async () => {
    const { page, services } = app;
    // The fixture's text with a sentence the speaker never says.
    const text = readFileSync(join(FIXTURE, 'text.txt'), 'utf8').trim();
    const extra = 'Am folgenden Montag fuhren wir mit dem Zug nach Hamburg, um dort die große Ausstellung über alte Schiffe zu besuchen.';
    const cut = text.indexOf('Das wichtigste');
    const bytes = readFileSync(join(FIXTURE, 'speech.mp3'));
    const { uploadId } = await services.uploads.begin('speech.mp3', bytes.length);
    await services.uploads.append(uploadId, 0, new Uint8Array(bytes));
    const { jobId } = await services.handlers.importRecording({ title: 'Mit einem Satz zu viel', audio: [uploadId], text: `${text.slice(0, cut)}${extra} ${text.slice(cut)}`, format: 'plain', language: 'de' });
    await expect.poll(() => services.jobs.getJob(jobId)?.state, { timeout: 90_000 }).toBe('done');
    const documentId = (services.jobs.getJob(jobId)!.result as { documentId: string }).documentId;
    const track = (await services.library.load(documentId)).timing!.tracks.de!;
    const extraId = (await services.library.load(documentId)).edition.sentences.find((s) => s.de === extra)!.id;
    expect(track.sentences.find((s) => s.id === extraId)).toMatchObject({ estimated: true });

    // The interview, timed exactly, has nothing to check.
    expect(await page.getByRole('button', { name: /^Check timings/ }).count()).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'Library', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Open Mit einem Satz zu viel' }).focus();
    await page.keyboard.press('Enter');
    await waitUntilReady(page);
    const uncertain = track.sentences.filter((s) => s.estimated || (s.confidence ?? 1) < 0.5);
    // Marked in the transcript too, and only those.
    await expect.poll(() => page.locator(`#main .sentence[data-sentence="${extraId}"]`).getAttribute('data-timing')).toBe('estimated');
    expect(await page.locator('#main .sentence[data-timing]').count()).toBe(uncertain.length);
    const button = page.getByRole('button', { name: `Check timings (${uncertain.length})` });
    await button.focus();
    await page.keyboard.press('Enter');
    const checkDialog = page.getByRole('dialog', { name: `${uncertain.length} sentences to check` });
    await expect.poll(() => checkDialog.isVisible()).toBe(true);
    const entry = checkDialog.getByRole('button', { name: new RegExp(extra.slice(0, 30)) });
    expect(await entry.textContent()).toContain('not found in the recording: time estimated');
    expect((await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations.map((v) => v.id)).toEqual([]);
    await entry.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => checkDialog.isVisible()).toBe(false);
    await waitForPlaying(page, true);
    const start = track.sentences.find((s) => s.id === extraId)!.start;
    expect((await audioState(page)).time).toBeGreaterThanOrEqual(start - 0.05);
    await page.keyboard.press('Space');
  });
});
