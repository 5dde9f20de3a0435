// Large text and zoom: at 200% and 300% text size in a 1024x768 window, and at 200% system zoom,
// nothing scrolls sideways, the side panels fold away behind header buttons, and while the narration
// plays the current word stays on screen.
//
// System zoom is modelled the way Chromium experiences it: a 1024x768 window at 200% display
// scaling (or Electron's page zoom, webContents.setZoomFactor(2)) lays the page out in a viewport of
// 512x384 CSS pixels with devicePixelRatio 2, and media queries, rem and percentages all follow that.
// So the test uses viewport 512x384 with deviceScaleFactor 2. deviceScaleFactor alone would only
// sharpen the pixels (the layout would still be 1024 px wide), and CSS zoom on the root scales the
// used sizes without shrinking the viewport the page lays out in: neither is what zoom does.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPlayer, waitForPlaying, waitUntilReady, type PlayerApp } from './player-helpers';

let app: PlayerApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function open(viewport: { width: number; height: number }, deviceScaleFactor: number, fontScale: number): Promise<Page> {
  app = await openPlayer({
    context: { viewport, deviceScaleFactor },
    beforeOpen: async (running) => running.services.handlers.updateSettings({ patch: { fontScale, rate: 1.5 } }),
  });
  await waitUntilReady(app.page);
  return app.page;
}

interface Overflow {
  document: number;
  /** The page itself never scrolls up and down either: the frame fits the window, its parts scroll. */
  pageVertical: number;
  scroller: number;
  header: number;
  player: number;
}

/** How many CSS pixels each part is wider than its box (0 = no sideways scrolling). */
function overflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const over = (selector: string) => {
      const element = document.querySelector(selector)!;
      return element.scrollWidth - element.clientWidth;
    };
    return {
      document: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      pageVertical: document.documentElement.scrollHeight - document.documentElement.clientHeight,
      scroller: over('.transcript-scroller'),
      header: over('.app-header'),
      player: over('.player'),
    };
  });
}

interface WordSample {
  word: string | null;
  inView: boolean;
  box: string;
}

function sampleWord(page: Page): Promise<WordSample> {
  return page.evaluate(() => {
    const word = document.querySelector<HTMLElement>('.w.is-current-word');
    if (!word) return { word: null, inView: true, box: '' };
    const view = document.querySelector('.transcript-scroller')!.getBoundingClientRect();
    const box = word.getBoundingClientRect();
    const inView =
      box.top >= view.top - 1 &&
      box.bottom <= view.bottom + 1 &&
      box.left >= view.left - 1 &&
      box.right <= view.right + 1 &&
      box.bottom <= window.innerHeight &&
      box.right <= window.innerWidth;
    return { word: word.textContent, inView, box: `${Math.round(box.top)}..${Math.round(box.bottom)} in ${Math.round(view.top)}..${Math.round(view.bottom)}` };
  });
}

/** Plays for `seconds` from chapter `chapter` (reached with PageDown), sampling the current word. */
async function followWhilePlaying(page: Page, chapter: number, seconds: number): Promise<WordSample[]> {
  await page.locator('#main').focus();
  for (let i = 1; i < chapter; i++) await page.keyboard.press('PageDown');
  await page.keyboard.press('Space');
  await waitForPlaying(page, true);
  const samples: WordSample[] = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    samples.push(await sampleWord(page));
    await page.waitForTimeout(150);
  }
  await page.keyboard.press('Space');
  await waitForPlaying(page, false);
  return samples;
}

function expectFollowed(samples: WordSample[]): void {
  const words = samples.filter((s) => s.word !== null);
  expect(new Set(words.map((s) => s.word)).size, 'the narration moved through many words').toBeGreaterThan(15);
  expect(words.filter((s) => !s.inView).map((s) => `${s.word} ${s.box}`)).toEqual([]);
}

describe('large text and zoom', () => {
  it('at 200% text in a 1024x768 window: no sideways scrolling, panels fold away', async () => {
    const page = await open({ width: 1024, height: 768 }, 1, 2);
    expect(await overflow(page)).toEqual({ document: 0, pageVertical: 0, scroller: 0, header: 0, player: 0 });
    await expect.poll(() => page.getByRole('button', { name: 'Chapters' }).isVisible()).toBe(true);
    // The chapters open over the transcript from their button, and Escape closes them again.
    await page.getByRole('button', { name: 'Chapters' }).click();
    await page.getByRole('navigation', { name: 'Chapters' }).getByRole('button').first().focus();
    expect(await overflow(page)).toEqual({ document: 0, pageVertical: 0, scroller: 0, header: 0, player: 0 });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#chapters-panel').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chapters');
    // The transcript text really is twice the size.
    expect(await page.locator('.transcript').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(1.1 * 16 * 2, 0);
  });

  it('keeps a panel open when it folds away while it has the focus (the focus never drops on the page)', async () => {
    const page = await open({ width: 1280, height: 860 }, 1, 1);
    const first = page.getByRole('navigation', { name: 'Chapters' }).getByRole('button').first();
    await first.focus();
    await page.setViewportSize({ width: 640, height: 700 });
    await expect.poll(() => page.getByRole('button', { name: 'Chapters' }).isVisible()).toBe(true);
    expect(await first.evaluate((el) => el === document.activeElement && el.checkVisibility())).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#chapters-panel').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chapters');
  });

  it('at 300% text in a 1024x768 window: no sideways scrolling, and the current word stays in view while playing', async () => {
    const page = await open({ width: 1024, height: 768 }, 1, 3);
    expect(await page.locator('.transcript').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(1.1 * 16 * 3, 0);
    expect(await overflow(page)).toEqual({ document: 0, pageVertical: 0, scroller: 0, header: 0, player: 0 });
    expectFollowed(await followWhilePlaying(page, 5, 9));
    expect(await overflow(page)).toEqual({ document: 0, pageVertical: 0, scroller: 0, header: 0, player: 0 });
  });

  it('at 200% system zoom (512x384 CSS pixels, devicePixelRatio 2): no sideways scrolling, the current word stays in view', async () => {
    const page = await open({ width: 512, height: 384 }, 2, 1);
    expect(await page.evaluate(() => [window.innerWidth, window.innerHeight, window.devicePixelRatio])).toEqual([512, 384, 2]);
    expect(await overflow(page)).toEqual({ document: 0, pageVertical: 0, scroller: 0, header: 0, player: 0 });
    // The transcript keeps a usable share of the window.
    const share = await page.locator('.transcript-scroller').evaluate((el) => el.getBoundingClientRect().height / window.innerHeight);
    expect(share).toBeGreaterThan(0.4);
    expectFollowed(await followWhilePlaying(page, 5, 9));
  });
});
