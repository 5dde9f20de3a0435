// The learning tools driven by a real player over a fake clock and hand-run frames: repeat once,
// N times and rising, the A-B loop, the shadowing pause (fake timers), a listener's jump, settings
// changed in the store reaching the controller and its reveal state, and destroy() leaving no
// timer or listener behind.
import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../common/bridge/contract';
import type { LearningMessage } from '../../../common/learning/scheduler';
import { LearningController } from '../../../renderer/learning/learning-controller';
import { PlayerController } from '../../../renderer/player/controller';
import { FakeBridge, settingsStore } from '../support/fake-bridge';
import { FakeClock, useFakeTimeAndFrames } from '../support/fake-clock';
import { loadDocument, timed } from '../support/small-document';

const { edition, timing, compact } = loadDocument();
const de = (id: string) => timed(timing, 'de', id);
const words = (id: string) => timing.tracks.de!.sentences.find((s) => s.id === id)!.words;

const currentFrames = useFakeTimeAndFrames();

/** A player opened at `time` and playing, with the learning tools on it. */
async function setup(time: number, settingsPatch: Partial<Settings> = {}) {
  const bridge = new FakeBridge();
  bridge.positions.set(edition.id, { documentId: edition.id, sentenceId: 's001', time, lang: 'de' });
  const settings = settingsStore(bridge, settingsPatch);
  const clock = new FakeClock();
  const player = new PlayerController({ documentId: edition.id, edition, timing: compact, settings, api: bridge, mediaUrl: (id) => id, clock });
  const learning = new LearningController(player, settings);
  const announced: LearningMessage['key'][] = [];
  learning.events.on('announce', (m) => announced.push(m.key));
  await player.open();
  // The saved sentence is s001 but the time may lie elsewhere: the player starts at the sentence's
  // start then, so put the clock where the test wants it.
  player.seek(time);
  player.play();
  currentFrames().step();
  return { bridge, settings, clock, player, learning, announced };
}

/** The narration plays on: the clock moves through these times, one frame each. */
function playThrough(clock: FakeClock, ...times: number[]) {
  for (const t of times) {
    clock.setTime(t);
    currentFrames().step();
  }
}

describe('LearningController: repeat', () => {
  it('repeat once goes back to the start of the sentence heard, then goes on at its end', async () => {
    const { clock, learning, announced } = await setup(4.5);
    clock.seeks.length = 0;
    learning.repeatOnce();
    expect(clock.seeks).toEqual([de('s003').start]);
    expect(learning.getState().scheduler.repeat).toMatchObject({ pass: 0, passes: 1, span: { start: de('s003').start, end: de('s003').end } });
    playThrough(clock, 4.0, 4.8, de('s003').end + 0.05, de('s004').start + 0.1);
    expect(clock.seeks).toEqual([de('s003').start]);
    expect(clock.isPlaying()).toBe(true);
    expect(learning.getState().scheduler.repeat).toBeNull();
    expect(announced).toEqual(['repeatOnce', 'repeatDone']);
  });

  it('with a sync offset, repeats the sentence the listener hears, not the one the clock has reached', async () => {
    const { clock, learning } = await setup(de('s003').start + 0.2, { syncOffsetMs: 500 });
    clock.seeks.length = 0;
    learning.repeatOnce();
    expect(clock.seeks).toEqual([de('s002').start]);
  });

  it('repeat N hears the sentence N times (the setting), then goes on', async () => {
    const { clock, learning, settings, announced } = await setup(de('s002').start + 0.5, { repeatCount: 3 });
    const { start, end } = de('s002');
    clock.seeks.length = 0;
    learning.repeatMany();
    for (let pass = 1; pass <= 3; pass++) {
      expect(learning.getState().scheduler.repeat).toMatchObject({ pass: pass - 1, passes: 3 });
      playThrough(clock, start + 0.1, end - 0.1, end + 0.02);
    }
    expect(clock.seeks).toEqual([start, start, start]);
    expect(learning.getState().scheduler.repeat).toBeNull();
    expect(announced).toEqual(['repeatMany', 'repeatDone']);
    // The count comes from the store: change it there and the next repeat follows.
    settings.update({ repeatCount: 5 });
    expect(learning.getState().repeatCount).toBe(5);
    learning.repeatMany();
    expect(learning.getState().scheduler.repeat).toMatchObject({ passes: 5 });
  });

  it('a rising repeat sets speeds for the moment only and gives the listener’s speed back', async () => {
    const { clock, learning, settings, bridge } = await setup(4.5, { repeatCount: 3, repeatRising: true, rate: 1.2 });
    const { start, end } = de('s003');
    clock.rates.length = 0;
    learning.repeatMany();
    for (let pass = 0; pass < 3; pass++) playThrough(clock, start + 0.1, end + 0.02);
    expect(clock.rates).toEqual([0.7, 0.85, 1, 1.2]);
    expect(settings.settings.rate).toBe(1.2);
    await vi.advanceTimersByTimeAsync(1000); // past the settings store's write delay
    expect(bridge.callsTo('updateSettings')).toEqual([]);
  });

  it('a jump elsewhere by the listener stops the repeat', async () => {
    const { clock, player, learning, announced } = await setup(4.5);
    learning.repeatMany();
    player.seek(de('s006').start);
    expect(learning.getState().scheduler.repeat).toBeNull();
    expect(announced.at(-1)).toBe('repeatStopped');
    const seeks = clock.seeks.length;
    playThrough(clock, de('s006').start + 0.1, de('s003').end + 10);
    expect(clock.seeks.length).toBe(seeks);
  });

  it('playSpanOnce plays a span, pauses at its end and resolves true', async () => {
    const { clock, learning } = await setup(1);
    const span = learning.sentenceSpanFor('s004', 'de')!;
    expect(span).toEqual({ start: de('s004').start, end: de('s004').end });
    const played = learning.playSpanOnce(span);
    expect(clock.seeks.at(-1)).toBe(span.start);
    playThrough(clock, span.start + 0.1, span.end + 0.02);
    expect(await played).toBe(true);
    expect(clock.isPlaying()).toBe(false);
  });
});

