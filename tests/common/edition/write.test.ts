// Writing edition data as YAML: what the writer produces must parse, without a problem, into the
// same edition the builder makes, or generated and imported documents would differ from what
// they were built from.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEdition, type EditionInput } from '../../../common/edition/build';
import type { Edition } from '../../../common/edition/model';
import { parseEdition } from '../../../common/edition/parse';
import { sentenceId } from '../../../common/edition/ids';
import { writeEdition } from '../../../common/edition/write';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/editions/${name}`, import.meta.url), 'utf8');

/** The plain data an edition was built from (the inverse of buildEdition). */
function inputOf(edition: Edition): EditionInput {
  return {
    id: edition.id,
    languages: edition.languages,
    ...(edition.languageTags ? { languageTags: edition.languageTags } : {}),
    title: edition.title,
    speakers: edition.speakers,
    chapters: edition.chapters.map((c) => ({ id: c.id, title: c.title, start: c.startSentenceId })),
    paragraphs: edition.paragraphs.map((p) => ({
      id: p.id,
      kind: p.kind,
      speakerId: p.speakerId,
      label: p.label,
      note: p.note,
      sentences: p.sentenceIds.map((id) => {
        const s = edition.sentences.find((x) => x.id === id)!;
        return { id: s.id, de: s.de, en: s.en, enWith: s.enWith };
      }),
    })),
  };
}

function parsed(source: string): Edition {
  const result = parseEdition(source, 'written.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return result.edition;
}

describe('writeEdition', () => {
  for (const name of ['valid-small.yaml', 'valid-german-only.yaml']) {
    it(`writes ${name} back into the same edition`, () => {
      const edition = parsed(fixture(name));
      expect(parsed(writeEdition(inputOf(edition)))).toEqual(edition);
    });
  }

  it('keeps the language of a text whose slot is named after another (a Russian text in de)', () => {
    const edition = parsed(fixture('valid-small.yaml'));
    const tagged = { ...inputOf(edition), languageTags: { de: 'ru', en: 'en-GB' } };
    const written = writeEdition(tagged);
    expect(written).toMatch(/^language_tags:\n  de: ru\n  en: en-GB$/m);
    expect(parsed(written)).toEqual(buildEdition(tagged));
    expect(parsed(written).languageTags).toEqual({ de: 'ru', en: 'en-GB' });
  });

  it('keeps text that YAML would otherwise read as something else', () => {
    const input: EditionInput = {
      id: 'tricky',
      title: { de: 'Ja: nein # kein Kommentar', en: 'yes' },
      speakers: [{ id: 'a', name: { de: 'null', en: 'true' }, role: 'narrator' }],
      chapters: [{ id: 'ch01', start: 's0001', title: { de: '1984', en: "'quoted'" } }],
      paragraphs: [
        { id: 'p0001', kind: 'turn', speakerId: 'a', label: '- A:', sentences: [{ id: 's0001', de: '«Es war 1984», sagte man: – ja.', en: '"It was", he said: no.' }, { id: 's0002', de: 'Über Maß & Straße', enWith: 's0001' }] },
        { id: 'p0002', kind: 'gap', speakerId: 'a', note: { de: '[…]', en: '[…]' }, sentences: [] },
        { id: 'p0003', kind: 'pullquote', sentences: [{ id: 's0003', de: '2024', en: '2,5' }] },
      ],
    };
    expect(parsed(writeEdition(input))).toEqual(buildEdition(input));
  });

  it('writes one sentence text per line, never folded', () => {
    const long = 'Überwachungsstaat '.repeat(40).trim();
    const source = writeEdition({ ...inputOf(parsed(fixture('valid-small.yaml'))), title: { de: long, en: 'x' } });
    expect(source.split('\n').some((line) => line.includes(long))).toBe(true);
  });
});

function roundTripOf(input: EditionInput) {
  const result = parseEdition(writeEdition(input), 'written.yaml');
  expect(result.ok ? [] : result.problems).toEqual([]);
  return result.ok ? result.edition : null;
}

const narrator = { id: 'narrator', name: { de: 'Erzählerin', en: 'Narrator' }, role: 'narrator' };

describe('writeEdition, any text', () => {
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
        const back = roundTripOf(input);
        expect(back?.sentences.map((s) => s.de)).toEqual(sentences);
        expect(back?.title.de).toBe(title);
      }),
      { numRuns: 200 },
    );
  });
});
