// Repeat, A-B loop and shadowing in real Chromium with the real narration, timed against the timed
// transcript: each jump back or pause happens within 50 ms after the end the transcript gives (read
// off the <audio> element's own clock at the moment the app acts), lands exactly on the start, and a
// shadowing pause lasts the sentence's heard length × the factor, within 50 ms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioState, openPlayer, pressTimes, waitForPlaying, waitUntilReady, type PlayerApp } from './player-helpers';
import { clearMediaLog, jumpsBackTo, MEDIA_LOG_PROBE, mediaLog, ms, type MediaEvent } from './learning-helpers';

let app: PlayerApp;
const TOLERANCE = 0.05;
/** What the tests measured, printed at the end (for the report). */
const measured: Record<string, number[]> = {};

beforeAll(async () => {
  app = await openPlayer({ beforeOpen: (started) => started.page.addInitScript(MEDIA_LOG_PROBE) });
  await waitUntilReady(app.page);
});

afterAll(async () => {
  for (const [what, values] of Object.entries(measured)) console.log(`[learning timing] ${what}: ${values.join(', ')} ms`);
  await app?.close();
});

function sentence(id: string) {
  const found = app.timing.tracks.de!.sentences.find((s) => s.id === id);
  if (!found) throw new Error(`no sentence ${id}`);
  return found;
}

async function pause(): Promise<void> {
  if (!(await audioState(app.page)).paused) {
    // Space is the play key unless a button or summary has the focus (then it presses that).
    await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await app.page.keyboard.press('Space');
    await waitForPlaying(app.page, false);
  }
}

/** Plays from a word (a click on it, as a reader would). */
async function playFromWord(sentenceId: string, word: number): Promise<void> {
  await app.page.locator(`[data-sentence="${sentenceId}"][data-lang="de"] [data-w="${word}"]`).click();
  await waitForPlaying(app.page, true);
}

async function waitForClock(past: number, timeout = 15_000): Promise<void> {
  await app.page.waitForFunction((t) => (window.__mitlesenAudio?.()?.currentTime ?? 0) > t, past, { timeout, polling: 20 });
}

function record(what: string, value: number): void {
  (measured[what] ??= []).push(value);
}

function expectJumpsOnTime(jumps: readonly MediaEvent[], end: number, what: string): void {
  for (const jump of jumps) {
    const late = jump.before - end;
    record(what, ms(late));
    expect(late, `${what}: acted ${ms(late)} ms after the end`).toBeGreaterThanOrEqual(-0.001);
    expect(late, `${what}: acted ${ms(late)} ms after the end`).toBeLessThanOrEqual(TOLERANCE);
  }
}

const announcement = () => app.page.getByTestId('learning-announcer').textContent();

