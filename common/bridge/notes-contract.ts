// The notes and search section of the bridge contract (composed into Bridge in contract.ts).
// Owned by the notes feature; each method added here also needs a schema in notes-schemas.ts
// and a handler in main/notes/, or the build fails.
import type {
  DeleteResult,
  ExportFormat,
  ExportResult,
  ImportResult,
  Note,
  NotesStatus,
  SearchResult,
} from '../notes/model';
import type { Lang } from '../edition/model';

export interface CreateNoteRequest {
  documentId: string;
  sentenceIds: string[];
  quote?: string | null;
  quoteLang?: Lang | null;
  time: number;
  text: string;
  tags?: string[];
}

export interface UpdateNoteRequest {
  id: string;
  text?: string;
  tags?: string[];
  /** When given, the update is refused if the note changed since (another window edited it). */
  expectedUpdatedAt?: string;
}

export interface NotesBridge {
  /** Whether the notes database is usable, and any problem found at start the UI must show. */
  getNotesStatus(): Promise<NotesStatus>;
  /** A document's notes, sorted by time (the renderer sorts by sentence position). */
  listNotes(req: { documentId: string }): Promise<Note[]>;
  createNote(req: CreateNoteRequest): Promise<Note>;
  updateNote(req: UpdateNoteRequest): Promise<Note>;
  /** Moves a note to the trash; the token undoes it (restoreNote). */
  deleteNote(req: { id: string }): Promise<DeleteResult>;
  restoreNote(req: { undoToken: string }): Promise<Note>;
  /** Searches the document's transcript (German and English) and its notes. */
  search(req: { documentId: string; query: string; limit?: number }): Promise<SearchResult>;
  /** Returns the export's text and also writes it, atomically, under the data folder's exports/. */
  exportNotes(req: { documentId: string; format: ExportFormat }): Promise<ExportResult>;
  /** Merges a JSON export into the document's notes, without duplicates. */
  importNotes(req: { documentId: string; json: string }): Promise<ImportResult>;
  /** Makes a backup of the notes database now; returns its path. */
  backupNotes(): Promise<{ path: string }>;
}

export const NOTES_METHODS = [
  'getNotesStatus',
  'listNotes',
  'createNote',
  'updateNote',
  'deleteNote',
  'restoreNote',
  'search',
  'exportNotes',
  'importNotes',
  'backupNotes',
] as const satisfies readonly (keyof NotesBridge)[];
