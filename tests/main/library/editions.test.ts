// The shared edition cache: one load per document however many calls ask, a failure not kept, a
// removal forgotten; and the one sentence check notes and cards both use.
import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import { checkSentences, createEditionCache } from '../../../main/library/editions';
import { smallEdition } from '../notes/helpers';

const edition = smallEdition();

describe('the edition cache', () => {
  it('loads a document once for all callers, and again after invalidate', async () => {
    let loads = 0;
    const cache = createEditionCache(async () => {
      loads++;
      return { edition, timing: null, timingProblem: 'none' };
    });
    const [a, b] = await Promise.all([cache.get(edition.id), cache.get(edition.id)]);
    await cache.get(edition.id);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(a.sentenceIds.has('s003')).toBe(true);
    cache.invalidate(edition.id);
    await cache.get(edition.id);
    expect(loads).toBe(2);
  });

  it('does not keep a failure: the next call tries again', async () => {
    let fail = true;
    const cache = createEditionCache(async () => {
      if (fail) throw new Error('not yet');
      return { edition, timing: null, timingProblem: null };
    });
    await expect(cache.get(edition.id)).rejects.toThrow('not yet');
    fail = false;
    expect((await cache.get(edition.id)).edition).toBe(edition);
  });
});

describe('checkSentences', () => {
  const known = new Set(edition.sentences.map((s) => s.id));
  it('returns the ids in reading order, each once', () => {
    expect(checkSentences(edition, known, ['s005', 's004', 's005'])).toEqual(['s004', 's005']);
  });
  it('refuses unknown ids, naming them', () => {
    expect(() => checkSentences(edition, known, ['s003', 's998', 's999'])).toThrow(/s998, s999 are not in "small-interview"/);
    try {
      checkSentences(edition, known, ['s999']);
    } catch (error) {
      expect(error).toBeInstanceOf(BridgeError);
      expect((error as BridgeError).code).toBe('invalid-argument');
    }
  });
});
