// The player against a fake audio clock and hand-run animation frames, over a real small edition
// and timings, a real settings store and an in-memory bridge: resuming, the one cursor at the time
// heard (clock less the sync offset), seeking and navigation, speed, settings changed elsewhere,
// switching the narration language, saving the place, a narration that fails to load, and
// destroy() leaving nothing running.
import { describe, expect, it, vi } from 'vitest';
import type { ReadingPosition, Settings } from '../../../common/bridge/contract';
import { MAX_RATE, MIN_RATE, PlayerController } from '../../../renderer/player/controller';
import { FakeBridge, settingsStore } from '../support/fake-bridge';
import { FakeClock, useFakeTimeAndFrames } from '../support/fake-clock';
import { loadDocument, timed } from '../support/small-document';

const { edition, timing, compact } = loadDocument();
const de = (id: string) => timed(timing, 'de', id);
const en = (id: string) => timed(timing, 'en', id);

const currentFrames = useFakeTimeAndFrames();

function setup(options: { settings?: Partial<Settings>; saved?: Omit<ReadingPosition, 'documentId'>; clock?: FakeClock } = {}) {
  const bridge = new FakeBridge();
  if (options.saved) bridge.positions.set(edition.id, { documentId: edition.id, ...options.saved });
  const settings = settingsStore(bridge, options.settings);
  const clock = options.clock ?? new FakeClock();
  const player = new PlayerController({ documentId: edition.id, edition, timing: compact, settings, api: bridge, mediaUrl: (id) => `media://${id}`, clock });
  return { bridge, settings, clock, player };
}

/** Lets pending promise callbacks run (the bridge answers asynchronously). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Everything that answers "where are we", side by side. */
function where(player: PlayerController) {
  return { cursor: player.cursor.sentenceId(), snapshot: player.getSnapshot().sentenceId, position: player.getPosition().sentenceId };
}

describe('PlayerController: opening', () => {
  it('resumes at the saved time when it is still inside the saved sentence', async () => {
    const { player, clock, bridge } = setup({ saved: { sentenceId: 's003', time: 4.5, lang: 'de' } });
    await player.open();
    expect(bridge.callsTo('getPosition')).toEqual([{ documentId: edition.id }]);
    expect(clock.loads).toEqual([{ source: { url: `media://${timing.tracks.de!.mediaId}`, format: 'mp3' }, startAt: 4.5 }]);
    expect(player.getSnapshot()).toMatchObject({ status: 'ready', sentenceId: 's003', chapterId: 'ch01', lang: 'de' });
    expect(player.cursor.sentenceId()).toBe('s003');
    expect(player.getPosition()).toEqual({ time: 4.5, sentenceId: 's003', lang: 'de' });
  });

  it('resumes at a place asked for with the document, without asking again', async () => {
    const bridge = new FakeBridge();
    const settings = settingsStore(bridge);
    const clock = new FakeClock();
    const savedPosition = { documentId: edition.id, sentenceId: 's003', time: 4.5, lang: 'de' as const };
    const player = new PlayerController({ documentId: edition.id, edition, timing: compact, settings, api: bridge, mediaUrl: (id) => `media://${id}`, clock, savedPosition });
    const opening = player.open();
    // At once, not after an answer: the narration loads while the transcript renders.
    expect(clock.loads).toHaveLength(1);
    await opening;
    expect(bridge.callsTo('getPosition')).toEqual([]);
    expect(clock.loads).toEqual([{ source: { url: `media://${timing.tracks.de!.mediaId}`, format: 'mp3' }, startAt: 4.5 }]);
    expect(player.getSnapshot()).toMatchObject({ status: 'ready', sentenceId: 's003' });
  });

  it('resumes at the start of the saved sentence when the saved time no longer lies in it', async () => {
    // 1.0 s lies in s001's pause, not in s006: the timings changed since the place was saved.
    const { player, clock } = setup({ saved: { sentenceId: 's006', time: 1.0, lang: 'de' } });
    await player.open();
    expect(clock.loads[0]!.startAt).toBe(de('s006').start);
    expect(player.getSnapshot()).toMatchObject({ sentenceId: 's006', chapterId: 'ch02' });
  });

  it('resumes a place saved in the other language at the same sentence in this one', async () => {
    // s005 has no English of its own (it shares s004's): in English it was heard as s004.
    const { player, clock } = setup({ settings: { narrationLang: 'en' }, saved: { sentenceId: 's005', time: de('s005').start + 0.1, lang: 'de' } });
    await player.open();
    expect(clock.loads[0]!.source.url).toBe(`media://${timing.tracks.en!.mediaId}`);
    expect(clock.loads[0]!.startAt).toBe(en('s004').start);
    expect(where(player)).toEqual({ cursor: 's004', snapshot: 's004', position: 's004' });
  });

  it('opens at the beginning when the saved place cannot be read', async () => {
    const { player, clock, bridge } = setup({ saved: { sentenceId: 's006', time: 8, lang: 'de' } });
    bridge.fail('getPosition', 'database locked');
    await player.open();
    expect(clock.loads[0]!.startAt).toBe(0);
    expect(player.getSnapshot().status).toBe('ready');
  });

  it('uses the duration the audio reports once loaded, the timing file’s until then', async () => {
    const clock = new FakeClock();
    clock.loadPlan = 'manual';
    clock.audioDuration = 13.2;
    const { player } = setup({ clock });
    const opening = player.open();
    await settle();
    expect(player.getSnapshot()).toMatchObject({ status: 'loading', duration: timing.tracks.de!.duration });
    clock.finishLoad('loaded');
    await opening;
    expect(player.getSnapshot()).toMatchObject({ status: 'ready', duration: 13.2 });
  });
});