describe('LearningController: A-B loop', () => {
  it('loops from A to B, snapped to the words heard, until cleared', async () => {
    const { clock, learning, announced } = await setup(1.7);
    const w = words('s002');
    learning.setLoopStart(); // in word 2: snapped to its start
    clock.setTime(2.6);
    learning.setLoopEnd(); // in word 5: snapped to its end
    expect(learning.getState().scheduler.loop).toEqual({ a: w[1]![0], b: w[4]![1] });
    expect(learning.getState().scheduler.loopActive).toBe(true);
    clock.seeks.length = 0;
    playThrough(clock, 2.7, w[4]![1] + 0.02);
    expect(clock.seeks).toEqual([w[1]![0]]);
    playThrough(clock, 2.0, w[4]![1] + 0.03);
    expect(clock.seeks).toEqual([w[1]![0], w[1]![0]]);
    learning.clearLoop();
    playThrough(clock, 2.0, w[4]![1] + 0.03);
    expect(clock.seeks).toHaveLength(2);
    expect(announced).toEqual(['loopStart', 'loopSet', 'loopCleared']);
  });

  it('loops the current sentence when nothing is selected, and the selected words when some are', async () => {
    const { clock, learning } = await setup(4.5);
    learning.loopSelection(null);
    expect(learning.getState().scheduler.loop).toEqual({ a: de('s003').start, b: de('s003').end });
    expect(clock.seeks.at(-1)).toBe(de('s003').start);
    const w = words('s006');
    learning.loopSelection({ sentenceIds: ['s006'], lang: 'de', text: 'war 1984', first: { sentenceId: 's006', word: 2 }, last: { sentenceId: 's006', word: 3 } });
    expect(learning.getState().scheduler.loop).toEqual({ a: w[2]![0], b: w[3]![1] });
  });

  it('a loop in one language’s times is dropped when the narration switches language', async () => {
    const { player, learning } = await setup(4.5);
    learning.loopSelection(null);
    await player.setLanguage('en');
    expect(learning.getState().scheduler.loop).toEqual({ a: null, b: null });
  });
});

