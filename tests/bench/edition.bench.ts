// How long the edition parser takes: the bundled interview and a book-length synthetic edition.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseEdition } from '../../common/edition/parse';
import { syntheticEdition } from '../fixtures/editions/synthetic';
import { percentile } from './stats';
import type { Benchmark } from './types';

function time(source: string, runs: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const result = parseEdition(source, 'bench.yaml');
    samples.push(performance.now() - start);
    if (!result.ok) throw new Error('the benchmark edition does not parse');
  }
  return samples;
}

const bench: Benchmark = async () => {
  const interview = await readFile(resolve(import.meta.dirname, '../../transcripts/china-sieht-alles/edition.yaml'), 'utf8');
  const book = syntheticEdition();
  const small = time(interview, 30);
  const large = time(book.source, 5);
  return {
    name: 'edition',
    rows: [
      { metric: 'parse interview p50', value: percentile(small, 50), unit: 'ms' },
      { metric: `parse ${Math.round(book.germanWords / 1000)}k-word edition p50`, value: percentile(large, 50), unit: 'ms', target: 'well under 1000' },
    ],
  };
};

export default bench;