describe('repeat', () => {
  it('hears a sentence 3 times (Shift+R): back to its exact start within 50 ms of each end, then goes on', async () => {
    const { page } = app;
    const s = sentence('s007');
    await playFromWord('s007', 0);
    await clearMediaLog(page);
    await page.keyboard.press('Shift+R');
    await expect.poll(announcement).toBe('Repeating the sentence 3 times.');
    // Three hearings of 0.76 s, then the narration goes on past the sentence.
    await waitForClock(s.end + 0.4);
    await expect.poll(announcement).toBe('Repeat finished.');
    await pause();
    const jumps = jumpsBackTo(await mediaLog(page), s.start);
    expect(jumps).toHaveLength(2);
    expectJumpsOnTime(jumps, s.end, 'repeat ×3, end → start');
    // Each jump lands on the sentence's start as the transcript gives it.
    for (const jump of jumps) expect(Math.abs(jump.value - s.start)).toBeLessThan(0.001);
  });

  it('repeats once (r): one jump back to the start, from wherever in the sentence', async () => {
    const { page } = app;
    const s = sentence('s012');
    await playFromWord('s012', 6);
    await clearMediaLog(page);
    await page.keyboard.press('r');
    await waitForClock(s.start + 0.5);
    await pause();
    const seeks = (await mediaLog(page)).filter((e) => e.kind === 'seek' && Math.abs(e.value - s.start) < 0.001);
    expect(seeks.length).toBeGreaterThanOrEqual(1);
    expect(seeks[0]!.before).toBeGreaterThan(s.words[6]![0] - 0.01);
  });

  it('rises from 0.7× to 1.0× (4 hearings), on time at each end, and gives back the listener’s speed', async () => {
    const { page } = app;
    const s = sentence('s007');
    // The listener's own speed: 1.2×.
    await pressTimes(page, '+', 2);
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('1.2×');
    const options = page.locator('.learning-options').first();
    await options.locator('summary').click();
    await page.getByLabel('Hearings for “Repeat ×”').fill('4');
    await page.getByLabel('Rising speed (0.7× to 1.0×)').check();
    await options.locator('summary').click();
    await playFromWord('s007', 0);
    await clearMediaLog(page);
    await page.keyboard.press('Shift+R');
    await expect.poll(announcement).toBe('Repeating the sentence 4 times, from 0.7× to 1×.');
    await waitForClock(s.end + 0.3, 20_000);
    await pause();
    const log = await mediaLog(page);
    const jumps = jumpsBackTo(log, s.start);
    expect(jumps).toHaveLength(3);
    expectJumpsOnTime(jumps, s.end, 'rising repeat, end → start');
    // The rate is set before each jump: the next hearing is faster.
    expect(jumps.map((j) => j.rate)).toEqual([0.8, 0.9, 1]);
    const rates = log.filter((e) => e.kind === 'rate').map((e) => e.value);
    expect(rates).toEqual(expect.arrayContaining([0.7, 0.8, 0.9, 1, 1.2]));
    expect(rates.at(-1)).toBe(1.2);
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('1.2×');
    // Back to the plain repeat and the usual speed for the tests that follow.
    await options.locator('summary').click();
    await page.getByLabel('Rising speed (0.7× to 1.0×)').uncheck();
    await page.getByLabel('Hearings for “Repeat ×”').fill('3');
    await options.locator('summary').click();
    await pressTimes(page, '-', 2);
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('1.0×');
  });
});

