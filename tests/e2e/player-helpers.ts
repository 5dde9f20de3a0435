// Shared by the player's end-to-end tests and its benchmark: open the real app with a probe that
// sees the <audio> element howler plays (the test's own window on the audio clock, so the app needs
// no test hooks), and compare what the clock says with what the transcript shows.
import type { Page } from 'playwright-core';
import type { OpenedDocument } from '../../common/bridge/contract';
import type { Lang } from '../../common/edition/model';
import { expandTiming } from '../../common/timing/compact';
import { buildTimeline, TimelineCursor, type Timeline } from '../../common/timing/lookup';
import type { NarrationTrack, TimedTranscript } from '../../common/timing/model';
import { startApp, type RunningApp, type StartAppOptions } from './support/app';

export const DOCUMENT_ID = 'china-sieht-alles';

export interface PlayerApp extends RunningApp {
  bundle: OpenedDocument;
  timing: TimedTranscript;
}

/**
 * Records every Audio element the page creates (howler makes its HTML5 audio with `new Audio()`),
 * so a test can read the clock the app plays by: the last one whose source is narration media.
 */
export const AUDIO_PROBE = `(() => {
  // tsx (used by the benchmarks) compiles functions handed to page.evaluate with esbuild's
  // keepNames, which calls a __name helper that only exists in Node; give the page a no-op one.
  window.__name = window.__name || ((fn) => fn);
  const Original = window.Audio;
  const created = [];
  function ProbedAudio(...args) {
    const element = new Original(...args);
    created.push(element);
    return element;
  }
  ProbedAudio.prototype = Original.prototype;
  window.Audio = ProbedAudio;
  window.__mitlesenAudio = () => {
    for (let i = created.length - 1; i >= 0; i--) if (created[i].src.includes('/media/')) return created[i];
    return null;
  };
})();`;

declare global {
  interface Window {
    __mitlesenAudio?: () => HTMLAudioElement | null;
  }
}

export async function openPlayer(options: Omit<StartAppOptions, 'open'> & { beforeOpen?: (app: RunningApp) => Promise<unknown> } = {}): Promise<PlayerApp> {
  const { beforeOpen, ...startOptions } = options;
  const app = await startApp({ ...startOptions, open: false });
  await app.page.addInitScript(AUDIO_PROBE);
  if (beforeOpen) await beforeOpen(app);
  await app.page.goto(app.host.url);
  const bundle = await app.services.handlers.loadDocument({ documentId: DOCUMENT_ID });
  if (!bundle.timing) throw new Error(`the narration is not built: ${bundle.timingProblem}`);
  // The bridge sends the compact form; the tests compare against the timings in object form.
  return Object.assign(app, { bundle, timing: expandTiming(bundle.timing) });
}

export async function waitUntilReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-player-status="ready"]', { timeout: 30_000 });
}

export interface AudioState {
  time: number;
  paused: boolean;
  rate: number;
  preservesPitch: boolean;
  src: string;
}

export function audioState(page: Page): Promise<AudioState> {
  return page.evaluate(() => {
    const audio = window.__mitlesenAudio?.();
    if (!audio) throw new Error('no narration audio element yet');
    return { time: audio.currentTime, paused: audio.paused, rate: audio.playbackRate, preservesPitch: audio.preservesPitch, src: audio.src };
  });
}

/** Waits until the (paused or playing) clock is within `tolerance` of `time`. */
export async function waitForTime(page: Page, time: number, tolerance = 0.001): Promise<number> {
  let last = Number.NaN;
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    last = (await audioState(page)).time;
    if (Math.abs(last - time) <= tolerance) return last;
    await page.waitForTimeout(20);
  }
  throw new Error(`the clock did not reach ${time.toFixed(3)} s (it is at ${last.toFixed(3)} s)`);
}

export async function waitForPlaying(page: Page, playing: boolean): Promise<void> {
  await page.waitForFunction((wanted) => {
    const audio = window.__mitlesenAudio?.();
    return audio !== null && audio !== undefined && audio.paused === !wanted;
  }, playing);
}

/** Pauses with the Pause button if playing; not Space, which presses whatever button has the focus. */
export async function pauseIfPlaying(page: Page): Promise<void> {
  if (!(await audioState(page)).paused) {
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await waitForPlaying(page, false);
  }
}

