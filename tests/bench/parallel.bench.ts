// Sentence alignment (common/align), issue 14. Accuracy: the bundled interview's German and English
// written out as two plain texts, segmented and aligned, scored against our hand pairing
// (precision and recall over sentence links; see tests/fixtures/parallel/parallel.ts), plainly and
// with the damage real translations show (a chapter missing, sentences joined, sentences left
// out). Speed: the interview repeated with shuffled chapters to 100k German words, aligned, with
// the time, the peak heap and the resident memory.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { alignSentences, type Alignment } from '../../common/parallel/align';
import type { Edition } from '../../common/edition/model';
import { parseEdition } from '../../common/edition/parse';
import { countWords } from '../../common/text/words';
import { repeatedEdition } from '../fixtures/parallel/book';
import { linkScore, parallelTexts, type ParallelOptions, type ParallelTexts } from '../fixtures/parallel/parallel';
import type { Benchmark, BenchRow } from './types';

const pct = (x: number): number => Math.round(x * 10000) / 100;

/** Pairs that are wrong (a link not in the truth), and how many of them are marked uncertain. */
function caught(result: Alignment, texts: ParallelTexts): { wrong: number; flagged: number } {
  let wrong = 0;
  let flagged = 0;
  for (const p of result.pairs) {
    if (p.a.every((i) => p.b.every((j) => texts.truth.has(`${i}:${j}`)))) continue;
    wrong++;
    if (p.uncertain) flagged++;
  }
  return { wrong, flagged };
}

function accuracyRows(edition: Edition, label: string, options: ParallelOptions, target?: string): BenchRow[] {
  const texts = parallelTexts(edition, options);
  const result = alignSentences(texts.sentencesA, texts.sentencesB);
  const score = linkScore(result.pairs, texts.truth);
  const rows: BenchRow[] = [
    { metric: `${label}: precision`, value: pct(score.precision), unit: '%', ...(target ? { target } : {}) },
    { metric: `${label}: recall`, value: pct(score.recall), unit: '%', ...(target ? { target } : {}) },
    { metric: `${label}: uncertain pairs`, value: result.uncertain.length, unit: `of ${result.pairs.length}` },
  ];
  const { wrong, flagged } = caught(result, texts);
  if (wrong > 0) rows.push({ metric: `${label}: wrong pairs marked uncertain`, value: flagged, unit: `of ${wrong}` });
  return rows;
}

const bench: Benchmark = async () => {
  const source = await readFile(resolve(import.meta.dirname, '../../transcripts/china-sieht-alles/edition.yaml'), 'utf8');
  const parsed = parseEdition(source, 'edition.yaml');
  if (!parsed.ok) throw new Error('the bundled edition does not parse');
  const interview = parsed.edition;
  const ids = interview.sentences.map((s) => s.id);
  // Every 7th, 9th or 11th sentence: spread over the whole text, the same in every run.
  const every = (n: number, from: number): string[] => ids.filter((_, k) => k % n === from);

  const rows: BenchRow[] = [
    ...accuracyRows(interview, 'interview', {}, '>= 97'),
    ...accuracyRows(interview, 'interview, chapter headings', { headings: true }),
    ...accuracyRows(interview, 'English lacks chapter 8', { dropEnglishChapters: ['ch08'] }),
    ...accuracyRows(interview, 'English joins every 7th sentence to the next (2-1)', { joinEnglishAfter: every(7, 3) }),
    ...accuracyRows(interview, 'German joins every 9th sentence to the next (1-2)', { joinGermanAfter: every(9, 4) }),
    ...accuracyRows(interview, 'English lacks every 11th sentence (1-0)', { dropEnglishSentences: every(11, 5) }),
  ];

  // Speed: 100k German words (about 115k English), both texts segmented, then aligned.
  const book = repeatedEdition(interview, 100_000);
  const texts = parallelTexts(book.edition, { headings: true });
  const wordsA = texts.sentencesA.reduce((sum, s) => sum + countWords(s.text), 0);
  const wordsB = texts.sentencesB.reduce((sum, s) => sum + countWords(s.text), 0);
  const { segmentText } = await import('../../common/text/segment');
  const segmentStart = performance.now();
  segmentText(texts.a, 'de');
  segmentText(texts.b, 'en');
  const segmentMs = performance.now() - segmentStart;

  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let peakRss = process.memoryUsage().rss;
  const sample = (): void => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  };
  const alignStart = performance.now();
  // Progress is where the aligner lets us look at memory while it runs.
  const result = alignSentences(texts.sentencesA, texts.sentencesB, { onProgress: sample });
  const alignMs = performance.now() - alignStart;
  sample();
  const score = linkScore(result.pairs, texts.truth);

  rows.push(
    { metric: `book ${Math.round(wordsA / 1000)}k/${Math.round(wordsB / 1000)}k words: segment both`, value: segmentMs, unit: 'ms' },
    { metric: 'book: align', value: alignMs / 1000, unit: 's', target: 'well under 60' },
    { metric: 'book: peak heap growth while aligning', value: (peakHeap - heapBefore) / 2 ** 20, unit: 'MiB' },
    { metric: 'book: peak resident memory', value: peakRss / 2 ** 20, unit: 'MiB' },
    { metric: 'book: precision', value: pct(score.precision), unit: '%' },
    { metric: 'book: recall', value: pct(score.recall), unit: '%' },
    { metric: 'book: uncertain pairs', value: result.uncertain.length, unit: `of ${result.pairs.length}` },
  );
  return {
    name: 'align',
    rows,
    notes: {
      interviewSentences: interview.sentences.length,
      bookRounds: book.rounds,
      bookSentencesA: texts.sentencesA.length,
      bookSentencesB: texts.sentencesB.length,
      bandHalfWidth: result.band.halfWidth,
      bandCells: result.band.cells,
    },
  };
};

export default bench;