describe('PlayerController: the one cursor, at the time heard', () => {
  it('without an offset the sentence changes when the clock reaches its start', async () => {
    const { player, clock } = setup();
    await player.open();
    player.play();
    clock.setTime(de('s003').start - 0.01);
    currentFrames().step();
    expect(where(player)).toEqual({ cursor: 's002', snapshot: 's002', position: 's002' });
    clock.setTime(de('s003').start);
    currentFrames().step();
    expect(where(player)).toEqual({ cursor: 's003', snapshot: 's003', position: 's003' });
  });

  it('with a sync offset the sentence flips at start + offset, the same for the cursor, the snapshot and getPosition', async () => {
    const { player, clock } = setup({ settings: { syncOffsetMs: 500 } });
    await player.open();
    player.play();
    const start = de('s003').start;
    clock.setTime(start + 0.49);
    currentFrames().step();
    expect(where(player)).toEqual({ cursor: 's002', snapshot: 's002', position: 's002' });
    expect(player.getPosition().time).toBeCloseTo(start - 0.01, 6);
    expect(player.heardTime()).toBeCloseTo(start - 0.01, 6);
    expect(player.time()).toBeCloseTo(start + 0.49, 6);
    clock.setTime(start + 0.51);
    currentFrames().step();
    expect(where(player)).toEqual({ cursor: 's003', snapshot: 's003', position: 's003' });
    expect(player.getPosition().time).toBeCloseTo(start + 0.01, 6);
  });

  it('with a sync offset, "next sentence" goes on from the sentence heard, not the one the clock has reached', async () => {
    const { player, clock } = setup({ settings: { syncOffsetMs: 500 } });
    await player.open();
    // The clock is in s003 already; the listener still hears (and sees lit) s002.
    clock.setTime(de('s003').start + 0.2);
    currentFrames().step();
    expect(player.cursor.sentenceId()).toBe('s002');
    player.go('sentence', 1);
    expect(player.time()).toBe(de('s003').start);
  });

  it('the time heard never goes below the beginning', async () => {
    const { player } = setup({ settings: { syncOffsetMs: 500 } });
    await player.open();
    expect(player.time()).toBe(0);
    expect(player.heardTime()).toBe(0);
  });

  it('follows a change of the offset at once, without waiting for a frame', async () => {
    const { player, settings } = setup({ saved: { sentenceId: 's003', time: de('s003').start + 0.3, lang: 'de' } });
    await player.open();
    expect(player.getSnapshot().sentenceId).toBe('s003');
    const ranBefore = currentFrames().ran;
    settings.update({ syncOffsetMs: 500 });
    expect(currentFrames().ran).toBe(ranBefore);
    expect(where(player)).toEqual({ cursor: 's002', snapshot: 's002', position: 's002' });
    settings.update({ syncOffsetMs: -500 });
    expect(where(player)).toEqual({ cursor: 's003', snapshot: 's003', position: 's003' });
  });

  it('keeps the snapshot with the cursor when the place was asked for between frames', async () => {
    // A note or a position save asks getPosition() between two frames; the next frame must still
    // bring the sentence (and chapter) in the snapshot to where the cursor is.
    const { player, clock } = setup({ saved: { sentenceId: 's007', time: de('s007').start, lang: 'de' } });
    await player.open();
    player.play();
    currentFrames().step();
    expect(player.getSnapshot().sentenceId).toBe('s007');
    clock.setTime(de('s008').start + 0.05);
    expect(player.getPosition().sentenceId).toBe('s008');
    currentFrames().step();
    expect(where(player)).toEqual({ cursor: 's008', snapshot: 's008', position: 's008' });
    expect(player.getSnapshot().chapterId).toBe('ch02');
  });

  it('hands every frame listener the clock time, once per frame while playing, and stops asking for frames when paused', async () => {
    const { player, clock } = setup();
    await player.open();
    const seen: number[] = [];
    player.onFrame((t) => seen.push(t));
    currentFrames().step();
    player.play();
    clock.setTime(1.5);
    currentFrames().step();
    clock.setTime(1.6);
    currentFrames().step();
    expect(seen.slice(-2)).toEqual([1.5, 1.6]);
    player.pause();
    currentFrames().step(); // the frame asked for by the pause
    currentFrames().step();
    expect(currentFrames().pending).toBe(0);
  });
});

