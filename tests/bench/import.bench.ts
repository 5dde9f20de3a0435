// Responsiveness while a recording is imported: the app's frame rate in Chromium, playing the
// interview, first alone and then while an import aligns 17 minutes of human speech in the
// background (the aligner runs in a process of its own; the main process only relays progress).
// Frames are counted with requestAnimationFrame in the page, as the highlight's own loop runs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openPlayer, waitForPlaying, waitUntilReady } from '../e2e/player-helpers';
import { percentile } from './stats';
import type { Benchmark, BenchRow } from './types';

const FIXTURE = join(import.meta.dirname, '../../../shared/fixtures/speech-de');
const PARTS = 20;
const SECONDS = Number(process.env.MITLESEN_BENCH_IMPORT_SECONDS ?? 15);

async function frames(page: Page, seconds: number): Promise<{ fps: number; p95: number; max: number }> {
  const intervals = await page.evaluate(
    (ms) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = performance.now();
        const end = last + ms;
        const step = (now: number) => {
          out.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(step);
          else resolve(out);
        };
        requestAnimationFrame(step);
      }),
    seconds * 1000,
  );
  return { fps: intervals.length / seconds, p95: percentile(intervals, 0.95), max: Math.max(...intervals) };
}

const bench: Benchmark = async () => {
  const app = await openPlayer();
  try {
    const { page, services } = app;
    await waitUntilReady(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlaying(page, true);
    await page.waitForTimeout(1000);
    const alone = await frames(page, SECONDS);

    // 17 minutes of real speech: the fixture as 20 parts of one recording, its text 20 times.
    const bytes = new Uint8Array(await readFile(join(FIXTURE, 'speech.mp3')));
    const audio: string[] = [];
    for (let i = 0; i < PARTS; i++) {
      const { uploadId } = await services.uploads.begin(`teil-${String(i + 1).padStart(2, '0')}.mp3`, bytes.length);
      await services.uploads.append(uploadId, 0, bytes);
      audio.push(uploadId);
    }
    const text = (await readFile(join(FIXTURE, 'text.txt'), 'utf8')).trim();
    const { jobId } = await services.handlers.importRecording({ title: 'Last', audio, text: Array.from({ length: PARTS }, () => text).join('\n\n'), format: 'plain', language: 'de' });
    // Into the aligning phase (decoding 17 minutes takes a few seconds).
    const started = Date.now();
    while (services.jobs.getJob(jobId)?.message !== 'aligning' && Date.now() - started < 120_000) await page.waitForTimeout(200);
    const phase = services.jobs.getJob(jobId)?.message ?? 'unknown';
    const during = await frames(page, SECONDS);
    const stillAligning = services.jobs.getJob(jobId)?.state === 'running';
    services.jobs.cancelJob(jobId);

    const rows: BenchRow[] = [
      { metric: 'frames per second, playing, nothing else', value: alone.fps, unit: 'fps' },
      { metric: 'frames per second, playing, import aligning', value: during.fps, unit: 'fps', target: '>= 50' },
      { metric: 'frame interval p95, import aligning', value: during.p95, unit: 'ms' },
      { metric: 'longest frame, import aligning', value: during.max, unit: 'ms' },
    ];
    return { name: 'import', rows, notes: { recordingSeconds: PARTS * 50.2, sampledSeconds: SECONDS, phaseAtStart: phase, stillAligningAtEnd: String(stillAligning) } };
  } finally {
    await app.close();
  }
};

export default bench;
