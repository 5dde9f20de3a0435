// The whole app by keyboard alone, from a fresh start: play, go to chapter 5, repeat a sentence, add
// a note, search, change the theme and the text size, save a card and export the cards. After every
// key press the focus is somewhere (never on the page itself) and shows a visible indicator (an
// outline or a ring), and at no moment in between does it drop to the page and stay there.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioState, openPlayer, waitForPlaying, waitUntilReady, type PlayerApp } from './player-helpers';

let app: PlayerApp;
let page: Page;

/** Records every moment the focus left for nowhere and was still nowhere a frame later. */
const FOCUS_WATCH = `(() => {
  window.__focusLost = [];
  document.addEventListener('focusout', (event) => {
    if (event.relatedTarget) return;
    const from = event.target;
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const now = document.activeElement;
      if (!now || now === document.body) window.__focusLost.push((from.getAttribute && (from.getAttribute('aria-label') || from.id || from.className)) || String(from));
    }));
  }, true);
})();`;

beforeAll(async () => {
  app = await openPlayer({ beforeOpen: (running) => running.page.addInitScript(FOCUS_WATCH) });
  page = app.page;
  await waitUntilReady(page);
});

afterAll(async () => {
  await app?.close();
});

interface FocusState {
  detail?: string;
  where: string;
  lost: boolean;
  visible: boolean;
}

function focusState(): Promise<FocusState> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { where: 'body', lost: true, visible: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== 'none' && style.boxShadow !== '';
    const box = element.getBoundingClientRect();
    const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
    const name = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
    return {
      where: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}:${name.trim().slice(0, 30)}`,
      lost: false,
      visible: (outline || ring) && onScreen,
      detail: `outline ${style.outlineStyle} ${style.outlineWidth}, shadow ${style.boxShadow}, box ${Math.round(box.top)},${Math.round(box.left)} ${Math.round(box.width)}x${Math.round(box.height)}, focus-visible ${element.matches(':focus-visible')}`,
    };
  });
}

const trail: string[] = [];

/** Presses a key (or types text) and checks the focus after it. */
async function press(key: string): Promise<FocusState> {
  await page.keyboard.press(key);
  return checkFocus(key);
}

async function typeText(text: string): Promise<void> {
  for (const ch of text) await press(ch === ' ' ? 'Space' : ch);
}

async function checkFocus(step: string): Promise<FocusState> {
  // Give the app its frame to react (a dialog opening, a note taking the focus).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const state = await focusState();
  trail.push(`${step} → ${state.where}`);
  expect(state.lost, `focus lost after ${step}; ${trail.slice(-5).join(' | ')}`).toBe(false);
  expect(state.visible, `no visible focus indicator after ${step} on ${state.where} (${state.detail})`).toBe(true);
  return state;
}

/** Tabs forward until `matches` says the focus is where it should be (at most `limit` presses). */
async function tabTo(matches: (state: FocusState) => boolean, limit = 60): Promise<FocusState> {
  for (let i = 0; i < limit; i++) {
    const state = await press('Tab');
    if (matches(state)) return state;
  }
  throw new Error(`Tab never reached the target; last: ${trail.slice(-8).join(' | ')}`);
}

describe('keyboard only', () => {
  it('plays, goes to chapter 5, repeats a sentence, adds a note, searches, changes theme and text size, and exports cards', async () => {
    const chapters = app.bundle.edition.chapters;

    // Start: Tab reaches the skip link; Enter takes the focus to the transcript region.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect((await press('Tab')).where).toMatch(/^a:Skip to the transcript/);
    expect((await press('Enter')).where).toMatch(/^main#main/);

    // Play.
    await press('Space');
    await waitForPlaying(page, true);

    // Chapter 5: PageDown until it is announced (from the very start the first press goes to the
    // start of chapter 1, which begins after a moment of silence).
    const announcer = page.getByTestId('chapter-announcer');
    const fifth = `Chapter 5 of ${chapters.length}: ${chapters[4]!.title.de}`;
    for (let i = 0; i < 6 && (await announcer.textContent()) !== fifth; i++) {
      await press('PageDown');
      await page.waitForTimeout(150);
    }
    expect(await announcer.textContent()).toBe(fifth);
    const chapter5 = app.timing.tracks.de!.chapters[4]!;
    expect((await audioState(page)).time).toBeGreaterThanOrEqual(chapter5.start - 0.01);

    // Repeat the sentence heard now: r takes the narration back to its start to hear it again.
    await page.waitForTimeout(1500);
    const before = await page.evaluate(() => ({
      sentence: document.querySelector<HTMLElement>('.sentence.is-current[data-lang="de"]')!.dataset.sentence!,
      time: window.__mitlesenAudio!()!.currentTime,
    }));
    const sentence = app.timing.tracks.de!.sentences.find((s) => s.id === before.sentence)!;
    expect(before.time - sentence.start).toBeGreaterThan(0.5);
    await press('r');
    await expect
      .poll(async () => {
        const now = (await audioState(page)).time;
        return now < before.time - 0.3 && now >= sentence.start - 0.05;
      })
      .toBe(true);

    // A note: n, type, and Escape back to the transcript.
    await press('n');
    await expect.poll(async () => (await focusState()).where).toMatch(/^textarea/);
    await typeText('Wichtig');
    await page.getByText('Saved', { exact: true }).first().waitFor();
    expect(await page.locator('.notes-panel textarea').first().inputValue()).toBe('Wichtig');
    expect((await press('Escape')).where).toMatch(/\[?unit\]?|^div|^span/);

    // Search: /, type, arrow to a result, Enter plays from it.
    expect((await press('/')).where).toMatch(/^input/);
    await typeText('Partei');
    await page.getByRole('listbox', { name: 'Search results' }).waitFor();
    await press('ArrowDown');
    await press('Enter');
    await expect.poll(() => page.getByRole('listbox', { name: 'Search results' }).isVisible()).toBe(false);

    // Settings: Ctrl+, then the theme (arrow keys in the radio group) and the text size (slider).
    expect((await press('Control+,')).where).toMatch(/^button:Close/);
    await tabTo((s) => s.where.startsWith('input') && /^As the system \((Light|Dark)/.test(s.where.split(':')[1] ?? ''));
    for (let i = 0; i < 4; i++) await press('ArrowDown');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast-dark');
    await tabTo((s) => s.where.includes('Text size'));
    for (let i = 0; i < 4; i++) await press('ArrowRight');
    await expect.poll(() => page.getByTestId('font-scale').textContent()).toBe('200 %');
    await press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Settings' }).isVisible()).toBe(false);
    // Quick changes are merged into one write, sent a moment after the last.
    await expect.poll(async () => (await app.services.handlers.getSettings(undefined)).settings).toMatchObject({ theme: 'contrast-dark', fontScale: 2 });

    // Cards: save the sentence heard now (Shift+C), open the cards (Shift+K), export with Enter.
    await press('Shift+C');
    await press('Shift+K');
    const cards = page.getByRole('dialog', { name: /^Study cards/ });
    await cards.waitFor();
    await tabTo((s) => s.where.startsWith('button') && /Export/.test(s.where));
    await press('Enter');
    await expect.poll(() => page.getByTestId('cards-export-result').textContent(), { timeout: 20_000 }).not.toBe('');
    await press('Escape');
    await expect.poll(() => cards.isVisible()).toBe(false);

    expect(await page.evaluate(() => (window as unknown as { __focusLost: string[] }).__focusLost)).toEqual([]);
    await checkFocus('the end');
  });
});
