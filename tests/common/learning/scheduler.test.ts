// The sentence tools' state machine, driven by a simulated player: frames every 1/60 s, a clock that
// advances at the playback rate, and the actions applied the way the renderer applies them.
import { describe, expect, it } from 'vitest';
import {
  clampFactor,
  clampRepeatCount,
  crossedEnd,
  LearningScheduler,
  risingRates,
  shadowingPauseMs,
  type LearningAction,
} from '../../../common/learning/scheduler';
import { sentenceSpanAt, sentencesSpan, snapLoopPoint, wordsSpan } from '../../../common/learning/spans';
import { buildTimeline } from '../../../common/timing/lookup';

// Three sentences with pauses between them, as the narration has.
const SENTENCES = [
  { id: 's001', start: 0.5, end: 1.7, words: [[0.5, 0.9], [1.0, 1.3], [1.35, 1.7]] as [number, number][] },
  { id: 's002', start: 2.2, end: 3.0, words: [[2.2, 2.6], [2.7, 3.0]] as [number, number][] },
  { id: 's003', start: 3.5, end: 5.5, words: [[3.5, 4.4], [4.5, 5.5]] as [number, number][] },
];
const timeline = buildTimeline(SENTENCES, 6);
const FRAME_MS = 1000 / 60;

interface Event {
  kind: 'seek' | 'pause' | 'play' | 'rate' | 'announce';
  /** Wall clock (ms) and media time when it happened. */
  now: number;
  time: number;
  value?: number;
  message?: string;
}

/** A player stand-in: runs frames and applies the scheduler's actions, logging what happened. */
class SimulatedPlayer {
  time = 0;
  now = 0;
  playing = false;
  rate = 1;
  events: Event[] = [];
  private tickAt: number | null = null;

  constructor(readonly scheduler: LearningScheduler) {}

  apply(actions: LearningAction[]): void {
    for (const action of actions) {
      if (action.type === 'seek') {
        this.events.push({ kind: 'seek', now: this.now, time: this.time, value: action.time });
        this.time = action.time;
        this.scheduler.seeked(action.time);
      } else if (action.type === 'pause') {
        this.playing = false;
        this.events.push({ kind: 'pause', now: this.now, time: this.time });
      } else if (action.type === 'play') {
        this.playing = true;
        this.events.push({ kind: 'play', now: this.now, time: this.time });
      } else if (action.type === 'setRate') {
        this.rate = action.rate;
        this.events.push({ kind: 'rate', now: this.now, time: this.time, value: action.rate });
      } else if (action.type === 'wait') {
        this.tickAt = this.now + action.ms;
      } else {
        this.events.push({ kind: 'announce', now: this.now, time: this.time, message: action.message.key });
      }
    }
  }

  /** Runs for `ms` of wall-clock time, one frame every 1/60 s (and timers when due). */
  run(ms: number): void {
    const until = this.now + ms;
    while (this.now < until) {
      const step = Math.min(FRAME_MS, until - this.now);
      if (this.tickAt !== null && this.tickAt <= this.now + step) {
        const dt = Math.max(0, this.tickAt - this.now);
        this.advance(dt);
        this.tickAt = null;
        this.apply(this.scheduler.tick(this.now));
        continue;
      }
      this.advance(step);
      this.apply(this.scheduler.frame(this.time, this.playing, this.rate, this.now));
    }
  }

  private advance(ms: number): void {
    this.now += ms;
    if (this.playing) this.time += (ms / 1000) * this.rate;
  }

  of(kind: Event['kind']): Event[] {
    return this.events.filter((e) => e.kind === kind);
  }
}

function setup(options: { shadowing?: boolean; factor?: number } = {}) {
  const scheduler = new LearningScheduler({ starts: timeline.sentenceStarts, ends: timeline.sentenceEnds }, options);
  return { scheduler, player: new SimulatedPlayer(scheduler) };
}

