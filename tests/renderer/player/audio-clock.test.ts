// The audio clock over a stand-in for howler: a seek made before the audio can play is what time()
// reports until the element has applied it; a load overtaken by a newer one says so; a load error
// becomes a message that says why (by the MediaError code); play() before the audio is ready starts
// it once it is, naming the sound, so no second sound starts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getUiLanguage, translate } from '../../../renderer/i18n';

type Handler = (...args: unknown[]) => void;

const { FakeHowl, howls } = vi.hoisted(() => {
  const howls: InstanceType<typeof FakeHowl>[] = [];
  /** Records every call; the test fires howler's events and sets what seek() reads back. */
  class FakeHowl {
    readonly calls: unknown[][] = [];
    /** What the <audio> element reports as its place. */
    position = 0;
    audioDuration = 0;
    unloaded = false;
    private readonly sounds = new Set<number>();
    private handlers: { event: string; fn: Handler; once: boolean }[] = [];
    constructor(readonly options: Record<string, unknown>) {
      howls.push(this);
    }
    on(event: string, fn: Handler) {
      this.handlers.push({ event, fn, once: false });
      return this;
    }
    once(event: string, fn: Handler) {
      this.handlers.push({ event, fn, once: true });
      return this;
    }
    /** Like howler: off() with no arguments drops every handler. */
    off(event?: string) {
      this.handlers = event === undefined ? [] : this.handlers.filter((h) => h.event !== event);
      return this;
    }
    fire(event: string, ...args: unknown[]) {
      // Howler's events name the sound they are about: from then on it is a sound it knows.
      if (typeof args[0] === 'number') this.sounds.add(args[0]);
      for (const h of [...this.handlers]) {
        if (h.event !== event) continue;
        if (h.once) this.handlers = this.handlers.filter((x) => x !== h);
        h.fn(...args);
      }
    }
    seek(...args: unknown[]) {
      // Like howler: seek(id) of a sound it knows reads that sound's place; seek(t[, id]) moves it.
      const read = args.length === 0 || (args.length === 1 && this.sounds.has(args[0] as number));
      if (!read) {
        this.calls.push(['seek', ...args]);
        return this;
      }
      return this.position;
    }
    play(id?: number) {
      this.calls.push(['play', id]);
      return id ?? 1;
    }
    pause(id?: number) {
      this.calls.push(['pause', id]);
      return this;
    }
    rate(...args: unknown[]) {
      this.calls.push(['rate', ...args]);
      return this;
    }
    volume(v: number) {
      this.calls.push(['volume', v]);
      return this;
    }
    mute(m: boolean) {
      this.calls.push(['mute', m]);
      return this;
    }
    duration() {
      return this.audioDuration;
    }
    unload() {
      this.unloaded = true;
      this.calls.push(['unload']);
    }
    callsOf(name: string) {
      return this.calls.filter((c) => c[0] === name);
    }
  }
  return { FakeHowl, howls };
});

vi.mock('howler', () => ({ Howl: FakeHowl, Howler: { autoUnlock: true } }));

const { AudioClock } = await import('../../../renderer/player/audio-clock');
const { Howler } = await import('howler');

const SOURCE = { url: 'media://doc/de.mp3', format: 'mp3' };

/** Whether a promise has settled after pending callbacks ran, and with what. */
async function peek<T>(promise: Promise<T>): Promise<T | 'pending'> {
  let value: T | 'pending' = 'pending';
  void promise.then((v) => (value = v));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return value;
}

/** Loads and makes the audio ready: 'load', then the queued first seek lands (sound `id`). */
async function ready(clock: InstanceType<typeof AudioClock>, startAt = 0, id = 1001, duration = 12) {
  const loading = clock.load(SOURCE, startAt);
  const howl = howls.at(-1)!;
  howl.audioDuration = duration;
  howl.fire('load');
  howl.position = startAt;
  howl.fire('seek', id);
  expect(await loading).toBe('loaded');
  return howl;
}

