// Every way of moving through the narration, end to end: time skips, previous/next sentence,
// paragraph and chapter (keys and buttons), the chapter list, the waveform, the transcript by
// keyboard, the sync offset, and resuming after a reload.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NarrationTrack } from '../../common/timing/model';
import { sentenceInLanguage } from '../../common/timing/navigate';
import {
  audioState,
  clockAndHighlight,
  expectedAt,
  openPlayer,
  sentenceStart,
  timelineOf,
  waitForPlaying,
  waitForTime,
  waitUntilReady,
  type PlayerApp,
  pauseIfPlaying,
} from './player-helpers';

let app: PlayerApp;
let track: NarrationTrack;

beforeAll(async () => {
  app = await openPlayer();
  track = app.timing.tracks.de!;
  await waitUntilReady(app.page);
});

afterAll(async () => {
  await app?.close();
});

const EXACT = 0.001;

async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function now(): Promise<number> {
  return (await audioState(app.page)).time;
}

/** The first start strictly after t (what "next" must reach). */
function nextStartAfter(starts: number[], t: number): number {
  const found = starts.find((s) => s > t + EXACT);
  if (found === undefined) throw new Error(`nothing after ${t}`);
  return found;
}

/** The last start at or before t (what "previous" restarts). */
function startAtOrBefore(starts: number[], t: number): number {
  return starts.filter((s) => s <= t + EXACT).pop() ?? starts[0]!;
}

describe('seek controls', () => {
  it('next and previous sentence land exactly on sentence starts, and the highlight goes with them', async () => {
    const { page } = app;
    await blur(page);
    const starts = track.sentences.map((s) => s.start);
    for (let i = 0; i < 4; i++) {
      const expected = nextStartAfter(starts, await now());
      await page.keyboard.press('.');
      await waitForTime(page, expected, EXACT);
      const id = track.sentences.find((s) => s.start === expected)!.id;
      await expect.poll(async () => (await clockAndHighlight(page)).sentences).toContain(`de:${id}`);
    }
    // Just after a start, "previous" goes to the sentence before.
    const here = await now();
    const before = starts[starts.indexOf(startAtOrBefore(starts, here)) - 1]!;
    await page.keyboard.press(',');
    await waitForTime(page, before, EXACT);
    // Further into a sentence, it goes back to that sentence's start.
    await page.keyboard.press('ArrowRight');
    const inside = await waitForTime(page, before + 5, EXACT);
    await page.keyboard.press(',');
    await waitForTime(page, startAtOrBefore(starts, inside), EXACT);
  });

  it('skips 5 and 15 seconds either way, with keys and with buttons', async () => {
    const { page } = app;
    await blur(page);
    const t0 = await now();
    await page.keyboard.press('Shift+ArrowRight');
    await waitForTime(page, t0 + 15, EXACT);
    await page.keyboard.press('ArrowRight');
    await waitForTime(page, t0 + 20, EXACT);
    await page.keyboard.press('ArrowLeft');
    await waitForTime(page, t0 + 15, EXACT);
    await page.keyboard.press('Shift+ArrowLeft');
    await waitForTime(page, t0, EXACT);
    await page.getByRole('button', { name: 'Forward 15 seconds' }).click();
    await waitForTime(page, t0 + 15, EXACT);
    await page.getByRole('button', { name: 'Forward 5 seconds' }).click();
    await waitForTime(page, t0 + 20, EXACT);
    await page.getByRole('button', { name: 'Back 5 seconds' }).click();
    await waitForTime(page, t0 + 15, EXACT);
    await page.getByRole('button', { name: 'Back 15 seconds' }).click();
    await waitForTime(page, t0, EXACT);
    // Never before the start.
    await page.getByRole('button', { name: 'Back 15 seconds' }).click();
    await page.getByRole('button', { name: 'Back 15 seconds' }).click();
    await waitForTime(page, Math.max(0, t0 - 30), EXACT);
  });

  it('moves by paragraph and by chapter to their exact starts', async () => {
    const { page } = app;
    await blur(page);
    const paragraphs = track.paragraphs.map((p) => p.start);
    const chapters = track.chapters.map((c) => c.start);

    let expected = nextStartAfter(paragraphs, await now());
    await page.keyboard.press(']');
    await waitForTime(page, expected, EXACT);
    expected = nextStartAfter(paragraphs, expected);
    await page.keyboard.press(']');
    await waitForTime(page, expected, EXACT);
    await page.keyboard.press('[');
    await waitForTime(page, paragraphs[paragraphs.indexOf(expected) - 1]!, EXACT);

    expected = nextStartAfter(chapters, await now());
    await page.keyboard.press('PageDown');
    await waitForTime(page, expected, EXACT);
    expected = nextStartAfter(chapters, expected);
    await page.keyboard.press('Alt+ArrowDown');
    await waitForTime(page, expected, EXACT);
    await page.keyboard.press('PageUp');
    await waitForTime(page, chapters[chapters.indexOf(expected) - 1]!, EXACT);
    await page.keyboard.press('Alt+ArrowUp');
    await waitForTime(page, chapters[chapters.indexOf(expected) - 2]!, EXACT);

    await page.getByRole('button', { name: 'Next chapter' }).click();
    await waitForTime(page, chapters[chapters.indexOf(expected) - 1]!, EXACT);
    await page.getByRole('button', { name: 'Next paragraph' }).click();
    const paragraphAfter = nextStartAfter(paragraphs, chapters[chapters.indexOf(expected) - 1]!);
    await waitForTime(page, paragraphAfter, EXACT);
    await page.getByRole('button', { name: 'Previous paragraph' }).click();
    await waitForTime(page, chapters[chapters.indexOf(expected) - 1]!, EXACT);
    await page.getByRole('button', { name: 'Next sentence' }).click();
    const sentenceAfter = nextStartAfter(track.sentences.map((s) => s.start), chapters[chapters.indexOf(expected) - 1]!);
    await waitForTime(page, sentenceAfter, EXACT);
    await page.getByRole('button', { name: 'Previous sentence' }).click();
    await waitForTime(page, chapters[chapters.indexOf(expected) - 1]!, EXACT);
    await page.getByRole('button', { name: 'Previous chapter' }).click();
    await waitForTime(page, chapters[chapters.indexOf(expected) - 2]!, EXACT);
  });
});