export interface HighlightState {
  word: { sentence: string; lang: string; index: number; text: string } | null;
  sentences: string[];
  currentUnit: string | null;
}

export function highlightState(page: Page): Promise<HighlightState> {
  return page.evaluate(() => {
    const word = document.querySelector<HTMLElement>('.is-current-word');
    const sentence = word?.closest<HTMLElement>('[data-sentence]');
    return {
      word: word && sentence ? { sentence: sentence.dataset.sentence!, lang: sentence.dataset.lang!, index: Number(word.dataset.w), text: word.textContent ?? '' } : null,
      sentences: Array.from(document.querySelectorAll<HTMLElement>('.sentence.is-current')).map((e) => `${e.dataset.lang}:${e.dataset.sentence}`),
      currentUnit: document.querySelector<HTMLElement>('[data-unit][aria-current="true"]')?.dataset.unit ?? null,
    };
  });
}

export function timelineOf(timing: TimedTranscript, lang: Lang): Timeline {
  const track = timing.tracks[lang]!;
  return buildTimeline(track.sentences, track.duration);
}

/** The sentence and word the clock says at `time`, by the same rule the app uses. */
export function expectedAt(timeline: Timeline, time: number): { sentence: string | null; word: number } {
  const cursor = new TimelineCursor(timeline);
  cursor.moveTo(time);
  return { sentence: cursor.sentenceId(), word: cursor.wordInSentence() };
}

export function sentenceStart(track: NarrationTrack, id: string): number {
  const found = track.sentences.find((s) => s.id === id);
  if (!found) throw new Error(`sentence ${id} is not narrated in ${track.lang}`);
  return found.start;
}

// ---- Highlight sampling (e2e and benchmark) ------------------------------------------------------

export interface SamplerInput {
  /** Start times of every word of the narrated track, in order. */
  wordStarts: number[];
  /** When each word stops being current: the next word's start, or the next sentence's start. */
  wordEnds: number[];
  /** `${sentenceId}:${indexInSentence}` of each word. */
  wordKeys: string[];
  sentenceStarts: number[];
  /** Index of each sentence's first word (one extra entry at the end). */
  firstWord: number[];
  lang: Lang;
  /** Also simulate a highlighter driven by the media element's `timeupdate` event. */
  withBaseline: boolean;
}

export function samplerInput(timing: TimedTranscript, lang: Lang, withBaseline: boolean): SamplerInput {
  const timeline = timelineOf(timing, lang);
  const wordKeys: string[] = [];
  const wordEnds: number[] = [];
  const sentenceStarts = Array.from(timeline.sentenceStarts);
  const firstWord = Array.from(timeline.firstWord);
  timeline.sentenceIds.forEach((id, s) => {
    for (let w = firstWord[s]!; w < firstWord[s + 1]!; w++) {
      wordKeys.push(`${id}:${w - firstWord[s]!}`);
      const nextWord = w + 1 < firstWord[s + 1]! ? timeline.wordStarts[w + 1]! : Number.POSITIVE_INFINITY;
      const nextSentence = s + 1 < sentenceStarts.length ? sentenceStarts[s + 1]! : timeline.duration;
      wordEnds.push(Math.min(nextWord, nextSentence));
    }
  });
  return { wordStarts: Array.from(timeline.wordStarts), wordEnds, wordKeys, sentenceStarts, firstWord, lang, withBaseline };
}

export interface FrameSample {
  /** Absolute lag of the highlighted word behind (or ahead of) the clock, in ms; 0 when right. */
  lagMs: number;
  /** Same for the timeupdate-driven baseline (NaN when not sampled). */
  baselineLagMs: number;
}

/**
 * Starts sampling in the page: once per animation frame (after the app's own frame callback), the
 * word the audio clock says against the word lit in the DOM, and against the baseline's word.
 */
