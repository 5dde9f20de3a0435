import { describe, expect, it } from 'vitest';
import { lineSentences, segmentText } from '../../../common/text/segment';

const shape = (s: { text: string; paragraph: number; chapter: number; heading: boolean }[]) =>
  s.map((x) => `${x.chapter}/${x.paragraph}${x.heading ? '#' : ''} ${x.text}`);

describe('segmentText', () => {
  it('numbers paragraphs (blank lines) and chapters (headings)', () => {
    const text = '# Eins\n\nErster Satz. Zweiter Satz.\nGleicher Absatz.\n\nNeuer Absatz.\n\n## Zwei\nDritter Teil.\n';
    expect(shape(segmentText(text, 'de'))).toEqual([
      '0/0# Eins',
      '0/1 Erster Satz.',
      '0/1 Zweiter Satz.',
      '0/1 Gleicher Absatz.',
      '0/2 Neuer Absatz.',
      '1/3# Zwei',
      '1/4 Dritter Teil.',
    ]);
  });

  it('takes each line for a paragraph when no blank line separates them', () => {
    expect(shape(segmentText('Eins. Zwei.\r\nDrei.\r\n', 'de'))).toEqual(['0/0 Eins.', '0/0 Zwei.', '0/1 Drei.']);
  });

  it('gives the text before the first heading chapter 0', () => {
    expect(shape(segmentText('Vorwort.\n\n# Kapitel\n\nText.', 'de'))).toEqual(['0/0 Vorwort.', '1/1# Kapitel', '1/2 Text.']);
  });
});

describe('lineSentences', () => {
  it('keeps each line as given, blank lines ending paragraphs', () => {
    expect(shape(lineSentences('Dr. No. Two sentences?\n\n\n# not a heading\nlast\n'))).toEqual([
      '0/0 Dr. No. Two sentences?',
      '0/1 # not a heading',
      '0/1 last',
    ]);
  });
});
