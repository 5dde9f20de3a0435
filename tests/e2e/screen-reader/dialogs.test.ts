// Search, notes and errors as Orca says them: search results with their count, and where a chosen
// one goes; the note editor, a new note and deleting with undo; an error as an alert. (Dialogs are
// not here yet: Orca 43 does not announce the cards dialog as a dialog and loses its place when one
// closes; see issue 15.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { press, startReady } from './support/helpers';
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

describe('dialogs, search, notes and errors with Orca', () => {
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
