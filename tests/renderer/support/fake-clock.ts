// A stand-in for the audio clock (renderer/player/audio-clock.ts) and for the browser's animation
// frames, so the player and everything driven by its frames run in Node without audio: the test
// sets the time the clock reports, decides how a load ends, and runs the queued frames itself.
import { afterEach, beforeEach, vi } from 'vitest';
import type { PlaybackClock } from '../../../renderer/player/controller';
import type { AudioClockEvents, AudioSource, LoadOutcome } from '../../../renderer/player/audio-clock';
import { Emitter } from '../../../renderer/ui/emitter';

export type LoadPlan = 'loaded' | 'failed' | 'manual';

/** Implements what the player needs of an audio clock; every command is recorded. */
export class FakeClock implements PlaybackClock {
  readonly events = new Emitter<AudioClockEvents>();
  /** How the next load ends: at once loaded, at once failed, or when the test calls finishLoad(). */
  loadPlan: LoadPlan = 'loaded';
  /** The message of the 'error' event sent before a failed load resolves (as howler's loaderror does). */
  loadError = 'the audio could not be opened (fake)';
  /** What duration() reports once loaded (0: unknown, the player falls back to the timing's). */
  audioDuration = 0;
  readonly loads: { source: AudioSource; startAt: number }[] = [];
  readonly seeks: number[] = [];
  readonly rates: number[] = [];
  readonly volumes: number[] = [];
  readonly mutes: boolean[] = [];
  playCalls = 0;
  pauseCalls = 0;
  destroyed = false;
  private now = 0;
  private playing = false;
  private loaded = false;
  private pending: ((outcome: LoadOutcome) => void) | null = null;

  load(source: AudioSource, startAt = 0): Promise<LoadOutcome> {
    this.loads.push({ source, startAt });
    // A newer load supersedes one still on its way, as the real clock's generations do.
    this.pending?.('superseded');
    this.pending = null;
    this.setPlaying(false);
    this.loaded = false;
    this.now = startAt;
    return new Promise<LoadOutcome>((resolve) => {
      this.pending = resolve;
      if (this.loadPlan !== 'manual') this.finishLoad(this.loadPlan);
    });
  }

  /** Ends the load under way (for loadPlan 'manual'). */
  finishLoad(outcome: 'loaded' | 'failed'): void {
    const resolve = this.pending;
    if (!resolve) throw new Error('no load is under way');
    this.pending = null;
    if (outcome === 'failed') {
      this.events.emit('error', this.loadError);
    } else {
      this.loaded = true;
      this.events.emit('ready', this.audioDuration);
    }
    resolve(outcome);
  }

  /** The test moves the clock (the narration playing on). */
  setTime(time: number): void {
    this.now = time;
  }

  /** The narration reached its end. */
  end(): void {
    this.setPlaying(false);
    this.events.emit('ended');
  }

  time(): number {
    return this.now;
  }

  duration(): number {
    return this.loaded ? this.audioDuration : 0;
  }

  isPlaying(): boolean {
    return this.playing;
  }

  play(): void {
    this.playCalls++;
    this.setPlaying(true);
  }

  pause(): void {
    this.pauseCalls++;
    this.setPlaying(false);
  }

  seek(time: number): void {
    this.seeks.push(time);
    this.now = time;
  }

  setRate(rate: number): void {
    this.rates.push(rate);
  }

  setVolume(volume: number): void {
    this.volumes.push(volume);
  }

  setMuted(muted: boolean): void {
    this.mutes.push(muted);
  }

  destroy(): void {
    this.destroyed = true;
    this.pending?.('superseded');
    this.pending = null;
    this.events.clear();
  }

  private setPlaying(playing: boolean): void {
    if (this.playing === playing) return;
    this.playing = playing;
    this.events.emit('playing', playing);
  }
}

/**
 * The browser's animation frames, run by hand: `requestAnimationFrame` queues, `step()` runs the
 * frames queued so far (a frame asked for during a step runs in the next step).
 */
export class FrameDriver {
  private queue = new Map<number, FrameRequestCallback>();
  private nextId = 1;
  /** How many frames have been asked for in all. */
  requested = 0;
  ran = 0;

  install(): this {
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback): number => {
      const id = this.nextId++;
      this.requested++;
      this.queue.set(id, callback);
      return id;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number): void => {
      this.queue.delete(id);
    });
    return this;
  }

  /** Frames waiting to run. */
  get pending(): number {
    return this.queue.size;
  }

  /** Runs `count` frames, each one running what was queued before it. Returns how many callbacks ran. */
  step(count = 1): number {
    let ran = 0;
    for (let i = 0; i < count; i++) {
      const due = [...this.queue.values()];
      this.queue.clear();
      for (const callback of due) {
        callback(performance.now());
        ran++;
      }
    }
    this.ran += ran;
    return ran;
  }
}

/** Installs the frame driver (undo with vi.unstubAllGlobals()). */
export function installFrames(): FrameDriver {
  return new FrameDriver().install();
}

/**
 * For a test file: fake timers and freshly installed hand-run frames before each test, the real
 * ones back after it. Returns a getter for this test's frame driver.
 */
export function useFakeTimeAndFrames(): () => FrameDriver {
  let frames: FrameDriver | null = null;
  beforeEach(() => {
    vi.useFakeTimers();
    frames = installFrames();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  return () => {
    if (!frames) throw new Error('frames are installed before each test');
    return frames;
  };
}