describe('repeat', () => {
  it('hears the sentence N times: back to its start within one frame of each end, then goes on', () => {
    const { scheduler, player } = setup();
    player.time = 2.5;
    player.apply(scheduler.startRepeat({ start: 2.2, end: 3.0 }, 3));
    expect(player.playing).toBe(true);
    player.run(4000);
    const seeks = player.of('seek');
    expect(seeks.map((s) => s.value)).toEqual([2.2, 2.2, 2.2]);
    // The first seek starts the repeat; the next two happen at the sentence's end.
    for (const seek of seeks.slice(1)) {
      expect(seek.time).toBeGreaterThanOrEqual(3.0);
      expect(seek.time - 3.0).toBeLessThanOrEqual(FRAME_MS / 1000 + 1e-9);
    }
    expect(player.of('announce').map((e) => e.message)).toEqual(['repeatMany', 'repeatDone']);
    // After the last hearing playback went on into the next sentence.
    expect(player.time).toBeGreaterThan(3.5);
    expect(scheduler.snapshot().repeat).toBeNull();
  });

  it('repeats once: one jump back, no further', () => {
    const { scheduler, player } = setup();
    player.time = 1.2;
    player.playing = true;
    player.apply(scheduler.startRepeat({ start: 0.5, end: 1.7 }, 1));
    player.run(3000);
    expect(player.of('seek').map((s) => s.value)).toEqual([0.5]);
    expect(player.of('announce').map((e) => e.message)).toEqual(['repeatOnce', 'repeatDone']);
  });

  it('rises from 0.7× to 1.0× and restores the listener’s rate', () => {
    const { scheduler, player } = setup();
    player.rate = 1.3;
    player.apply(scheduler.startRepeat({ start: 2.2, end: 3.0 }, 4, { rising: true, userRate: 1.3 }));
    const ratesAtSeeks: number[] = [];
    const original = player.apply.bind(player);
    player.apply = (actions) => {
      original(actions);
      if (actions.some((a) => a.type === 'seek')) ratesAtSeeks.push(player.rate);
    };
    player.run(6000);
    expect(player.of('rate').map((e) => e.value)).toEqual([0.7, 0.8, 0.9, 1.0, 1.3]);
    expect(ratesAtSeeks).toEqual([0.8, 0.9, 1.0]);
    expect(player.rate).toBe(1.3);
  });

  it('stops when the listener jumps elsewhere, and restores the rate of a rising repeat', () => {
    const { scheduler, player } = setup();
    player.apply(scheduler.startRepeat({ start: 2.2, end: 3.0 }, 4, { rising: true, userRate: 1 }));
    player.run(300);
    player.time = 4.0;
    player.apply(scheduler.jumped(4.0));
    expect(player.rate).toBe(1);
    expect(scheduler.snapshot().repeat).toBeNull();
    player.run(1000);
    expect(player.of('seek')).toHaveLength(1);
  });

  it('keeps repeating when the listener jumps within the sentence', () => {
    const { scheduler, player } = setup();
    player.apply(scheduler.startRepeat({ start: 2.2, end: 3.0 }, 2));
    player.run(200);
    player.time = 2.8;
    player.apply(scheduler.jumped(2.8));
    player.run(400);
    expect(player.of('seek').map((s) => s.value)).toEqual([2.2, 2.2]);
  });
});

describe('A-B loop', () => {
  it('jumps back to A each time the clock crosses B', () => {
    const { scheduler, player } = setup();
    player.time = 1.0;
    player.apply(scheduler.setLoopStart(1.0));
    player.apply(scheduler.setLoopEnd(1.7, 0));
    player.playing = true;
    player.run(2200);
    const seeks = player.of('seek');
    expect(seeks.length).toBeGreaterThanOrEqual(2);
    for (const seek of seeks) {
      expect(seek.value).toBe(1.0);
      expect(seek.time - 1.7).toBeGreaterThanOrEqual(0);
      expect(seek.time - 1.7).toBeLessThanOrEqual(FRAME_MS / 1000 + 1e-9);
    }
    expect(player.of('announce').map((e) => e.message)).toEqual(['loopStart', 'loopSet']);
  });

  it('loops a span (a selection) from its start, and clears', () => {
    const { scheduler, player } = setup();
    player.apply(scheduler.loopSpan({ start: 3.5, end: 4.4 }));
    expect(player.time).toBe(3.5);
    player.run(2000);
    expect(player.of('seek').length).toBeGreaterThanOrEqual(3);
    player.apply(scheduler.clearLoop());
    const before = player.of('seek').length;
    player.run(1000);
    expect(player.of('seek').length).toBe(before);
    expect(player.time).toBeGreaterThan(4.4);
    expect(player.of('announce').at(-1)?.message).toBe('loopCleared');
  });

  it('does not fight a listener who jumped past B', () => {
    const { scheduler, player } = setup();
    player.apply(scheduler.loopSpan({ start: 0.5, end: 1.0 }));
    player.run(100);
    player.time = 3.6;
    player.apply(scheduler.jumped(3.6));
    const before = player.of('seek').length;
    player.run(500);
    expect(player.of('seek').length).toBe(before);
  });

  it('refuses an end before the start, and an A set after B drops B', () => {
    const { scheduler } = setup();
    scheduler.setLoopStart(2);
    expect(scheduler.setLoopEnd(1.5, 0)).toEqual([{ type: 'announce', message: { key: 'loopInvalid' } }]);
    expect(scheduler.snapshot().loopActive).toBe(false);
    scheduler.setLoopEnd(3, 0);
    expect(scheduler.snapshot().loopActive).toBe(true);
    scheduler.setLoopStart(3.2);
    expect(scheduler.snapshot().loop).toEqual({ a: 3.2, b: null });
  });

  it('takes B without A as a loop from the fallback start (the sentence’s)', () => {
    const { scheduler } = setup();
    expect(scheduler.setLoopEnd(2.9, 2.2)).toEqual([{ type: 'announce', message: { key: 'loopSet', from: 2.2, to: 2.9 } }]);
  });
});

