// For the learning tools' end-to-end tests: a log of what the app did to the narration's <audio>
// element (every pause, play, seek and rate change, with the element's own clock at that moment
// and the page's wall clock), so repeat, loop and shadowing can be timed against the transcript.
import type { Page } from 'playwright-core';

export interface MediaEvent {
  kind: 'pause' | 'play' | 'seek' | 'rate';
  /** performance.now() in the page, ms. */
  wall: number;
  /** The element's currentTime just before the call (what the clock said when the app acted). */
  before: number;
  /** The time sought to, or the new rate. */
  value: number;
  rate: number;
}

/** Patches HTMLMediaElement so calls on narration media (src with /media/) are logged. */
export const MEDIA_LOG_PROBE = `(() => {
  const proto = HTMLMediaElement.prototype;
  const time = Object.getOwnPropertyDescriptor(proto, 'currentTime');
  const rate = Object.getOwnPropertyDescriptor(proto, 'playbackRate');
  const log = [];
  window.__mediaLog = log;
  const mine = (el) => typeof el.src === 'string' && el.src.includes('/media/');
  const entry = (el, kind, value) => ({ kind, wall: performance.now(), before: time.get.call(el), value, rate: rate.get.call(el) });
  Object.defineProperty(proto, 'currentTime', {
    configurable: true,
    get() { return time.get.call(this); },
    set(value) { if (mine(this)) log.push(entry(this, 'seek', value)); time.set.call(this, value); },
  });
  Object.defineProperty(proto, 'playbackRate', {
    configurable: true,
    get() { return rate.get.call(this); },
    set(value) { if (mine(this)) log.push(entry(this, 'rate', value)); rate.set.call(this, value); },
  });
  const pause = proto.pause;
  proto.pause = function () { if (mine(this)) log.push(entry(this, 'pause', 0)); return pause.call(this); };
  const play = proto.play;
  proto.play = function () { if (mine(this)) log.push(entry(this, 'play', 0)); return play.call(this); };
})();`;

declare global {
  interface Window {
    __mediaLog?: MediaEvent[];
  }
}

export async function clearMediaLog(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__mediaLog!.length = 0;
  });
}

export function mediaLog(page: Page): Promise<MediaEvent[]> {
  return page.evaluate(() => window.__mediaLog!.slice());
}

/** Jumps back to `target` (a seek from well after it): the repeat's and the loop's action. */
export function jumpsBackTo(log: readonly MediaEvent[], target: number): MediaEvent[] {
  return log.filter((e) => e.kind === 'seek' && Math.abs(e.value - target) < 0.002 && e.before > target + 0.2);
}

/** Milliseconds, rounded to 0.1, for the report. */
export function ms(seconds: number): number {
  return Math.round(seconds * 10_000) / 10;
}