export async function startSampling(page: Page, input: SamplerInput): Promise<void> {
  await page.evaluate((input) => {
    const audio = window.__mitlesenAudio?.();
    if (!audio) throw new Error('no audio');
    const tolerance = 0.0005;
    const lastAtOrBefore = (starts: number[], t: number, from = 0, to = starts.length): number => {
      let lo = from;
      let hi = to - 1;
      let answer = from - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= t + tolerance) {
          answer = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return answer;
    };
    const expectedWord = (t: number): number => {
      const s = lastAtOrBefore(input.sentenceStarts, t);
      if (s < 0) return -1;
      const w = lastAtOrBefore(input.wordStarts, t, input.firstWord[s]!, input.firstWord[s + 1]!);
      return w >= input.firstWord[s]! ? w : -1;
    };
    const keyIndex = new Map(input.wordKeys.map((key, i) => [key, i]));
    const lag = (shown: number, expected: number, t: number): number => {
      if (shown === expected) return 0;
      if (shown < 0) return Math.max(0, t - input.wordStarts[expected]!) * 1000;
      const start = input.wordStarts[shown]!;
      const end = input.wordEnds[shown]!;
      if (t >= end) return (t - end) * 1000;
      if (t < start) return (start - t) * 1000;
      return 0;
    };
    let baselineWord = -1;
    if (input.withBaseline) {
      baselineWord = expectedWord(audio.currentTime);
      audio.addEventListener('timeupdate', () => {
        baselineWord = expectedWord(audio.currentTime);
      });
    }
    const samples: { lagMs: number; baselineLagMs: number }[] = [];
    const state = { samples, running: true };
    (window as unknown as { __mitlesenSampler: typeof state }).__mitlesenSampler = state;
    const frame = () => {
      if (!state.running) return;
      requestAnimationFrame(frame);
      if (audio.paused) return;
      const t = audio.currentTime;
      const expected = expectedWord(t);
      const element = document.querySelector<HTMLElement>(`.is-current-word`);
      const sentence = element?.closest<HTMLElement>('[data-sentence]');
      const shown = element && sentence && sentence.dataset.lang === input.lang ? (keyIndex.get(`${sentence.dataset.sentence}:${element.dataset.w}`) ?? -1) : -1;
      samples.push({ lagMs: lag(shown, expected, t), baselineLagMs: input.withBaseline ? lag(baselineWord, expected, t) : Number.NaN });
    };
    // Registered from a task, after the app's loop has asked for its next frame: every frame, the
    // app's callback runs first and this one sees the DOM as it will be painted.
    requestAnimationFrame(frame);
  }, input);
}

export async function stopSampling(page: Page): Promise<FrameSample[]> {
  return page.evaluate(() => {
    const state = (window as unknown as { __mitlesenSampler?: { samples: FrameSample[]; running: boolean } }).__mitlesenSampler;
    if (!state) return [];
    state.running = false;
    return state.samples;
  });
}

/** Presses a key `times` times. */
export async function pressTimes(page: Page, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** The clock and the highlight read in one go (the same task, so they belong together). */
export function clockAndHighlight(page: Page): Promise<{ time: number; paused: boolean; word: HighlightState['word']; sentences: string[] }> {
  return page.evaluate(() => {
    const audio = window.__mitlesenAudio?.();
    const word = document.querySelector<HTMLElement>('.is-current-word');
    const sentence = word?.closest<HTMLElement>('[data-sentence]');
    return {
      time: audio?.currentTime ?? Number.NaN,
      paused: audio?.paused ?? true,
      word: word && sentence ? { sentence: sentence.dataset.sentence!, lang: sentence.dataset.lang!, index: Number(word.dataset.w), text: word.textContent ?? '' } : null,
      sentences: Array.from(document.querySelectorAll<HTMLElement>('.sentence.is-current')).map((e) => `${e.dataset.lang}:${e.dataset.sentence}`),
    };
  });
}

export function lagSummary(samples: readonly FrameSample[], key: keyof FrameSample = 'lagMs'): { frames: number; wrong: number; p50: number; p99: number; max: number } {
  const lags = samples.map((s) => s[key]).sort((a, b) => a - b);
  const at = (p: number) => lags[Math.min(lags.length - 1, Math.max(0, Math.ceil((p / 100) * lags.length) - 1))] ?? Number.NaN;
  return { frames: lags.length, wrong: lags.filter((l) => l > 0).length, p50: at(50), p99: at(99), max: lags[lags.length - 1] ?? Number.NaN };
}
