// An in-memory bridge for the renderer's controller tests: every call is asynchronous (as over
// IPC or HTTP), answers copies (as a wire would), is recorded, and can be made to fail. Notes and
// cards behave like the main process's services in the parts the controllers depend on: ids and
// updatedAt stamps, refusing an update based on a stale updatedAt, delete with an undo token.
import type { Bridge, BridgeMethod, ReadingPosition, Settings } from '../../../common/bridge/contract';
import type { CreateCardRequest, UpdateCardRequest } from '../../../common/bridge/cards-contract';
import type { CreateNoteRequest, UpdateNoteRequest } from '../../../common/bridge/notes-contract';
import type { Card, CardExportFormat } from '../../../common/learning/cards';
import type { ExportFormat, Note } from '../../../common/notes/model';
import { DEFAULT_SETTINGS } from '../../../common/settings';
import type { SessionApi } from '../../../renderer/session/document-session';
import { SettingsStore } from '../../../renderer/settings/settings-store';

export interface BridgeCall {
  method: BridgeMethod;
  arg: unknown;
}

/** The calls a document session makes, and the settings store's. */
export class FakeBridge implements SessionApi, Pick<Bridge, 'getSettings' | 'updateSettings'> {
  readonly calls: BridgeCall[] = [];
  /** Methods that fail from now on, with the message they fail with. */
  readonly failures = new Map<BridgeMethod, string>();
  readonly positions = new Map<string, ReadingPosition>();
  readonly notes = new Map<string, Note>();
  readonly cards = new Map<string, Card>();
  notesProblem: string | null = null;
  private readonly trash = new Map<string, Note | Card>();
  private counter = 0;

