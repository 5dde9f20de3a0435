import { describe, expect, it } from 'vitest';
import { englishYear, germanCardinal, germanOrdinal, germanOrdinalStem, germanYear } from '../../../main/narration/numbers';

describe('German numbers in words', () => {
  it.each([
    [0, 'null'], [1, 'eins'], [7, 'sieben'], [16, 'sechzehn'], [17, 'siebzehn'], [21, 'einundzwanzig'],
    [30, 'dreißig'], [99, 'neunundneunzig'], [100, 'einhundert'], [101, 'einhunderteins'], [111, 'einhundertelf'],
    [1000, 'eintausend'], [2020, 'zweitausendzwanzig'], [2050, 'zweitausendfünfzig'], [31_001, 'einunddreißigtausendeins'],
  ])('%i is %s', (n, words) => {
    expect(germanCardinal(n)).toBe(words);
  });

  it('reads years before 2000 in hundreds', () => {
    expect(germanYear(1984)).toBe('neunzehnhundertvierundachtzig');
    expect(germanYear(1900)).toBe('neunzehnhundert');
    expect(germanYear(1101)).toBe('elfhunderteins');
    expect(germanYear(2020)).toBe('zweitausendzwanzig');
  });

  it('forms ordinals, with the ending their article suggests', () => {
    expect(germanOrdinalStem(1)).toBe('erst');
    expect(germanOrdinalStem(3)).toBe('dritt');
    expect(germanOrdinalStem(7)).toBe('siebt');
    expect(germanOrdinalStem(19)).toBe('neunzehnt');
    expect(germanOrdinalStem(21)).toBe('einundzwanzigst');
    expect(germanOrdinalStem(100)).toBe('einhundertst');
    expect(germanOrdinalStem(103)).toBe('einhundertdritt');
    expect(germanOrdinal(19, 'dem')).toBe('neunzehnten');
    expect(germanOrdinal(21, 'im')).toBe('einundzwanzigsten');
    expect(germanOrdinal(3, 'Der')).toBe('dritte');
    expect(germanOrdinal(1, null)).toBe('ersten');
  });

  it('refuses what it cannot say', () => {
    expect(() => germanCardinal(-1)).toThrow(RangeError);
    expect(() => germanCardinal(1.5)).toThrow(RangeError);
    expect(() => germanOrdinalStem(0)).toThrow(RangeError);
  });
});

describe('English years', () => {
  it.each([
    [1984, 'nineteen eighty-four'], [1900, 'nineteen hundred'], [1905, 'nineteen oh five'],
    [2020, 'twenty twenty'], [2050, 'twenty fifty'], [1100, 'eleven hundred'],
  ])('%i is %s', (n, words) => {
    expect(englishYear(n)).toBe(words);
  });

  it('leaves the rest to the engine', () => {
    expect(englishYear(2005)).toBeNull();
    expect(englishYear(999)).toBeNull();
    expect(englishYear(2100)).toBeNull();
  });
});
