// An edition written as YAML reads back as the same edition: for a German-only import, for a
// bilingual one with a shared English, and for texts YAML would otherwise misread (colons, quotes,
// "yes", leading dashes, numbers, hashes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEdition, type EditionInput } from '../../../common/edition/build';
import { chapterId, paragraphId, sentenceId } from '../../../common/edition/ids';
import { parseEdition } from '../../../common/edition/parse';
import { editionToYaml } from '../../../common/edition/serialize';

function roundTrip(input: EditionInput) {
  const result = parseEdition(editionToYaml(input), 'written.yaml');
  expect(result.ok ? [] : result.problems).toEqual([]);
  return result.ok ? result.edition : null;
}

const narrator = { id: 'narrator', name: { de: 'Erzählerin', en: 'Narrator' }, role: 'narrator' };

describe('editionToYaml', () => {
  it('writes a German-only edition the parser reads back as the same edition', () => {
    const input: EditionInput = {
      id: 'mein-text',
      languages: ['de'],
      title: { de: 'Mein Text: ein Versuch', en: '' },
      speakers: [{ ...narrator, name: { de: 'Erzählerin', en: '' } }],
      chapters: [
        { id: chapterId(0), start: sentenceId(0), title: { de: 'Anfang', en: '' } },
        { id: chapterId(1), start: sentenceId(2), title: { de: '# Zweiter Teil', en: '' } },
      ],
      paragraphs: [
        { id: paragraphId(0), kind: 'turn', speakerId: 'narrator', sentences: [{ id: sentenceId(0), de: 'Ja.' }, { id: sentenceId(1), de: '- Nein: "vielleicht".' }] },
        { id: paragraphId(1), kind: 'turn', speakerId: 'narrator', sentences: [{ id: sentenceId(2), de: '3. Oktober 1990' }] },
      ],
    };
    expect(roundTrip(input)).toEqual(buildEdition(input));
  });

  it('writes a bilingual edition with a shared English', () => {
    const input: EditionInput = {
      id: 'zwei-sprachen',
      title: { de: 'Zwei Sprachen', en: 'Two languages' },
      speakers: [narrator],
      chapters: [{ id: 'ch01', start: 's0001', title: { de: 'Eins', en: 'One' } }],
      paragraphs: [
        {
          id: 'p0001',
          kind: 'turn',
          speakerId: 'narrator',
          sentences: [
            { id: 's0001', de: 'Erstens.', en: 'First, and second.' },
            { id: 's0002', de: 'Zweitens.', enWith: 's0001' },
          ],
        },
      ],
    };
    expect(roundTrip(input)).toEqual(buildEdition(input));
  });

  it('keeps any text exactly, whatever YAML would make of it', () => {
    const text = fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() === s && s.trim() !== '' && !/[\s]{2,}|[\t\n\r\f\v]/.test(s));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), text, (sentences, title) => {
        const input: EditionInput = {
          id: 'beliebig',
          languages: ['de'],
          title: { de: title, en: '' },
          speakers: [{ ...narrator, name: { de: 'Erzählerin', en: '' } }],
          chapters: [{ id: 'ch01', start: 's0001', title: { de: title, en: '' } }],
          paragraphs: [{ id: 'p0001', kind: 'turn', speakerId: 'narrator', sentences: sentences.map((de, i) => ({ id: sentenceId(i), de })) }],
        };
        const back = roundTrip(input);
        expect(back?.sentences.map((s) => s.de)).toEqual(sentences);
        expect(back?.title.de).toBe(title);
      }),
      { numRuns: 200 },
    );
  });
});