  /** The calls made to one method, their arguments in order. */
  callsTo(method: BridgeMethod): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.arg);
  }

  fail(method: BridgeMethod, message: string): void {
    this.failures.set(method, message);
  }

  heal(method: BridgeMethod): void {
    this.failures.delete(method);
  }

  // ---- core ------------------------------------------------------------------------------------

  getAppInfo = () => this.call('getAppInfo', undefined, () => ({ name: 'Mitlesen', version: 'test', host: 'web' as const }));
  listDocuments = () => this.call('listDocuments', undefined, () => []);
  loadDocument = (req: { documentId: string }) => this.call('loadDocument', req, (): never => this.unsupported('loadDocument'));
  getSettings = () => this.call('getSettings', undefined, () => ({ settings: DEFAULT_SETTINGS, problem: null }));
  updateSettings = (req: { patch: Partial<Omit<Settings, 'version'>> }) => this.call('updateSettings', req, () => ({ ...DEFAULT_SETTINGS, ...req.patch }));
  getPosition = (req: { documentId: string }) => this.call('getPosition', req, () => this.positions.get(req.documentId) ?? null);
  savePosition = (req: ReadingPosition) =>
    this.call('savePosition', req, () => {
      this.positions.set(req.documentId, { ...req });
    });

  // ---- notes -----------------------------------------------------------------------------------

  getNotesStatus = () => this.call('getNotesStatus', undefined, () => ({ problem: this.notesProblem, available: true, databasePath: '/tmp/notes.db', lastBackup: null }));
  listNotes = (req: { documentId: string }) => this.call('listNotes', req, () => [...this.notes.values()].filter((n) => n.documentId === req.documentId));
  createNote = (req: CreateNoteRequest) =>
    this.call('createNote', req, () => {
      const stamp = this.stamp();
      const note: Note = {
        id: `note-${++this.counter}`,
        documentId: req.documentId,
        sentenceIds: [...req.sentenceIds],
        quote: req.quote ?? null,
        quoteLang: req.quoteLang ?? null,
        time: req.time,
        text: req.text,
        tags: req.tags ?? [],
        createdAt: stamp,
        updatedAt: stamp,
      };
      this.notes.set(note.id, note);
      return note;
    });
  updateNote = (req: UpdateNoteRequest) =>
    this.call('updateNote', req, () => {
      const note = this.notes.get(req.id);
      if (!note) throw new Error(`no note ${req.id}`);
      if (req.expectedUpdatedAt !== undefined && req.expectedUpdatedAt !== note.updatedAt) throw new Error('the note was changed elsewhere');
      const next: Note = { ...note, ...(req.text !== undefined ? { text: req.text } : {}), ...(req.tags !== undefined ? { tags: req.tags } : {}), updatedAt: this.stamp() };
      this.notes.set(next.id, next);
      return next;
    });
  deleteNote = (req: { id: string }) =>
    this.call('deleteNote', req, () => {
      const note = this.notes.get(req.id);
      if (!note) throw new Error(`no note ${req.id}`);
      this.notes.delete(req.id);
      const undoToken = `undo-${++this.counter}`;
      this.trash.set(undoToken, note);
      return { deleted: note, undoToken };
    });
  restoreNote = (req: { undoToken: string }) =>
    this.call('restoreNote', req, () => {
      const note = this.trash.get(req.undoToken) as Note | undefined;
      if (!note) throw new Error('nothing to restore');
      this.trash.delete(req.undoToken);
      this.notes.set(note.id, note);
      return note;
    });
  search = (req: { documentId: string; query: string }) =>
    this.call('search', req, () => ({ query: req.query, transcript: [], notes: [], moreTranscript: false, moreNotes: false, problem: null }));
  exportNotes = (req: { documentId: string; format: ExportFormat }) =>
    this.call('exportNotes', req, () => {
      const count = [...this.notes.values()].filter((n) => n.documentId === req.documentId).length;
      return { fileName: `notes.${req.format}`, mimeType: 'text/plain', content: '', path: `/tmp/exports/notes.${req.format}`, count };
    });
  importNotes = (req: { documentId: string; json: string }) => this.call('importNotes', req, () => ({ added: 0, updated: 0, skipped: 0, problems: [] }));
  backupNotes = () => this.call('backupNotes', undefined, () => ({ path: '/tmp/backup.db' }));

  // ---- cards -----------------------------------------------------------------------------------

  listCards = (req: { documentId: string }) => this.call('listCards', req, () => [...this.cards.values()].filter((c) => c.documentId === req.documentId));
  createCard = (req: CreateCardRequest) =>
    this.call('createCard', req, () => {
      const stamp = this.stamp();
      const card: Card = {
        id: `card-${++this.counter}`,
        documentId: req.documentId,
        sentenceIds: [...req.sentenceIds],
        german: req.german?.trim() ?? `German of ${req.sentenceIds.join('+')}`,
        english: req.english?.trim() ?? `English of ${req.sentenceIds.join('+')}`,
        note: req.note ?? '',
        contextDe: '',
        contextEn: '',
        kind: req.german === undefined && req.english === undefined ? 'sentence' : 'phrase',
        createdAt: stamp,
        updatedAt: stamp,
      };
      this.cards.set(card.id, card);
      return card;
    });
  updateCard = (req: UpdateCardRequest) =>
    this.call('updateCard', req, () => {
      const card = this.cards.get(req.id);
      if (!card) throw new Error(`no card ${req.id}`);
      if (req.expectedUpdatedAt !== undefined && req.expectedUpdatedAt !== card.updatedAt) throw new Error('the card was changed elsewhere');
      const { id: _id, expectedUpdatedAt: _e, ...patch } = req;
      const next: Card = { ...card, ...patch, updatedAt: this.stamp() };
      this.cards.set(next.id, next);
      return next;
    });
  deleteCard = (req: { id: string }) =>
    this.call('deleteCard', req, () => {
      const card = this.cards.get(req.id);
      if (!card) throw new Error(`no card ${req.id}`);
      this.cards.delete(req.id);
      const undoToken = `undo-${++this.counter}`;
      this.trash.set(undoToken, card);
      return { deleted: card, undoToken };
    });
  restoreCard = (req: { undoToken: string }) =>
    this.call('restoreCard', req, () => {
      const card = this.trash.get(req.undoToken) as Card | undefined;
      if (!card) throw new Error('nothing to restore');
      this.trash.delete(req.undoToken);
      this.cards.set(card.id, card);
      return card;
    });
  exportCards = (req: { documentId: string; format: CardExportFormat; withAudio: boolean }) =>
    this.call('exportCards', req, () => ({
      fileName: 'cards.txt',
      mimeType: 'text/plain',
      content: '',
      path: '/tmp/exports/cards.txt',
      folder: null,
      count: [...this.cards.values()].filter((c) => c.documentId === req.documentId).length,
      audioFiles: 0,
      zip: null,
    }));
  // ---- exchange (exercised against the real service in tests/main/exchange) -------------------
  exportDocument = (req: unknown) => this.call('exportDocument', req, (): never => this.unsupported('exportDocument'));
  readExportFile = (req: unknown) => this.call('readExportFile', req, (): never => this.unsupported('readExportFile'));
  saveRecording = (req: unknown) => this.call('saveRecording', req, (): never => this.unsupported('saveRecording'));
  listRecordings = (req: { documentId: string }) => this.call('listRecordings', req, () => []);
  getRecording = (req: { id: string }) => this.call('getRecording', req, (): never => this.unsupported('getRecording'));
  deleteRecording = (req: { id: string }) => this.call('deleteRecording', req, () => undefined);

  // ---- internals -------------------------------------------------------------------------------

  private async call<T>(method: BridgeMethod, arg: unknown, run: () => T): Promise<T> {
    this.calls.push({ method, arg: arg === undefined ? undefined : structuredClone(arg) });
    await Promise.resolve();
    const failure = this.failures.get(method);
    if (failure !== undefined) throw new Error(failure);
    const value = run();
    return value === undefined ? value : structuredClone(value);
  }

  /** A distinct, increasing ISO time per change (no wall clock, so fake timers change nothing). */
  private stamp(): string {
    return new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ++this.counter)).toISOString();
  }

  private unsupported(method: string): never {
    throw new Error(`${method} is not part of this fake`);
  }
}

/** A real settings store over the fake bridge (its writes show as updateSettings calls). */
export function settingsStore(bridge: FakeBridge, initial: Partial<Settings> = {}, delayMs = 300): SettingsStore {
  return new SettingsStore(bridge, { ...DEFAULT_SETTINGS, ...initial }, delayMs);
}
