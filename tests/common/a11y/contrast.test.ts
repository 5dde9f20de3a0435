import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestTextOn, contrastRatio, formatRatio, isHexColor, mix, parseHex, relativeLuminance, tintKeepingContrast, toHex } from '../../../common/a11y/contrast';

describe('contrast', () => {
  it('gives the WCAG luminance of black, white and the primaries', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 4);
    expect(relativeLuminance('#00ff00')).toBeCloseTo(0.7152, 4);
    expect(relativeLuminance('#0000ff')).toBeCloseTo(0.0722, 4);
  });

  it('matches known ratios (WebAIM checker values)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#595959', '#ffffff')).toBeCloseTo(7.0, 1);
    expect(contrastRatio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
    expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.48, 2);
  });

  it('is symmetric and between 1 and 21', () => {
    const color = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map(([r, g, b]) => toHex({ r, g, b }));
    fc.assert(
      fc.property(color, color, (a, b) => {
        const ratio = contrastRatio(a, b);
        expect(ratio).toBeGreaterThanOrEqual(1);
        expect(ratio).toBeLessThanOrEqual(21 + 1e-9);
        expect(contrastRatio(b, a)).toBe(ratio);
      }),
    );
  });

  it('reads and writes hex colours, and refuses other strings', () => {
    expect(parseHex('#1F5fa8')).toEqual({ r: 31, g: 95, b: 168 });
    expect(parseHex('#abc')).toEqual({ r: 170, g: 187, b: 204 });
    expect(toHex({ r: 31, g: 95, b: 168 })).toBe('#1f5fa8');
    expect(isHexColor('#12345g')).toBe(false);
    expect(isHexColor('red')).toBe(false);
    expect(() => parseHex('rgb(0,0,0)')).toThrow(/not a colour/);
  });

  it('writes ratios rounded down, so a ratio just short of 7 never reads "7:1"', () => {
    expect(formatRatio(21)).toBe('21:1');
    expect(formatRatio(6.97)).toBe('6.9:1');
    expect(formatRatio(4.5)).toBe('4.5:1');
    expect(formatRatio(3)).toBe('3:1');
  });

  it('mixes colours and picks black or white text', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#102030', '#ffffff', 0)).toBe('#102030');
    expect(bestTextOn('#ffdd00')).toBe('#000000');
    expect(bestTextOn('#174f8f')).toBe('#ffffff');
  });

  it('tints a background only as far as the text keeps its contrast', () => {
    const tint = tintKeepingContrast('#ffffff', '#ff0000', '#000000', 7, 0.9);
    expect(contrastRatio('#000000', tint)).toBeGreaterThanOrEqual(7);
    // One step further would fall below 7:1 (or the limit was reached).
    expect(tint).not.toBe('#ffffff');
    // Impossible: white text on a near-white page never reaches 7:1, so no tint.
    expect(tintKeepingContrast('#ffffff', '#ff0000', '#eeeeee', 7)).toBe('#ffffff');
  });
});
