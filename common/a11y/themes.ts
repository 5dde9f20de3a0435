// The four themes as data: every colour the app paints with, per theme. The renderer turns a
// palette into CSS custom properties (themeVariables) on the root element, and
// tests/common/theme-contrast.test.ts checks these very colours against WCAG: text 7:1 (AAA) in the
// high-contrast themes and in the light and dark themes' body text, secondary text at least 4.5:1
// (AA) in light and dark, and 3:1 for control boundaries, focus rings, highlight marks and graphics.
import { bestTextOn, contrastRatio, CONTRAST, isHexColor, tintKeepingContrast } from './contrast';

export const THEME_IDS = ['light', 'dark', 'contrast-light', 'contrast-dark'] as const;
export type ThemeId = (typeof THEME_IDS)[number];
export type ThemeSetting = 'system' | ThemeId;

export interface Palette {
  scheme: 'light' | 'dark';
  /** Whether this is a high-contrast theme (AAA for every text). */
  highContrast: boolean;
  /** Page background, and the panels' (header, player, notes) background. */
  bg: string;
  surface: string;
  text: string;
  /** Secondary text (durations, help text, placeholders). */
  textMuted: string;
  /** Boundaries of controls (buttons, fields, sliders) and separators. */
  border: string;
  /** Links, the app's name, speaker labels; and the fill of pressed / primary buttons. */
  accent: string;
  /** Text on an accent fill. */
  accentText: string;
  focus: string;
  /** The current word (highlight style "background"): its fill and its text. */
  wordBg: string;
  wordText: string;
  /** The current sentence: its mark (underline, outline) and its tint behind the text. */
  sentenceColor: string;
  sentenceTint: string;
  /** The current chapter in the chapter list (background behind text). */
  chapterCurrent: string;
  error: string;
  warning: string;
  /** Waveform: bars not yet heard, bars heard, the cursor, chapter marks, note marks. */
  wave: string;
  waveProgress: string;
  waveCursor: string;
  chapterMark: string;
  noteMark: string;
}

export const THEMES: Readonly<Record<ThemeId, Palette>> = {
  light: {
    scheme: 'light',
    highContrast: false,
    bg: '#fdfcf9',
    surface: '#f1efe9',
    text: '#1b1b1b',
    textMuted: '#494e56',
    border: '#7d776c',
    accent: '#174f8f',
    accentText: '#ffffff',
    focus: '#0b57d0',
    wordBg: '#174f8f',
    wordText: '#ffffff',
    sentenceColor: '#8a5a00',
    sentenceTint: '#fff0b3',
    chapterCurrent: '#e0eaf7',
    error: '#b3261e',
    warning: '#8a4b00',
    wave: '#737e8a',
    waveProgress: '#174f8f',
    waveCursor: '#0b2545',
    chapterMark: '#9c4a00',
    noteMark: '#00703a',
  },
  dark: {
    scheme: 'dark',
    highContrast: false,
    bg: '#15171a',
    surface: '#1f2226',
    text: '#ecebe7',
    textMuted: '#b9bdc4',
    border: '#80868f',
    accent: '#8ab4f8',
    accentText: '#000000',
    focus: '#8ab4f8',
    wordBg: '#f5b700',
    wordText: '#000000',
    sentenceColor: '#d9a400',
    sentenceTint: '#3b3316',
    chapterCurrent: '#233349',
    error: '#ff8a80',
    warning: '#ffb74d',
    wave: '#7b838e',
    waveProgress: '#8ab4f8',
    waveCursor: '#ffffff',
    chapterMark: '#ffa040',
    noteMark: '#5fd38d',
  },
  'contrast-light': {
    scheme: 'light',
    highContrast: true,
    bg: '#ffffff',
    surface: '#f2f2f2',
    text: '#000000',
    textMuted: '#262626',
    border: '#000000',
    accent: '#00307a',
    accentText: '#ffffff',
    focus: '#b00020',
    wordBg: '#000000',
    wordText: '#ffffff',
    sentenceColor: '#5c2d91',
    sentenceTint: '#fff59d',
    chapterCurrent: '#dde8ff',
    error: '#8c0010',
    warning: '#6b3a00',
    wave: '#4d4d4d',
    waveProgress: '#00307a',
    waveCursor: '#000000',
    chapterMark: '#8c3800',
    noteMark: '#005226',
  },
  'contrast-dark': {
    scheme: 'dark',
    highContrast: true,
    bg: '#000000',
    surface: '#111111',
    text: '#ffffff',
    textMuted: '#e0e0e0',
    border: '#ffffff',
    accent: '#ffdd00',
    accentText: '#000000',
    focus: '#00e5ff',
    wordBg: '#ffdd00',
    wordText: '#000000',
    sentenceColor: '#00e5ff',
    sentenceTint: '#262000',
    chapterCurrent: '#1f2a3d',
    error: '#ff9e9e',
    warning: '#ffc870',
    wave: '#a6a6a6',
    waveProgress: '#ffdd00',
    waveCursor: '#ffffff',
    chapterMark: '#ff9f43',
    noteMark: '#6fff9f',
  },
};

/** One contrast requirement of a palette: two of its colours and the ratio they must reach. */
export interface ContrastCheck {
  what: string;
  foreground: string;
  background: string;
  min: number;
}