beforeEach(() => {
  howls.length = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('AudioClock', () => {
  it('turns off howler’s mobile unlock, which threw away a seek made before the first key press', () => {
    expect(Howler.autoUnlock).toBe(false);
  });

  it('streams the source (HTML5 audio) with the rate, volume and mute set before it loaded', () => {
    const clock = new AudioClock();
    clock.setRate(1.5);
    clock.setVolume(0.4);
    clock.setMuted(true);
    void clock.load(SOURCE, 3);
    const howl = howls[0]!;
    expect(howl.options).toMatchObject({ src: [SOURCE.url], format: ['mp3'], html5: true, rate: 1.5, volume: 0.4, mute: true });
    // The start is a seek howler queues until the audio can play.
    expect(howl.callsOf('seek')).toEqual([['seek', 3]]);
  });

  it('reports a seek made before the audio loaded until the element has applied it', async () => {
    const clock = new AudioClock();
    const readyEvents: number[] = [];
    clock.events.on('ready', (d) => readyEvents.push(d));
    const loading = clock.load(SOURCE, 5);
    const howl = howls[0]!;
    // The element still says 0: time() must not flash back to the start.
    expect(clock.time()).toBe(5);
    howl.audioDuration = 12;
    howl.fire('load');
    expect(clock.time()).toBe(5);
    howl.position = 5;
    howl.fire('seek', 1001);
    expect(await loading).toBe('loaded');
    expect(readyEvents).toEqual([12]);
    expect(clock.duration()).toBe(12);
    howl.position = 6.25;
    expect(clock.time()).toBe(6.25);
  });

  it('reports a later seek until it lands, then the element’s time; seeks are clamped and name the sound', async () => {
    const clock = new AudioClock();
    const howl = await ready(clock, 0, 7, 12);
    howl.position = 2;
    clock.seek(8);
    expect(howl.callsOf('seek').at(-1)).toEqual(['seek', 8, 7]);
    expect(clock.time()).toBe(8);
    howl.position = 8;
    howl.fire('seek', 7);
    howl.position = 8.5;
    expect(clock.time()).toBe(8.5);
    clock.seek(100);
    clock.seek(-4);
    expect(howl.callsOf('seek').slice(-2)).toEqual([
      ['seek', 12, 7],
      ['seek', 0, 7],
    ]);
  });

  it('a load overtaken by a newer one resolves "superseded", and its audio is unloaded', async () => {
    const clock = new AudioClock();
    const first = clock.load(SOURCE, 0);
    const second = clock.load({ url: 'media://doc/en.mp3', format: 'mp3' }, 4);
    expect(howls[0]!.unloaded).toBe(true);
    expect(await peek(first)).toBe('superseded');
    // Late events of the first audio change nothing.
    howls[0]!.fire('seek', 1);
    howls[0]!.fire('loaderror', 1, 4);
    expect(clock.time()).toBe(4);
    howls[1]!.position = 4;
    howls[1]!.fire('seek', 2);
    expect(await second).toBe('loaded');
  });

  it('a load under way when the clock is destroyed resolves "superseded"', async () => {
    const clock = new AudioClock();
    const loading = clock.load(SOURCE, 0);
    clock.destroy();
    expect(howls[0]!.unloaded).toBe(true);
    expect(await peek(loading)).toBe('superseded');
  });

  it.each([
    [2, 'player.loadError.network'],
    [3, 'player.loadError.decode'],
    [4, 'player.loadError.missing'],
  ] as const)('a load error with MediaError code %i says why', async (code, key) => {
    const clock = new AudioClock();
    const errors: string[] = [];
    clock.events.on('error', (m) => errors.push(m));
    const loading = clock.load(SOURCE, 0);
    howls[0]!.fire('loaderror', undefined, code);
    expect(await loading).toBe('failed');
    const lang = getUiLanguage();
    expect(errors).toEqual([translate(lang, 'player.openFailedWhy', { why: translate(lang, key) })]);
  });

  it('a load error without a known code says what howler said, and stops wanting to play', async () => {
    const clock = new AudioClock();
    const errors: string[] = [];
    const playing: boolean[] = [];
    clock.events.on('error', (m) => errors.push(m));
    clock.events.on('playing', (p) => playing.push(p));
    const loading = clock.load(SOURCE, 0);
    clock.play();
    howls[0]!.fire('loaderror', undefined, 'No codec support for selected audio sources.');
    expect(await loading).toBe('failed');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('No codec support for selected audio sources.');
    expect(clock.isPlaying()).toBe(false);
    expect(playing).toEqual([true, false]);
  });

  it('play() before the audio is ready starts it once ready, with the sound id, once', async () => {
    const clock = new AudioClock();
    const playing: boolean[] = [];
    clock.events.on('playing', (p) => playing.push(p));
    const loading = clock.load(SOURCE, 2);
    const howl = howls[0]!;
    clock.play();
    clock.play();
    expect(clock.isPlaying()).toBe(true);
    expect(playing).toEqual([true]);
    expect(howl.callsOf('play')).toEqual([]);
    howl.position = 2;
    howl.fire('seek', 42);
    await loading;
    expect(howl.callsOf('play')).toEqual([['play', 42]]);
    clock.pause();
    clock.play();
    expect(howl.callsOf('pause')).toEqual([['pause', 42]]);
    expect(howl.callsOf('play')).toEqual([
      ['play', 42],
      ['play', 42],
    ]);
    expect(playing).toEqual([true, false, true]);
  });

  it('does not start a sound that was paused again before it was ready', async () => {
    const clock = new AudioClock();
    const loading = clock.load(SOURCE, 0);
    clock.play();
    clock.pause();
    howls[0]!.fire('seek', 9);
    await loading;
    expect(howls[0]!.callsOf('play')).toEqual([]);
    expect(clock.isPlaying()).toBe(false);
  });

  it('the end and a play error stop playing and are reported', async () => {
    const clock = new AudioClock();
    const howl = await ready(clock, 0, 5);
    const events: string[] = [];
    clock.events.on('ended', () => events.push('ended'));
    clock.events.on('error', (m) => events.push(`error ${m}`));
    clock.events.on('playing', (p) => events.push(`playing ${p}`));
    clock.play();
    howl.fire('end', 5);
    expect(clock.isPlaying()).toBe(false);
    clock.play();
    howl.fire('playerror', 5, 'NotAllowedError');
    expect(clock.isPlaying()).toBe(false);
    expect(events).toEqual([
      'playing true',
      'playing false',
      'ended',
      'playing true',
      'playing false',
      `error ${translate(getUiLanguage(), 'player.startFailed', { detail: 'NotAllowedError' })}`,
    ]);
  });

  it('sets rate, volume and mute on the sound once it is known', async () => {
    const clock = new AudioClock();
    const howl = await ready(clock, 0, 11);
    clock.setRate(0.75);
    clock.setVolume(0.2);
    clock.setMuted(true);
    expect(howl.callsOf('rate')).toEqual([['rate', 0.75, 11]]);
    expect(howl.callsOf('volume')).toEqual([['volume', 0.2]]);
    expect(howl.callsOf('mute')).toEqual([['mute', true]]);
  });

  it('destroy() unloads the audio, reports nothing more and commands do nothing', async () => {
    const clock = new AudioClock();
    const howl = await ready(clock, 0, 3);
    const seen = vi.fn();
    clock.events.on('playing', seen);
    clock.events.on('ended', seen);
    clock.destroy();
    expect(howl.unloaded).toBe(true);
    howl.fire('end', 3);
    clock.play();
    clock.seek(4);
    expect(seen).not.toHaveBeenCalled();
    expect(howl.callsOf('play')).toEqual([]);
    expect(clock.time()).toBe(0);
  });
});
