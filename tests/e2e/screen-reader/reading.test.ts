// Reading and listening with Orca: browse mode through the transcript by heading and line (each
// sentence heard whole), the way to the app's keys (the player's toolbar, where Orca switches to
// focus mode), moving by sentence with the arrow keys, where-am-I, playing quietly, a chapter change
// said once, replies as prompt while playing as paused, and sentence announcements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { Edition } from '../../../common/edition/model';
import { press, sleep, startReady } from './support/helpers';
import { requireStack, type ScreenReaderStack } from './support/stack';

requireStack();
let sr: ScreenReaderStack;
let edition: Edition;

beforeAll(async () => {
  sr = await startReady();
  edition = (await sr.services.handlers.loadDocument({ documentId: 'china-sieht-alles' })).edition;
});

/** Puts the focus on a control through the page (setting up, not what is under test), from a blurred page so Orca hears the change. */
async function focusThrough(control: Locator): Promise<void> {
  const mark = sr.transcript.mark();
  await sr.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await sleep(300);
  await control.focus();
  await sr.transcript.settle(mark, 800, 4000);
}

/** On Play, where Orca is in focus mode. */
const focusPlay = () => focusThrough(sr.page.getByRole('button', { name: 'Play', exact: true }));

/**
 * Paused, and staying so: a Space the test before sent may reach the page late (Orca passes keys
 * on when it is free), so the pause must hold for a second before a test starts playing.
 */
async function pausedForGood(): Promise<void> {
  const pause = sr.page.getByRole('button', { name: 'Pause', exact: true });
  const play = sr.page.getByRole('button', { name: 'Play', exact: true });
  for (let i = 0; i < 5; i++) {
    if (await pause.count()) await pause.click();
    await play.waitFor();
    await sleep(1000);
    if (await play.count()) return;
  }
  throw new Error('playback would not stay paused');
}