/** Every pair of colours the app puts next to each other, with the ratio WCAG asks for. */
export function paletteChecks(p: Palette): ContrastCheck[] {
  const text = CONTRAST.textAAA;
  const secondary = p.highContrast ? CONTRAST.textAAA : CONTRAST.textAA;
  const graphic = CONTRAST.nonText;
  const c = (what: string, foreground: string, background: string, min: number): ContrastCheck => ({ what, foreground, background, min });
  return [
    c('text on the page', p.text, p.bg, text),
    c('text on panels', p.text, p.surface, text),
    c('text in the current sentence', p.text, p.sentenceTint, text),
    c('text of the current chapter', p.text, p.chapterCurrent, text),
    c('secondary text on the page', p.textMuted, p.bg, secondary),
    c('secondary text on panels', p.textMuted, p.surface, secondary),
    c('secondary text in the current chapter', p.textMuted, p.chapterCurrent, secondary),
    c('accent text on the page', p.accent, p.bg, secondary),
    c('accent text on panels', p.accent, p.surface, secondary),
    c('text on an accent fill', p.accentText, p.accent, secondary),
    c('current word text', p.wordText, p.wordBg, secondary),
    c('error text on the page', p.error, p.bg, secondary),
    c('error text on panels', p.error, p.surface, secondary),
    c('warning text on panels', p.warning, p.surface, secondary),
    c('control boundary on the page', p.border, p.bg, graphic),
    c('control boundary on panels', p.border, p.surface, graphic),
    c('focus ring on the page', p.focus, p.bg, graphic),
    c('focus ring on panels', p.focus, p.surface, graphic),
    c('current word against the page', p.wordBg, p.bg, graphic),
    c('current sentence mark against the page', p.sentenceColor, p.bg, graphic),
    c('current sentence mark against its tint', p.sentenceColor, p.sentenceTint, graphic),
    c('current chapter frame', p.accent, p.chapterCurrent, graphic),
    c('waveform bars', p.wave, p.surface, graphic),
    c('waveform heard bars', p.waveProgress, p.surface, graphic),
    c('waveform cursor', p.waveCursor, p.surface, graphic),
    c('waveform chapter marks', p.chapterMark, p.surface, graphic),
    c('waveform note marks', p.noteMark, p.surface, graphic),
  ];
}

/** The checks a palette fails (empty when it meets them all). */
export function failedChecks(p: Palette): (ContrastCheck & { ratio: number })[] {
  return paletteChecks(p)
    .map((check) => ({ ...check, ratio: contrastRatio(check.foreground, check.background) }))
    .filter((check) => check.ratio < check.min);
}

/** The theme to show for a setting; 'system' follows the system's colour scheme and contrast wish. */
export function resolveTheme(setting: ThemeSetting, system: { dark: boolean; moreContrast: boolean }): ThemeId {
  if (setting !== 'system') return setting;
  if (system.moreContrast) return system.dark ? 'contrast-dark' : 'contrast-light';
  return system.dark ? 'dark' : 'light';
}

/** Why a custom highlight colour can or cannot be used on a palette. */
export interface HighlightColorCheck {
  /** Contrast of the colour against the page background. */
  ratio: number;
  /** Whether it reaches 3:1 (otherwise the theme's own colour is used). */
  usable: boolean;
  /** Whether the colour is darker than the background (so a darker one helps when it is too faint). */
  darkerThanPage: boolean;
}

export function checkHighlightColor(palette: Palette, color: string): HighlightColorCheck {
  const ratio = contrastRatio(color, palette.bg);
  return { ratio, usable: ratio >= CONTRAST.nonText, darkerThanPage: palette.scheme === 'light' };
}

export interface HighlightColors {
  wordBg: string;
  wordText: string;
  sentenceColor: string;
  sentenceTint: string;
}

/**
 * The highlight colours in effect: the theme's, or the user's own where they have chosen one that
 * reaches 3:1 against the page (a colour that does not is ignored, and the settings say why). The
 * word's text is black or white, whichever reads better on it; the sentence's tint is the strongest
 * tint of its colour that keeps the text at the theme's text contrast.
 */
export function highlightColors(palette: Palette, custom: { word: string | null; sentence: string | null }): HighlightColors {
  const usable = (color: string | null): color is string => color !== null && isHexColor(color) && checkHighlightColor(palette, color).usable;
  const word = usable(custom.word) ? { wordBg: custom.word, wordText: bestTextOn(custom.word) } : { wordBg: palette.wordBg, wordText: palette.wordText };
  const sentence = usable(custom.sentence)
    ? { sentenceColor: custom.sentence, sentenceTint: tintKeepingContrast(palette.bg, custom.sentence, palette.text, CONTRAST.textAAA, 0.3) }
    : { sentenceColor: palette.sentenceColor, sentenceTint: palette.sentenceTint };
  return { ...word, ...sentence };
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`);
}

/** The CSS custom properties of a palette with its highlight colours: { '--bg': '#fdfcf9', … }. */
export function themeVariables(palette: Palette, highlight: HighlightColors = palette): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(palette)) {
    if (typeof value === 'string' && value.startsWith('#')) vars[`--${kebab(name)}`] = value;
  }
  vars['--word-bg'] = highlight.wordBg;
  vars['--word-text'] = highlight.wordText;
  vars['--sentence-color'] = highlight.sentenceColor;
  vars['--sentence-tint'] = highlight.sentenceTint;
  return vars;
}
