// Book length, in the real app in Chromium: a generated 100,000-word document in 300 chapters (text,
// timings, silent Ogg narration) against the bundled interview.
// - open: from navigation to the transcript rendered and the narration playable, after an app start
//   (the main process has not read the document yet: "cold"), and on a reload (it has: "warm");
// - main process: reading the document from disk, with and without the parsed-form cache;
// - JS heap of the page after open (after a garbage collection);
// - a jump to a chapter 90% in, from the click to its first sentence lit;
// - search: from a key typed in the search box to its results on screen;
// - highlight lag at 1x and 3x while the book plays (MITLESEN_BENCH_SECONDS, default 20 s each).
// Figures only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CDPSession, Page } from 'playwright-core';
import { createLibrary } from '../../main/library/library';
import { generateDocument } from '../../main/library/generate/document';
import { parsedCacheFile } from '../../main/library/parsed-cache';
import { pathsFromRoot } from '../../main/paths';
import { existsSync } from 'node:fs';
import { AUDIO_PROBE, lagSummary, samplerInput, startSampling, stopSampling, waitForPlaying } from '../e2e/player-helpers';
import { REPO_ROOT, startApp, type RunningApp } from '../e2e/support/app';
import { keyToResults } from './key-to-results';
import { percentile } from './stats';
import type { Benchmark, BenchRow } from './types';

const WORDS = 100_000;
const CHAPTERS = 300;
const SECONDS = Number(process.env.MITLESEN_BENCH_SECONDS ?? 20);
const INTERVIEW = 'china-sieht-alles';

/** Reloads the page and returns the time from navigation to transcript rendered and playable. */
async function openOnce(page: Page): Promise<number> {
  await page.reload();
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const check = () => {
          if (document.querySelector('[data-sentence]') && document.querySelector('[data-player-status="ready"]')) resolve(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      }),
    undefined,
    // A slow machine may take a while on the cold runs.
  );
}

async function openTimes(app: RunningApp, documentId: string, runs: number, cold: boolean): Promise<number[]> {
  // The document opened last is the one the app opens at start.
  await app.services.handlers.loadDocument({ documentId });
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    // As after an app start: the main process has not read the document yet (its disk cache stays).
    if (cold) app.services.library.editions.invalidate(documentId);
    times.push(await openOnce(app.page));
  }
  return times;
}

/**
 * The baseline: the same book with no narration, which the app shows as its full static transcript
 * (every chapter rendered, no windowing): navigation to the transcript in the page.
 */
async function fullRenderTimes(app: RunningApp, documentId: string, runs: number): Promise<number[]> {
  await app.services.handlers.loadDocument({ documentId });
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await app.page.reload();
    // A string, so the bundler's helpers never reach the page.
    times.push(
      (await app.page.evaluate(
        'new Promise((resolve) => { function check() { if (document.querySelector("[data-sentence]")) resolve(performance.now()); else requestAnimationFrame(check); } check(); })',
      )) as number,
    );
  }
  return times;
}

async function heapAfterOpen(cdp: CDPSession): Promise<{ used: number; total: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  return { used: usedSize / 2 ** 20, total: totalSize / 2 ** 20 };
}

/** Library loads in this process (no bridge, no page): what opening costs the main process. */
async function mainProcessLoads(dataDir: string, documentId: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const paths = pathsFromRoot(REPO_ROOT, dataDir);
    const library = createLibrary({ transcriptsDir: paths.transcriptsDir, narrationDir: paths.narrationDir, dataDir, log: () => undefined });
    const start = performance.now();
    await library.load(documentId);
    times.push(performance.now() - start);
    library.close();
  }
  return times;
}

/** From a click on the chapter 90% in to its first sentence lit (in the page's own clock). */
async function jumpTimes(page: Page, chapterIndex: number, firstSentence: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate far targets: the start and 90% in, so every jump is a long one.
    const far = run % 2 === 0;
    const index = far ? chapterIndex : 0;
    const ms = await page.evaluate(
      ({ index, far, firstSentence }) =>
        new Promise<number>((resolve, reject) => {
          const button = document.querySelectorAll<HTMLButtonElement>('#chapters-panel button')[index];
          if (!button) return reject(new Error(`no chapter button ${index}`));
          const start = performance.now();
          button.click();
          const check = () => {
            const current = document.querySelector<HTMLElement>('[data-unit][aria-current="true"]')?.dataset.unit;
            const section = document.querySelector<HTMLElement>(`section.chapter[data-chapter-index="${index}"][data-rendered]`);
            if (section && (!far || current === firstSentence)) resolve(performance.now() - start);
            else requestAnimationFrame(check);
          };
          check();
        }),
      { index, far, firstSentence },
    );
    if (far) times.push(ms);
  }
  return times;
}

async function setRate(page: Page, rate: number): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 30; i++) await page.keyboard.press('-');
  for (let i = 0; i < Math.round((rate - 0.5) * 10); i++) await page.keyboard.press('+');
  await page.waitForFunction((wanted) => document.querySelector('[data-testid="rate"]')?.textContent === `${wanted.toFixed(1)}×`, rate);
}

async function lagAt(page: Page, input: ReturnType<typeof samplerInput>, rate: number): Promise<BenchRow[]> {
  await setRate(page, rate);
  await page.getByRole('slider', { name: 'Position in the narration' }).focus();
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForPlaying(page, true);
  await page.waitForTimeout(500);
  await startSampling(page, input);
  await page.waitForTimeout(SECONDS * 1000);
  const samples = await stopSampling(page);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await waitForPlaying(page, false);
  const ours = lagSummary(samples.map((s) => ({ lagMs: s.lagMs / rate, baselineLagMs: Number.NaN })), 'lagMs');
  return [
    { metric: `100k: lag p99, ${rate}x`, value: ours.p99, unit: 'ms', target: '<= 17' },
    { metric: `100k: wrong-word frames, ${rate}x`, value: (100 * ours.wrong) / Math.max(1, ours.frames), unit: '%' },
  ];
}