describe('A-B loop', () => {
  it('loops selected words (Shift+A): back to the first word’s start within 50 ms of the last word’s end; Shift+L clears', async () => {
    const { page } = app;
    const s = sentence('s012');
    const a = s.words[2]![0];
    const b = s.words[4]![1];
    await pause();
    await page.evaluate(() => {
      const words = document.querySelectorAll('[data-sentence="s012"][data-lang="de"] [data-w]');
      const range = document.createRange();
      range.setStart(words[2]!.firstChild!, 0);
      range.setEnd(words[4]!.firstChild!, words[4]!.textContent!.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await clearMediaLog(page);
    await page.keyboard.press('Shift+A');
    await waitForPlaying(page, true);
    const status = page.getByTestId('learning-status');
    await expect.poll(async () => Number(await status.getAttribute('data-loop-a'))).toBe(a);
    expect(Number(await status.getAttribute('data-loop-b'))).toBe(b);
    // Three rounds of 0.94 s.
    await expect.poll(async () => jumpsBackTo(await mediaLog(page), a).length, { timeout: 8000 }).toBeGreaterThanOrEqual(3);
    const jumps = jumpsBackTo(await mediaLog(page), a);
    expectJumpsOnTime(jumps, b, 'loop over a selection, B → A');
    await page.keyboard.press('Shift+L');
    await expect.poll(announcement).toBe('Loop cleared.');
    const count = jumpsBackTo(await mediaLog(page), a).length;
    await waitForClock(b + 0.3);
    await pause();
    expect(jumpsBackTo(await mediaLog(page), a)).toHaveLength(count);
  });

  it('sets A and B with the keys at the words heard, and loops between them', async () => {
    const { page } = app;
    const s = sentence('s012');
    // Paused in word 3 or soon after, `a` takes the start of the word heard; then play on, set B.
    await playFromWord('s012', 3);
    await pause();
    const pausedAt = (await audioState(page)).time;
    const heard = s.words.find(([start, end]) => pausedAt >= start - 0.001 && pausedAt <= end);
    await page.keyboard.press('a');
    await page.keyboard.press('Space');
    await waitForPlaying(page, true);
    await page.waitForTimeout(500);
    await page.keyboard.press('b');
    const status = page.getByTestId('learning-status');
    await expect.poll(async () => status.getAttribute('data-loop-b')).not.toBeNull();
    const a = Number(await status.getAttribute('data-loop-a'));
    const b = Number(await status.getAttribute('data-loop-b'));
    // A snapped to the start of the word heard when `a` was pressed (between words: the time).
    expect(a).toBe(heard ? heard[0] : pausedAt);
    expect(b).toBeGreaterThan(a);
    expect(await announcement()).toMatch(/^Loop set from 0:3\d\.\d to 0:3\d\.\d\.$/);
    await clearMediaLog(page);
    await expect.poll(async () => jumpsBackTo(await mediaLog(page), a).length, { timeout: 8000 }).toBeGreaterThanOrEqual(2);
    expectJumpsOnTime(jumpsBackTo(await mediaLog(page), a), b, 'A-B loop by keys, B → A');
    await page.keyboard.press('Shift+L');
    await pause();
  });
});

describe('shadowing', () => {
  async function expectShadowing(ids: string[], rate: number, factor: number, what: string): Promise<void> {
    const log = await mediaLog(app.page);
    for (const id of ids) {
      const s = sentence(id);
      const paused = log.find((e) => e.kind === 'pause' && e.before > s.end - 0.1 && e.before < s.end + 0.2);
      expect(paused, `a pause at the end of ${id}`).toBeDefined();
      const late = paused!.before - s.end;
      record(`${what}: pause after the end`, ms(late));
      expect(late).toBeGreaterThanOrEqual(-0.001);
      expect(late).toBeLessThanOrEqual(TOLERANCE);
      const resumed = log.find((e) => e.kind === 'play' && e.wall > paused!.wall);
      expect(resumed, `playback resumed after ${id}`).toBeDefined();
      const waited = (resumed!.wall - paused!.wall) / 1000;
      const expected = ((s.end - s.start) / rate) * factor;
      record(`${what}: pause length − expected`, ms(waited - expected));
      expect(Math.abs(waited - expected), `pause after ${id}: ${ms(waited)} ms, expected ${ms(expected)} ms`).toBeLessThanOrEqual(TOLERANCE);
    }
  }

  it('pauses after each sentence for its heard length (factor 1 at 1.5×), within 50 ms, then goes on', async () => {
    const { page } = app;
    await pressTimes(page, '+', 5);
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('1.5×');
    await page.keyboard.press('s');
    await expect.poll(announcement).toBe('Shadowing on: after each sentence there is a pause of 1 times its length.');
    expect(await page.getByRole('button', { name: 'Shadowing: pause after each sentence to say it yourself' }).getAttribute('aria-pressed')).toBe('true');
    await playFromWord('s071', 0);
    await clearMediaLog(page);
    await expect.poll(async () => page.getByTestId('learning-status').getAttribute('data-waiting'), { timeout: 5000 }).toBe('true');
    await waitForClock(sentence('s073').start + 0.2, 20_000);
    await expectShadowing(['s071', 's072'], 1.5, 1, 'shadowing ×1 at 1.5×');
    await pause();
    await pressTimes(page, '-', 5);
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('1.0×');
  });

  it('uses the factor the learner sets (2×)', async () => {
    const { page } = app;
    const options = page.locator('.learning-options').first();
    await options.locator('summary').click();
    await page.getByLabel('Shadowing pause (× sentence length)').fill('2');
    await options.locator('summary').click();
    await playFromWord('s148', 0);
    await clearMediaLog(page);
    await waitForClock(sentence('s149').start + 0.1, 15_000);
    await expectShadowing(['s148'], 1, 2, 'shadowing ×2 at 1×');
    await page.keyboard.press('s');
    await expect.poll(announcement).toBe('Shadowing off.');
    await pause();
    // The factor is a setting: it was saved.
    const { settings } = await app.services.handlers.getSettings(undefined);
    expect(settings.shadowingFactor).toBe(2);
  });
});
