// One document session per open document, over a fake clock and an in-memory bridge: destroy()
// takes down the player, notes, learning tools and cards together (no frames, no listeners, no
// timers, unsaved typing sent), and a session on another document shares nothing with the first
// (notes, learning state, reveal state, position), while one settings store reaches both at once.
import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../common/bridge/contract';
import { DocumentSession } from '../../../renderer/session/document-session';
import type { SettingsStore } from '../../../renderer/settings/settings-store';
import { FakeBridge, settingsStore } from '../support/fake-bridge';
import { FakeClock, useFakeTimeAndFrames } from '../support/fake-clock';
import { loadDocument, timed, type SmallDocument } from '../support/small-document';

const interview = loadDocument('editions/valid-small.yaml');
const voices = loadDocument('narration/small.yaml');

const currentFrames = useFakeTimeAndFrames();

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function session(doc: SmallDocument, bridge: FakeBridge, settings: SettingsStore) {
  const clock = new FakeClock();
  const s = new DocumentSession({ documentId: doc.edition.id, edition: doc.edition, timing: doc.compact, settings, api: bridge, mediaUrl: (id) => `media://${id}`, clock });
  return { session: s, clock };
}

function shared(initial: Partial<Settings> = {}) {
  const bridge = new FakeBridge();
  return { bridge, settings: settingsStore(bridge, initial) };
}

