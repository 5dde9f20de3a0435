import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePlace } from '../../../common/a11y/where';
import { parseEdition } from '../../../common/edition/parse';

const file = resolve(import.meta.dirname, '../../fixtures/editions/valid-small.yaml');
const parsed = parseEdition(readFileSync(file, 'utf8'), file);
if (!parsed.ok) throw new Error('fixture does not parse');
const edition = parsed.edition;

describe('describePlace', () => {
  it('numbers the chapter and the sentence within it, with the sentence text in the narration language', () => {
    expect(describePlace(edition, 'de', 's004', 'ch01')).toEqual({
      chapterNumber: 1,
      chapterCount: 2,
      chapterTitle: 'Anfang',
      sentenceNumber: 4,
      sentenceCount: 5,
      sentenceText: 'Sehr viel.',
    });
  });

  it('counts only the sentences the English narration reads', () => {
    const place = describePlace(edition, 'en', 's004', 'ch01')!;
    const carriers = edition.chapters[0]!.sentenceIds.filter((id) => edition.sentences.find((s) => s.id === id)!.en !== '');
    expect(place.sentenceCount).toBe(carriers.length);
    expect(place.chapterTitle).toBe('Beginning');
    expect(place.sentenceText).toBe('A great deal, and all of it surprising.');
  });

  it('falls back to the chapter between sentences, and to nothing without a chapter', () => {
    expect(describePlace(edition, 'de', null, 'ch02')).toMatchObject({ chapterNumber: 2, sentenceNumber: null, sentenceText: null });
    expect(describePlace(edition, 'de', null, null)).toBeNull();
  });
});
