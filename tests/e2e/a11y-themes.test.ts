// Every view in every theme passes axe (WCAG 2.x A/AA rules, colour contrast included): the player
// while the highlight is on, search results, the notes panel, the settings view, the help and the
// study cards. One page for all of it: the theme is switched through the settings view, as a user
// would, and the colours the page then uses are the palette's (common/a11y/themes.ts).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEMES, type ThemeId } from '../../common/a11y/themes';
import { openPlayer, waitForPlaying, waitUntilReady, type PlayerApp } from './player-helpers';

let app: PlayerApp;
let page: Page;

const THEME_NAMES: Record<ThemeId, string> = {
  light: 'Light',
  dark: 'Dark',
  'contrast-light': 'High contrast, dark on light',
  'contrast-dark': 'High contrast, light on dark',
};

beforeAll(async () => {
  app = await openPlayer();
  page = app.page;
  await waitUntilReady(page);
  // A note, so the notes panel shows one (its editor, tags, buttons) in every theme.
  await page.locator('#main').focus();
  await page.keyboard.press('n');
  await page.keyboard.type('Notiz für die Prüfung der Farben');
  await page.getByText('Saved', { exact: true }).first().waitFor();
});

afterAll(async () => {
  await app?.close();
});

async function violations(include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function chooseTheme(theme: ThemeId): Promise<void> {
  await page.locator('#main').focus();
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: THEME_NAMES[theme], exact: true }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.isVisible()).toBe(false);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
}

describe('structure for screen readers', () => {
  it('has one of each landmark, and the chapters as headings in the transcript, in order', async () => {
    const count = (role: Parameters<Page['getByRole']>[0], name?: string) => page.getByRole(role, name ? { name, exact: true } : {}).count();
    expect(await count('banner')).toBe(1);
    expect(await count('main')).toBe(1);
    expect(await count('search')).toBe(1);
    expect(await count('navigation', 'Chapters')).toBe(1);
    expect(await count('complementary', 'Notes')).toBe(1);
    expect(await count('region', 'Player')).toBe(1);
    expect(await page.locator('main').getByRole('region').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    const headings = await page.locator('main').getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.map((h) => h.split(' · ')[0])).toEqual(app.bundle.edition.chapters.map((c) => c.title.de));
  });
});

describe.each(Object.keys(THEME_NAMES) as ThemeId[])('theme %s', (theme) => {
  it('paints with the palette’s colours', async () => {
    await chooseTheme(theme);
    const shown = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      const body = getComputedStyle(document.body);
      return { bg: style.getPropertyValue('--bg').trim(), text: style.getPropertyValue('--text').trim(), bodyBg: body.backgroundColor, bodyColor: body.color };
    });
    const rgb = (hex: string) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
    expect(shown).toEqual({ bg: THEMES[theme].bg, text: THEMES[theme].text, bodyBg: rgb(THEMES[theme].bg), bodyColor: rgb(THEMES[theme].text) });
  });

  it('has no axe violations on the player, with the highlight on', async () => {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlaying(page, true);
    await page.locator('.w.is-current-word').first().waitFor();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await waitForPlaying(page, false);
    expect(await page.locator('.sentence.is-current').count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });

  it('has no axe violations on the search results', async () => {
    await page.locator('#main').focus();
    await page.keyboard.press('/');
    await page.keyboard.type('Partei');
    await page.getByRole('listbox', { name: 'Search results' }).waitFor();
    expect(await violations('.search')).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('has no axe violations on the notes panel', async () => {
    expect(await page.locator('.notes-panel textarea').count()).toBeGreaterThan(0);
    expect(await violations('.notes-panel')).toEqual([]);
  });

  it('has no axe violations on the settings view (with a colour of its own being chosen)', async () => {
    await page.locator('#main').focus();
    await page.keyboard.press('Control+,');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.waitFor();
    const own = dialog.getByRole('group', { name: 'Colour of the current word' }).getByRole('checkbox', { name: 'Own colour' });
    await own.check();
    expect(await violations('dialog[open]')).toEqual([]);
    await own.uncheck();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('has no axe violations on the help', async () => {
    await page.locator('#main').focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard keys' });
    await dialog.waitFor();
    expect(await violations('dialog[open]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('has no axe violations on the study cards', async () => {
    await page.locator('#main').focus();
    await page.keyboard.press('Shift+K');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await violations('dialog[open]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
