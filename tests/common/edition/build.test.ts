// Building the model from plain data, as an importer will, without YAML.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEdition, type EditionInput } from '../../../common/edition/build';
import { chapterId, paragraphId, sentenceId } from '../../../common/edition/ids';
import { parseEdition } from '../../../common/edition/parse';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/editions/${name}`, import.meta.url), 'utf8');

// The data of tests/fixtures/editions/valid-small.yaml, written as an importer would hand it over.
const small: EditionInput = {
  id: 'small-interview',
  title: { de: 'Kleines Gespräch', en: 'A Small Conversation' },
  speakers: [
    { id: 'interviewer', name: { de: 'Die Zeitung', en: 'The Newspaper' }, role: 'interviewer' },
    { id: 'mueller', name: { de: 'Anna Müller', en: 'Anna Müller' }, role: 'interviewee' },
  ],
  chapters: [
    { id: 'ch01', start: 's001', title: { de: 'Anfang', en: 'Beginning' } },
    { id: 'ch02', start: 's006', title: { de: 'Schluss', en: 'End' } },
  ],
  paragraphs: [
    { id: 'p001', kind: 'title', sentences: [{ id: 's001', de: 'Kleines Gespräch', en: 'A Small Conversation' }] },
    { id: 'p002', kind: 'standfirst', sentences: [{ id: 's002', de: 'Eine Forscherin erklärt, was sie gesehen hat.', en: 'A researcher explains what she has seen.' }] },
    { id: 'p003', kind: 'turn', speakerId: 'interviewer', label: 'Die Zeitung:', sentences: [{ id: 's003', de: 'Was haben Sie gesehen?', en: 'What did you see?' }] },
    {
      id: 'p004',
      kind: 'turn',
      speakerId: 'mueller',
      label: 'Anna Müller:',
      sentences: [
        { id: 's004', de: 'Sehr viel.', en: 'A great deal, and all of it surprising.' },
        { id: 's005', de: 'Alles war überraschend.', enWith: 's004' },
      ],
    },
    { id: 'p005', kind: 'gap', speakerId: 'interviewer', note: { de: '[Frage fehlt]', en: '[question missing]' }, sentences: [] },
    {
      id: 'p006',
      kind: 'turn',
      speakerId: 'mueller',
      sentences: [
        { id: 's006', de: '«Es war 1984», sagte man mir.', en: '“It was 1984,” I was told.' },
        { id: 's010', de: '2024', en: '2024' },
      ],
    },
    { id: 'p007', kind: 'pullquote', speakerId: 'mueller', sentences: [{ id: 's007', de: 'Sehr viel.', en: 'A great deal.' }] },
    { id: 'p008', kind: 'pullquote', sentences: [{ id: 's008', de: 'Ende', en: 'The End' }] },
  ],
};

describe('buildEdition', () => {
  it('builds from plain data exactly the model the parser builds from the same edition file', () => {
    const parsed = parseEdition(fixture('valid-small.yaml'), 'valid-small.yaml');
    expect(parsed.ok).toBe(true);
    expect({ ok: true, edition: buildEdition(small) }).toEqual(parsed);
  });

  it('derives positions, chapters of paragraphs (a gap joins the running chapter) and chapter sentences', () => {
    const edition = buildEdition(small);
    expect(edition.chapters.map((c) => c.sentenceIds)).toEqual([
      ['s001', 's002', 's003', 's004', 's005'],
      ['s006', 's010', 's007', 's008'],
    ]);
    expect(edition.paragraphs.map((p) => [p.id, p.index, p.chapterId])).toEqual([
      ['p001', 0, 'ch01'], ['p002', 1, 'ch01'], ['p003', 2, 'ch01'], ['p004', 3, 'ch01'],
      ['p005', 4, 'ch01'], ['p006', 5, 'ch02'], ['p007', 6, 'ch02'], ['p008', 7, 'ch02'],
    ]);
    expect(edition.sentences.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(edition.sentences.find((s) => s.id === 's005')).toMatchObject({ en: '', enWith: 's004', speakerId: 'mueller', paragraphId: 'p004' });
  });

  it('builds a German-only edition from segmented text with generated ids', () => {
    const paragraphs = [['Erster Satz.', 'Zweiter Satz.'], ['Dritter Satz.']];
    let n = 0;
    const edition = buildEdition({
      id: 'import',
      languages: ['de'],
      title: { de: 'Import', en: '' },
      speakers: [],
      chapters: [{ id: chapterId(0), start: sentenceId(0), title: { de: 'Eins', en: '' } }],
      paragraphs: paragraphs.map((texts, p) => ({ id: paragraphId(p), kind: 'standfirst', sentences: texts.map((de) => ({ id: sentenceId(n++), de })) })),
    });
    expect(edition.languages).toEqual(['de']);
    expect(edition.chapters[0]?.sentenceIds).toEqual(['s0001', 's0002', 's0003']);
    expect(edition.sentences.map((s) => [s.id, s.paragraphId, s.de, s.en, s.enWith])).toEqual([
      ['s0001', 'p0001', 'Erster Satz.', '', null],
      ['s0002', 'p0001', 'Zweiter Satz.', '', null],
      ['s0003', 'p0002', 'Dritter Satz.', '', null],
    ]);
  });

  it('keeps no English in a German-only edition, whatever the data holds, and orders languages as LANGS', () => {
    const german = buildEdition({ ...small, languages: ['de'] });
    expect(german.title.en).toBe('');
    expect(german.sentences.every((s) => s.en === '' && s.enWith === null)).toBe(true);
    expect(german.speakers.every((s) => s.name.en === '')).toBe(true);
    expect(buildEdition({ ...small, languages: ['en', 'de'] }).languages).toEqual(['de', 'en']);
  });

  it('does not share its objects with the input, so a caller changing its data later cannot change the model', () => {
    const input = structuredClone(small);
    const edition = buildEdition(input);
    input.title.de = 'geändert';
    (input.speakers[0] as { name: { de: string } }).name.de = 'geändert';
    expect(edition.title.de).toBe('Kleines Gespräch');
    expect(edition.speakers[0]?.name.de).toBe('Die Zeitung');
  });

  it('refuses data that cannot form an edition instead of misfiling text', () => {
    expect(() => buildEdition({ ...small, chapters: [] })).toThrow('it has no chapters');
    expect(() => buildEdition({ ...small, chapters: [{ ...small.chapters[0]!, start: 's999' }] })).toThrow('unknown sentence s999');
    expect(() => buildEdition({ ...small, chapters: [small.chapters[0]!, { ...small.chapters[1]!, start: 's005' }] })).toThrow('inside a paragraph');
    expect(() => buildEdition({ ...small, chapters: [small.chapters[1]!] })).toThrow('does not start at the first sentence s001');
    const twice = { ...small, paragraphs: [...small.paragraphs, { id: 'p009', kind: 'title' as const, sentences: [{ id: 's001', de: 'x', en: 'x' }] }] };
    expect(() => buildEdition(twice)).toThrow('duplicate sentence id s001');
    expect(() => buildEdition({ ...small, languages: ['en'] })).toThrow('must include de');
  });
});
