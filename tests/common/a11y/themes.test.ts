// The colours the app ships, checked against WCAG: tests the very palettes the renderer turns into
// CSS custom properties (common/a11y/themes.ts → renderer/theme).
import { describe, expect, it } from 'vitest';
import { contrastRatio, CONTRAST } from '../../../common/a11y/contrast';
import { checkHighlightColor, failedChecks, highlightColors, paletteChecks, resolveTheme, themeVariables, THEME_IDS, THEMES } from '../../../common/a11y/themes';

describe.each(THEME_IDS)('theme %s', (id) => {
  const palette = THEMES[id];

  it('meets every contrast requirement', () => {
    expect(failedChecks(palette).map((f) => `${f.what}: ${f.ratio.toFixed(2)} < ${f.min}`)).toEqual([]);
  });

  it('holds text to 7:1 (AAA) — every text in the high-contrast themes, body text in all', () => {
    const textChecks = paletteChecks(palette).filter((c) => c.min >= CONTRAST.textAA);
    expect(textChecks.length).toBeGreaterThan(10);
    for (const check of textChecks) {
      if (palette.highContrast || check.foreground === palette.text) expect(check.min, check.what).toBe(CONTRAST.textAAA);
      expect(contrastRatio(check.foreground, check.background), check.what).toBeGreaterThanOrEqual(check.min);
    }
  });

  it('holds controls, focus and highlight marks to 3:1', () => {
    const graphic = paletteChecks(palette).filter((c) => c.min === CONTRAST.nonText);
    const names = graphic.map((c) => c.what);
    for (const needed of ['control boundary on the page', 'focus ring on the page', 'current word against the page', 'current sentence mark against the page']) {
      expect(names).toContain(needed);
    }
    for (const check of graphic) expect(contrastRatio(check.foreground, check.background), check.what).toBeGreaterThanOrEqual(3);
  });

  it('turns into CSS custom properties carrying exactly the palette', () => {
    const vars = themeVariables(palette);
    expect(vars['--bg']).toBe(palette.bg);
    expect(vars['--text-muted']).toBe(palette.textMuted);
    expect(vars['--word-bg']).toBe(palette.wordBg);
    expect(vars['--sentence-tint']).toBe(palette.sentenceTint);
    for (const value of Object.values(vars)) expect(value).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('high-contrast themes', () => {
  it('are one dark-on-light and one light-on-dark', () => {
    expect(THEMES['contrast-light'].scheme).toBe('light');
    expect(THEMES['contrast-dark'].scheme).toBe('dark');
    expect(THEMES['contrast-light'].highContrast && THEMES['contrast-dark'].highContrast).toBe(true);
  });
});

describe('resolveTheme', () => {
  it('follows the system unless a theme is chosen', () => {
    expect(resolveTheme('system', { dark: false, moreContrast: false })).toBe('light');
    expect(resolveTheme('system', { dark: true, moreContrast: false })).toBe('dark');
    expect(resolveTheme('system', { dark: false, moreContrast: true })).toBe('contrast-light');
    expect(resolveTheme('system', { dark: true, moreContrast: true })).toBe('contrast-dark');
    expect(resolveTheme('contrast-dark', { dark: false, moreContrast: false })).toBe('contrast-dark');
  });
});

describe('custom highlight colours', () => {
  it('are used when they reach 3:1 against the page, with readable text and a tint that keeps text at 7:1', () => {
    const palette = THEMES.light;
    const colors = highlightColors(palette, { word: '#7a1fa2', sentence: '#006d5b' });
    expect(colors.wordBg).toBe('#7a1fa2');
    expect(colors.wordText).toBe('#ffffff');
    expect(contrastRatio(colors.wordText, colors.wordBg)).toBeGreaterThanOrEqual(4.5);
    expect(colors.sentenceColor).toBe('#006d5b');
    expect(colors.sentenceTint).not.toBe(palette.bg);
    expect(contrastRatio(palette.text, colors.sentenceTint)).toBeGreaterThanOrEqual(7);
  });

  it('are refused below 3:1, and the theme’s own colours stay', () => {
    const palette = THEMES.light;
    expect(checkHighlightColor(palette, '#ffeb3b')).toMatchObject({ usable: false });
    expect(checkHighlightColor(palette, '#ffeb3b').ratio).toBeLessThan(3);
    const colors = highlightColors(palette, { word: '#ffeb3b', sentence: '#fafafa' });
    expect(colors).toEqual({ wordBg: palette.wordBg, wordText: palette.wordText, sentenceColor: palette.sentenceColor, sentenceTint: palette.sentenceTint });
  });

  it('are judged against the theme in use (yellow is fine on black, not on white)', () => {
    expect(checkHighlightColor(THEMES['contrast-dark'], '#ffeb3b').usable).toBe(true);
    expect(checkHighlightColor(THEMES['contrast-light'], '#ffeb3b').usable).toBe(false);
  });
});
