// The learner's sentence tools as one small state machine: repeat a span (once, N times, or at rising
// speed), loop A-B, and shadowing (after each sentence, wait for the sentence's own length times a
// factor, then go on). It owns no clock and no timer: the player feeds it every animation frame
// (`frame`), it answers with actions (seek, pause, play, set the rate, wait, announce), and the
// caller runs them. So it is tested with made-up frames, without a DOM or audio.
//
// What counts as "reaching an end": the clock crossed the end between two consecutive frames of
// steady playback (previous time < end <= this time), having been inside the span before. A jump
// (the listener's seek, or ours) is not a crossing; `seeked`/`jumped` tell the machine about them.

export interface Span {
  start: number;
  end: number;
}

/** The sentence ends of the narrated track, ascending (the timeline's `sentenceEnds`). */
export type SentenceEnds = ArrayLike<number>;

export type LearningMessage =
  | { key: 'repeatOnce' }
  | { key: 'repeatMany'; count: number }
  | { key: 'repeatRising'; count: number; from: number; to: number }
  | { key: 'repeatDone' }
  | { key: 'repeatStopped' }
  /** A span played with `stopAtEnd` reached its end and paused there (not read out). */
  | { key: 'spanPlayed' }
  | { key: 'loopStart'; time: number }
  | { key: 'loopSet'; from: number; to: number }
  | { key: 'loopInvalid' }
  | { key: 'loopCleared' }
  | { key: 'shadowingOn'; factor: number }
  | { key: 'shadowingOff' };