describe('PlayerController: seeking and navigation', () => {
  it('clamps a seek into the narration and says where it jumped, with the cursor already there', async () => {
    const { player, clock } = setup();
    await player.open();
    const jumps: { time: number; cursor: string | null; snapshot: string | null }[] = [];
    player.events.on('jumped', (time) => jumps.push({ time, cursor: player.cursor.sentenceId(), snapshot: player.getSnapshot().sentenceId }));
    player.seek(-3);
    player.seek(999);
    player.seek(de('s006').start + 0.1);
    const end = timing.tracks.de!.duration;
    expect(clock.seeks).toEqual([0, end, de('s006').start + 0.1]);
    expect(jumps).toEqual([
      { time: 0, cursor: null, snapshot: null },
      { time: end, cursor: 's008', snapshot: 's008' },
      { time: de('s006').start + 0.1, cursor: 's006', snapshot: 's006' },
    ]);
    expect(player.getSnapshot().chapterId).toBe('ch02');
  });

  it('keeps a seek made while the narration is still loading', async () => {
    const clock = new FakeClock();
    clock.loadPlan = 'manual';
    const { player } = setup({ clock });
    const opening = player.open();
    await settle();
    player.seek(de('s006').start);
    expect(player.time()).toBe(de('s006').start);
    clock.finishLoad('loaded');
    await opening;
    expect(player.time()).toBe(de('s006').start);
    expect(where(player)).toEqual({ cursor: 's006', snapshot: 's006', position: 's006' });
  });

  it('goes to the next and previous sentence, paragraph and chapter', async () => {
    const { player } = setup({ saved: { sentenceId: 's003', time: 4.5, lang: 'de' } });
    await player.open();
    player.go('sentence', 1);
    expect(player.time()).toBe(de('s004').start);
    // Right after a sentence's start, "previous" goes to the sentence before.
    player.go('sentence', -1);
    expect(player.time()).toBe(de('s003').start);
    player.go('paragraph', 1);
    expect(player.time()).toBe(de('s004').start); // p004 starts with s004
    player.go('paragraph', 1);
    expect(player.time()).toBe(de('s006').start); // p005 is a gap: p006 comes next
    expect(player.getSnapshot().chapterId).toBe('ch02');
    player.go('chapter', -1);
    expect(player.time()).toBe(de('s001').start);
    player.go('chapter', 1);
    expect(player.time()).toBe(de('s006').start);
    // Late in a sentence, "previous" goes back to its own start.
    player.seek(de('s006').start + 1.5);
    player.go('sentence', -1);
    expect(player.time()).toBe(de('s006').start);
  });

  it('goes nowhere past the last chapter, and says nothing', async () => {
    const { player, clock } = setup({ saved: { sentenceId: 's007', time: de('s007').start, lang: 'de' } });
    await player.open();
    const jumps: number[] = [];
    player.events.on('jumped', (t) => jumps.push(t));
    player.go('chapter', 1);
    expect(clock.seeks).toEqual([]);
    expect(jumps).toEqual([]);
  });

  it('skips by seconds inside the narration', async () => {
    const { player } = setup({ saved: { sentenceId: 's002', time: 2, lang: 'de' } });
    await player.open();
    player.skip(-5);
    expect(player.time()).toBe(0);
    player.skip(5);
    expect(player.time()).toBe(5);
    player.skip(60);
    expect(player.time()).toBe(timing.tracks.de!.duration);
  });

  it('plays from a sentence or a word of it', async () => {
    const { player, clock } = setup();
    await player.open();
    player.playFromWord('s002', 3);
    expect(clock.seeks.at(-1)).toBe(timing.tracks.de!.sentences.find((s) => s.id === 's002')!.words[3]![0]);
    expect(clock.isPlaying()).toBe(true);
    player.playFromSentence('s005');
    expect(clock.seeks.at(-1)).toBe(de('s005').start);
  });
});

