import { describe, expect, it } from 'vitest';
import { anchorKeys, buildAnchors, foldWord } from '../../../common/parallel/anchors';
import { lengthCost, negLogErfc } from '../../../common/parallel/length-cost';

describe('lengthCost', () => {
  it('is least for lengths in the expected ratio and grows with the misfit', () => {
    expect(lengthCost(100, 100, 1)).toBeLessThan(0.01);
    expect(lengthCost(100, 120, 1)).toBeLessThan(lengthCost(100, 150, 1));
    expect(lengthCost(100, 200, 2)).toBeLessThan(0.01);
  });

  it('stays finite for lengths far apart (no log of zero)', () => {
    expect(Number.isFinite(lengthCost(1000, 1, 1))).toBe(true);
    expect(negLogErfc(40)).toBeGreaterThan(1000);
    // erfc(1) = 0.157299...
    expect(negLogErfc(1)).toBeCloseTo(-Math.log(0.1572992), 5);
  });
});

describe('anchors', () => {
  it('reads numbers by their digits, whatever the separators', () => {
    expect(anchorKeys('2,5 Millionen und 1.000 Menschen im 19. Jahrhundert')).toEqual(expect.arrayContaining(['#25', '#1000', '#19']));
    expect(anchorKeys('2.5 million and 1,000 people in the 19th century')).toEqual(expect.arrayContaining(['#25', '#1000', '#19']));
  });

  it('folds case, accents and Cyrillic and Greek letters', () => {
    expect(foldWord('Müller')).toBe('muller');
    expect(anchorKeys('Берлин')).toEqual(anchorKeys('Berlin'));
    expect(foldWord('Αθήνα')).toBe('athina');
  });

  it('weighs a key by rarity and by how alike its frequency is on both sides', () => {
    const a = ['Die Katze und die Maus.', 'Die Stadt Xinjiang.', 'Die Welt.', 'Die Zeit.'];
    const b = ['The cat and the mouse die.', 'The city of Xinjiang.', 'The world.', 'The time.'];
    const table = buildAnchors(a, b);
    // "Xinjiang" is shared once on each side; "die" (German article, English verb) is too short to count at all.
    expect(table.size).toBe(1);
    expect(table.weight[0]).toBeCloseTo(1, 5);
    expect(Array.from(table.keysA.slice(table.startA[1], table.startA[2]))).toEqual([0]);
  });
});