export type LearningAction =
  | { type: 'seek'; time: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** A rate for the repeat under way only (the listener's own rate is restored after). */
  | { type: 'setRate'; rate: number }
  /** Call `tick(now)` after this many milliseconds (the shadowing pause). */
  | { type: 'wait'; ms: number }
  | { type: 'announce'; message: LearningMessage };

export interface RepeatState {
  span: Span;
  /** One entry per hearing; null keeps the listener's rate. */
  rates: (number | null)[];
  /** The hearing under way, from 0. */
  pass: number;
  /** The rate to go back to when a rising repeat ends. */
  restoreRate: number | null;
  /** Pause at the end of the last hearing instead of going on (no shadowing pause either). */
  stopAtEnd: boolean;
}

export interface LearningSnapshot {
  repeat: { pass: number; passes: number; span: Span; rising: boolean } | null;
  loop: { a: number | null; b: number | null };
  loopActive: boolean;
  shadowing: boolean;
  shadowingFactor: number;
  /** A shadowing pause is under way: playback resumes at `until` (caller's clock, ms). */
  waiting: { until: number; ms: number } | null;
}

export const RISING_FROM = 0.7;
export const RISING_TO = 1.0;
export const MIN_SHADOWING_FACTOR = 0.5;
export const MAX_SHADOWING_FACTOR = 3;
export const MIN_REPEAT_COUNT = 2;
export const MAX_REPEAT_COUNT = 10;
/** A timer may fire a little early; closer than this to the end of the wait counts as done. */
const WAIT_SLACK_MS = 2;
/** Times are milliseconds in the timing file; allow for their rounding. */
const EPSILON = 0.002;

/** The rates of a rising repeat: `count` hearings from 0.7× up to 1.0×, in steps rounded to 0.05. */
export function risingRates(count: number): number[] {
  const n = Math.max(2, Math.round(count));
  return Array.from({ length: n }, (_, i) => Math.round((RISING_FROM + ((RISING_TO - RISING_FROM) * i) / (n - 1)) * 20) / 20);
}

/** How long the shadowing pause after a span lasts, in ms: its length as heard, times the factor. */
export function shadowingPauseMs(span: Span, rate: number, factor: number): number {
  return (Math.max(0, span.end - span.start) / Math.max(0.1, rate)) * factor * 1000;
}

export function clampFactor(factor: number): number {
  if (!Number.isFinite(factor)) return 1;
  return Math.round(Math.min(MAX_SHADOWING_FACTOR, Math.max(MIN_SHADOWING_FACTOR, factor)) * 10) / 10;
}

export function clampRepeatCount(count: number): number {
  if (!Number.isFinite(count)) return 3;
  return Math.min(MAX_REPEAT_COUNT, Math.max(MIN_REPEAT_COUNT, Math.round(count)));
}

/** The index of the last end in (previous, time], or -1: the sentence end the clock just crossed. */
export function crossedEnd(ends: SentenceEnds, previous: number, time: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && ends[found]! > previous ? found : -1;
}

export class LearningScheduler {
  private ends: SentenceEnds;
  private starts: ArrayLike<number>;
  private repeat: RepeatState | null = null;
  private loopA: number | null = null;
  private loopB: number | null = null;
  private shadowing = false;
  private factor = 1;
  private waiting: { until: number; ms: number } | null = null;
  /** The last time seen, for crossing detection; null right after a jump. */
  private lastTime: number | null = null;
  private version = 0;
  private cached: LearningSnapshot | null = null;

  constructor(sentences: { starts: ArrayLike<number>; ends: SentenceEnds }, options: { shadowing?: boolean; factor?: number } = {}) {
    this.starts = sentences.starts;
    this.ends = sentences.ends;
    this.shadowing = options.shadowing ?? false;
    this.factor = clampFactor(options.factor ?? 1);
  }

  /** Another track (the narration language changed): spans in the old times mean nothing now. */
  setSentences(sentences: { starts: ArrayLike<number>; ends: SentenceEnds }): LearningAction[] {
    this.starts = sentences.starts;
    this.ends = sentences.ends;
    const actions = this.stopRepeat(false);
    this.loopA = null;
    this.loopB = null;
    this.waiting = null;
    this.lastTime = null;
    this.changed();
    return actions;
  }

  snapshot(): LearningSnapshot {
    if (this.cached) return this.cached;
    const repeat = this.repeat;
    this.cached = {
      repeat: repeat ? { pass: repeat.pass, passes: repeat.rates.length, span: repeat.span, rising: repeat.rates.some((r) => r !== null) } : null,
      loop: { a: this.loopA, b: this.loopB },
      loopActive: this.loopActive(),
      shadowing: this.shadowing,
      shadowingFactor: this.factor,
      waiting: this.waiting,
    };
    return this.cached;
  }

  /** Bumped on every change a view may show (for useSyncExternalStore-style readers). */
  get revision(): number {
    return this.version;
  }

  // ---- The clock ------------------------------------------------------------------------------

  /**
   * One animation frame: the clock's time, whether it plays, the rate, and the caller's wall clock
   * in ms (for the shadowing pause). Returns what to do now.
   */
  frame(time: number, playing: boolean, rate: number, now: number): LearningAction[] {
    if (this.waiting) {
      // Playing during the pause: the listener went on early (Play); the pause is over.
      if (playing) {
        this.waiting = null;
        this.lastTime = time;
        this.changed();
      }
      return [];
    }
    const previous = this.lastTime;
    this.lastTime = time;
    if (!playing || previous === null || time < previous) return [];

    const repeat = this.repeat;
    if (repeat && previous >= repeat.span.start - EPSILON && previous < repeat.span.end && time >= repeat.span.end) {
      return this.endOfPass(repeat, rate, now);
    }
    if (this.loopActive()) {
      const a = this.loopA!;
      const b = this.loopB!;
      if (previous >= a - EPSILON && previous < b && time >= b) {
        return [...this.shadowPause({ start: a, end: b }, rate, now), ...this.seekTo(a)];
      }
    }
    if (this.shadowing) {
      const i = crossedEnd(this.ends, previous, time);
      if (i >= 0) return this.shadowPause({ start: this.starts[i]!, end: this.ends[i]! }, rate, now);
    }
    return [];
  }

  /** The wait asked for by a 'wait' action has passed (or a timer fired): resume if it is time. */
  tick(now: number): LearningAction[] {
    if (!this.waiting) return [];
    const left = this.waiting.until - now;
    if (left > WAIT_SLACK_MS) return [{ type: 'wait', ms: left }];
    this.waiting = null;
    this.changed();
    return [{ type: 'play' }];
  }

  /** Our own seek landed at `time` (not a crossing). */
  seeked(time: number): void {
    this.lastTime = time;
  }

  /**
   * The listener moved the place (seek, navigation, click). A repeat of a span left behind ends; a
   * shadowing pause ends too (the listener is in charge again and playback stays as they left it).
   */
  jumped(time: number): LearningAction[] {
    this.lastTime = time;
    const actions: LearningAction[] = [];
    if (this.waiting) {
      this.waiting = null;
      this.changed();
    }
    const repeat = this.repeat;
    if (repeat && (time < repeat.span.start - EPSILON || time > repeat.span.end + EPSILON)) actions.push(...this.stopRepeat(true));
    return actions;
  }

  // ---- Commands -------------------------------------------------------------------------------

  /**
   * Hears `span` again from its start, `passes` times in all (at `rates` when given, one per
   * hearing), then goes on. `userRate` is the rate to restore after a rising repeat.
   */
  startRepeat(span: Span, passes: number, options: { rising?: boolean; userRate?: number; stopAtEnd?: boolean } = {}): LearningAction[] {
    // A rising repeat under way holds the listener's own rate: a new rising one keeps it.
    const heldRate = this.repeat?.restoreRate ?? null;
    const rising = options.rising === true;
    const previous = rising && heldRate !== null ? this.dropRepeat() : this.stopRepeat(false);
    const rates = rising ? risingRates(passes) : Array.from({ length: Math.max(1, Math.round(passes)) }, () => null);
    const stopAtEnd = options.stopAtEnd === true;
    this.repeat = { span: { ...span }, rates, pass: 0, restoreRate: rising ? (heldRate ?? options.userRate ?? 1) : null, stopAtEnd };
    this.waiting = null;
    this.changed();
    const message: LearningMessage =
      rates.length === 1
        ? { key: 'repeatOnce' }
        : rising
          ? { key: 'repeatRising', count: rates.length, from: rates[0]!, to: rates[rates.length - 1]! }
          : { key: 'repeatMany', count: rates.length };
    const first = rates[0];
    return [
      ...previous.filter((a) => a.type !== 'announce'),
      ...(first != null ? [{ type: 'setRate', rate: first } as const] : []),
      ...this.seekTo(span.start),
      { type: 'play' },
      ...(stopAtEnd ? [] : [{ type: 'announce', message } as const]),
    ];
  }

  /** Stops a repeat under way (playback goes on from where it is). */
  cancelRepeat(): LearningAction[] {
    return this.stopRepeat(true);
  }

  /** Sets the loop's start; a later end that is not after it is dropped. */
  setLoopStart(time: number): LearningAction[] {
    this.loopA = Math.max(0, time);
    if (this.loopB !== null && this.loopB <= this.loopA + EPSILON) this.loopB = null;
    this.changed();
    if (this.loopB !== null) return [{ type: 'announce', message: { key: 'loopSet', from: this.loopA, to: this.loopB } }];
    return [{ type: 'announce', message: { key: 'loopStart', time: this.loopA } }];
  }

  /** Sets the loop's end; with a start before it, the loop is on (from the next crossing). */
  setLoopEnd(time: number, fallbackStart: number): LearningAction[] {
    const a = this.loopA ?? fallbackStart;
    if (time <= a + EPSILON) return [{ type: 'announce', message: { key: 'loopInvalid' } }];
    this.loopA = a;
    this.loopB = time;
    this.changed();
    return [{ type: 'announce', message: { key: 'loopSet', from: a, to: time } }];
  }

  /** Loops `span` and plays it from its start. */
  loopSpan(span: Span): LearningAction[] {
    if (span.end <= span.start + EPSILON) return [{ type: 'announce', message: { key: 'loopInvalid' } }];
    const stopped = this.stopRepeat(false).filter((a) => a.type !== 'announce');
    this.loopA = span.start;
    this.loopB = span.end;
    this.waiting = null;
    this.changed();
    return [...stopped, ...this.seekTo(span.start), { type: 'play' }, { type: 'announce', message: { key: 'loopSet', from: span.start, to: span.end } }];
  }

  /** Clears the loop and stops a repeat. */
  clearLoop(): LearningAction[] {
    const had = this.loopA !== null || this.loopB !== null || this.repeat !== null;
    const stopped = this.stopRepeat(false);
    this.loopA = null;
    this.loopB = null;
    this.changed();
    return had ? [...stopped.filter((a) => a.type !== 'announce'), { type: 'announce', message: { key: 'loopCleared' } }] : [];
  }

  setShadowing(on: boolean): LearningAction[] {
    if (on === this.shadowing) return [];
    this.shadowing = on;
    const resume: LearningAction[] = [];
    if (!on && this.waiting) {
      // Turned off during a pause: go on now rather than leave the listener waiting.
      this.waiting = null;
      resume.push({ type: 'play' });
    }
    this.changed();
    return [...resume, { type: 'announce', message: on ? { key: 'shadowingOn', factor: this.factor } : { key: 'shadowingOff' } }];
  }

  setShadowingFactor(factor: number): void {
    this.factor = clampFactor(factor);
    this.changed();
  }

  // ---- Internals ------------------------------------------------------------------------------

  private loopActive(): boolean {
    return this.loopA !== null && this.loopB !== null && this.loopB > this.loopA;
  }

  private endOfPass(repeat: RepeatState, rate: number, now: number): LearningAction[] {
    const heardAt = repeat.rates[repeat.pass] ?? rate;
    repeat.pass++;
    if (repeat.pass < repeat.rates.length) {
      const next = repeat.rates[repeat.pass];
      this.changed();
      return [
        ...this.shadowPause(repeat.span, heardAt, now),
        ...(next != null ? [{ type: 'setRate', rate: next } as const] : []),
        ...this.seekTo(repeat.span.start),
      ];
    }
    // The last hearing ended: go on with the text (after the shadowing pause, if on).
    const restore = repeat.restoreRate;
    this.repeat = null;
    this.changed();
    if (repeat.stopAtEnd) {
      return [{ type: 'pause' }, ...(restore !== null ? [{ type: 'setRate', rate: restore } as const] : []), { type: 'announce', message: { key: 'spanPlayed' } }];
    }
    return [
      ...this.shadowPause(repeat.span, heardAt, now),
      ...(restore !== null ? [{ type: 'setRate', rate: restore } as const] : []),
      { type: 'announce', message: { key: 'repeatDone' } },
    ];
  }

  private shadowPause(span: Span, rate: number, now: number): LearningAction[] {
    if (!this.shadowing) return [];
    const ms = shadowingPauseMs(span, rate, this.factor);
    this.waiting = { until: now + ms, ms };
    this.changed();
    return [{ type: 'pause' }, { type: 'wait', ms }];
  }

  private seekTo(time: number): LearningAction[] {
    this.lastTime = time;
    return [{ type: 'seek', time }];
  }

  private dropRepeat(): LearningAction[] {
    this.repeat = null;
    return [];
  }

  private stopRepeat(announce: boolean): LearningAction[] {
    const repeat = this.repeat;
    if (!repeat) return [];
    this.repeat = null;
    this.changed();
    const actions: LearningAction[] = [];
    if (repeat.restoreRate !== null) actions.push({ type: 'setRate', rate: repeat.restoreRate });
    if (announce) actions.push({ type: 'announce', message: { key: 'repeatStopped' } });
    return actions;
  }

  private changed(): void {
    this.version++;
    this.cached = null;
  }
}