describe('PlayerController: speed, volume and settings', () => {
  it('applies the stored speed, volume and mute to the clock from the start', () => {
    const { clock, player } = setup({ settings: { rate: 1.4, volume: 0.3, muted: true } });
    expect(clock.rates).toEqual([1.4]);
    expect(clock.volumes).toEqual([0.3]);
    expect(clock.mutes).toEqual([true]);
    expect(player.getSnapshot().rate).toBe(1.4);
  });

  it('clamps the speed to 0.5–3 in steps of 0.1, and writes it as the setting', async () => {
    const { player, clock, settings, bridge } = setup();
    player.setRate(5);
    expect([clock.rates.at(-1), settings.settings.rate, player.getSnapshot().rate]).toEqual([MAX_RATE, MAX_RATE, MAX_RATE]);
    player.setRate(0.1);
    expect([clock.rates.at(-1), settings.settings.rate, player.getSnapshot().rate]).toEqual([MIN_RATE, MIN_RATE, MIN_RATE]);
    player.setRate(1.23);
    expect(settings.settings.rate).toBe(1.2);
    player.changeRate(0.1);
    expect(settings.settings.rate).toBe(1.3);
    await vi.advanceTimersByTimeAsync(300);
    expect(bridge.callsTo('updateSettings')).toEqual([{ patch: { rate: 1.3 } }]);
  });

  it('a speed for a moment (persist: false) reaches the clock exactly, and is not the setting', async () => {
    const { player, clock, settings, bridge } = setup({ settings: { rate: 1.2 } });
    player.setRate(0.83, { persist: false });
    expect(clock.rates.at(-1)).toBe(0.83);
    expect(player.getSnapshot().rate).toBe(0.83);
    expect(settings.settings.rate).toBe(1.2);
    // Back to the listener's own speed: the setting is unchanged, the clock follows it again.
    player.setRate(1.2);
    expect(clock.rates.at(-1)).toBe(1.2);
    expect(player.getSnapshot().rate).toBe(1.2);
    await vi.runAllTimersAsync();
    expect(bridge.callsTo('updateSettings')).toEqual([]);
  });

  it('follows speed, volume and mute changed elsewhere, and a reset', async () => {
    const { player, clock, settings } = setup({ settings: { rate: 2, volume: 0.5, muted: true } });
    settings.update({ rate: 1.5 });
    expect(clock.rates.at(-1)).toBe(1.5);
    expect(player.getSnapshot().rate).toBe(1.5);
    settings.update({ volume: 0.4, muted: false });
    expect(clock.volumes.at(-1)).toBe(0.4);
    expect(clock.mutes.at(-1)).toBe(false);
    settings.update({ muted: true });
    await settings.reset();
    expect([clock.rates.at(-1), clock.volumes.at(-1), clock.mutes.at(-1)]).toEqual([1, 1, false]);
    expect(player.getSnapshot().rate).toBe(1);
  });

  it('writes volume and mute through the settings, clamped', () => {
    const { player, clock, settings } = setup();
    player.setVolume(1.7);
    expect(settings.settings.volume).toBe(1);
    player.setVolume(-1);
    expect(settings.settings.volume).toBe(0);
    expect(clock.volumes.at(-1)).toBe(0);
    player.toggleMute();
    expect(settings.settings.muted).toBe(true);
    expect(clock.mutes.at(-1)).toBe(true);
  });
});

