// Inside-word matching and ranking: compounds found by their parts, across the German spellings,
// ranked whole word, then word start, then inside a word; short tokens only at word starts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../../common/search/fold';
import { bestKind, isWordCharAt, MATCH_INSIDE, MATCH_START, MATCH_WORD, rankOf } from '../../../common/search/match';
import { buildQuery, findHits, matchesAll } from '../../../common/search/query';

const rank = (text: string, query: string) => rankOf(fold(text), buildQuery(query).tokens);

describe('rankOf', () => {
  it('finds the parts of German compounds, in every spelling', () => {
    expect(rank('Das Bonitätssystem', 'system')).toBe(MATCH_INSIDE);
    expect(rank('Der Überwachungsstaat', 'staat')).toBe(MATCH_INSIDE);
    expect(rank('Der Überwachungsstaat', 'wachung')).toBe(MATCH_INSIDE);
    expect(rank('Der Überwachungsstaat', 'Ueberwachungsstaat')).toBe(MATCH_WORD);
    expect(rank('Der Überwachungsstaat', 'uberwach')).toBe(MATCH_START);
    expect(rank('die Fußgängerzone', 'gaengerzone')).toBe(MATCH_INSIDE);
    expect(rank('die Fussgängerzone', 'fußgänger')).toBe(MATCH_START);
    expect(rank('Straßenverkehr', 'ssenverk')).toBe(MATCH_INSIDE);
    expect(rank('GROSSSTADT', 'großstadt')).toBe(MATCH_WORD);
  });

  it('ranks whole word, then word start, then inside a word', () => {
    expect(rank('Der Staat', 'staat')).toBe(MATCH_WORD);
    expect(rank('Staatsfeind', 'staat')).toBe(MATCH_START);
    expect(rank('Wohlfahrtsstaat', 'staat')).toBe(MATCH_INSIDE);
    // The best occurrence counts: a whole word anywhere beats an earlier inside match.
    expect(rank('Wohlfahrtsstaat und Staat', 'staat')).toBe(MATCH_WORD);
  });

  it('ranks a text by its worst token', () => {
    expect(rank('Partei und Staat', 'partei staat')).toBe(MATCH_WORD);
    expect(rank('Parteien und Staat', 'partei staat')).toBe(MATCH_START);
    expect(rank('Partei und Überwachungsstaat', 'partei staat')).toBe(MATCH_INSIDE);
    expect(rank('Partei allein', 'partei staat')).toBeNull();
  });

  it('finds one- and two-letter tokens only at word starts', () => {
    expect(rank('Der Daten', 'da')).toBe(MATCH_START);
    expect(rank('Oder', 'de')).toBeNull();
    expect(rank('Oder', 'der')).toBe(MATCH_INSIDE);
    expect(rank('a b', 'b')).toBe(MATCH_WORD);
  });

  it('treats digits as word characters and punctuation as a boundary', () => {
    expect(rank('im Jahr 2014.', '014')).toBe(MATCH_INSIDE);
    expect(rank('«Staat»', 'staat')).toBe(MATCH_WORD);
    expect(rank('QR-Code', 'code')).toBe(MATCH_WORD);
  });

  it('sees astral letters as word characters', () => {
    const text = '𝐀bc';
    expect(isWordCharAt(text, 0)).toBe(true);
    expect(isWordCharAt(text, 1)).toBe(true);
    expect(bestKind(fold(text), 'bc')).toBeNull();
  });
});

describe('findHits marks inside-word hits', () => {
  it('marks the part of the compound in its original spelling', () => {
    const text = 'Das neue Bonitätssystem und der Überwachungsstaat.';
    const { ranges, rank: found } = findHits(text, buildQuery('system staat').tokens);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['system', 'staat']);
    expect(found).toBe(MATCH_INSIDE);
  });

  it('marks every occurrence, and ß whole', () => {
    const text = 'Straße, Hauptstraße';
    expect(findHits(text, buildQuery('strasse').tokens).ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Straße', 'straße']);
  });

  it('agrees with rankOf and matchesAll (property)', () => {
    const words = ['Überwachungsstaat', 'Staat', 'Bonitätssystem', 'System', 'Straße', 'Strasse', 'ß', 'ue', 'Ä', 'e', 'x1', '🙂', 'der', 'oder'];
    const text = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, text, (body, query) => {
        const tokens = buildQuery(query).tokens;
        const hits = findHits(body, tokens);
        expect(hits.rank).toBe(rankOf(fold(body), tokens));
        expect(hits.allFound).toBe(matchesAll(body, tokens));
        // Every token of three letters or more found anywhere in the folded text is found.
        if (tokens.length > 0 && tokens.every((t) => t.length >= 3)) expect(hits.allFound).toBe(tokens.every((t) => fold(body).includes(t)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildQuery', () => {
  it('gives the whole-word, word-start and trigram expressions', () => {
    expect(buildQuery('Staat de')).toEqual({ tokens: ['staat', 'de'], match: '"staat"* AND "de"*', whole: '"staat" AND "de"', inside: '"staat"', short: '"de"*' });
    expect(buildQuery('ab')).toMatchObject({ inside: null, short: '"ab"*' });
    // A token cut for MATCH is no longer a whole word.
    expect(buildQuery('a'.repeat(70)).whole).toBeNull();
  });
});
