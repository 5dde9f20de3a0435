// Colour contrast as WCAG 2.x defines it: relative luminance of sRGB colours and the ratio
// (L1 + 0.05) / (L2 + 0.05), from 1:1 to 21:1. Pure functions on "#rrggbb" strings, used by the
// theme palettes' test, the settings' colour checks, and the highlight colours derived from them.

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const HEX = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

export function isHexColor(value: string): boolean {
  return HEX.test(value);
}

/** "#rrggbb" or "#rgb" → 0..255 channels. Throws on anything else (palettes are data we write). */
export function parseHex(hex: string): Rgb {
  const match = HEX.exec(hex);
  if (!match) throw new Error(`not a colour: ${hex}`);
  let digits = match[1]!;
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  return {
    r: parseInt(digits.slice(0, 2), 16),
    g: parseInt(digits.slice(2, 4), 16),
    b: parseInt(digits.slice(4, 6), 16),
  };
}

export function toHex({ r, g, b }: Rgb): string {
  const part = (v: number) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(color: string): number {
  const { r, g, b } = parseHex(color);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours, 1 to 21 (order does not matter). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

/** A ratio as people read it: 4.5 → "4.5:1", 21 → "21:1" (rounded down, so "7:1" is never a 6.97). */
export function formatRatio(ratio: number): string {
  const floored = Math.floor(ratio * 10) / 10;
  return `${Number.isInteger(floored) ? floored.toFixed(0) : floored.toFixed(1)}:1`;
}

/** The WCAG thresholds this app checks against. */
export const CONTRAST = {
  /** AAA, normal text (1.4.6). */
  textAAA: 7,
  /** AA, normal text (1.4.3). */
  textAA: 4.5,
  /** Non-text contrast: control boundaries, focus indicators, highlight marks (1.4.11). */
  nonText: 3,
} as const;

/** `amount` of `over` mixed into `base` (0 → base, 1 → over), in sRGB as CSS color-mix does. */
export function mix(base: string, over: string, amount: number): string {
  const a = parseHex(base);
  const b = parseHex(over);
  const t = Math.min(1, Math.max(0, amount));
  return toHex({ r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t });
}

/** Black or white, whichever reads better on `background`. */
export function bestTextOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio('#000000', background) >= contrastRatio('#ffffff', background) ? '#000000' : '#ffffff';
}

/**
 * The strongest tint of `color` over `background` (at most `maxAmount`) on which `text` keeps at
 * least `minRatio`: for a sentence highlight that colours the background without costing the text
 * its contrast. Returns the background itself when no tint is possible.
 */
export function tintKeepingContrast(background: string, color: string, text: string, minRatio: number, maxAmount = 0.35): string {
  let best = background;
  // 1% steps: the ratio is monotonic in the amount for a tint towards one colour only when the
  // colours are ordered, so test each step rather than bisect.
  for (let step = 1; step <= Math.round(maxAmount * 100); step++) {
    const candidate = mix(background, color, step / 100);
    if (contrastRatio(text, candidate) >= minRatio) best = candidate;
    else break;
  }
  return best;
}
