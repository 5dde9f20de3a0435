import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldWithMap, tokens } from '../../../common/search/fold';
import { buildQuery, findHits, makeSnippet, matchesAll, MAX_MATCH_TOKENS } from '../../../common/search/query';

describe('fold', () => {
  it('meets umlauts, their plain and their transliterated forms', () => {
    expect(fold('Überwachung')).toBe('uberwachung');
    expect(fold('Ueberwachung')).toBe('uberwachung');
    expect(fold('Uberwachung')).toBe('uberwachung');
    expect(fold('ÜBERWACHUNG')).toBe('uberwachung');
    expect(fold('Bonitätssystem')).toBe(fold('Bonitaetssystem'));
    expect(fold('Bonitätssystem')).toBe(fold('Bonitatssystem'));
    expect(fold('schön')).toBe(fold('schoen'));
  });

  it('folds ß and ẞ to ss both ways', () => {
    expect(fold('Straße')).toBe('strasse');
    expect(fold('Strasse')).toBe('strasse');
    expect(fold('STRAẞE')).toBe('strasse');
  });

  it('treats NFC and NFD alike', () => {
    const nfc = 'Überwachungsstaat Bonitätssystem'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(fold(nfd)).toBe(fold(nfc));
  });

  it('folds words without umlauts the same way on both sides', () => {
    // "Feuer" → "feur", "Frauen" → "fraun": odd, but the query folds identically, so they still match.
    expect(fold('Feuer')).toBe(fold('FEUER'));
    expect(fold('Frauen')).toBe('fraun');
    expect(fold('Quartier')).toBe('quartier');
    expect(matchesAll('Feuer und Flamme', buildQuery('feuer').tokens)).toBe(true);
    expect(matchesAll('Frauen sich wieder', buildQuery('Frauen').tokens)).toBe(true);
    expect(matchesAll('Quelle', buildQuery('Quel').tokens)).toBe(true);
  });

  it('folds compatibility forms (ligatures, full-width letters)', () => {
    expect(fold('ﬁnden')).toBe('finden');
    expect(fold('ＡＢＣ')).toBe('abc');
  });

  it('maps every folded character back to the original', () => {
    const text = 'Die Straße, Ueberwachung und Ü\u0308ber 🙂 Ende';
    const { folded, map } = foldWithMap(text);
    expect(map).toHaveLength(folded.length + 1);
    expect(map[folded.length]).toBe(text.length);
    for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
  });

  it('takes the ASCII fast path to the same answer as the full fold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 60 }), (text) => {
        expect(fold(text)).toBe(foldWithMap(text).folded);
      }),
      { numRuns: 500 },
    );
  });

  it('gives NFC and NFD spellings of any text the same fold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(fold(text.normalize('NFD'))).toBe(fold(text.normalize('NFC')));
      }),
      { numRuns: 300 },
    );
  });
});

describe('buildQuery', () => {
  it('quotes each token as a prefix term and ANDs them', () => {
    expect(buildQuery('Überwachung Staat').match).toBe('"uberwachung"* AND "staat"*');
  });

  it('turns FTS syntax into plain words or nothing', () => {
    for (const raw of ['"', 'AND', 'OR NOT', '*', '^', '(', '-', ':', 'a:b', 'NEAR(a b)', '🙂', '', '   ', '""*^()-:']) {
      const query = buildQuery(raw);
      if (query.match !== null) expect(query.match).toMatch(/^"[\p{L}\p{N}\p{Co}]+"\*( AND "[\p{L}\p{N}\p{Co}]+"\*)*$/u);
    }
    expect(buildQuery('🙂 "*^(-:').match).toBeNull();
    expect(buildQuery('AND').match).toBe('"and"*');
  });

  it('keeps a 10,000-character query bounded', () => {
    const huge = Array.from({ length: 2000 }, (_, i) => `wort${i}`).join(' ').slice(0, 10_000);
    const query = buildQuery(huge);
    expect(query.match!.split(' AND ')).toHaveLength(MAX_MATCH_TOKENS);
    expect(query.tokens.length).toBeLessThanOrEqual(256);
    expect(buildQuery('x'.repeat(10_000)).match).toBe(`"${'x'.repeat(64)}"*`);
  });

  it('never throws on any string, and every MATCH term is a quoted word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (raw) => {
        const query = buildQuery(raw);
        if (query.match === null) expect(query.tokens).toEqual([]);
        else for (const term of query.match.split(' AND ')) expect(term).toMatch(/^"[^"]+"\*$/u);
      }),
      { numRuns: 500 },
    );
  });
});

describe('findHits and makeSnippet', () => {
  it('highlights the matched prefix in the original spelling', () => {
    const text = 'Der erste digitale Überwachungsstaat der Welt.';
    const { ranges, allFound } = findHits(text, buildQuery('Ueberw').tokens);
    expect(allFound).toBe(true);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Überw']);
  });

  it('covers the whole ß when the query ends inside its "ss"', () => {
    const text = 'auf die Straße';
    const { ranges } = findHits(text, buildQuery('stras').tokens);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Straß']);
  });

  it('maps hits in NFD text to whole characters', () => {
    const text = 'Ü\u0308ber'.normalize('NFD') + ' Überwachung'.normalize('NFD');
    const { ranges } = findHits(text, buildQuery('uberwach').tokens);
    expect(ranges).toHaveLength(1);
    expect(text.slice(ranges[0]![0], ranges[0]![1]).normalize('NFC')).toBe('Überwach');
  });

  it('reports when a token is missing', () => {
    expect(findHits('China sieht alles', buildQuery('china nichts').tokens).allFound).toBe(false);
  });

  it('cuts long texts around the first hit and shifts the ranges', () => {
    const text = `${'vorher '.repeat(50)}Treffer ${'nachher '.repeat(50)}`;
    const { ranges } = findHits(text, ['treffer']);
    const snippet = makeSnippet(text, ranges, 80);
    expect(snippet.text.length).toBeLessThanOrEqual(80);
    expect(snippet.cutStart && snippet.cutEnd).toBe(true);
    expect(snippet.ranges.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['Treffer']);
  });
});
