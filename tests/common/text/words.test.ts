import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, splitWords } from '../../../common/text/words';

const texts = (s: string): string[] => splitWords(s).map((w) => w.text);

describe('splitWords', () => {
  it('splits on spaces and punctuation, leaving punctuation and «» out', () => {
    expect(texts('Ja, ich denke, das stimmt.')).toEqual(['Ja', 'ich', 'denke', 'das', 'stimmt']);
    expect(texts('«Big Data ist für uns ein Geschenk der Geschichte!»')).toEqual([
      'Big', 'Data', 'ist', 'für', 'uns', 'ein', 'Geschenk', 'der', 'Geschichte',
    ]);
    expect(texts('Klein, gross, weit, eng – Sie können')).toEqual(['Klein', 'gross', 'weit', 'eng', 'Sie', 'können']);
  });

  it('keeps inner hyphens and apostrophes, not outer ones', () => {
    expect(texts('als QR-Code auf die Klinge')).toEqual(['als', 'QR-Code', 'auf', 'die', 'Klinge']);
    expect(texts('zum US-Präsidenten')).toEqual(['zum', 'US-Präsidenten']);
    expect(texts('Bewegungs- und Ganganalyse')).toEqual(['Bewegungs', 'und', 'Ganganalyse']);
    expect(texts('the CCP’s instruments, don\'t')).toEqual(['the', 'CCP’s', 'instruments', "don't"]);
    expect(texts('-Anfang- und Ende-')).toEqual(['Anfang', 'und', 'Ende']);
  });

  it('reads numbers whole: years, decimals, and ordinals with their point', () => {
    expect(texts('im Roman «1984» schildert')).toEqual(['im', 'Roman', '1984', 'schildert']);
    expect(texts('2,5 Sekunden und 1.000 Menschen')).toEqual(['2,5', 'Sekunden', 'und', '1.000', 'Menschen']);
    expect(texts('aus dem 19. Jahrhundert')).toEqual(['aus', 'dem', '19.', 'Jahrhundert']);
    // A point at the end of the text ends the sentence; it is not an ordinal's.
    expect(texts('Ab 2020.')).toEqual(['Ab', '2020']);
    expect(texts('the 19th-century idea')).toEqual(['the', '19th-century', 'idea']);
  });

  it('gives offsets into the text, also after characters outside the BMP', () => {
    const text = 'Ein 😀 Lächeln, «gut».';
    for (const w of splitWords(text)) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(texts(text)).toEqual(['Ein', 'Lächeln', 'gut']);
  });

  it('counts words', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' – … ')).toBe(0);
    expect(countWords('Das ist das Panoptikum.')).toBe(4);
  });

  it('always returns ordered spans of letters and digits that cover every letter and digit', () => {
    const alphabet = fc.constantFrom(...'aäZ19 ,.-’\'«»–?!\n'.split(''), 'ß', '😀', 'é');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), (text) => {
        const words = splitWords(text);
        let previousEnd = 0;
        const covered = new Array<boolean>(text.length).fill(false);
        for (const w of words) {
          expect(w.start).toBeGreaterThanOrEqual(previousEnd);
          expect(w.end).toBeGreaterThan(w.start);
          expect(text.slice(w.start, w.end)).toBe(w.text);
          expect(/^[\p{L}\p{N}]/u.test(w.text)).toBe(true);
          expect(/[\p{L}\p{N}.]$/u.test(w.text)).toBe(true);
          for (let i = w.start; i < w.end; i++) covered[i] = true;
          previousEnd = w.end;
        }
        for (let i = 0; i < text.length; i++) {
          if (/[\p{L}\p{N}]/u.test(text[i]!)) expect(covered[i]).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
