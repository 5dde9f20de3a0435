// Playback end to end in real Chromium with the real narration: the highlight follows the audio
// clock word by word in both languages, at 1x and at 3x; a click on a word plays from that word;
// switching the narration language keeps the sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentenceInLanguage } from '../../common/timing/navigate';
import {
  audioState,
  clockAndHighlight,
  expectedAt,
  lagSummary,
  openPlayer,
  pressTimes,
  samplerInput,
  sentenceStart,
  startSampling,
  stopSampling,
  timelineOf,
  waitForPlaying,
  waitForTime,
  waitUntilReady,
  type PlayerApp,
  pauseIfPlaying,
} from './player-helpers';

let app: PlayerApp;

beforeAll(async () => {
  app = await openPlayer();
  await waitUntilReady(app.page);
});

afterAll(async () => {
  await app?.close();
});

describe('the player', () => {
  it('plays, and the highlight follows the clock word by word in both languages', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlaying(page, true);
    await page.waitForTimeout(300);
    await startSampling(page, samplerInput(app.timing, 'de', false));
    const words = new Set<string>();
    const sentences = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const state = await clockAndHighlight(page);
      if (state.word) words.add(`${state.word.sentence}:${state.word.index}`);
      for (const s of state.sentences) sentences.add(s);
      await page.waitForTimeout(200);
    }
    const lag = lagSummary(await stopSampling(page));
    await pauseIfPlaying(app.page);

    expect(words.size).toBeGreaterThanOrEqual(5);
    expect([...sentences].some((s) => s.startsWith('de:'))).toBe(true);
    expect([...sentences].some((s) => s.startsWith('en:'))).toBe(true);
    expect(lag.frames).toBeGreaterThan(60);
    // At most one frame behind, on (almost) every frame.
    expect(lag.p99).toBeLessThanOrEqual(17);
    expect(lag.wrong / lag.frames).toBeLessThan(0.03);
  });

  it('lights the sentence in the other language that says the same', async () => {
    const state = await clockAndHighlight(app.page);
    const timeline = timelineOf(app.timing, 'de');
    const expected = expectedAt(timeline, state.time);
    expect(state.sentences).toContain(`de:${expected.sentence}`);
    expect(state.sentences).toContain(`en:${sentenceInLanguage(app.bundle.edition, expected.sentence!, 'en')}`);
  });

  it('plays from a clicked word, from that word’s start', async () => {
    const { page } = app;
    const track = app.timing.tracks.de!;
    const sentence = track.sentences.find((s) => s.id === 's012')!;
    const wordIndex = 3;
    await page.locator('[data-sentence="s012"][data-lang="de"] [data-w="3"]').click();
    await waitForPlaying(page, true);
    const state = await clockAndHighlight(page);
    await pauseIfPlaying(app.page);
    const wordStart = sentence.words[wordIndex]![0];
    expect(state.time).toBeGreaterThanOrEqual(wordStart - 0.001);
    expect(state.time).toBeLessThan(wordStart + 0.5);
    const expected = expectedAt(timelineOf(app.timing, 'de'), state.time);
    expect(state.word).toMatchObject({ sentence: expected.sentence, index: expected.word, lang: 'de' });
  });

  it('keeps the highlight exact at 3x (and the pitch), and goes down to 0.5x', async () => {
    const { page } = app;
    await pressTimes(page, '+', 25);
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('3.0×');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlaying(page, true);
    const audio = await audioState(page);
    expect(audio.rate).toBe(3);
    expect(audio.preservesPitch).toBe(true);
    await page.waitForTimeout(200);
    await startSampling(page, samplerInput(app.timing, 'de', false));
    await page.waitForTimeout(2500);
    const lag = lagSummary(await stopSampling(page));
    await pauseIfPlaying(app.page);
    expect(lag.frames).toBeGreaterThan(60);
    expect(lag.p99).toBeLessThanOrEqual(17);
    expect(lag.wrong / lag.frames).toBeLessThan(0.05);

    await pressTimes(page, '-', 30);
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('0.5×');
    await page.getByRole('button', { name: 'Faster' }).click();
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('0.6×');
    await pressTimes(page, '+', 4);
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('1.0×');
  });

  it('switches the narration language and keeps the sentence', async () => {
    const { page } = app;
    // s019 shares its English with another sentence in some editions; take one that maps either way.
    const germanId = 's020';
    await page.locator(`[data-unit] [data-sentence="${germanId}"][data-lang="de"]`).click();
    await waitForPlaying(page, true);
    await pauseIfPlaying(app.page);
    const here = (await clockAndHighlight(page)).sentences.find((s) => s.startsWith('de:'))!.slice(3);

    await page.keyboard.press('l');
    await expect.poll(async () => (await audioState(page)).src).toContain('/en');
    const englishId = sentenceInLanguage(app.bundle.edition, here, 'en');
    await waitForTime(page, sentenceStart(app.timing.tracks.en!, englishId));
    await expect.poll(async () => (await clockAndHighlight(page)).sentences).toContain(`en:${englishId}`);
    expect((await clockAndHighlight(page)).sentences).toContain(`de:${here}`);
    await expect(page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).resolves.toBe('true');

    // And back, while playing: German resumes at the start of the same sentence.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForPlaying(page, true);
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect.poll(async () => (await audioState(page)).src).toContain('/de');
    await waitForPlaying(page, true);
    const back = await clockAndHighlight(page);
    await pauseIfPlaying(app.page);
    expect(back.time).toBeGreaterThanOrEqual(sentenceStart(app.timing.tracks.de!, here) - 0.001);
    expect(back.time).toBeLessThan(sentenceStart(app.timing.tracks.de!, here) + 1);
  });

  it('mutes and sets the volume; keys in the volume slider move the slider, not the narration', async () => {
    const { page } = app;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const mute = page.getByRole('button', { name: 'Mute' });
    await page.keyboard.press('m');
    await expect.poll(async () => page.evaluate(() => window.__mitlesenAudio?.()?.muted)).toBe(true);
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    await mute.click();
    await expect.poll(async () => page.evaluate(() => window.__mitlesenAudio?.()?.muted)).toBe(false);
    const before = (await audioState(page)).time;
    await page.getByRole('slider', { name: 'Volume' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => page.evaluate(() => window.__mitlesenAudio?.()?.volume)).toBeCloseTo(0.9, 5);
    expect((await audioState(page)).time).toBe(before);
  });

  it('shows each layout, and lights the narration in it', async () => {
    const { page } = app;
    const layout = page.getByLabel('Layout');
    const lit = async () => (await clockAndHighlight(page)).sentences;
    await page.locator('[data-sentence="s025"][data-lang="de"]').click();
    await waitForPlaying(page, true);
    await pauseIfPlaying(app.page);

    await layout.selectOption('interleaved');
    await page.locator('.transcript.layout-interleaved').waitFor();
    await expect.poll(lit).toEqual(expect.arrayContaining(['de:s025']));
    expect((await lit()).some((s) => s.startsWith('en:'))).toBe(true);
    expect((await clockAndHighlight(page)).word?.lang).toBe('de');

    await layout.selectOption('de');
    await page.locator('.transcript.layout-de').waitFor();
    expect(await page.locator('[data-lang="en"]').count()).toBe(0);
    await expect.poll(lit).toEqual(['de:s025']);
    expect((await clockAndHighlight(page)).word?.sentence).toBe('s025');

    await layout.selectOption('en');
    await page.locator('.transcript.layout-en').waitFor();
    expect(await page.locator('[data-lang="de"]').count()).toBe(0);
    // German narration, English text: the English sentence that says the same is lit.
    await expect.poll(lit).toEqual([`en:${sentenceInLanguage(app.bundle.edition, 's025', 'en')}`]);
    expect(await page.locator('[data-unit][aria-current="true"]').count()).toBe(1);

    await layout.selectOption('side-by-side');
    await page.locator('.transcript.layout-side-by-side').waitFor();
    await expect.poll(lit).toEqual(expect.arrayContaining(['de:s025']));
  });
});