describe('PlayerController: narration language', () => {
  it('continues from the same sentence in the other language, still playing', async () => {
    const { player, clock, settings } = setup({ saved: { sentenceId: 's004', time: de('s004').start + 0.2, lang: 'de' } });
    await player.open();
    player.play();
    const seen: string[] = [];
    player.events.on('language', (lang) => seen.push(`language ${lang}`));
    player.events.on('jumped', (t) => seen.push(`jumped ${t}`));
    await player.setLanguage('en');
    expect(clock.loads.at(-1)).toEqual({ source: { url: `media://${timing.tracks.en!.mediaId}`, format: 'mp3' }, startAt: en('s004').start });
    expect(clock.isPlaying()).toBe(true);
    expect(player.getSnapshot()).toMatchObject({ lang: 'en', duration: timing.tracks.en!.duration, sentenceId: 's004', status: 'ready' });
    expect(player.cursor.timeline).toBe(player.index('en').timeline);
    expect(settings.settings.narrationLang).toBe('en');
    expect(seen).toEqual(['language en', `jumped ${en('s004').start}`]);
  });

  it('maps a German sentence that shares its English to the sentence carrying it, and back', async () => {
    const { player } = setup({ saved: { sentenceId: 's005', time: de('s005').start + 0.1, lang: 'de' } });
    await player.open();
    await player.switchLanguage();
    expect(player.time()).toBe(en('s004').start);
    expect(player.getPosition()).toMatchObject({ sentenceId: 's004', lang: 'en' });
    await player.switchLanguage();
    expect(player.time()).toBe(de('s004').start);
    expect(player.getPosition()).toMatchObject({ sentenceId: 's004', lang: 'de' });
  });

  it('a switch overtaken by another one (pressed twice quickly) ends quietly: one jump, to the place in the last language', async () => {
    const clock = new FakeClock();
    const { player } = setup({ clock, saved: { sentenceId: 's006', time: de('s006').start, lang: 'de' } });
    await player.open();
    clock.loadPlan = 'manual';
    const jumps: number[] = [];
    player.events.on('jumped', (t) => jumps.push(t));
    const toEnglish = player.setLanguage('en');
    const backToGerman = player.setLanguage('de');
    await settle();
    clock.finishLoad('loaded');
    await Promise.all([toEnglish, backToGerman]);
    expect(clock.loads.map((l) => l.source.url)).toEqual([`media://${timing.tracks.de!.mediaId}`, `media://${timing.tracks.en!.mediaId}`, `media://${timing.tracks.de!.mediaId}`]);
    expect(jumps).toEqual([de('s006').start]);
    expect(player.getSnapshot()).toMatchObject({ lang: 'de', status: 'ready', sentenceId: 's006' });
  });

  it('switches when the setting is changed elsewhere, without playing if it was paused', async () => {
    const { player, clock, settings } = setup({ saved: { sentenceId: 's006', time: de('s006').start, lang: 'de' } });
    await player.open();
    settings.update({ narrationLang: 'en' });
    await settle();
    expect(player.getSnapshot()).toMatchObject({ lang: 'en', sentenceId: 's006', status: 'ready' });
    expect(clock.loads.at(-1)!.startAt).toBe(en('s006').start);
    expect(clock.isPlaying()).toBe(false);
  });
});

