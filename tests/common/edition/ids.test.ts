// Generated ids: the parser's patterns, by position, and never renaming earlier text.
import { describe, expect, it } from 'vitest';
import { CHAPTER_ID, chapterId, PARAGRAPH_ID, paragraphId, SENTENCE_ID, sentenceId } from '../../../common/edition/ids';
import { parseEdition } from '../../../common/edition/parse';

describe('generated ids', () => {
  it('number by position from 1, zero-padded', () => {
    expect([0, 1, 41, 9998].map(sentenceId)).toEqual(['s0001', 's0002', 's0042', 's9999']);
    expect([0, 11].map(paragraphId)).toEqual(['p0001', 'p0012']);
    expect([0, 2, 98].map(chapterId)).toEqual(['ch01', 'ch03', 'ch99']);
  });

  it('grow past the padding instead of wrapping or renaming the ones before', () => {
    expect(sentenceId(9999)).toBe('s10000');
    expect(chapterId(99)).toBe('ch100');
    // The first ids of a long text are the same as those of a short one.
    expect(sentenceId(0)).toBe('s0001');
  });

  it('are unique over a book and match the patterns the parser accepts', () => {
    const sentences = Array.from({ length: 20_000 }, (_, i) => sentenceId(i));
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(sentences.every((id) => SENTENCE_ID.test(id))).toBe(true);
    expect(Array.from({ length: 200 }, (_, i) => paragraphId(i)).every((id) => PARAGRAPH_ID.test(id))).toBe(true);
    expect(Array.from({ length: 200 }, (_, i) => chapterId(i)).every((id) => CHAPTER_ID.test(id))).toBe(true);
  });

  it('are accepted by the parser in an edition file', () => {
    const source = [
      'id: imported',
      'languages: [de]',
      'title: { de: Import }',
      'speakers: {}',
      'chapters:',
      `  - { id: ${chapterId(0)}, start: ${sentenceId(0)}, title: { de: Eins } }`,
      'paragraphs:',
      `  - id: ${paragraphId(0)}`,
      '    kind: standfirst',
      '    sentences:',
      `      - { id: ${sentenceId(0)}, de: Erster Satz. }`,
      `      - { id: ${sentenceId(1)}, de: Zweiter Satz. }`,
    ].join('\n');
    const result = parseEdition(source, 'imported.yaml');
    expect(result.ok ? result.edition.sentences.map((s) => s.id) : result.problems).toEqual(['s0001', 's0002']);
  });

  it('refuse positions that are not whole numbers from 0', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => sentenceId(bad)).toThrow(RangeError);
    }
  });
});
