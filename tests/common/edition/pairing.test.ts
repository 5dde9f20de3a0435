// The one pairing index: the same answers the features derived by themselves, from one build.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Edition, Lang } from '../../../common/edition/model';
import { parseEdition } from '../../../common/edition/parse';
import { pairingOf } from '../../../common/edition/pairing';
import { syntheticEdition } from '../../fixtures/editions/synthetic';

function load(url: URL): Edition {
  const result = parseEdition(readFileSync(url, 'utf8'), url.pathname);
  if (!result.ok) throw new Error(`${url.pathname} does not parse`);
  return result.edition;
}

const small = () => load(new URL('../../fixtures/editions/valid-small.yaml', import.meta.url));
const germanOnly = () => load(new URL('../../fixtures/editions/valid-german-only.yaml', import.meta.url));
const bundled = load(new URL('../../../transcripts/china-sieht-alles/edition.yaml', import.meta.url));

// What common/timing/navigate.ts computed by scanning the edition before the index existed; the
// renderer's own derivations (highlighter, reveal) computed the same.
function scanCounterparts(edition: Edition, id: string, from: Lang): string[] {
  if (from === 'de') return [edition.sentences.find((s) => s.id === id)?.enWith ?? id];
  return edition.sentences.filter((s) => s.id === id || s.enWith === id).map((s) => s.id);
}

describe('pairingOf', () => {
  it('answers a small edition with shared English', () => {
    const p = pairingOf(small());
    expect(p.hasTranslation).toBe(true);
    expect(p.carrierOf('s005')).toBe('s004');
    expect(p.carrierOf('s004')).toBe('s004');
    expect(p.group('s004')).toEqual(['s004', 's005']);
    expect(p.group('s006')).toEqual(['s006']);
    // s005 carries no English of its own, so no group is carried by it.
    expect(p.group('s005')).toEqual([]);
    expect(p.counterparts('s005', 'de')).toEqual(['s004']);
    expect(p.counterparts('s004', 'en')).toEqual(['s004', 's005']);
    expect(p.counterparts('s005', 'en')).toEqual(['s005']);
    expect(p.englishOf('s005')).toBe('A great deal, and all of it surprising.');
    expect(p.sentence('s010')?.de).toBe('2024');
    // Reading order, not id order: s010 comes before s007.
    expect([p.indexOf('s001'), p.indexOf('s010'), p.indexOf('s007')]).toEqual([0, 6, 7]);
  });

  it('answers unknown ids the way the scans did: a German id stands for itself, an English one for nothing', () => {
    const p = pairingOf(small());
    expect(p.sentence('s999')).toBeUndefined();
    expect(p.indexOf('s999')).toBe(-1);
    expect(p.carrierOf('s999')).toBe('s999');
    expect(p.group('s999')).toEqual([]);
    expect(p.counterparts('s999', 'de')).toEqual(['s999']);
    expect(p.counterparts('s999', 'en')).toEqual([]);
    expect(p.englishOf('s999')).toBe('');
  });

  // The interview shares no English today, so the synthetic book (every fifth sentence shares its
  // predecessor's) and the small fixture are compared too.
  it.each([
    ['the bundled interview', bundled],
    ['the small fixture', small()],
    ['a synthetic book', (() => { const r = parseEdition(syntheticEdition().source, 'big.yaml'); if (!r.ok) throw new Error('no'); return r.edition; })()],
  ])('gives exactly the counterparts the scans gave, for every sentence of %s', (_, edition) => {
    const p = pairingOf(edition);
    for (const s of edition.sentences) {
      for (const lang of ['de', 'en'] as const) expect(p.counterparts(s.id, lang)).toEqual(scanCounterparts(edition, s.id, lang));
      expect(p.indexOf(s.id)).toBe(s.index);
      expect(p.sentence(s.id)).toBe(s);
      if (s.enWith === null) expect(p.group(s.id)).toEqual(scanCounterparts(edition, s.id, 'en'));
    }
  });

  it('has no other language to pair with in an edition in German only', () => {
    const p = pairingOf(germanOnly());
    expect(p.hasTranslation).toBe(false);
    expect(p.counterparts('s002', 'de')).toEqual([]);
    expect(p.counterparts('s002', 'en')).toEqual([]);
    expect(p.group('s002')).toEqual([]);
    expect(p.carrierOf('s002')).toBe('s002');
    expect(p.englishOf('s002')).toBe('');
    expect(p.indexOf('s005')).toBe(4);
  });

  it('is built once per edition object and not shared between editions', () => {
    const a = small();
    const b = small();
    expect(pairingOf(a)).toBe(pairingOf(a));
    expect(pairingOf(b)).not.toBe(pairingOf(a));
  });

  it('hands out arrays that cannot be changed, since every caller shares them', () => {
    const group = pairingOf(small()).group('s004') as string[];
    expect(() => group.push('s999')).toThrow(TypeError);
    expect(pairingOf(small()).group('s004')).toEqual(['s004', 's005']);
  });
});