describe('PlayerController: saving the place', () => {
  it('saves the sentence and time heard every few seconds while playing and on pause, not the same place twice', async () => {
    const { player, clock, bridge } = setup({ settings: { syncOffsetMs: 200 }, saved: { sentenceId: 's003', time: 4.5, lang: 'de' } });
    await player.open();
    // The saved time was a time heard; the clock is put there.
    player.play();
    await vi.advanceTimersByTimeAsync(2000);
    clock.setTime(de('s005').start + 0.4);
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(2000);
    player.pause();
    await settle();
    expect(bridge.callsTo('savePosition')).toEqual([
      { documentId: edition.id, sentenceId: 's003', time: 4.3, lang: 'de' },
      { documentId: edition.id, sentenceId: 's005', time: Math.round((de('s005').start + 0.2) * 1000) / 1000, lang: 'de' },
    ]);
  });

  it('saves soon after a seek, once for a burst of seeks', async () => {
    const { player, bridge } = setup();
    await player.open();
    player.seek(2);
    player.seek(5);
    player.seek(de('s006').start);
    await vi.advanceTimersByTimeAsync(299);
    expect(bridge.callsTo('savePosition')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(bridge.callsTo('savePosition')).toEqual([{ documentId: edition.id, sentenceId: 's006', time: de('s006').start, lang: 'de' }]);
  });

  it('saves nothing while no audio is loaded', async () => {
    const clock = new FakeClock();
    clock.loadPlan = 'failed';
    const { player, bridge } = setup({ clock });
    await player.open();
    player.seek(5);
    player.flush();
    await vi.runAllTimersAsync();
    expect(bridge.callsTo('savePosition')).toEqual([]);
  });
});

describe('PlayerController: audio that does not load', () => {
  it('shows "no-audio" with the reason, refuses to play with a notice, and can try again', async () => {
    const clock = new FakeClock();
    clock.loadPlan = 'failed';
    clock.loadError = 'The narration could not be opened: the file is missing.';
    const { player } = setup({ clock });
    const notices: string[] = [];
    player.events.on('notice', (m) => notices.push(m));
    await player.open();
    expect(player.getSnapshot()).toMatchObject({ status: 'no-audio', audioError: clock.loadError });
    // The failed load itself is shown by the state, not by a notice.
    expect(notices).toEqual([]);
    player.play();
    expect(clock.playCalls).toBe(0);
    expect(notices).toEqual([clock.loadError]);
    // The place can still be moved without audio, and a retry starts there.
    player.seek(de('s004').start);
    expect(player.getSnapshot().sentenceId).toBe('s004');
    clock.loadPlan = 'loaded';
    await player.retryAudio();
    expect(clock.loads.at(-1)!.startAt).toBe(de('s004').start);
    expect(player.getSnapshot()).toMatchObject({ status: 'ready', audioError: null });
  });

  it('an error while playing is a notice', async () => {
    const { player, clock } = setup();
    await player.open();
    const notices: string[] = [];
    player.events.on('notice', (m) => notices.push(m));
    clock.events.emit('error', 'playback stopped');
    expect(notices).toEqual(['playback stopped']);
  });
});

describe('PlayerController: destroy', () => {
  it('stops the frames and every listener, destroys the clock and saves the place', async () => {
    const { player, clock, settings, bridge } = setup();
    await player.open();
    const onFrame = vi.fn();
    const onChange = vi.fn();
    player.onFrame(onFrame);
    player.subscribe(onChange);
    player.play();
    player.seek(de('s003').start); // a save is due in 300 ms
    currentFrames().step();
    onFrame.mockClear();
    onChange.mockClear();
    settings.update({ rate: 1.7 });
    expect(onChange).toHaveBeenCalled();
    onChange.mockClear();
    const ratesBefore = clock.rates.length;

    player.destroy();
    expect(clock.destroyed).toBe(true);
    expect(currentFrames().pending).toBe(0);
    expect(currentFrames().step(3)).toBe(0);
    expect(onFrame).not.toHaveBeenCalled();
    // The settings store outlives the document; the player no longer follows it.
    settings.update({ rate: 2.5, volume: 0.2, muted: true, syncOffsetMs: 300 });
    expect(clock.rates.length).toBe(ratesBefore);
    expect(onChange).not.toHaveBeenCalled();
    await settle();
    // Saved at once, not 300 ms later; and the rate change was flushed too.
    expect(bridge.callsTo('savePosition')).toEqual([{ documentId: edition.id, sentenceId: 's003', time: de('s003').start, lang: 'de' }]);
    expect(bridge.callsTo('updateSettings')).toEqual([{ patch: { rate: 1.7 } }]);
    await vi.runAllTimersAsync();
    expect(bridge.callsTo('savePosition')).toHaveLength(1);
    expect(currentFrames().pending).toBe(0);
  });

  it('destroyed while opening, it loads nothing', async () => {
    const { player, clock } = setup();
    const opening = player.open();
    player.destroy();
    await opening;
    expect(clock.loads).toEqual([]);
  });
});
