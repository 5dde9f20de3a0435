// Keyboard and screen reader from the start: no axe violations on the main view, every control
// reachable by Tab and labelled, no trap, a proper help dialog, calm announcements, and a follow
// mode that yields to the reader's own scrolling.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioState, clockAndHighlight, openPlayer, waitForPlaying, waitUntilReady, type PlayerApp, pauseIfPlaying } from './player-helpers';

let app: PlayerApp;

beforeAll(async () => {
  app = await openPlayer();
  await waitUntilReady(app.page);
});

afterAll(async () => {
  await app?.close();
});

function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const name = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
    return `${element.tagName.toLowerCase()}${element.dataset.unit ? `[unit]` : ''}:${name.trim().slice(0, 40)}`;
  });
}

describe('accessibility', () => {
  it('has no axe violations on the main view (while playing, so the highlight is on)', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlaying(page, true);
    await page.waitForTimeout(500);
    const results = await new AxeBuilder({ page }).analyze();
    await pauseIfPlaying(page);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(20);
  });

  it('has the landmarks a screen reader navigates by', async () => {
    const { page } = app;
    await expect(page.getByRole('banner').count()).resolves.toBe(1);
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    await expect(page.getByRole('navigation', { name: 'Chapters' }).count()).resolves.toBe(1);
    await expect(page.getByRole('region', { name: 'Player' }).count()).resolves.toBe(1);
    await expect(page.getByRole('article', { name: 'Transcript' }).count()).resolves.toBe(1);
    expect(await page.locator('.cell[lang="de"]').count()).toBeGreaterThan(100);
    expect(await page.locator('.cell[lang="en"]').count()).toBeGreaterThan(100);
  });

  it('reaches every control with Tab, shows the focus, and lets it go round (no trap)', async () => {
    const { page } = app;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen: string[] = [];
    let outlineSeen = false;
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const focus = await describeFocus(page);
      if (i > 0 && focus === seen[0]) break;
      seen.push(focus);
      if (!outlineSeen) {
        outlineSeen = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          return element.matches(':focus-visible') && getComputedStyle(element).outlineStyle !== 'none';
        });
      }
    }
    const expected = [
      'a:Skip to the transcript',
      'select:Layout',
      'button:Keys',
      'button:1. ',
      'div[unit]:',
      'div:Position in the narration',
      'button:Previous chapter',
      'button:Play',
      'button:Next chapter',
      'button:Slower',
      'input:Speed',
      'button:Faster',
      'button:Mute',
      'input:Volume',
      'button:Deutsch',
      'button:English',
    ];
    for (const prefix of expected) expect(seen.some((focus) => focus.startsWith(prefix)), `${prefix} in ${seen.join(' | ')}`).toBe(true);
    // The transcript is one Tab stop (sentences are moved through with the arrows), and Tab came back round.
    expect(seen.filter((focus) => focus.startsWith('div[unit]'))).toHaveLength(1);
    expect(seen.length).toBeLessThan(80);
    expect(outlineSeen).toBe(true);
  });

  it('opens the list of keys as a dialog with "?", closes it with Escape, and gives the focus back', async () => {
    const { page } = app;
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await play.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard keys' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    for (const text of ['Play or pause', 'Previous sentence', 'Next paragraph', 'Previous chapter', 'New note at the current place', 'Search the transcript', 'Play from the focused sentence']) {
      await expect(dialog.getByText(text).count()).resolves.toBeGreaterThan(0);
    }
    // While it is open, keys are the dialog's: Space does not start the narration.
    await page.keyboard.press('ArrowRight');
    const dialogAxe = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(dialogAxe.violations.map((v) => v.id)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await describeFocus(page)).toBe('button:Play');
    expect((await audioState(page)).paused).toBe(true);
  });

  it('announces a change of chapter, politely, and not every word', async () => {
    const { page } = app;
    const announcer = page.getByTestId('chapter-announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const chapters = app.bundle.edition.chapters;
    const from = (await audioState(page)).time;
    const next = app.timing.tracks.de!.chapters.findIndex((c) => c.start > from + 0.001);
    await page.keyboard.press('PageDown');
    const first = `Chapter ${next + 1} of ${chapters.length}: ${chapters[next]!.title.de}`;
    await expect.poll(() => announcer.textContent()).toBe(first);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlaying(page, true);
    await page.waitForTimeout(1200);
    await pauseIfPlaying(page);
    // Words went by; the announcement stayed the chapter's.
    expect(await announcer.textContent()).toBe(first);
  });
});

describe('follow mode', () => {
  it('stops following when the reader scrolls away, and comes back on demand', async () => {
    const { page } = app;
    await page.locator('[data-sentence="s030"][data-lang="de"]').click();
    await waitForPlaying(page, true);
    const scroller = page.locator('.transcript-scroller');
    const back = page.getByRole('button', { name: 'Back to the current place' });
    expect(await back.count()).toBe(0);

    const box = (await scroller.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 2500);
    await back.waitFor();
    const scrolledTo = await scroller.evaluate((element) => element.scrollTop);
    // The narration moves on to other sentences; the view stays where the reader put it.
    const startedIn = (await clockAndHighlight(page)).sentences.find((s) => s.startsWith('de:'));
    await expect.poll(async () => (await clockAndHighlight(page)).sentences.find((s) => s.startsWith('de:')), { timeout: 15_000 }).not.toBe(startedIn);
    await page.waitForTimeout(300);
    expect(await scroller.evaluate((element) => element.scrollTop)).toBe(scrolledTo);

    await back.click();
    await expect.poll(() => back.count()).toBe(0);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const unit = document.querySelector<HTMLElement>('[data-unit][aria-current="true"]');
          const view = document.querySelector('.transcript-scroller')!.getBoundingClientRect();
          const box = unit?.getBoundingClientRect();
          return box !== undefined && box.top >= view.top && box.bottom <= view.bottom && document.activeElement === unit;
        }),
      )
      .toBe(true);
    await pauseIfPlaying(page);
  });
});
