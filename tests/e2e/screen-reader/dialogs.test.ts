// Dialogs, search, notes and errors as Orca says them: each dialog heard by its name when it opens,
// Tab kept inside it (it never runs out into the browser's own bar), Escape back to where the reader
// was; search results with their count, and where a chosen one goes; the note editor, a new note and
// deleting with undo; an error as an alert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { press, sleep, startReady } from './support/helpers';
import { requireStack, type ScreenReaderStack } from './support/stack';

requireStack();
let sr: ScreenReaderStack;

beforeAll(async () => {
  sr = await startReady();
  // From Play, as a user who took the skip link.
  await press(sr, 'Tab');
  await press(sr, 'Tab');
  await press(sr, 'Return', { until: /Play push button/ });
});
afterAll(async () => {
  await sr?.close();
});

/** Where the focus is, as the page knows it. */
function focused(): Promise<{ inDialog: string | null; text: string; unit: string | null; chapter: number | null }> {
  return sr.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const dialog = el?.closest('dialog[open]');
    const chapter = el?.closest<HTMLElement>('[data-chapter-index]')?.dataset.chapterIndex;
    return {
      inDialog: dialog ? (dialog.getAttribute('aria-labelledby') ? document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent ?? '' : '') : null,
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 80),
      unit: el?.dataset.unit ?? null,
      chapter: chapter === undefined ? null : Number(chapter),
    };
  });
}

/** What Orca says when the focus leaves the page for Chromium's own window (its info bar, toolbar). */
const BROWSER_UI = /Infobar|unsupported command-line flag|Chromium|Address and search bar|tool bar.*Reload/;

/** Tabs (or Shift+Tabs) `times` through a dialog: the focus never leaves it, Orca never speaks the browser. */
async function tabAround(keys: string, times: number): Promise<string[]> {
  const heard: string[] = [];
  for (let i = 0; i < times; i++) {
    const step = await press(sr, keys, { quietMs: 500 });
    heard.push(step.text);
    expect(step.text).not.toMatch(BROWSER_UI);
    expect((await focused()).inDialog).not.toBeNull();
  }
  return heard;
}

/**
 * Escape closes the dialog with the focus back on Play. (Orca 43 says nothing of it: it saw the
 * focused Close button vanish with the dialog and updates its place silently; a sentence as the
 * opener it does announce, below.) Nothing of the browser or of the top of the page is heard.
 */
async function backToPlay(): Promise<void> {
  const back = await press(sr, 'Escape', { quietMs: 1000, timeoutMs: 8000 });
  expect(back.text).not.toMatch(BROWSER_UI);
  expect(back.text).not.toMatch(/Skip to|Der erste digitale Überwachungsstaat/);
  await expect.poll(async () => (await focused()).text, { timeout: 5000 }).toBe('Play');
  expect((await focused()).inDialog).toBeNull();
}

/**
 * Orca 43 is left in browse mode on Play after a dialog closes (see above), where it takes letter
 * keys for itself; the next dialog's key is sent through the page (the key's route is not what is
 * under test; what Orca says of the dialog is).
 */
async function pageKey(key: string): Promise<void> {
  await sr.page.keyboard.press(key);
}