describe('LearningController: shadowing', () => {
  it('pauses after each sentence for its length × the factor, then plays on', async () => {
    const { clock, learning } = await setup(4.5, { shadowingFactor: 1 });
    learning.setShadowing(true);
    const { start, end } = de('s003');
    const ms = (end - start) * 1000;
    playThrough(clock, 4.8, end + 0.02);
    expect(clock.isPlaying()).toBe(false);
    expect(learning.getState().scheduler.waiting?.ms).toBeCloseTo(ms, 6);
    await vi.advanceTimersByTimeAsync(ms - 50);
    expect(clock.isPlaying()).toBe(false);
    await vi.advanceTimersByTimeAsync(60);
    expect(clock.isPlaying()).toBe(true);
    expect(learning.getState().scheduler.waiting).toBeNull();
  });

  it('pauses after each pass of a loop too, and plays on from A: its own seek back is not the listener’s jump', async () => {
    const { clock, learning } = await setup(4.5);
    learning.setShadowing(true);
    learning.loopSelection(null);
    const { start, end } = de('s003');
    playThrough(clock, start + 0.1, end + 0.02);
    expect(clock.isPlaying()).toBe(false);
    expect(clock.time()).toBe(start);
    await vi.advanceTimersByTimeAsync((end - start) * 1000 + 10);
    expect(clock.isPlaying()).toBe(true);
    expect(clock.time()).toBe(start);
  });

  it('follows the factor changed in the store', async () => {
    const { clock, learning, settings } = await setup(4.5, { shadowingFactor: 1 });
    learning.setShadowing(true);
    settings.update({ shadowingFactor: 2.5 });
    expect(learning.getState().scheduler.shadowingFactor).toBe(2.5);
    playThrough(clock, 4.8, de('s003').end + 0.02);
    expect(learning.getState().scheduler.waiting?.ms).toBeCloseTo((de('s003').end - de('s003').start) * 2500, 6);
    // The controller writes the setting (clamped), it keeps no copy of its own.
    learning.setShadowingFactor(9);
    expect(settings.settings.shadowingFactor).toBe(3);
    expect(learning.getState().scheduler.shadowingFactor).toBe(3);
  });

  it('turning shadowing off during the pause plays on at once and leaves no timer', async () => {
    const { clock, learning } = await setup(4.5);
    learning.setShadowing(true);
    playThrough(clock, 4.8, de('s003').end + 0.02);
    expect(clock.isPlaying()).toBe(false);
    learning.setShadowing(false);
    expect(clock.isPlaying()).toBe(true);
    expect(vi.getTimerCount()).toBe(1); // only the player's position saver, while playing
  });
});

describe('LearningController: settings and reveal state', () => {
  it('the hidden language set in the store reaches the reveal state, and hiding there writes the setting', async () => {
    const { learning, settings } = await setup(1, { hiddenLanguage: 'none' });
    expect(learning.reveal.getSnapshot().hidden).toBe('none');
    settings.update({ hiddenLanguage: 'en' });
    expect(learning.reveal.getSnapshot().hidden).toBe('en');
    learning.reveal.toggleHidden('de');
    expect(settings.settings.hiddenLanguage).toBe('de');
    await settings.reset();
    expect(learning.reveal.getSnapshot().hidden).toBe('none');
    expect(learning.getState()).toMatchObject({ repeatCount: 3, repeatRising: false });
  });

  it('repeat count and rising changed in the store are in the state', async () => {
    const { learning, settings } = await setup(1);
    const seen = vi.fn();
    learning.subscribe(seen);
    settings.update({ repeatCount: 7, repeatRising: true });
    expect(learning.getState()).toMatchObject({ repeatCount: 7, repeatRising: true });
    expect(seen).toHaveBeenCalled();
    learning.setRepeatCount(40);
    expect(settings.settings.repeatCount).toBe(10);
    learning.setRepeatRising(false);
    expect(learning.getState().repeatRising).toBe(false);
  });
});

describe('LearningController: destroy', () => {
  it('clears the shadowing timer, the frame and jump listeners, the settings watchers and the reveal listeners', async () => {
    const { clock, player, learning, settings } = await setup(4.5);
    learning.setShadowing(true);
    learning.loopSelection(null);
    const { start, end } = de('s003');
    playThrough(clock, start + 0.1, end + 0.02);
    expect(clock.isPlaying()).toBe(false); // the pause after the loop's pass is under way
    const changed = vi.fn();
    const revealed = vi.fn();
    learning.subscribe(changed);
    learning.reveal.subscribe(revealed);
    const announced = vi.fn();
    learning.events.on('announce', announced);

    learning.destroy();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(clock.isPlaying()).toBe(false);
    // The player lives on; its frames and jumps no longer reach the learning tools.
    player.play();
    const seeks = clock.seeks.length;
    playThrough(clock, start + 0.1, end + 0.02);
    player.seek(1);
    expect(clock.seeks.length).toBe(seeks + 1);
    settings.update({ repeatCount: 9, shadowingFactor: 2, hiddenLanguage: 'de' });
    expect(learning.getState().repeatCount).toBe(3);
    expect(learning.reveal.getSnapshot().hidden).toBe('none');
    expect(changed).not.toHaveBeenCalled();
    expect(revealed).not.toHaveBeenCalled();
    expect(announced).not.toHaveBeenCalled();
  });

  it('a span playing once when destroyed resolves false', async () => {
    const { learning } = await setup(1);
    const played = learning.playSpanOnce(learning.sentenceSpanFor('s004', 'de')!);
    learning.destroy();
    expect(await played).toBe(false);
  });
});