describe('shadowing', () => {
  it('pauses at every sentence end for the sentence’s length × factor, then goes on', () => {
    const { scheduler, player } = setup({ shadowing: true, factor: 1.5 });
    player.playing = true;
    player.run(12_000);
    const pauses = player.of('pause');
    const plays = player.of('play');
    expect(pauses).toHaveLength(3);
    const spans = SENTENCES.map((s) => ({ start: s.start, end: s.end }));
    pauses.forEach((pause, i) => {
      expect(pause.time).toBeGreaterThanOrEqual(spans[i]!.end);
      expect(pause.time - spans[i]!.end).toBeLessThanOrEqual(FRAME_MS / 1000 + 1e-9);
      const waited = plays[i]!.now - pause.now;
      expect(waited).toBeCloseTo((spans[i]!.end - spans[i]!.start) * 1.5 * 1000, 6);
    });
  });

  it('measures the pause in heard time: at 2× a sentence is heard in half the time', () => {
    expect(shadowingPauseMs({ start: 1, end: 3 }, 2, 1)).toBe(1000);
    expect(shadowingPauseMs({ start: 1, end: 3 }, 0.5, 1.5)).toBe(6000);
  });

  it('pauses after each hearing of a repeat too, then jumps back', () => {
    const { scheduler, player } = setup({ shadowing: true, factor: 1 });
    player.apply(scheduler.startRepeat({ start: 2.2, end: 3.0 }, 2));
    player.run(4000);
    const events = player.events.filter((e) => e.kind !== 'announce').map((e) => e.kind);
    // seek+play (start), pause+seek (end of 1st), play (after the wait), pause (end of 2nd), play.
    expect(events.slice(0, 7)).toEqual(['seek', 'play', 'pause', 'seek', 'play', 'pause', 'play']);
    const [, firstPause, secondPause] = [player.of('pause')[0], player.of('pause')[0]!, player.of('pause')[1]!];
    const plays = player.of('play');
    expect(plays[1]!.now - firstPause.now).toBeCloseTo(800, 6);
    expect(plays[2]!.now - secondPause.now).toBeCloseTo(800, 6);
  });

  it('ends the pause early when the listener presses Play, and a jump cancels it', () => {
    const { scheduler, player } = setup({ shadowing: true, factor: 2 });
    player.time = 2.9;
    player.playing = true;
    player.run(200);
    expect(player.playing).toBe(false);
    expect(scheduler.snapshot().waiting).not.toBeNull();
    player.playing = true; // the listener's Play
    player.run(50);
    expect(scheduler.snapshot().waiting).toBeNull();
    const plays = player.of('play').length;
    player.run(2000);
    // The timer that was set for the pause does not start anything twice.
    expect(player.of('play').length).toBe(plays);

    player.time = 5.4;
    player.run(200);
    expect(scheduler.snapshot().waiting).not.toBeNull();
    scheduler.jumped(1.0);
    expect(scheduler.snapshot().waiting).toBeNull();
  });

  it('turned off during a pause, playback goes on at once', () => {
    const { scheduler, player } = setup({ shadowing: true });
    player.time = 2.95;
    player.playing = true;
    player.run(100);
    expect(player.playing).toBe(false);
    player.apply(scheduler.setShadowing(false));
    expect(player.playing).toBe(true);
  });

  it('a timer that fires early asks to wait the rest', () => {
    const { scheduler, player } = setup({ shadowing: true, factor: 1 });
    player.time = 2.9;
    player.playing = true;
    player.run(150);
    const waiting = scheduler.snapshot().waiting!;
    expect(scheduler.tick(waiting.until - 100)).toEqual([{ type: 'wait', ms: 100 }]);
    expect(scheduler.tick(waiting.until - 1)).toEqual([{ type: 'play' }]);
  });
});

