// The renderer's notes for one open document: the list (sorted by position), autosave of edits,
// delete with undo, export and import, and the messages the panel announces. React reads it through
// subscribe/getSnapshot (useSyncExternalStore). It owns nothing durable: every change goes to the
// main process, which commits it before answering.
import { BridgeError, type Bridge } from '../../common/bridge/contract';
import type { CreateNoteRequest } from '../../common/bridge/notes-contract';
import type { Edition } from '../../common/edition/model';
import { Autosave, type NotePatch, type SaveState } from '../../common/notes/autosave';
import { sortNotesByPosition, type ExportFormat, type ExportResult, type Note } from '../../common/notes/model';
import { getUiLanguage, translate, type MessageKey, type MessageParams } from '../i18n';

/** Messages in the UI language at the moment they are written. */
function tr(key: MessageKey, params?: MessageParams): string {
  return translate(getUiLanguage(), key, params);
}

export type NotesApi = Pick<
  Bridge,
  'getNotesStatus' | 'listNotes' | 'createNote' | 'updateNote' | 'deleteNote' | 'restoreNote' | 'exportNotes' | 'importNotes' | 'search'
>;

export interface NotesSnapshot {
  status: 'loading' | 'ready' | 'failed';
  notes: readonly Note[];
  /** A problem the user must see (damaged database restored, notes unavailable, a save failing). */
  problem: string | null;
  /** The last deletion, until undone or replaced: the panel offers Undo for it. */
  lastDeleted: { note: Note; undoToken: string } | null;
  /** A calm message for the live region ("Note deleted.", "Exported 3 notes."). */
  announcement: { id: number; text: string } | null;
  saveStates: ReadonlyMap<string, SaveState>;
  /** The note whose editor should take the focus (just created), once. */
  focusRequest: string | null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class NotesController {
  private snapshot: NotesSnapshot = {
    status: 'loading',
    notes: [],
    problem: null,
    lastDeleted: null,
    announcement: null,
    saveStates: new Map(),
    focusRequest: null,
  };
  private readonly listeners = new Set<() => void>();
  private announcements = 0;
  /** The problem a failed save put up, so the next good save takes down that one and no other. */
  private saveProblem: string | null = null;
  readonly autosave: Autosave;

  constructor(
    private readonly api: NotesApi,
    readonly documentId: string,
    readonly edition: Edition,
  ) {
    this.autosave = new Autosave({
      save: (id, patch, expectedUpdatedAt) => this.api.updateNote({ id, ...patch, expectedUpdatedAt }),
      // Keep what was typed while the save was on its way over the stored copy.
      onSaved: (note) => this.replaceNote({ ...note, ...this.autosave.unsaved(note.id) }),
      onError: (_id, text, error) => {
        // A conflict will not go away by saving again: the note changed elsewhere, so say what to do.
        const conflict = error instanceof BridgeError && error.code === 'conflict';
        this.saveProblem = conflict
          ? `A note could not be saved: ${text} Your text is kept here; copy it before you reload.`
          : `A note could not be saved: ${text} Your text is kept here; it is saved again when you type.`;
        this.update({ problem: this.saveProblem });
      },
      onStateChange: (id, state) => {
        const saveStates = new Map(this.snapshot.saveStates);
        saveStates.set(id, state);
        const cleared = state === 'saved' && this.saveProblem !== null && this.snapshot.problem === this.saveProblem;
        if (state === 'saved') this.saveProblem = null;
        this.update({ saveStates, problem: cleared ? null : this.snapshot.problem });
      },
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): NotesSnapshot => this.snapshot;

  private update(patch: Partial<NotesSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private announce(text: string): void {
    this.update({ announcement: { id: ++this.announcements, text } });
  }

  private setNotes(notes: readonly Note[]): void {
    this.update({ notes: sortNotesByPosition(notes, this.edition) });
  }

  private replaceNote(note: Note): void {
    this.setNotes(this.snapshot.notes.map((n) => (n.id === note.id ? note : n)));
  }

  async load(): Promise<void> {
    try {
      const [status, notes] = await Promise.all([this.api.getNotesStatus(), this.api.listNotes({ documentId: this.documentId })]);
      this.update({ status: 'ready', problem: status.problem });
      this.setNotes(notes);
    } catch (error) {
      this.update({ status: 'failed', problem: tr('notes.loadFailed', { message: message(error) }) });
    }
  }

  async create(req: Omit<CreateNoteRequest, 'documentId'>): Promise<Note | null> {
    try {
      const note = await this.api.createNote({ ...req, documentId: this.documentId });
      this.setNotes([...this.snapshot.notes, note]);
      this.update({ focusRequest: note.id });
      this.announce(tr('notes.added'));
      return note;
    } catch (error) {
      this.update({ problem: tr('notes.addFailed', { message: message(error) }) });
      return null;
    }
  }

  /** Records typing; it is saved within a moment (see Autosave). */
  edit(id: string, patch: NotePatch): void {
    const note = this.snapshot.notes.find((n) => n.id === id);
    if (!note) return;
    this.autosave.edit(id, patch, note.updatedAt);
    // Show the edit at once (the stored copy catches up when the save returns).
    this.setNotes(this.snapshot.notes.map((n) => (n.id === id ? { ...n, ...patch } : n)));
  }

  flush(id?: string): Promise<void> {
    return id ? this.autosave.flush(id) : this.autosave.flushAll();
  }

  /** The document closes: typing not yet saved is still sent; nobody listens any more. */
  destroy(): void {
    void this.autosave.flushAll();
    this.listeners.clear();
  }

  async remove(id: string): Promise<void> {
    await this.autosave.flush(id);
    try {
      const { deleted, undoToken } = await this.api.deleteNote({ id });
      this.autosave.drop(id);
      this.setNotes(this.snapshot.notes.filter((n) => n.id !== id));
      this.update({ lastDeleted: { note: deleted, undoToken } });
      this.announce(tr('notes.deletedAnnounce'));
    } catch (error) {
      this.update({ problem: tr('notes.deleteFailed', { message: message(error) }) });
    }
  }

  async undoDelete(): Promise<boolean> {
    const last = this.snapshot.lastDeleted;
    if (!last) return false;
    try {
      const note = await this.api.restoreNote({ undoToken: last.undoToken });
      this.setNotes([...this.snapshot.notes.filter((n) => n.id !== note.id), note]);
      this.update({ lastDeleted: null, focusRequest: note.id });
      this.announce(tr('notes.restored'));
      return true;
    } catch (error) {
      this.update({ lastDeleted: null, problem: tr('notes.restoreFailed', { message: message(error) }) });
      return false;
    }
  }

  dismissUndo(): void {
    this.update({ lastDeleted: null });
  }

  dismissProblem(): void {
    this.update({ problem: null });
  }

  /** Asks the panel to move the focus to a note (e.g. from its marker beside the transcript). */
  requestFocus(id: string): void {
    this.update({ focusRequest: id });
  }

  focusHandled(): void {
    if (this.snapshot.focusRequest !== null) this.snapshot = { ...this.snapshot, focusRequest: null };
  }

  async exportAs(format: ExportFormat): Promise<ExportResult | null> {
    try {
      await this.autosave.flushAll();
      const result = await this.api.exportNotes({ documentId: this.documentId, format });
      this.announce(tr('notes.exported', { count: result.count, fileName: result.fileName, path: result.path }));
      return result;
    } catch (error) {
      this.update({ problem: tr('notes.exportFailed', { message: message(error) }) });
      return null;
    }
  }

  async importJson(json: string): Promise<void> {
    try {
      const result = await this.api.importNotes({ documentId: this.documentId, json });
      const notes = await this.api.listNotes({ documentId: this.documentId });
      this.setNotes(notes);
      this.announce(
        tr('notes.importDone', {
          added: result.added,
          updated: result.updated ? tr('notes.importUpdated', { count: result.updated }) : '',
          skipped: result.skipped,
          problems: result.problems.length ? ` ${result.problems.join(' ')}` : '',
        }),
      );
    } catch (error) {
      this.update({ problem: tr('notes.importFailed', { message: message(error) }) });
    }
  }
}
