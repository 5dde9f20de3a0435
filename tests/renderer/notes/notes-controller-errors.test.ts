// The notes controller tells a failed save by the error's code, not its text: a conflict (the note
// changed elsewhere) says to copy the text before reloading, since saving again cannot succeed;
// other failures promise a new try; a good save takes down only the problem a save put up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../../common/bridge/contract';
import type { Note } from '../../../common/notes/model';
import { NotesController, type NotesApi } from '../../../renderer/notes/notes-controller';
import { smallEdition } from '../../main/notes/helpers';

const edition = smallEdition();
const note: Note = {
  id: 'n1',
  documentId: edition.id,
  sentenceIds: ['s003'],
  quote: null,
  quoteLang: null,
  time: 3,
  text: 'alt',
  tags: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

function controllerWith(updateNote: NotesApi['updateNote']) {
  const api = {
    getNotesStatus: async () => ({ problem: null, available: true, databasePath: '/x', lastBackup: null }),
    listNotes: async () => [note],
    updateNote,
  } as unknown as NotesApi;
  return new NotesController(api, edition.id, edition);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a failed save in the notes controller', () => {
  it('on a conflict, says to keep the text rather than promising another save', async () => {
    const controller = controllerWith(async () => {
      throw new BridgeError('conflict', 'This note was changed elsewhere.');
    });
    await controller.load();
    controller.edit('n1', { text: 'neu' });
    await controller.flush('n1');
    expect(controller.getSnapshot().problem).toBe('A note could not be saved: This note was changed elsewhere. Your text is kept here; copy it before you reload.');
  });

  it('on another failure, promises a new try; a good save then clears that problem, and only that one', async () => {
    let fail = true;
    const controller = controllerWith(async (req) => {
      if (fail) throw new BridgeError('failed', 'disk full');
      return { ...note, text: req.text ?? note.text, updatedAt: '2025-01-01T00:00:01.000Z' };
    });
    await controller.load();
    controller.edit('n1', { text: 'neu' });
    await controller.flush('n1');
    expect(controller.getSnapshot().problem).toMatch(/disk full Your text is kept here; it is saved again when you type\.$/);
    fail = false;
    controller.edit('n1', { text: 'neuer' });
    await controller.flush('n1');
    expect(controller.getSnapshot().problem).toBeNull();

    // A problem that is not a save's stays up after a good save.
    controller.dismissProblem();
    await controller.create({ sentenceIds: ['s003'], time: 3, text: 'x' }); // the fake has no createNote
    const other = controller.getSnapshot().problem;
    expect(other).not.toBeNull();
    controller.edit('n1', { text: 'am neuesten' });
    await controller.flush('n1');
    expect(controller.getSnapshot().problem).toBe(other);
  });
});
