// Fixing the pairs of a translation the learner added, as Orca says it: a document of the user's
// own (the interview's German, with its English added as a translation) opens; from a focused
// sentence `u` joins it with the pair above and Ctrl+Z undoes, each fix said in words; Shift+F10
// opens the sentence's menu of fixes, heard as a menu with its items, Escape goes back to the
// sentence, and a fix chosen there is said too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGermanCopy, handPaired } from '../support/german-copy';
import { press, sleep, startReady } from './support/helpers';
import { requireStack, type ScreenReaderStack } from './support/stack';

requireStack();
let sr: ScreenReaderStack;
let documentId: string;

beforeAll(async () => {
  sr = await startReady({
    beforeOpen: async (services) => {
      const copy = await addGermanCopy(services);
      documentId = copy.documentId;
      await services.handlers.saveTranslation({ documentId, translation: handPaired(copy.interview) });
      // Opened once, so the app opens it at start.
      await services.handlers.loadDocument({ documentId });
    },
  });
}, 120_000);
afterAll(async () => {
  await sr?.close();
});

/** The focused row of the transcript: its unit id and German text. */
const at = () =>
  sr.page.evaluate(() => {
    const unit = document.activeElement as HTMLElement;
    return { id: unit.dataset.unit ?? null, de: unit.querySelector('.cell[lang="de"]')?.textContent ?? '' };
  });

/** The German sentences of the saved pair holding `sentenceId`. */
const savedPairOf = async (sentenceId: string) => {
  const opened = await sr.services.handlers.loadDocument({ documentId });
  return opened.translation?.pairs.find((p) => p.a.includes(sentenceId))?.a ?? null;
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('fixing pairs with Orca', () => {
  it('says a join and its undo from the focused sentence, and the menu of fixes as a menu', async () => {
    // On Play (Orca in focus mode there), then `t` into the transcript, as the reading test does.
    const mark = sr.transcript.mark();
    await sr.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await sleep(300);
    await sr.page.getByRole('button', { name: 'Play', exact: true }).focus();
    await sr.transcript.settle(mark, 800, 4000);
    await press(sr, 't', { quietMs: 800 });
    const start = await at();
    expect(start.id).not.toBeNull();

    // Down to the first row after it whose sentence follows another with its own English in the
    // same paragraph (one `u` can join).
    const rows = await sr.page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('.paragraph')];
      return [...document.querySelectorAll<HTMLElement>('[data-unit]')].map((u) => ({ id: u.dataset.unit!, de: u.querySelector('.cell[lang="de"]')?.textContent ?? '', paragraph: paragraphs.indexOf(u.closest('.paragraph')!) }));
    });
    const from = rows.findIndex((r) => r.id === start.id);
    const target = rows.findIndex((r, i) => i > from && rows[i - 1]!.paragraph === r.paragraph);
    expect(target).toBeGreaterThan(from);
    for (let i = from; i < target; i++) await press(sr, 'Down', { quietMs: 700, until: new RegExp(escape(rows[i + 1]!.de.slice(0, 30))) });
    const row = rows[target]!;
    expect((await at()).id).toBe(row.id);
    const before = await savedPairOf(row.id);
    const above = await savedPairOf(rows[target - 1]!.id);

    const joined = await press(sr, 'u', { until: /Joined with the pair above/, timeoutMs: 8000 });
    expect(joined.text).toMatch(/Joined with the pair above\. Control Z undoes\./);
    // Nothing else: the chapter did not change, so it is not said again.
    expect(joined.text).not.toMatch(/Browse mode|Chapter \d+ of/);
    await expect.poll(() => savedPairOf(row.id)).toEqual([...above!, ...before!]);
    const undone = await press(sr, 'ctrl+z', { until: /Undone/, timeoutMs: 8000 });
    expect(undone.text).toMatch(/Undone\./);
    await expect.poll(() => savedPairOf(row.id)).toEqual(before);
    await expect.poll(async () => (await at()).id).toBe(row.id);

    // The sentence's own menu: heard as a menu, named, its first fix focused; ↓ to the next one.
    const menu = await press(sr, 'shift+F10', { until: /Join with above/, timeoutMs: 8000 });
    expect(menu.text).toMatch(/Fix this pair/);
    expect(menu.text).toMatch(/menu/i);
    const next = await press(sr, 'Down', { until: /Join with below/ });
    expect(next.text).toMatch(/Join with below/);
    // Escape: the menu goes, the focus and Orca are back on the sentence, nothing changed.
    const back = await press(sr, 'Escape', { quietMs: 800, until: new RegExp(escape(row.de.slice(0, 30))) });
    expect(back.text).toContain(row.de.slice(0, 30));
    expect((await at()).id).toBe(row.id);
    expect(await savedPairOf(row.id)).toEqual(before);

    // A fix chosen in the menu is said as the key's is, and undone from the sentence again.
    await press(sr, 'shift+F10', { until: /Join with above/, timeoutMs: 8000 });
    const chosen = await press(sr, 'Return', { until: /Joined with the pair above/, timeoutMs: 8000 });
    expect(chosen.text).toMatch(/Joined with the pair above/);
    expect(chosen.text).not.toMatch(/Chapter \d+ of/);
    await press(sr, 'ctrl+z', { until: /Undone/, timeoutMs: 8000 });
    await expect.poll(() => savedPairOf(row.id)).toEqual(before);
  }, 120_000);
});