describe('another narration language', () => {
  it('drops the loop and the repeat (their times belong to the other track)', () => {
    const { scheduler } = setup();
    scheduler.loopSpan({ start: 0.5, end: 1 });
    scheduler.startRepeat({ start: 2.2, end: 3 }, 3, { rising: true, userRate: 1.2 });
    const actions = scheduler.setSentences({ starts: [1], ends: [2] });
    expect(actions).toEqual([{ type: 'setRate', rate: 1.2 }]);
    expect(scheduler.snapshot()).toMatchObject({ repeat: null, loop: { a: null, b: null }, loopActive: false });
  });
});

describe('helpers', () => {
  it('rising rates go from 0.7 to 1.0', () => {
    expect(risingRates(4)).toEqual([0.7, 0.8, 0.9, 1]);
    expect(risingRates(2)).toEqual([0.7, 1]);
    expect(risingRates(3)).toEqual([0.7, 0.85, 1]);
    expect(risingRates(1)).toEqual([0.7, 1]);
  });

  it('clamps the settings', () => {
    expect(clampFactor(0.1)).toBe(0.5);
    expect(clampFactor(9)).toBe(3);
    expect(clampFactor(Number.NaN)).toBe(1);
    expect(clampRepeatCount(1)).toBe(2);
    expect(clampRepeatCount(50)).toBe(10);
  });

  it('finds the sentence end crossed between two frames', () => {
    const ends = [1, 2, 3];
    expect(crossedEnd(ends, 0.9, 1.0)).toBe(0);
    expect(crossedEnd(ends, 1.0, 1.1)).toBe(-1);
    expect(crossedEnd(ends, 1.5, 3.2)).toBe(2);
    expect(crossedEnd(ends, 3.5, 4)).toBe(-1);
  });

  it('snaps loop points to the word heard, and spans sentences and words', () => {
    expect(snapLoopPoint(timeline, 1.1, 'start')).toBe(1.0);
    expect(snapLoopPoint(timeline, 1.1, 'end')).toBe(1.3);
    // In the pause between two words the time is kept.
    expect(snapLoopPoint(timeline, 0.95, 'end')).toBe(0.95);
    expect(snapLoopPoint(timeline, 0.1, 'start')).toBe(0.1);
    expect(sentenceSpanAt(timeline, 3.2)).toEqual({ id: 's002', index: 1, start: 2.2, end: 3.0 });
    expect(sentenceSpanAt(timeline, 0)).toMatchObject({ id: 's001' });
    expect(sentencesSpan(timeline, ['s003', 's001', 'nope'])).toEqual({ start: 0.5, end: 5.5 });
    expect(wordsSpan(timeline, { sentenceId: 's001', word: 1 }, { sentenceId: 's002', word: 0 })).toEqual({ start: 1.0, end: 2.6 });
    expect(wordsSpan(timeline, { sentenceId: 's002', word: 1 }, { sentenceId: 's001', word: 2 })).toEqual({ start: 1.35, end: 3.0 });
    expect(wordsSpan(timeline, { sentenceId: 's002', word: 5 }, { sentenceId: 's002', word: 0 })).toBeNull();
  });
});

describe('repeat after repeat', () => {
  it('a rising repeat started during another keeps the listener’s own rate to restore', () => {
    const { scheduler, player } = setup();
    player.rate = 1.2;
    player.apply(scheduler.startRepeat({ start: 2.2, end: 3.0 }, 4, { rising: true, userRate: 1.2 }));
    expect(player.rate).toBe(0.7);
    player.apply(scheduler.startRepeat({ start: 3.5, end: 5.5 }, 2, { rising: true, userRate: player.rate }));
    player.apply(scheduler.cancelRepeat());
    expect(player.rate).toBe(1.2);
  });
});

describe('a span played once (the narrator’s half of “compare”)', () => {
  it('pauses at the span’s end, within a frame, without a shadowing pause', () => {
    const { scheduler, player } = setup({ shadowing: true });
    player.time = 4.0;
    player.apply(scheduler.startRepeat({ start: 2.2, end: 3.0 }, 1, { stopAtEnd: true }));
    player.run(2000);
    expect(player.playing).toBe(false);
    expect(player.time - 3.0).toBeGreaterThanOrEqual(0);
    expect(player.time - 3.0).toBeLessThanOrEqual(FRAME_MS / 1000 + 1e-9);
    expect(player.of('announce').map((e) => e.message)).toEqual(['spanPlayed']);
    expect(scheduler.snapshot().waiting).toBeNull();
  });
});