const bench: Benchmark = async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mitlesen-bench-book-'));
  const generated = await generateDocument({ words: WORDS, chapters: CHAPTERS, title: 'Ein langes Buch', seed: 'bench' });
  const app = await startApp({ dataDir, open: false });
  try {
    const documentId = generated.id;
    await app.services.library.createOwnDocument(generated.input);
    await app.page.addInitScript(AUDIO_PROBE);

    const mainFirst = await mainProcessLoads(dataDir, documentId, 1);
    // The first load writes the parsed-form cache without being waited for.
    for (let i = 0; i < 500 && !existsSync(parsedCacheFile(dataDir, documentId)); i++) await new Promise((r) => setTimeout(r, 10));
    const mainAgain = await mainProcessLoads(dataDir, documentId, 3);
    const bundle = await app.services.handlers.loadDocument({ documentId });
    const bundleBytes = Buffer.byteLength(JSON.stringify(bundle));

    await app.page.goto(app.host.url);
    // Warm-up, not counted: the browser's first loads of the app compile its code.
    await openTimes(app, INTERVIEW, 2, false);
    const interviewWarm = await openTimes(app, INTERVIEW, 7, false);
    const interviewCold = await openTimes(app, INTERVIEW, 5, true);
    const bookCold = await openTimes(app, documentId, 5, true);
    const bookWarm = await openTimes(app, documentId, 7, false);

    const cdp = await app.page.context().newCDPSession(app.page);
    const heap = await heapAfterOpen(cdp);
    await cdp.detach();

    const target = generated.timing.tracks.de!.sentences[Math.floor(0.9 * generated.sentences)]!;
    const edition = (await app.services.library.editions.get(documentId)).edition;
    const chapter = edition.chapters.find((c) => c.sentenceIds.includes(target.id))!;
    const jumps = await jumpTimes(app.page, chapter.index, chapter.sentenceIds[0]!, 10);
    await app.page.getByRole('button', { name: 'Pause', exact: true }).click().catch(() => undefined);

    const search = await keyToResults(app.page, ['Überwachungsstaat', 'ueberwachung', 'Strasse', 'system', 'Bonitat'], { rounds: 2, pauseMs: 200 });
    const input = samplerInput(generated.timing, 'de', false);
    const at1 = await lagAt(app.page, input, 1);
    const at3 = await lagAt(app.page, input, 3);

    const { timing: _timing, media: _media, ...textOnly } = generated.input;
    const full = await app.services.library.createOwnDocument({ ...textOnly, id: `${documentId}-text` });
    const fullRender = await fullRenderTimes(app, full.id, 3);
    const fullCdp = await app.page.context().newCDPSession(app.page);
    const fullHeap = await heapAfterOpen(fullCdp);
    await fullCdp.detach();

    const rows: BenchRow[] = [
      { metric: 'interview: open p50 (warm)', value: percentile(interviewWarm, 50), unit: 'ms', target: '<= 300' },
      { metric: 'interview: open max (warm)', value: Math.max(...interviewWarm), unit: 'ms' },
      { metric: 'interview: open p50 (after app start)', value: percentile(interviewCold, 50), unit: 'ms', target: '<= 300' },
      { metric: '100k: open p50 (after app start)', value: percentile(bookCold, 50), unit: 'ms', target: '<= 1000' },
      { metric: '100k: open max (after app start)', value: Math.max(...bookCold), unit: 'ms' },
      { metric: '100k: open p50 (warm)', value: percentile(bookWarm, 50), unit: 'ms', target: '<= 1000' },
      { metric: '100k: open max (warm)', value: Math.max(...bookWarm), unit: 'ms' },
      { metric: '100k: main process load, first ever', value: mainFirst[0]!, unit: 'ms' },
      { metric: '100k: main process load after app start, p50', value: percentile(mainAgain, 50), unit: 'ms', target: 'well under 1000' },
      { metric: '100k: loadDocument reply size', value: bundleBytes / 1e6, unit: 'MB' },
      { metric: '100k: JS heap used after open', value: heap.used, unit: 'MB', target: '<= 150' },
      { metric: '100k: JS heap total after open', value: heap.total, unit: 'MB' },
      { metric: '100k: jump to the chapter 90% in (its first sentence lit), p50', value: percentile(jumps, 50), unit: 'ms' },
      { metric: '100k: jump to the chapter 90% in (its first sentence lit), max', value: Math.max(...jumps), unit: 'ms' },
      { metric: '100k: key to search results p50', value: percentile(search, 50), unit: 'ms' },
      { metric: '100k: key to search results p95', value: percentile(search, 95), unit: 'ms', target: '< 50' },
      ...at1,
      ...at3,
      { metric: 'baseline: 100k rendered whole (no windowing), open p50', value: percentile(fullRender, 50), unit: 'ms' },
      { metric: 'baseline: 100k rendered whole, JS heap used', value: fullHeap.used, unit: 'MB' },
    ];
    return {
      name: 'book',
      rows,
      notes: { words: generated.germanWords, sentences: generated.sentences, chapters: CHAPTERS, playbackSecondsPerRate: SECONDS, searchSamples: search.length },
    };
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
};

export default bench;
