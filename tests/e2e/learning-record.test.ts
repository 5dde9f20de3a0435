// Record and compare, in real Chromium with its fake microphone: the microphone is asked for only
// when the learner presses Record (never at start) and released when they stop; the recording is
// kept as a WebM file under the data folder's recordings/; Compare plays the narration's sentence,
// pausing at its end within 50 ms, then the learner's recording; Delete removes the file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearMediaLog, MEDIA_LOG_PROBE, mediaLog, ms } from './learning-helpers';
import { audioState, openPlayer, waitForPlaying, waitUntilReady, type PlayerApp } from './player-helpers';

let app: PlayerApp;

/** Counts microphone requests, keeps the streams handed out, and logs plays of recordings (blob: audio). */
const MICROPHONE_PROBE = `(() => {
  window.__microphone = { requests: 0, streams: [], blobPlays: [] };
  const devices = navigator.mediaDevices;
  const getUserMedia = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    window.__microphone.requests++;
    const stream = await getUserMedia(constraints);
    window.__microphone.streams.push(stream);
    return stream;
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    if (this.src.startsWith('blob:')) {
      const entry = { wall: performance.now(), ended: false, duration: 0 };
      window.__microphone.blobPlays.push(entry);
      this.addEventListener('ended', () => { entry.ended = true; entry.duration = this.duration; }, { once: true });
    }
    return play.call(this);
  };
})();`;

interface MicrophoneProbe {
  requests: number;
  streams: MediaStream[];
  blobPlays: { wall: number; ended: boolean; duration: number }[];
}

declare global {
  interface Window {
    __microphone?: MicrophoneProbe;
  }
}

beforeAll(async () => {
  app = await openPlayer({
    chromiumArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    beforeOpen: async (started) => {
      await started.page.addInitScript(MEDIA_LOG_PROBE);
      await started.page.addInitScript(MICROPHONE_PROBE);
    },
  });
  await waitUntilReady(app.page);
});

afterAll(async () => {
  await app?.close();
});

const requests = () => app.page.evaluate(() => window.__microphone!.requests);
const recordingsDir = () => join(app.dataDir, 'recordings');
const recorder = () => app.page.getByTestId('recorder');

describe('record and compare', () => {
  it('does not ask for the microphone at start', async () => {
    await app.page.waitForTimeout(500);
    expect(await requests()).toBe(0);
    expect(existsSync(recordingsDir())).toBe(false);
  });

  it('records the current sentence (Shift+S twice), keeps it as a WebM file, and releases the microphone', async () => {
    const { page } = app;
    await page.locator('[data-sentence="s029"][data-lang="de"] [data-w="0"]').click();
    await waitForPlaying(page, true);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+S');
    await expect.poll(() => recorder().getAttribute('data-phase')).toBe('recording');
    expect(await requests()).toBe(1);
    // Recording pauses the narration (the learner reads aloud now).
    expect((await audioState(page)).paused).toBe(true);
    await expect.poll(() => page.getByTestId('learning-announcer').textContent()).toBe('Recording. Read the sentence, then press Stop (Shift+S).');
    const stop = page.getByRole('button', { name: 'Stop recording and save it' });
    expect(await stop.getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(1200);
    await page.keyboard.press('Shift+S');
    await expect.poll(() => recorder().getAttribute('data-phase')).toBe('idle');
    await expect.poll(() => page.getByTestId('learning-announcer').textContent()).toMatch(/^Recording saved \(1\.\d seconds\)\.$/);
    // The microphone is free again: every track of the stream has ended.
    expect(await page.evaluate(() => window.__microphone!.streams.flatMap((s) => s.getTracks()).map((t) => t.readyState))).toEqual(['ended']);
    const files = readdirSync(recordingsDir());
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f-]{36}\.webm$/);
    const bytes = readFileSync(join(recordingsDir(), files[0]!));
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(bytes.length).toBeGreaterThan(1000);
    const listed = await app.services.handlers.listRecordings({ documentId: 'china-sieht-alles' });
    expect(listed).toMatchObject([{ sentenceId: 's029', lang: 'de', mimeType: expect.stringMatching(/^audio\/webm/) }]);
    expect(await page.locator('.recordings summary').textContent()).toBe('Recordings (1)');
  });

  it('compares (Shift+P): the narration’s sentence, pausing at its end within 50 ms, then the recording', async () => {
    const { page } = app;
    const s = app.timing.tracks.de!.sentences.find((x) => x.id === 's029')!;
    await clearMediaLog(page);
    await page.keyboard.press('Shift+P');
    await expect.poll(() => page.getByTestId('learning-announcer').textContent(), { timeout: 5000 }).toBe('…and you.');
    const log = await mediaLog(page);
    const start = log.find((e) => e.kind === 'seek' && Math.abs(e.value - s.start) < 0.001);
    expect(start, 'the narration jumps to the sentence start').toBeDefined();
    const end = log.find((e) => e.kind === 'pause' && e.wall > start!.wall);
    expect(end).toBeDefined();
    const late = end!.before - s.end;
    console.log(`[learning timing] compare: narration paused ${ms(late)} ms after the sentence end`);
    expect(late).toBeGreaterThanOrEqual(-0.001);
    expect(late).toBeLessThanOrEqual(0.05);
    // Then the learner's recording plays, to its end.
    await expect.poll(() => page.evaluate(() => window.__microphone!.blobPlays.length)).toBe(1);
    const played = await page.evaluate(() => window.__microphone!.blobPlays[0]!);
    expect(played.wall).toBeGreaterThanOrEqual(end!.wall);
    await expect.poll(() => page.evaluate(() => window.__microphone!.blobPlays[0]!.ended), { timeout: 5000 }).toBe(true);
    expect((await audioState(page)).paused).toBe(true);
    // Comparing never asked for the microphone.
    expect(await requests()).toBe(1);
  });

  it('deletes a recording with its file', async () => {
    const { page } = app;
    await page.locator('.recordings summary').click();
    await page.getByRole('button', { name: /^Delete your recording of / }).click();
    await expect.poll(() => page.getByTestId('learning-announcer').textContent()).toBe('Recording deleted.');
    expect(readdirSync(recordingsDir())).toEqual([]);
    expect(await app.services.handlers.listRecordings({ documentId: 'china-sieht-alles' })).toEqual([]);
    expect(await page.getByRole('button', { name: 'Compare: the sentence from the narration, then your recording' }).getAttribute('aria-disabled')).toBe('true');
    // The focus did not fall onto the page with the deleted recording's button.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
  });
});
