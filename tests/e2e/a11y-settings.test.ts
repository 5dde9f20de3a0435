// The settings view end to end: reached by keyboard, every setting applies at once and survives a
// reload, custom highlight colours are checked for contrast, reset asks first, the UI language
// follows the system and switches at once, the system's motion and forced-colours wishes are
// followed, and screen readers hear sentences (when asked), "where am I", and nothing twice.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEMES } from '../../common/a11y/themes';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { openPlayer, waitForPlaying, waitUntilReady, type PlayerApp } from './player-helpers';

let app: PlayerApp;
let page: Page;

beforeAll(async () => {
  app = await openPlayer({ context: { locale: 'en-GB', colorScheme: 'light' } });
  page = app.page;
  await waitUntilReady(page);
});

afterAll(async () => {
  await app?.close();
});

const dialog = () => page.getByRole('dialog', { name: 'Settings' });

async function openSettings(): Promise<void> {
  await page.locator('#main').focus();
  await page.keyboard.press('Control+,');
  await dialog().waitFor();
}

async function closeSettings(): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog().isVisible()).toBe(false);
}

const rootVar = (name: string) => page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
const stored = async () => (await app.services.handlers.getSettings(undefined)).settings;

describe('settings view', () => {
  it('opens with Ctrl+, (focus inside), closes with Escape and gives the focus back', async () => {
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await play.focus();
    await page.keyboard.press('Control+,');
    await dialog().waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog')?.getAttribute('aria-labelledby'))).toBe('settings-title');
    await closeSettings();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Play');
    // And from the header's button.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await dialog().waitFor();
    await closeSettings();
  });

  it('applies theme, text size, line spacing, font and highlight style at once, and keeps them across a reload', async () => {
    await openSettings();
    await dialog().getByRole('radio', { name: 'High contrast, light on dark' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast-dark');
    expect(await rootVar('--bg')).toBe(THEMES['contrast-dark'].bg);

    const size = dialog().getByRole('slider', { name: 'Text size' });
    await size.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('font-scale').textContent()).toBe('200 %');
    expect(await page.locator('.transcript').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(35.2, 0);

    await dialog().getByRole('combobox', { name: 'Line spacing' }).selectOption('2');
    expect(await page.locator('.transcript').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(2, 1);

    await dialog().getByRole('radio', { name: /^OpenDyslexic/ }).check();
    expect(await page.locator('.transcript').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('OpenDyslexic');
    await expect.poll(() => page.evaluate(async () => (await document.fonts.load('16px OpenDyslexic')).length)).toBeGreaterThan(0);

    await dialog().getByRole('radio', { name: 'Underline' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.highlight)).toBe('underline');
    await closeSettings();

    // The word is underlined, not filled, while the narration plays.
    await page.keyboard.press('Space');
    await waitForPlaying(page, true);
    const word = page.locator('.w.is-current-word').first();
    await word.waitFor();
    const style = await word.evaluate((el) => ({ line: getComputedStyle(el).textDecorationLine, bg: getComputedStyle(el).backgroundColor }));
    await page.keyboard.press('Space');
    await waitForPlaying(page, false);
    expect(style).toEqual({ line: 'underline', bg: 'rgba(0, 0, 0, 0)' });

    expect(await stored()).toMatchObject({ theme: 'contrast-dark', fontScale: 2, lineSpacing: 2, font: 'dyslexic', highlightStyle: 'underline' });
    await app.reload();
    await waitUntilReady(page);
    expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toMatchObject({ theme: 'contrast-dark', highlight: 'underline', font: 'dyslexic' });
    expect(await page.locator('.transcript').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(35.2, 0);
  });

  it('refuses a highlight colour below 3:1 against the page, saying why, and uses one that reaches it', async () => {
    await openSettings();
    await dialog().getByRole('radio', { name: 'Light', exact: true }).check();
    const group = dialog().getByRole('group', { name: 'Colour of the current word' });
    await group.getByRole('checkbox', { name: 'Own colour' }).check();
    const hex = group.getByRole('textbox', { name: 'Colour (#rrggbb)' });
    await hex.fill('#ffeb3b');
    const status = group.locator('p[aria-live]');
    await expect.poll(() => status.textContent()).toMatch(/^Contrast with the page: only 1\.\d:1\. A highlight needs at least 3:1 .* pick a darker one/);
    expect(await hex.getAttribute('aria-invalid')).toBe('true');
    expect(await rootVar('--word-bg')).toBe(THEMES.light.wordBg);
    expect((await stored()).wordHighlightColor).toBeNull();

    await hex.fill('#7a1fa2');
    await expect.poll(() => status.textContent()).toMatch(/^Contrast with the page: \d+(\.\d)?:1; the word’s text on it: \d+(\.\d)?:1\. Enough/);
    expect(await rootVar('--word-bg')).toBe('#7a1fa2');
    expect(await rootVar('--word-text')).toBe('#ffffff');
    await expect.poll(async () => (await stored()).wordHighlightColor).toBe('#7a1fa2');

    // Back to the theme's colour.
    await group.getByRole('checkbox', { name: 'Own colour' }).uncheck();
    expect(await rootVar('--word-bg')).toBe(THEMES.light.wordBg);
    await expect.poll(async () => (await stored()).wordHighlightColor).toBeNull();
    await closeSettings();
  });

  it('reduces motion by the setting or by the system’s wish', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.motion)).toBe('reduce');
    expect(await page.locator('.transcript-scroller').evaluate((el) => getComputedStyle(el).scrollBehavior)).toBe('auto');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.motion)).toBe('full');
    await openSettings();
    await dialog().getByRole('radio', { name: 'On', exact: true }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.motion)).toBe('reduce');
    await closeSettings();
  });

  it('follows forced colours: the word is lit in the system’s Highlight colour', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openSettings();
    await dialog().getByRole('radio', { name: 'Background colour' }).check();
    await expect.poll(() => dialog().getByText(/forced colours are on/).count()).toBe(1);
    await closeSettings();
    await page.keyboard.press('Space');
    await waitForPlaying(page, true);
    const word = page.locator('.w.is-current-word').first();
    await word.waitFor();
    const colors = await word.evaluate((el) => {
      const probe = document.createElement('span');
      probe.style.backgroundColor = 'Highlight';
      probe.style.setProperty('forced-color-adjust', 'none');
      document.body.append(probe);
      const highlight = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return { word: getComputedStyle(el).backgroundColor, highlight };
    });
    await page.keyboard.press('Space');
    await waitForPlaying(page, false);
    expect(colors.word).toBe(colors.highlight);
    await page.emulateMedia({ forcedColors: 'none' });
  });

  it('resets every setting after asking, and the reset is saved', async () => {
    await app.services.handlers.updateSettings({ patch: { rate: 1.7, syncOffsetMs: 120 } });
    // A setting the learning tools keep themselves: hide the English (h).
    await page.locator('#main').focus();
    await page.keyboard.press('h');
    const hide = page.getByRole('combobox', { name: 'Hide' });
    await expect.poll(() => hide.inputValue()).toBe('en');
    await openSettings();
    const reset = dialog().getByRole('button', { name: 'Reset all settings…' });
    await reset.click();
    const confirm = page.getByRole('alertdialog', { name: 'Reset all settings?' });
    await confirm.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => confirm.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reset all settings…');
    expect((await stored()).theme).not.toBe('system');

    await reset.click();
    await confirm.getByRole('button', { name: 'Reset all settings', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await expect.poll(() => dialog().getByText('All settings are back to their defaults.').count()).toBe(1);
    await expect.poll(stored).toEqual(DEFAULT_SETTINGS);
    expect(await hide.inputValue()).toBe('none');
    expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toMatchObject({ highlight: 'background', font: 'default' });
    expect(await page.locator('.transcript').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(17.6, 0);
    await closeSettings();
  });
});

describe('following the system', () => {
  it('takes the colour scheme and the wish for more contrast from the system while the theme is "as the system"', async () => {
    expect((await stored()).theme).toBe('system');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    await page.emulateMedia({ colorScheme: 'dark', contrast: 'no-preference' });
    await expect.poll(theme).toBe('dark');
    await page.emulateMedia({ colorScheme: 'dark', contrast: 'more' });
    await expect.poll(theme).toBe('contrast-dark');
    await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
    await expect.poll(theme).toBe('contrast-light');
    await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' });
    await expect.poll(theme).toBe('light');
    expect(await rootVar('--bg')).toBe(THEMES.light.bg);
  });
});

describe('screen readers', () => {
  it('announce each sentence as it starts when asked (off by default), each once', async () => {
    const announcer = page.getByTestId('sentence-announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    await page.locator('#main').focus();
    await page.keyboard.press('Space');
    await waitForPlaying(page, true);
    await page.waitForTimeout(1500);
    await page.keyboard.press('Space');
    await waitForPlaying(page, false);
    expect(await announcer.textContent()).toBe('');

    await openSettings();
    await dialog().getByRole('checkbox', { name: 'Announce each sentence as it starts' }).check();
    await closeSettings();
    await page.evaluate(() => {
      const region = document.querySelector('[data-testid="sentence-announcer"]')!;
      const said: string[] = [];
      (window as unknown as { __said: string[] }).__said = said;
      new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, subtree: true, characterData: true });
    });
    // At twice the speed, so several sentences start within a few seconds.
    for (let i = 0; i < 10; i++) await page.keyboard.press('+');
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('2.0×');
    await page.keyboard.press('Space');
    await waitForPlaying(page, true);
    await page.waitForTimeout(6000);
    await page.keyboard.press('Space');
    await waitForPlaying(page, false);
    // Pausing and playing on is not a new sentence: nothing more is said.
    await page.keyboard.press('Space');
    await waitForPlaying(page, true);
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await waitForPlaying(page, false);
    const said = (await page.evaluate(() => (window as unknown as { __said: string[] }).__said)).filter(Boolean);
    expect(said.length).toBeGreaterThan(1);
    expect(new Set(said).size).toBe(said.length);
    const current = await page.evaluate(() => document.querySelector<HTMLElement>('.sentence.is-current[data-lang="de"]')?.textContent);
    expect(said.at(-1)).toBe(current);
    expect(await announcer.locator('span').getAttribute('lang')).toBe('de');
    for (let i = 0; i < 10; i++) await page.keyboard.press('-');
  });

  it('say where the reader is on W: chapter, sentence and time, without moving the focus; again on a second W', async () => {
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await play.focus();
    await page.keyboard.press('w');
    const region = page.getByTestId('where-am-i');
    await expect.poll(() => region.textContent()).toMatch(/^Chapter 1 of 17: Der erste digitale Überwachungsstaat\. Sentence \d+ of \d+ in this chapter: .+ \d+ seconds? of 16 minutes \d+ seconds?\. Paused\.$/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Play');
    const first = await region.locator('span').elementHandle();
    await page.keyboard.press('w');
    await expect.poll(async () => (await region.locator('span').elementHandle()) !== first && (await first!.evaluate((el) => !el.isConnected))).toBe(true);
  });
});

describe('UI language', () => {
  it('follows the system (German here), switches to English at once, and keeps the choice', async () => {
    const german = await openPlayer({ context: { locale: 'de-DE' } });
    try {
      const p = german.page;
      await waitUntilReady(p);
      expect(await p.evaluate(() => document.documentElement.lang)).toBe('de');
      await p.getByRole('button', { name: 'Abspielen', exact: true }).waitFor();
      for (const name of ['Vorheriges Kapitel', 'Nächster Satz', '5 Sekunden zurück', 'Langsamer', 'Stumm', 'Einstellungen', 'Neue Notiz']) {
        expect(await p.getByRole('button', { name, exact: true }).count(), name).toBeGreaterThan(0);
      }
      expect(await p.getByRole('navigation', { name: 'Kapitel' }).count()).toBe(1);
      expect(await p.getByRole('region', { name: 'Player' }).count()).toBe(1);
      await p.locator('#main').focus();
      await p.keyboard.press('?');
      const help = p.getByRole('dialog', { name: 'Tastenkürzel' });
      await help.waitFor();
      for (const text of ['Wiedergabe starten oder anhalten', 'Wo bin ich: Kapitel, Satz und Zeit ansagen', 'Löschen einer Notiz rückgängig machen (im Notizbereich, direkt danach)']) {
        expect(await help.getByText(text).count(), text).toBe(1);
      }
      expect(await help.getByText('Strg+F').count()).toBe(1);
      expect((await new AxeBuilder({ page: p }).include('dialog[open]').analyze()).violations.map((v) => v.id)).toEqual([]);
      await p.keyboard.press('Escape');

      await p.keyboard.press('Control+,');
      const settings = p.getByRole('dialog', { name: 'Einstellungen' });
      await settings.waitFor();
      await settings.getByRole('radio', { name: 'English' }).check();
      await p.getByRole('dialog', { name: 'Settings' }).waitFor();
      expect(await p.evaluate(() => document.documentElement.lang)).toBe('en');
      // The system's own choice is still named truly: German here, whatever was picked.
      expect(await p.getByRole('radio', { name: 'As the system (Deutsch)' }).count()).toBe(1);
      expect(await p.getByRole('radio', { name: 'As the system (Light)' }).count()).toBe(1);
      await p.keyboard.press('Escape');
      expect(await p.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
      await expect.poll(async () => (await german.services.handlers.getSettings(undefined)).settings.uiLanguage).toBe('en');
      await german.reload();
      await waitUntilReady(p);
      expect(await p.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await german.close();
    }
  });
});
