import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignSentences, type Alignment } from '../../../common/parallel/align';
import { segmentText } from '../../../common/text/segment';
import { ENGLISH, GERMAN, GREEK, plain, RUSSIAN } from './texts';

/** Pairs as "a>b" strings ("1,2>1", "3>"), easy to read in a failure. */
function shape(result: Alignment): string[] {
  return result.pairs.map((p) => `${p.a.join(',')}>${p.b.join(',')}`);
}

function align(a: readonly string[], b: readonly string[], langA = 'de', langB = 'en'): Alignment {
  return alignSentences(segmentText(plain(a), langA), segmentText(plain(b), langB));
}

const identity = (n: number): string[] => Array.from({ length: n }, (_, k) => `${k}>${k}`);

describe('alignSentences', () => {
  it('pairs a faithful translation one to one, confidently', () => {
    const result = align(GERMAN, ENGLISH);
    expect(shape(result)).toEqual(identity(16));
    expect(result.uncertain).toEqual([]);
  });

  it('finds a 1-2 pair: one German sentence, two English', () => {
    const german = [...GERMAN];
    german[1] = 'Im November 1989 fiel in Berlin die Mauer, und niemand hatte an diesem Abend damit gerechnet. Tausende Menschen strömten über die Grenze.';
    expect(shape(align(german, ENGLISH))).toEqual(['0>0', '1>1,2', ...identity(16).slice(3).map((p) => p.replace(/^(\d+)/, (k) => String(Number(k) - 1)))]);
  });

  it('finds a 2-1 pair: two German sentences, one English', () => {
    const english = [...ENGLISH];
    english[4] = 'On 3 October 1990 Germany was reunified. Helmut Kohl spoke of flourishing landscapes, and many believed him.';
    const result = shape(align(GERMAN, english));
    expect(result.slice(0, 8)).toEqual(identity(8));
    expect(result[8]).toBe('8,9>8');
    expect(result[9]).toBe('10>9');
    expect(result).toHaveLength(15);
  });

  it('leaves a German sentence without translation unpaired (1-0)', () => {
    const english = [...ENGLISH];
    english[4] = 'On 3 October 1990 Germany was reunified. Many believed him.';
    const result = shape(align(GERMAN, english));
    expect(result).toEqual([...identity(8), '8>', '9>8', '10>9', '11>10', '12>11', '13>12', '14>13', '15>14']);
  });

  it('marks the pairs uncertain where lengths cannot tell which sentence is missing', () => {
    // "Niemand hatte an diesem Abend damit gerechnet." and "Tausende Menschen strömten über die
    // Grenze." are as long as each other and share nothing with the English: either could be the
    // one left out. The aligner cannot know; it must say so.
    const english = [...ENGLISH];
    english[1] = 'In November 1989 the Wall fell in Berlin. Thousands of people streamed across the border.';
    const result = align(GERMAN, english);
    const doubtful = result.uncertain.map((k) => result.pairs[k]!.a.join(','));
    expect(doubtful).toEqual(expect.arrayContaining(['2', '3']));
    expect(result.uncertain.length).toBeLessThanOrEqual(4);
  });

  it('leaves an added English sentence unpaired (0-1)', () => {
    const english = [...ENGLISH];
    english[5] = 'The costs were enormous: more than 2 trillion euros flowed to the East. The figure is an estimate by the translator.';
    const result = shape(align(GERMAN, english));
    expect(result.slice(0, 11)).toEqual(identity(11));
    expect(result[11]).toBe('>11');
    expect(result[12]).toBe('11>12');
  });

  it('leaves a chapter missing from the translation unpaired, and pairs what follows', () => {
    const english = ENGLISH.filter((_, k) => k < 3 || k > 5);
    const result = shape(align(GERMAN, english));
    expect(result).toEqual([...identity(6), '6>', '7>', '8>', '9>', '10>', '11>6', '12>7', '13>8', '14>9', '15>10']);
  });

  it('pairs German with Russian (Cyrillic)', () => {
    const result = align(GERMAN, RUSSIAN, 'de', 'ru');
    expect(shape(result)).toEqual(identity(16));
  });

  it('pairs German with Greek, whose question mark is ";"', () => {
    const result = align(GERMAN, GREEK, 'de', 'el');
    expect(shape(result)).toEqual(identity(16));
  });

  it('lets numbers decide where a gap is when the lengths cannot', () => {
    const result = alignSentences(
      segmentText('Es kamen 12 Leute. Es kamen 45 Leute. Es kamen 78 Leute. Es kamen 93 Leute.', 'de'),
      segmentText('There came 12 people. There came 45 people. There came 93 people.', 'en'),
    );
    expect(shape(result)).toEqual(['0>0', '1>1', '2>', '3>2']);
  });

  it('widens the band when the translation lacks a long opening passage', () => {
    // 120 numbered sentences; the translation starts at the 61st, far off the diagonal.
    const de = Array.from({ length: 120 }, (_, k) => ({ text: `Satz Nummer ${k + 1} steht hier im Text.`, paragraph: k, chapter: 0 }));
    const en = de.slice(60).map((u, k) => ({ text: `Sentence number ${k + 61} stands here.`, paragraph: k, chapter: 0 }));
    const result = alignSentences(de, en, { initialBand: 8 });
    expect(result.band.halfWidth).toBeGreaterThan(8);
    expect(shape(result)).toEqual([...Array.from({ length: 60 }, (_, k) => `${k}>`), ...Array.from({ length: 60 }, (_, k) => `${k + 60}>${k}`)]);
  });

  it('reports progress in both stages, ending at 1', () => {
    const seen: string[] = [];
    align(GERMAN, ENGLISH).pairs; // warm: the segmenter is not what is measured
    alignSentences(segmentText(plain(GERMAN), 'de'), segmentText(plain(ENGLISH), 'en'), {
      onProgress: ({ stage, fraction }) => {
        expect(fraction).toBeGreaterThanOrEqual(0);
        expect(fraction).toBeLessThanOrEqual(1);
        seen.push(`${stage}:${fraction}`);
      },
    });
    expect(seen).toContain('pairing:1');
    expect(seen.at(-1)).toBe('confidence:1');
  });

  it('handles an empty side', () => {
    const units = segmentText('Eins. Zwei.', 'de');
    expect(shape(alignSentences(units, []))).toEqual(['0>', '1>']);
    expect(shape(alignSentences([], units))).toEqual(['>0', '>1']);
    expect(alignSentences([], []).pairs).toEqual([]);
  });

  it('covers every sentence of both sides once, in order, whatever the texts', () => {
    const sentence = fc.string({ minLength: 1, maxLength: 60 }).map((s) => `${s.replace(/\s+/g, ' ')}x.`);
    const side = fc.array(fc.tuple(sentence, fc.nat(3)), { maxLength: 30 }).map((items) => {
      let paragraph = 0;
      return items.map(([text, step]) => ({ text, paragraph: (paragraph += step === 0 ? 1 : 0), chapter: 0 }));
    });
    fc.assert(
      fc.property(side, side, (a, b) => {
        const { pairs } = alignSentences(a, b);
        expect(pairs.flatMap((p) => p.a)).toEqual(a.map((_, i) => i));
        expect(pairs.flatMap((p) => p.b)).toEqual(b.map((_, j) => j));
        for (const p of pairs) {
          expect(p.a.length + p.b.length).toBeGreaterThan(0);
          expect(p.confidence).toBeGreaterThanOrEqual(0);
          expect(p.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
