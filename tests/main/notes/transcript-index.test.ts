// The transcript index: German and English sentences searched inside words as well as at their
// start, folded as notes are, ranked and in reading order within a rank, with the hits marked;
// and on a generated book, exactly what a plain scan of every sentence finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../../common/edition/build';
import { fold } from '../../../common/search/fold';
import { rankOf } from '../../../common/search/match';
import { buildQuery } from '../../../common/search/query';
import { generateText } from '../../../main/library/generate/edition';
import { seededRandom } from '../../../main/library/generate/random';
import { buildTranscriptIndex } from '../../../main/notes/transcript-index';

const edition = buildEdition({
  id: 'doc',
  title: { de: 'Titel', en: 'Title' },
  speakers: [],
  chapters: [{ id: 'ch01', start: 's1', title: { de: 'Eins', en: 'One' } }],
  paragraphs: [
    {
      id: 'p1',
      kind: 'standfirst',
      sentences: [
        { id: 's1', de: 'Der Überwachungsstaat wächst.', en: 'The surveillance state grows.' },
        { id: 's2', de: 'Staatsbesuch in Peking.', en: 'A state visit to Beijing.' },
        { id: 's3', de: 'Der Staat sieht alles.', enWith: 's2' },
        { id: 's4', de: 'Das Bonitätssystem und die Strasse.', en: 'The credit system and the street.' },
      ],
    },
  ],
});

const search = (query: string, limit = 50) => buildTranscriptIndex(edition).search(buildQuery(query), limit);
const where = (query: string, limit?: number) => search(query, limit).hits.map((h) => `${h.sentenceId}/${h.lang}`);

describe('the transcript index', () => {
  it('ranks whole words, then word starts, then inside words, in reading order within each', () => {
    expect(where('staat')).toEqual(['s3/de', 's2/de', 's1/de']);
    expect(where('state')).toEqual(['s1/en', 's2/en']);
    expect(where('system')).toEqual(['s4/en', 's4/de']);
  });

  it('folds as notes do: umlauts, ue, ß and ss', () => {
    for (const query of ['Überwachungsstaat', 'ueberwachungsstaat', 'UBERWACHUNGSSTAAT', 'wachungs']) expect(where(query), query).toEqual(['s1/de']);
    expect(where('Straße')).toEqual(['s4/de']);
    expect(where('bonitaets')).toEqual(['s4/de']);
  });

  it('marks the hit in the original spelling, inside the word', () => {
    const [hit] = search('ueberwachungs').hits;
    expect(hit!.ranges.map(([s, e]) => hit!.text.slice(s, e))).toEqual(['Überwachungs']);
    const [inside] = search('itatssys').hits;
    expect(inside!.ranges.map(([s, e]) => inside!.text.slice(s, e))).toEqual(['itätssys']);
  });

  it('needs every token; short tokens only at word starts', () => {
    expect(where('staat peking')).toEqual(['s2/de']);
    expect(where('staat nirgends')).toEqual([]);
    // Reading order: each sentence's German, then its English.
    expect(where('st')).toEqual(['s1/en', 's2/de', 's2/en', 's3/de', 's4/de', 's4/en']);
    expect(where('aa')).toEqual([]);
    expect(where('')).toEqual([]);
  });

  it('keeps the best ranks for the page and says there is more', () => {
    expect(search('staat', 2)).toMatchObject({ more: true });
    expect(where('staat', 2)).toEqual(['s3/de', 's2/de']);
    expect(search('staat', 3).more).toBe(false);
  });

  it('on a generated book, finds exactly what a scan of every sentence finds, in rank order (property)', () => {
    const book = buildEdition(generateText({ id: 'book', title: 'Buch', words: 5000, chapters: 5 }, seededRandom('index')).input);
    const index = buildTranscriptIndex(book);
    const rows = book.sentences.flatMap((s) => [
      { key: `${s.id}/de`, folded: fold(s.de) },
      ...(s.en !== '' ? [{ key: `${s.id}/en`, folded: fold(s.en) }] : []),
    ]);
    const pieces = ['staat', 'system', 'überwachung', 'ung', 'der', 'die', 'st', 'ß', 'strasse', 'größe', 'the', 'state', 'ä', 'xyz', '2014', 'chen'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 3 }), (parts) => {
        const query = buildQuery(parts.join(' '));
        const expected = rows
          .map((row) => ({ key: row.key, rank: rankOf(row.folded, query.tokens) }))
          .filter((row) => row.rank !== null)
          .sort((a, b) => a.rank! - b.rank!)
          .map((row) => row.key);
        const result = index.search(query, 100_000);
        expect(result.hits.map((h) => `${h.sentenceId}/${h.lang}`)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