describe('DocumentSession', () => {
  it('opens the place, the narration, the notes and the cards of its document', async () => {
    const { bridge, settings } = shared();
    bridge.positions.set(interview.edition.id, { documentId: interview.edition.id, sentenceId: 's003', time: 4.5, lang: 'de' });
    const { session: s } = session(interview, bridge, settings);
    await s.open();
    expect(s.player.getSnapshot()).toMatchObject({ status: 'ready', sentenceId: 's003' });
    expect(s.notes.getSnapshot().status).toBe('ready');
    expect(s.cards.getSnapshot().status).toBe('ready');
    expect(s.reveal).toBe(s.learning.reveal);
  });

  it('destroy() takes down the player, notes, learning tools and cards together', async () => {
    const { bridge, settings } = shared();
    const { session: s, clock } = session(interview, bridge, settings);
    await s.open();
    const note = (await s.notes.create({ sentenceIds: ['s003'], time: 4, text: '' }))!;
    const saved = await s.cards.save({ sentenceIds: ['s003'], lang: 'de' });
    expect('card' in saved).toBe(true);
    // Under way: playing, a shadowing pause, unsaved typing, listeners on everything.
    s.player.seek(4.5);
    s.player.play();
    s.learning.setShadowing(true);
    clock.setTime(4.8);
    currentFrames().step();
    clock.setTime(timed(interview.timing, 'de', 's003').end + 0.02);
    currentFrames().step();
    expect(s.learning.getState().scheduler.waiting).not.toBeNull();
    s.notes.edit(note.id, { text: 'typed just before another document opened' });
    const listeners = { player: vi.fn(), notes: vi.fn(), learning: vi.fn(), reveal: vi.fn(), cards: vi.fn(), frame: vi.fn() };
    s.player.subscribe(listeners.player);
    s.player.onFrame(listeners.frame);
    s.notes.subscribe(listeners.notes);
    s.learning.subscribe(listeners.learning);
    s.reveal.subscribe(listeners.reveal);
    s.cards.subscribe(listeners.cards);
    currentFrames().step();
    listeners.frame.mockClear();

    // A card edit whose answer arrives after the document closed.
    const editing = 'card' in saved ? s.cards.edit(saved.card.id, { note: 'answered late' }) : Promise.resolve();
    for (const listener of Object.values(listeners)) listener.mockClear();

    s.destroy();
    expect(s.isDestroyed).toBe(true);
    s.destroy(); // twice is harmless
    // Unsaved typing goes out now, not after the autosave delay.
    await settle();
    await editing;
    // The notes tell their listeners once more while destroy() sends the typing; nobody after it.
    for (const [name, listener] of Object.entries(listeners)) if (name !== 'notes') expect(listener, name).not.toHaveBeenCalled();
    expect(bridge.callsTo('updateNote')).toEqual([expect.objectContaining({ id: note.id, text: 'typed just before another document opened' })]);
    // No frames, no timers of the document left (the shadowing pause, the position saver).
    expect(clock.destroyed).toBe(true);
    expect(currentFrames().pending).toBe(0);
    expect(currentFrames().step(3)).toBe(0);
    expect(listeners.frame).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(clock.playCalls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    // Nothing listens to the settings any more, and nobody is told anything.
    for (const listener of Object.values(listeners)) listener.mockClear();
    settings.update({ rate: 2, hiddenLanguage: 'en', repeatCount: 8, shadowingFactor: 2 });
    s.notes.dismissProblem();
    expect(s.reveal.getSnapshot().hidden).toBe('none');
    expect(s.learning.getState().repeatCount).toBe(3);
    for (const [name, listener] of Object.entries(listeners)) expect(listener, name).not.toHaveBeenCalled();
  });

  it('a session on another document shares nothing with the first, and both see one settings store at once', async () => {
    const { bridge, settings } = shared({ hiddenLanguage: 'en' });
    const first = session(interview, bridge, settings);
    await first.session.open();
    const a = first.session;
    await a.notes.create({ sentenceIds: ['s002'], time: 1.5, text: 'a note on the interview' });
    a.player.seek(timed(interview.timing, 'de', 's006').start);
    a.learning.loopSelection(null);
    a.reveal.toggle(['s006']);
    expect(a.learning.getState().scheduler.loopActive).toBe(true);
    expect(a.reveal.getSnapshot().revealed.has('s006')).toBe(true);

    // The second document opens while the first is still there (the app destroys the first next).
    const second = session(voices, bridge, settings);
    await second.session.open();
    const b = second.session;
    expect(b.notes.getSnapshot().notes).toEqual([]);
    expect(b.learning.getState().scheduler).toMatchObject({ loop: { a: null, b: null }, loopActive: false, repeat: null, shadowing: false });
    expect(b.reveal.getSnapshot()).toMatchObject({ hidden: 'en', allRevealed: false });
    expect(b.reveal.getSnapshot().revealed.size).toBe(0);
    expect(second.clock.loads[0]).toEqual({ source: { url: `media://${voices.timing.tracks.de!.mediaId}`, format: 'mp3' }, startAt: 0 });
    expect(b.player.getPosition()).toEqual({ time: 0, sentenceId: 's001', lang: 'de' });

    // One setting, changed once, is seen by both at once.
    settings.update({ rate: 1.5, hiddenLanguage: 'de', syncOffsetMs: 250 });
    expect([first.clock.rates.at(-1), second.clock.rates.at(-1)]).toEqual([1.5, 1.5]);
    expect([a.player.getSnapshot().rate, b.player.getSnapshot().rate]).toEqual([1.5, 1.5]);
    expect([a.reveal.getSnapshot().hidden, b.reveal.getSnapshot().hidden]).toEqual(['de', 'de']);
    expect(a.player.heardTime()).toBeCloseTo(timed(interview.timing, 'de', 's006').start - 0.25, 6);
    // Revealing in one document reveals nothing in the other.
    b.reveal.toggle(['s003']);
    expect(a.reveal.getSnapshot().revealed.has('s003')).toBe(false);

    a.destroy();
    await settle();
    expect(bridge.positions.get(interview.edition.id)).toMatchObject({ sentenceId: 's005' }); // 0.25 s before s006 is heard: s005's pause
    settings.update({ rate: 0.8 });
    expect(second.clock.rates.at(-1)).toBe(0.8);
    expect(first.clock.rates.at(-1)).toBe(1.5);
    expect(b.learning.getState().scheduler.loopActive).toBe(false);
    expect(bridge.positions.has(voices.edition.id)).toBe(false);
  });

  it('the first document opened again gets its own place and notes back, and fresh learning and reveal state', async () => {
    const { bridge, settings } = shared({ hiddenLanguage: 'en' });
    const first = session(interview, bridge, settings);
    await first.session.open();
    await first.session.notes.create({ sentenceIds: ['s002'], time: 1.5, text: 'kept' });
    first.session.learning.loopSelection(null);
    first.session.player.seek(timed(interview.timing, 'de', 's006').start + 0.2);
    first.session.reveal.toggleAll();
    first.session.destroy();

    const other = session(voices, bridge, settings);
    await other.session.open();
    other.session.destroy();

    const again = session(interview, bridge, settings);
    await again.session.open();
    const s = again.session;
    expect(s.player.getSnapshot().sentenceId).toBe('s006');
    expect(again.clock.loads[0]!.startAt).toBe(timed(interview.timing, 'de', 's006').start + 0.2);
    expect(s.notes.getSnapshot().notes.map((n) => n.text)).toEqual(['kept']);
    expect(s.learning.getState().scheduler.loopActive).toBe(false);
    expect(s.reveal.getSnapshot().allRevealed).toBe(false);
  });

  it('shows the same text with other pairs in place: playing on, nothing reloaded, reveal and cards on the new pairs', async () => {
    const { bridge, settings } = shared({ hiddenLanguage: 'en' });
    const { session: s, clock } = session(interview, bridge, settings);
    await s.open();
    s.player.seek(timed(interview.timing, 'de', 's006').start + 0.1);
    s.player.play();
    currentFrames().step();
    const opened = s.edition;
    // s006 and s010 share a paragraph and each has its own English: joined into one pair.
    const joined = {
      ...opened,
      sentences: opened.sentences.map((x) =>
        x.id === 's006' ? { ...x, en: `${x.en} 2024` } : x.id === 's010' ? { ...x, en: '', enWith: 's006' } : x,
      ),
    };
    expect(s.reveal.idsFor('s010', 'de')).toEqual(['s010']);
    s.showEdition(joined);
    expect(s.edition).toBe(joined);
    expect(s.player.getSnapshot()).toMatchObject({ edition: joined, playing: true, sentenceId: 's006' });
    expect(clock.loads).toHaveLength(1);
    expect(clock.isPlaying()).toBe(true);
    // The English of s010 is now carried by s006: revealing and card-making follow the new pair.
    expect(s.reveal.idsFor('s010', 'de')).toEqual(['s006']);
    const saved = await s.cards.save({ sentenceIds: ['s006'], lang: 'en' });
    expect('card' in saved && saved.card.sentenceIds).toEqual(['s006', 's010']);

    // Another text is not a change of pairs: refused, and the pairs shown stay.
    const other = { ...joined, sentences: joined.sentences.map((x) => (x.id === 's001' ? { ...x, de: 'Ein anderer Titel' } : x)) };
    expect(() => s.showEdition(other)).toThrow(/not the same text/);
    expect(s.edition).toBe(joined);
    s.destroy();
  });
});