describe('dialogs with Orca', () => {
  it('says the keys list is a dialog, keeps Tab in it, and Escape goes back to Play', async () => {
    const opened = await press(sr, 'question', { until: /Keyboard keys dialog/, timeoutMs: 10_000 });
    expect(opened.text).toMatch(/Keyboard keys dialog.*Close push button/);
    expect((await focused()).inDialog).toBe('Keyboard keys');
    await tabAround('Tab', 3);
    await tabAround('shift+Tab', 2);
    await backToPlay();
  });

  it('says the settings are a dialog, goes round its controls both ways, and Escape goes back to Play', async () => {
    // The settings are a long form: Orca takes a few seconds over it.
    const mark = sr.transcript.mark();
    await pageKey('Control+,');
    await sr.transcript.waitFor(/Settings dialog/, { since: mark, timeoutMs: 15_000 });
    const opened = { text: (await sr.transcript.settle(mark, 1500, 6000)).map((u) => u.text).join(' ') };
    expect(opened.text).toMatch(/Settings dialog/);
    expect((await focused()).inDialog).toBe('Settings');
    // Shift+Tab from the first control (Close) goes round to the last, Reset; Tab from there to Close.
    const last = await press(sr, 'shift+Tab', { until: /Reset all settings/, timeoutMs: 8000 });
    expect(last.text).not.toMatch(BROWSER_UI);
    expect((await focused()).text).toBe('Reset all settings…');
    const first = await press(sr, 'Tab', { until: /Close push button/ });
    expect(first.text).not.toMatch(BROWSER_UI);
    expect((await focused()).text).toBe('Close');
    await backToPlay();
  });

  it('says the study cards are a dialog, keeps Tab in it, and Escape goes back to Play', async () => {
    const mark = sr.transcript.mark();
    await pageKey('Shift+K');
    await sr.transcript.waitFor(/Study cards.*dialog/, { since: mark, timeoutMs: 15_000 });
    const opened = { text: (await sr.transcript.settle(mark, 1000, 6000)).map((u) => u.text).join(' ') };
    expect(opened.text).toMatch(/Study cards \(0 cards\) dialog.*Close push button/);
    expect((await focused()).inDialog).toMatch(/^Study cards/);
    await tabAround('shift+Tab', 2);
    await tabAround('Tab', 4);
    await backToPlay();
  });
});

describe('search, notes and errors with Orca', () => {
  it('announces the note editor and a new note, and confirms deleting with undo', async () => {
    const editor = await press(sr, 'n', { until: /Note at/, timeoutMs: 8000 });
    expect(editor.text).toMatch(/Note at .*(edit|entry|text)/i);
    expect(editor.text).toMatch(/Note added/);
    await sr.type('Panoptikum merken');
    // Tab on to Delete and press it.
    let said = '';
    for (let i = 0; i < 8 && !/Delete the note/.test(said); i++) said = (await press(sr, 'Tab')).text;
    const deleted = await press(sr, 'Return', { until: /Note deleted/ });
    expect(deleted.text).toMatch(/Note deleted\. Press Undo or Ctrl\+Z to bring it back\./);
    const undone = await press(sr, 'ctrl+z', { until: /Note restored/ });
    expect(undone.text).toMatch(/Note restored/);
  });

  it('says how many results a search found, and where a chosen one took the narration', async () => {
    // Out of the note (Escape leaves a text field for the current sentence), then search.
    await press(sr, 'Escape', { quietMs: 1000 });
    await press(sr, 'slash', { until: /Search the transcript/ });
    const mark = sr.transcript.mark();
    await sr.type('Orwell');
    const count = await sr.transcript.waitFor(/\d+ in the transcript, \d+ in your notes/, { since: mark, timeoutMs: 8000 });
    console.log(`[orca] typed "Orwell" →\n    ${sr.transcript.text(mark).join('\n    ')}`);
    expect(count.text).toMatch(/^[1-9]\d* in the transcript/);
    await press(sr, 'Down');
    const chosen = await press(sr, 'Return', { until: /Chapter 5 of 17/, timeoutMs: 8000 });
    expect(chosen.text).toMatch(/Chapter 5 of 17: Weiter als Orwell/);
  });

  it('speaks an error as an alert: narration audio that cannot be opened', async () => {
    await sr.page.route('**/media/**', (route) => route.abort());
    const mark = sr.transcript.mark();
    await sr.page.reload();
    const alert = await sr.transcript.waitFor(/cannot be played/, { since: mark, timeoutMs: 20_000 });
    console.log(`[orca] reload with the audio unreachable →\n    ${sr.transcript.text(mark).join('\n    ')}`);
    expect(alert.text).toMatch(/The narration cannot be played/);
    await sr.page.unroute('**/media/**');
  });
});
