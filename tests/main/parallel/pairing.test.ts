// The pairing off the main thread: a worker thread does it and reports its progress; a cancel in
// the middle ends it at once (the main thread was free to take the cancel), with an AbortError.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEdition } from '../../../common/edition/parse';
import { segmentText } from '../../../common/text/segment';
import { pairInWorker } from '../../../main/parallel/pairing';
import { repeatedEdition } from '../../fixtures/parallel/book';
import { parallelTexts } from '../../fixtures/parallel/parallel';

const parsed = parseEdition(readFileSync(join(import.meta.dirname, '../../../transcripts/china-sieht-alles/edition.yaml'), 'utf8'), 'edition.yaml');
if (!parsed.ok) throw new Error('the bundled edition does not parse');

describe('pairing in a worker thread', () => {
  it('stops when cancelled halfway, before it is done', { timeout: 60_000 }, async () => {
    const book = parallelTexts(repeatedEdition(parsed.edition, 40_000).edition);
    const a = segmentText(book.a, 'de');
    const b = segmentText(book.b, 'en');
    const controller = new AbortController();
    const seen: number[] = [];
    // The main thread keeps running while the worker pairs: its timers fire, and it counts them.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const run = pairInWorker(a, b, {
      signal: controller.signal,
      onProgress: ({ stage, fraction }) => {
        seen.push(fraction);
        if (stage === 'pairing' && fraction > 0.3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    clearInterval(ticker);
    expect(seen.some((f) => f > 0.3)).toBe(true);
    expect(seen).not.toContain(1);
    expect(ticks).toBeGreaterThan(5);
  });
});