describe('chapters', () => {
  it('plays a chapter chosen in the list and marks it, in the title and for screen readers', async () => {
    const { page } = app;
    const chapter = app.bundle.edition.chapters[4]!;
    const start = track.chapters.find((c) => c.id === chapter.id)!.start;
    const link = page.getByRole('navigation', { name: 'Chapters' }).getByRole('button', { name: new RegExp(`^5\\. ${chapter.title.de}`) });
    await link.click();
    await waitForPlaying(page, true);
    const time = await now();
    await pauseIfPlaying(app.page);
    expect(time).toBeGreaterThanOrEqual(start - EXACT);
    expect(time).toBeLessThan(start + 0.6);
    await expect.poll(() => link.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => page.title()).toContain(chapter.title.de);
    await expect.poll(() => page.getByTestId('chapter-announcer').textContent()).toBe(`Chapter 5 of ${app.bundle.edition.chapters.length}: ${chapter.title.de}`);
    expect(await page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(chapter.title.de);
    // Each chapter shows its length.
    const durations = await page.locator('.chapter-duration time').allTextContents();
    expect(durations).toHaveLength(app.bundle.edition.chapters.length);
    for (const text of durations) expect(text).toMatch(/^\d+:\d\d$/);
  });
});

describe('the waveform', () => {
  it('seeks where it is clicked, and is a slider the keyboard can move', async () => {
    const { page } = app;
    const slider = page.getByRole('slider', { name: 'Position in the narration' });
    await page.waitForFunction(() => document.querySelector('.waveform-canvas div')?.shadowRoot?.querySelector('canvas') !== null);
    const box = (await page.locator('.waveform-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.75);
    const duration = (await audioState(page)).time > 0 ? track.duration : track.duration;
    await expect.poll(async () => Math.abs((await now()) - duration * 0.5)).toBeLessThan(duration * 0.01);
    // A drag seeks to where it ends.
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.75);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.75, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.75, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.abs((await now()) - duration * 0.6)).toBeLessThan(duration * 0.01);
    await slider.focus();
    await page.keyboard.press('Home');
    await waitForTime(page, 0, EXACT);
    await page.keyboard.press('ArrowRight');
    await waitForTime(page, 5, EXACT);
    await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('5');
  });
});

describe('the transcript by keyboard', () => {
  it('moves the focus sentence by sentence and plays the focused one with Enter', async () => {
    const { page } = app;
    await blur(page);
    await page.keyboard.press('t');
    const focusedUnit = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.unit ?? null);
    const first = await focusedUnit();
    expect(first).not.toBeNull();
    const units = await page.locator('[data-unit]').evaluateAll((elements) => elements.map((e) => (e as HTMLElement).dataset.unit!));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('j');
    const target = units[units.indexOf(first!) + 2]!;
    expect(await focusedUnit()).toBe(target);
    await page.keyboard.press('k');
    expect(await focusedUnit()).toBe(units[units.indexOf(first!) + 1]);
    await page.keyboard.press('ArrowDown');
    // Exactly one sentence is in the Tab order: the focused one.
    expect(await page.locator('[data-unit][tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await waitForPlaying(page, true);
    const time = await now();
    await pauseIfPlaying(app.page);
    const start = track.sentences.find((s) => s.id === target)!.start;
    expect(time).toBeGreaterThanOrEqual(start - EXACT);
    expect(time).toBeLessThan(start + 0.6);
  });
});

describe('the sync offset', () => {
  it('shifts the highlight by the offset chosen, up to ±500 ms', async () => {
    const { page } = app;
    const timeline = timelineOf(app.timing, 'de');
    const word = (time: number) => expectedAt(timeline, time);
    // A word long after the start where half a second earlier and later other words are heard.
    const candidates = track.sentences.filter((s) => s.start > 30).flatMap((s) => s.words.map((w, i) => ({ sentence: s, index: i, t: w[0] + 0.01 })));
    const place = candidates.find(({ t }) => {
      const here = word(t);
      return word(t - 0.5).word !== here.word && word(t + 0.5).word !== here.word && word(t + 0.5).sentence === here.sentence;
    })!;
    const { sentence } = place;
    await page.locator(`[data-sentence="${sentence.id}"][data-lang="de"] [data-w="${place.index}"]`).click();
    await waitForPlaying(page, true);
    await pauseIfPlaying(app.page);
    await blur(page);
    const shown = async () => {
      const state = await clockAndHighlight(page);
      return { time: state.time, word: state.word ? { sentence: state.word.sentence, word: state.word.index } : null };
    };
    const at = (await shown()).time;
    await page.getByText('Highlight timing').click();
    const offset = page.getByRole('slider', { name: 'Highlight offset' });
    await offset.focus();
    await page.keyboard.press('End');
    await expect.poll(shown).toEqual({ time: at, word: { sentence: word(at - 0.5).sentence, word: word(at - 0.5).word } });
    await page.keyboard.press('Home');
    await expect.poll(shown).toEqual({ time: at, word: { sentence: word(at + 0.5).sentence, word: word(at + 0.5).word } });
    await page.getByRole('button', { name: 'Reset to 0' }).click();
    await expect.poll(shown).toEqual({ time: at, word: { sentence: word(at).sentence, word: word(at).word } });
    await page.getByText('Highlight timing').click();
  });
});

describe('resume', () => {
  it('restores the place, the speed and the language after a reload', async () => {
    const { page } = app;
    await page.locator('[data-sentence="s040"][data-lang="de"] [data-w="2"]').click();
    await waitForPlaying(page, true);
    await page.waitForTimeout(400);
    await pauseIfPlaying(app.page);
    await blur(page);
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const german = (await clockAndHighlight(page)).sentences.find((s) => s.startsWith('de:'))!.slice(3);
    await page.keyboard.press('l');
    const english = sentenceInLanguage(app.bundle.edition, german, 'en');
    const left = await waitForTime(page, sentenceStart(app.timing.tracks.en!, english), EXACT);
    const positions = join(app.dataDir, 'positions.json');
    await expect.poll(async () => JSON.parse(await readFile(positions, 'utf8').catch(() => '{}')) as unknown).toMatchObject({
      'china-sieht-alles': { sentenceId: english, lang: 'en' },
    });
    await expect.poll(async () => JSON.parse(await readFile(join(app.dataDir, 'settings.json'), 'utf8').catch(() => '{}')) as unknown).toMatchObject({
      rate: 1.2,
      narrationLang: 'en',
    });

    await app.reload();
    await waitUntilReady(page);
    expect((await audioState(page)).src).toContain('/en.');
    await waitForTime(page, left, EXACT);
    await expect.poll(async () => (await clockAndHighlight(page)).sentences).toContain(`en:${english}`);
    expect((await clockAndHighlight(page)).sentences).toContain(`de:${german}`);
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('1.2×');
  });
});
