// The player, measured in the real app in Chromium with the real narration playing:
// - highlight lag: every animation frame, the word the audio clock says against the word lit in the
//   DOM, for our requestAnimationFrame loop and, in the same run, for a highlighter driven by the
//   media element's `timeupdate` event (the usual approach), at 1x and at 3x;
// - open time: from navigation to the transcript rendered and the narration playable;
// - per-frame cost: scripting (and style/layout) time per frame while playing.
// MITLESEN_BENCH_SECONDS shortens the playback windows (default 60 s each) for a quick look.
import type { CDPSession, Page } from 'playwright-core';
import { lagSummary, openPlayer, samplerInput, startSampling, stopSampling, waitForPlaying, waitUntilReady, type PlayerApp } from '../e2e/player-helpers';
import { percentile } from './stats';
import type { Benchmark, BenchRow } from './types';

const SECONDS = Number(process.env.MITLESEN_BENCH_SECONDS ?? 60);
const OPEN_RUNS = 5;
const COST_SECONDS = Math.min(15, SECONDS);
const FRAME_MS = 1000 / 60;

async function setRate(page: Page, rate: number): Promise<void> {
  // Through the app's own keys, as a listener would.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 30; i++) await page.keyboard.press('-');
  for (let i = 0; i < Math.round((rate - 0.5) * 10); i++) await page.keyboard.press('+');
  await page.waitForFunction((wanted) => document.querySelector('[data-testid="rate"]')?.textContent === `${wanted.toFixed(1)}×`, rate);
}

async function playFromStart(page: Page): Promise<void> {
  await page.getByRole('slider', { name: 'Position in the narration' }).focus();
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForPlaying(page, true);
  // Let the app's loop settle into its frame rhythm before sampling starts.
  await page.waitForTimeout(500);
}

async function pause(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await waitForPlaying(page, false);
}

async function measureLag(app: PlayerApp, rate: number): Promise<BenchRow[]> {
  const { page } = app;
  await setRate(page, rate);
  await playFromStart(page);
  await startSampling(page, samplerInput(app.timing, 'de', true));
  await page.waitForTimeout(SECONDS * 1000);
  const samples = await stopSampling(page);
  await pause(page);
  // The sampler measures in narration time; a frame is wall-clock time, so divide by the rate
  // (at 3x, 17 ms on the wall is 50 ms of narration).
  const wall = samples.map((s) => ({ lagMs: s.lagMs / rate, baselineLagMs: s.baselineLagMs / rate }));
  const ours = lagSummary(wall, 'lagMs');
  const baseline = lagSummary(wall, 'baselineLagMs');
  const label = `${rate}x`;
  return [
    { metric: `lag p50, rAF loop, ${label}`, value: ours.p50, unit: 'ms' },
    { metric: `lag p99, rAF loop, ${label}`, value: ours.p99, unit: 'ms', target: '<= 17' },
    { metric: `lag max, rAF loop, ${label}`, value: ours.max, unit: 'ms' },
    { metric: `wrong-word frames, rAF loop, ${label}`, value: (100 * ours.wrong) / ours.frames, unit: '%' },
    { metric: `lag p50, timeupdate baseline, ${label}`, value: baseline.p50, unit: 'ms' },
    { metric: `lag p99, timeupdate baseline, ${label}`, value: baseline.p99, unit: 'ms' },
    { metric: `lag max, timeupdate baseline, ${label}`, value: baseline.max, unit: 'ms' },
    { metric: `wrong-word frames, timeupdate baseline, ${label}`, value: (100 * baseline.wrong) / baseline.frames, unit: '%' },
    { metric: `frames sampled, ${label}`, value: ours.frames, unit: 'frames' },
  ];
}

async function measureOpen(app: PlayerApp): Promise<number[]> {
  const { page } = app;
  const times: number[] = [];
  for (let run = 0; run < OPEN_RUNS; run++) {
    await page.reload();
    // performance.now() counts from the navigation's start.
    const ready = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const check = () => {
            const transcript = document.querySelector('[data-sentence]');
            if (transcript && document.querySelector('[data-player-status="ready"]')) resolve(performance.now());
            else requestAnimationFrame(check);
          };
          check();
        }),
    );
    times.push(ready);
  }
  return times;
}

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === name)?.value ?? Number.NaN;
}

async function measureFrameCost(app: PlayerApp): Promise<BenchRow[]> {
  const { page } = app;
  await setRate(page, 1);
  await playFromStart(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate(() => {
    const counter = { frames: 0, running: true };
    (window as unknown as { __frames: typeof counter }).__frames = counter;
    const tick = () => {
      if (!counter.running) return;
      counter.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const names = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const;
  const before = await Promise.all(names.map((n) => metric(cdp, n)));
  await page.waitForTimeout(COST_SECONDS * 1000);
  const after = await Promise.all(names.map((n) => metric(cdp, n)));
  const frames = await page.evaluate(() => {
    const counter = (window as unknown as { __frames: { frames: number; running: boolean } }).__frames;
    counter.running = false;
    return counter.frames;
  });
  await pause(page);
  await cdp.detach();
  const perFrame = (i: number) => ((after[i]! - before[i]!) * 1000) / Math.max(1, frames);
  return [
    { metric: 'scripting per frame while playing', value: perFrame(0), unit: 'ms', target: '< 1' },
    { metric: 'style recalculation per frame while playing', value: perFrame(1), unit: 'ms' },
    { metric: 'layout per frame while playing', value: perFrame(2), unit: 'ms' },
    { metric: 'frames per second while playing', value: frames / COST_SECONDS, unit: 'fps' },
  ];
}

const bench: Benchmark = async () => {
  const app = await openPlayer();
  try {
    await waitUntilReady(app.page);
    const open = await measureOpen(app);
    const cost = await measureFrameCost(app);
    const at1 = await measureLag(app, 1);
    const at3 = await measureLag(app, 3);
    const words = app.timing.tracks.de!.sentences.reduce((n, s) => n + s.words.length, 0);
    return {
      name: 'player',
      rows: [
        ...at1,
        ...at3,
        { metric: 'open: navigation to transcript rendered and playable, p50', value: percentile(open, 50), unit: 'ms', target: '<= 300' },
        { metric: 'open: navigation to transcript rendered and playable, max', value: Math.max(...open), unit: 'ms' },
        ...cost,
      ],
      notes: {
        playbackSecondsPerRate: SECONDS,
        frameMs: Number(FRAME_MS.toFixed(2)),
        openRuns: OPEN_RUNS,
        germanWords: words,
        germanSentences: app.timing.tracks.de!.sentences.length,
        lagDefinition:
          'per frame, in wall-clock ms: 0 when the lit word is the word the audio clock says; otherwise how long ago the lit word stopped being right (or how far ahead it is), narration time divided by the rate',
        baseline: 'the word the clock said at the last timeupdate event, compared in the same frames',
      },
    };
  } finally {
    await app.close();
  }
};

export default bench;