/** Milliseconds from a key to the first thing Orca says about it. */
async function replyMs(key: string, pattern: RegExp = /./): Promise<number> {
  const mark = sr.transcript.mark();
  const sent = Date.now() / 1000;
  await sr.keys(key);
  const reply = await sr.transcript.waitFor(pattern, { since: mark, timeoutMs: 10_000 });
  await sr.transcript.settle(mark, 500, 4000);
  return Math.round((reply.t - sent) * 1000);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
afterAll(async () => {
  await sr?.close();
});

describe('reading and listening with Orca', () => {
  it('reads the transcript in browse mode by heading and by line, German as German, English as English', async () => {
    expect((await press(sr, 'h')).text).toMatch(/Mitlesen heading level 1/);
    expect((await press(sr, 'h')).text).toMatch(/Chapters heading level 2/);
    const heading = await press(sr, 'h');
    expect(heading.said.find((u) => /Der erste digitale Überwachungsstaat/.test(u.text))?.lang).toBe('de');
    expect(heading.said.find((u) => /The first digital surveillance state/.test(u.text))?.lang).toBe('en');
    const lines = [];
    for (let i = 0; i < 4; i++) lines.push(...(await press(sr, 'Down')).said);
    const german = lines.find((u) => /China sieht alles|Internet und Big Data/.test(u.text));
    const english = lines.find((u) => /China Sees|Internet and big data/i.test(u.text));
    expect(german?.lang).toBe('de');
    expect(english?.lang).toBe('en');
    // No sentence is "clickable" (it was: a focusable element inside the app's click handling).
    expect(lines.map((u) => u.text).join(' ')).not.toMatch(/clickable/);
  });

  it('reads on (say all) each German sentence whole, then its English, each in its language', async () => {
    // On to the next chapter's heading, and say all from there (Orca's KP_Add).
    const chapter = edition.chapters[1]!;
    await press(sr, 'h', { until: new RegExp(chapter.title.de) });
    const mark = sr.transcript.mark();
    await sr.keys('KP_Add');
    const byId = new Map(edition.sentences.map((s) => [s.id, s]));
    // Sentences with an English of their own (not one shared with the next German sentence).
    const shared = new Set(edition.sentences.map((s) => s.enWith).filter(Boolean));
    const pairs = chapter.sentenceIds.map((id) => byId.get(id)!).filter((s) => s.de && s.en && !s.enWith && !shared.has(s.id)).slice(0, 4);
    expect(pairs).toHaveLength(4);
    await sr.transcript.waitFor(new RegExp(escape(pairs.at(-1)!.en)), { since: mark, timeoutMs: 15_000 });
    await sr.keys('shift');
    const read = sr.transcript.since(mark).filter((u) => u.kind === 'sayall' && u.text.trim());
    console.log(`[orca] say all from "${chapter.title.de}" →\n    ${read.slice(0, 14).map((u) => (u.lang ? `[${u.lang}] ${u.text}` : u.text)).join('\n    ')}`);
    for (const sentence of pairs) {
      const at = read.findIndex((u) => u.text.trim() === sentence.de);
      // The German sentence whole, in German; its English whole, in English, next.
      expect(at, sentence.de).toBeGreaterThanOrEqual(0);
      expect(read[at]!.lang).toBe('de');
      expect(read[at + 1]?.text.trim()).toBe(sentence.en);
      expect(read[at + 1]?.lang).toBe('en');
    }
    // No role names or states between the sentences.
    expect(read.map((u) => u.text).join(' ')).not.toMatch(/row header|clickable|not selected|blank/);
    await sr.transcript.settle(sr.transcript.mark(), 800, 6000);
  });

  it('reaches the app keys from the player toolbar, where Orca is in focus mode', async () => {
    // From the first skip link, as after Tab at the top of the page. Not Ctrl+Home after say all:
    // where Tab goes from there depends on whether Chromium moved its focus start with Orca's caret,
    // which it does only sometimes (the opening test walks Tab from the top itself).
    await focusThrough(sr.page.getByRole('link', { name: 'Skip to the transcript', exact: true }));
    expect((await press(sr, 'Tab')).text).toMatch(/Skip to the player link/);
    const play = await press(sr, 'Return', { until: /Play push button/ });
    expect(play.text).toMatch(/Player controls tool bar/);
    expect(play.text).toMatch(/Focus mode/);
    // Letters and punctuation are the app's now: two sentences on, one back, and where am I.
    await press(sr, ['period', 'period', 'comma']);
    const where = await press(sr, 'w', { until: /Chapter 1 of 17/ });
    expect(where.text).toMatch(/Chapter 1 of 17: Der erste digitale Überwachungsstaat\. Sentence 1 of \d+ in this chapter: .+ of 16 minutes 16 seconds\. Paused\./);
    // `t` is "next table" to Orca in browse mode; here it is the app's "focus the current sentence".
    expect((await press(sr, 't')).text).not.toMatch(/No more tables/);
    await press(sr, 'shift+Tab');
  });

  it('moves by sentence with ↓ and ↑ from the focused sentence, staying in focus mode, never "clickable"', async () => {
    await focusPlay();
    const first = await press(sr, 't', { quietMs: 800 });
    const at = () => sr.page.evaluate(() => {
      const unit = document.activeElement as HTMLElement;
      return { id: unit.dataset.unit ?? null, de: unit.querySelector('.cell[lang="de"]')?.textContent ?? '' };
    });
    const start = await at();
    expect(start.id).not.toBeNull();
    expect(first.text).toContain(start.de);
    expect(first.text).not.toMatch(/Browse mode|clickable|not selected|row header/);
    const steps = [];
    const units = await sr.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-unit]')].map((u) => ({ id: u.dataset.unit!, de: u.querySelector('.cell[lang="de"]')?.textContent ?? '' })));
    const index = units.findIndex((u) => u.id === start.id);
    for (const [key, expected] of [['Down', units[index + 1]!], ['Down', units[index + 2]!], ['Up', units[index + 1]!]] as const) {
      // Orca's reply may take more than a moment on a busy machine: wait for what it should say.
      const said = await press(sr, key, { quietMs: 800, until: new RegExp(escape(expected.de.slice(0, 40))) });
      const now = await at();
      steps.push(now.id);
      // The app moved the focus to the next (previous) sentence, and Orca said it.
      expect(said.text).toContain(now.de);
      expect(said.text).not.toMatch(/Browse mode|clickable|not selected|row header/);
    }
    const ids = edition.sentences.map((s) => s.id);
    expect(steps).toEqual([units[index + 1]!.id, units[index + 2]!.id, units[index + 1]!.id]);
    expect(ids).toContain(steps[0]);
    // Enter plays from the sentence, still in focus mode.
    await press(sr, 'Return', { quietMs: 800 });
    await press(sr, 'space');
  });

  it('plays without chatter, says a chapter change once, and where-am-I while playing', async () => {
    await pausedForGood();
    await focusPlay();
    const start = sr.transcript.mark();
    await press(sr, 'space');
    await sleep(5000);
    const whilePlaying = sr.transcript.since(start).map((u) => u.text);
    console.log('[orca] 5 s of playing →\n    ' + (whilePlaying.join('\n    ') || '(nothing)'));
    // At most the button's new name; no words, no sentences, no times.
    expect(whilePlaying.filter((text) => !/Pause|push button|Play/.test(text))).toEqual([]);
    const change = sr.transcript.mark();
    await press(sr, 'Next', { until: /Chapter 2 of 17: Ein Geschenk der Geschichte/, timeoutMs: 8000 });
    await sleep(3000);
    const announced = sr.transcript.since(change).filter((u) => /Chapter 2 of 17/.test(u.text));
    expect(announced).toHaveLength(1);
    const where = await press(sr, 'w', { until: /Chapter 2 of 17/ });
    expect(where.text).toMatch(/Playing\./);
    await press(sr, 'space');
  });

  it('answers the keys while playing as promptly as paused, as the page is not laid out again every frame', async () => {
    await pausedForGood();
    await focusPlay();
    const paused: number[] = [];
    for (let i = 0; i < 2; i++) paused.push(await replyMs('Tab'), await replyMs('shift+Tab', /Play push button/));
    await press(sr, 'space');
    await sleep(1500);
    // Chromium's own count of the time spent on layout during three seconds of playing.
    const cdp = await sr.page.context().newCDPSession(sr.page);
    await cdp.send('Performance.enable');
    const layout = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutDuration')!.value;
    const before = await layout();
    await sleep(3000);
    const layoutSeconds = (await layout()) - before;
    // And what it tells the accessibility bus meanwhile: each event is work for Orca.
    const events = await sr.accessibilityEvents(4);
    const playing: number[] = [];
    for (let i = 0; i < 3; i++) playing.push(await replyMs('Tab'), await replyMs('shift+Tab', /Pause push button/));
    const chapter = await replyMs('Next', /Chapter \d+ of 17/);
    await press(sr, 'space');
    console.log(`[timing] Tab reply paused ${paused.join(', ')} ms; playing ${playing.join(', ')} ms; chapter announced after ${chapter} ms; layout ${Math.round(layoutSeconds * 1000)} ms in 3 s of playing; ${events.perSecond.toFixed(1)} accessibility events a second ${JSON.stringify(events.byKind)}`);
    // Layout took 1.4-1.8 s of every 3 s when the words were laid out anew each frame; now 0.07-0.22 s
    // (the upper end on a busy CI machine): the bound sits well between.
    expect(layoutSeconds).toBeLessThan(0.6);
    expect(events.perSecond).toBeLessThan(10);
    expect(median(playing)).toBeLessThan(500);
    // The chapter's announcement came (replyMs waits 10 s for it); its delay is reported above, not
    // asserted: it is Orca's queue on a shared machine (1.0-2.6 s seen), where the slow layout that
    // made it late is what the layout figure checks.
  });

  it('announces each sentence once, in its language, when the user asks for it', async () => {
    // Setting up the option is not what is under test: switch it on through the page, and put the
    // focus back on Play.
    await sr.page.getByRole('button', { name: 'Settings' }).click();
    const box = sr.page.getByRole('checkbox', { name: /Announce each sentence/ });
    if (!(await box.isChecked())) await box.check();
    await sr.page.keyboard.press('Escape');
    const pause = sr.page.getByRole('button', { name: 'Pause', exact: true });
    const play = sr.page.getByRole('button', { name: 'Play', exact: true });
    await pausedForGood();
    await focusPlay();
    // What the page announces, as it announces it: how many sentences start in a stretch of playing
    // depends on where the tests before left the narration (some sentences are 10 s long), so the
    // test plays until the page has announced three, not for a fixed time.
    await sr.page.evaluate(() => {
      const region = document.querySelector('[data-testid="sentence-announcer"]')!;
      const seen: string[] = [];
      (window as unknown as { announced: string[] }).announced = seen;
      new MutationObserver(() => {
        const text = region.textContent?.trim();
        if (text && text !== seen.at(-1)) seen.push(text);
      }).observe(region, { childList: true, subtree: true, characterData: true });
    });
    const announced = () => sr.page.evaluate(() => [...(window as unknown as { announced: string[] }).announced]);
    const start = sr.transcript.mark();
    await press(sr, 'space');
    await pause.waitFor({ timeout: 5000 });
    const until = Date.now() + 60_000;
    while ((await announced()).length < 3 && Date.now() < until) await sleep(250);
    // Still playing: nothing paused it meanwhile.
    expect(await pause.count()).toBe(1);
    const onPage = await announced();
    expect(onPage.length).toBeGreaterThanOrEqual(3);
    // Orca speaks a polite region when it is free: give it the time to say the last one.
    await sr.transcript.waitFor(new RegExp(escape(onPage.at(-1)!)), { since: start, timeoutMs: 10_000 });
    await press(sr, 'space');
    await play.waitFor({ timeout: 5000 });
    console.log('[orca] playing, sentences on →\n    ' + sr.transcript.text(start).join('\n    '));
    const heard = sr.transcript.since(start).map((u) => u.text.trim());
    // Every sentence the page announced is a sentence of the text, and Orca said it alone (a title
    // such as "China sieht alles" is in other messages too), and never twice. The first may come
    // while Orca is still saying the button's new name ("Pause"), and Orca may let a polite message
    // go then; every later one it must say, once.
    expect(edition.sentences.filter((s) => s.de && onPage.includes(s.de))).toHaveLength(onPage.length);
    for (const text of onPage) expect(heard.filter((said) => said === text).length, text).toBeLessThanOrEqual(1);
    for (const text of onPage.slice(1)) expect(heard.filter((said) => said === text), text).toHaveLength(1);
    // In its language: the announcement carries lang="de". Orca 43 speaks live regions in its
    // default voice whatever their language (it reads lang only in browse mode), so this is checked
    // on the page.
    expect(await sr.page.getByTestId('sentence-announcer').locator('[lang="de"]').count()).toBe(1);
  });
});
