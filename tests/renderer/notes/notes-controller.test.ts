// The notes of one open document against an in-memory bridge: loading (sorted by place in the
// text), creating, typing saved by autosave (fake timers), a failing save reported and retried,
// delete and undo, failures in the snapshot, and destroy() still sending what was typed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../../common/notes/model';
import { getUiLanguage, translate } from '../../../renderer/i18n';
import { NotesController } from '../../../renderer/notes/notes-controller';
import { FakeBridge } from '../support/fake-bridge';
import { loadDocument } from '../support/small-document';

const { edition } = loadDocument();

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Stores a note straight in the fake back end (as if made in an earlier session). */
function stored(bridge: FakeBridge, id: string, sentenceId: string, time: number, documentId = edition.id): Note {
  const note: Note = { id, documentId, sentenceIds: [sentenceId], quote: null, quoteLang: null, time, text: `text of ${id}`, tags: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
  bridge.notes.set(id, note);
  return note;
}

async function setup() {
  const bridge = new FakeBridge();
  const notes = new NotesController(bridge, edition.id, edition);
  return { bridge, notes };
}

const ids = (notes: NotesController) => notes.getSnapshot().notes.map((n) => n.id);
const lang = () => getUiLanguage();

describe('NotesController: loading', () => {
  it('loads this document’s notes only, sorted by their place in the text, with the database’s problem', async () => {
    const { bridge, notes } = await setup();
    stored(bridge, 'late', 's006', 8);
    stored(bridge, 'early', 's002', 2);
    stored(bridge, 'elsewhere', 's001', 1, 'other-document');
    bridge.notesProblem = 'The notes database was damaged and has been restored from a backup.';
    expect(notes.getSnapshot().status).toBe('loading');
    await notes.load();
    expect(notes.getSnapshot().status).toBe('ready');
    expect(ids(notes)).toEqual(['early', 'late']);
    expect(notes.getSnapshot().problem).toBe(bridge.notesProblem);
    expect(bridge.callsTo('listNotes')).toEqual([{ documentId: edition.id }]);
  });

  it('a failed load is reported in the snapshot', async () => {
    const { bridge, notes } = await setup();
    bridge.fail('listNotes', 'database is locked');
    await notes.load();
    expect(notes.getSnapshot().status).toBe('failed');
    expect(notes.getSnapshot().problem).toBe(translate(lang(), 'notes.loadFailed', { message: 'database is locked' }));
  });
});

describe('NotesController: creating', () => {
  it('creates a note for this document, in its place, asks for the focus and announces it', async () => {
    const { bridge, notes } = await setup();
    stored(bridge, 'early', 's002', 2);
    stored(bridge, 'late', 's006', 8);
    await notes.load();
    const note = await notes.create({ sentenceIds: ['s004'], time: 5.6, text: '' });
    expect(note).not.toBeNull();
    expect(bridge.notes.get(note!.id)?.documentId).toBe(edition.id);
    expect(ids(notes)).toEqual(['early', note!.id, 'late']);
    expect(notes.getSnapshot().focusRequest).toBe(note!.id);
    expect(notes.getSnapshot().announcement?.text).toBe(translate(lang(), 'notes.added'));
    notes.focusHandled();
    expect(notes.getSnapshot().focusRequest).toBeNull();
  });

  it('a failed create returns null and says why', async () => {
    const { bridge, notes } = await setup();
    await notes.load();
    bridge.fail('createNote', 'disk full');
    expect(await notes.create({ sentenceIds: ['s004'], time: 5.6, text: 'x' })).toBeNull();
    expect(notes.getSnapshot().notes).toEqual([]);
    expect(notes.getSnapshot().problem).toBe(translate(lang(), 'notes.addFailed', { message: 'disk full' }));
  });
});

describe('NotesController: editing', () => {
  it('shows typing at once and saves it within the autosave delay, based on the stored version', async () => {
    const { bridge, notes } = await setup();
    const original = stored(bridge, 'n1', 's003', 4);
    await notes.load();
    notes.edit('n1', { text: 'Hallo' });
    expect(notes.getSnapshot().notes[0]!.text).toBe('Hallo');
    expect(notes.getSnapshot().saveStates.get('n1')).toBe('unsaved');
    notes.edit('n1', { text: 'Hallo Welt' });
    await vi.advanceTimersByTimeAsync(399);
    expect(bridge.callsTo('updateNote')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(bridge.callsTo('updateNote')).toEqual([{ id: 'n1', text: 'Hallo Welt', expectedUpdatedAt: original.updatedAt }]);
    expect(notes.getSnapshot().saveStates.get('n1')).toBe('saved');
    expect(bridge.notes.get('n1')!.text).toBe('Hallo Welt');
    // The next save is based on the version the last one returned (no "changed elsewhere").
    notes.edit('n1', { tags: ['wichtig'] });
    await vi.advanceTimersByTimeAsync(400);
    await settle();
    expect(notes.getSnapshot().problem).toBeNull();
    expect(bridge.notes.get('n1')).toMatchObject({ text: 'Hallo Welt', tags: ['wichtig'] });
    expect(notes.getSnapshot().notes[0]).toMatchObject({ text: 'Hallo Welt', tags: ['wichtig'], updatedAt: bridge.notes.get('n1')!.updatedAt });
  });

  it('a failing save keeps the text, reports it, and clears the report once a save works again', async () => {
    const { bridge, notes } = await setup();
    stored(bridge, 'n1', 's003', 4);
    await notes.load();
    bridge.fail('updateNote', 'disk full');
    notes.edit('n1', { text: 'kept' });
    await vi.advanceTimersByTimeAsync(400);
    await settle();
    expect(notes.getSnapshot().saveStates.get('n1')).toBe('failed');
    expect(notes.getSnapshot().problem).toContain('disk full');
    expect(notes.getSnapshot().notes[0]!.text).toBe('kept');
    bridge.heal('updateNote');
    notes.edit('n1', { text: 'kept, and more' });
    await vi.advanceTimersByTimeAsync(400);
    await settle();
    expect(notes.getSnapshot().saveStates.get('n1')).toBe('saved');
    expect(notes.getSnapshot().problem).toBeNull();
    expect(bridge.notes.get('n1')!.text).toBe('kept, and more');
  });

  it('an edit of a note it does not have does nothing', async () => {
    const { bridge, notes } = await setup();
    await notes.load();
    notes.edit('missing', { text: 'x' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(bridge.callsTo('updateNote')).toEqual([]);
  });
});

describe('NotesController: delete and undo', () => {
  it('deletes (saving pending typing first) and undoes', async () => {
    const { bridge, notes } = await setup();
    stored(bridge, 'n1', 's003', 4);
    stored(bridge, 'n2', 's006', 8);
    await notes.load();
    notes.edit('n1', { text: 'last words' });
    await notes.remove('n1');
    const methods = bridge.calls.map((c) => c.method);
    expect(methods.indexOf('updateNote')).toBeGreaterThan(-1);
    expect(methods.indexOf('updateNote')).toBeLessThan(methods.indexOf('deleteNote'));
    expect(ids(notes)).toEqual(['n2']);
    expect(notes.getSnapshot().lastDeleted?.note).toMatchObject({ id: 'n1', text: 'last words' });
    expect(notes.getSnapshot().announcement?.text).toBe(translate(lang(), 'notes.deletedAnnounce'));
    expect(await notes.undoDelete()).toBe(true);
    expect(ids(notes)).toEqual(['n1', 'n2']);
    expect(notes.getSnapshot()).toMatchObject({ lastDeleted: null, focusRequest: 'n1' });
    expect(notes.getSnapshot().announcement?.text).toBe(translate(lang(), 'notes.restored'));
    expect(await notes.undoDelete()).toBe(false);
  });

  it('a failed delete keeps the note and says why; a failed undo says why and offers it no more', async () => {
    const { bridge, notes } = await setup();
    stored(bridge, 'n1', 's003', 4);
    await notes.load();
    bridge.fail('deleteNote', 'read-only');
    await notes.remove('n1');
    expect(ids(notes)).toEqual(['n1']);
    expect(notes.getSnapshot().problem).toBe(translate(lang(), 'notes.deleteFailed', { message: 'read-only' }));
    notes.dismissProblem();
    bridge.heal('deleteNote');
    await notes.remove('n1');
    bridge.fail('restoreNote', 'the trash was emptied');
    expect(await notes.undoDelete()).toBe(false);
    expect(ids(notes)).toEqual([]);
    expect(notes.getSnapshot()).toMatchObject({ lastDeleted: null, problem: translate(lang(), 'notes.restoreFailed', { message: 'the trash was emptied' }) });
  });
});

describe('NotesController: export', () => {
  it('saves pending typing before exporting, and announces the export', async () => {
    const { bridge, notes } = await setup();
    stored(bridge, 'n1', 's003', 4);
    await notes.load();
    notes.edit('n1', { text: 'exported too' });
    const result = await notes.exportAs('markdown');
    expect(result?.count).toBe(1);
    const methods = bridge.calls.map((c) => c.method);
    expect(methods.indexOf('updateNote')).toBeLessThan(methods.indexOf('exportNotes'));
    expect(notes.getSnapshot().announcement?.text).toContain('notes.markdown');
    bridge.fail('exportNotes', 'no space');
    expect(await notes.exportAs('json')).toBeNull();
    expect(notes.getSnapshot().problem).toContain('no space');
  });
});

describe('NotesController: destroy', () => {
  it('sends typing not yet saved at once, and tells nobody any more', async () => {
    const { bridge, notes } = await setup();
    stored(bridge, 'n1', 's003', 4);
    await notes.load();
    const listener = vi.fn();
    notes.subscribe(listener);
    notes.edit('n1', { text: 'typed just before closing' });
    notes.destroy();
    // The save is on its way; its answer (and anything after) reaches no listener.
    listener.mockClear();
    await settle();
    // Not 400 ms later: now.
    expect(bridge.callsTo('updateNote')).toEqual([expect.objectContaining({ id: 'n1', text: 'typed just before closing' })]);
    expect(bridge.notes.get('n1')!.text).toBe('typed just before closing');
    expect(listener).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(bridge.callsTo('updateNote')).toHaveLength(1);
  });
});
