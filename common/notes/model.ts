// Notes: the only thing in Mitlesen that users create. Anchored to the text (sentence ids, an
// optional exact quote) and to the time in the narration. Pure data and small pure helpers.
import type { Edition, Lang } from '../edition/model';
import type { HitRange, Snippet } from '../search/query';

export interface Note {
  /** A UUID, stable across export and import. */
  id: string;
  documentId: string;
  /** The sentence(s) the note covers, in reading order; at least one. */
  sentenceIds: string[];
  /** The exact words selected when the note was made, or null. */
  quote: string | null;
  /** The language of the quote (which side of the transcript it was selected in). */
  quoteLang: Lang | null;
  /** Narration time in seconds where the note was made. */
  time: number;
  /** Plain text with line breaks. */
  text: string;
  tags: string[];
  /** ISO 8601 times. */
  createdAt: string;
  updatedAt: string;
}

export const NOTE_LIMITS = {
  textChars: 100_000,
  quoteChars: 10_000,
  tags: 32,
  tagChars: 64,
  sentenceIds: 500,
  queryChars: 10_000,
  importChars: 15_000_000,
  importNotes: 100_000,
} as const;

export interface NotesStatus {
  /** A message the UI must show (the database was damaged and restored, or is unavailable), or null. */
  problem: string | null;
  /** Whether notes can be read and written now. */
  available: boolean;
  databasePath: string;
  /** The newest backup file, or null when there is none yet. */
  lastBackup: string | null;
}

export interface DeleteResult {
  deleted: Note;
  /** Pass to restoreNote to undo the deletion. */
  undoToken: string;
}

export interface TranscriptHit {
  sentenceId: string;
  lang: Lang;
  /** The whole sentence (sentences are short), with the hits. */
  text: string;
  ranges: HitRange[];
}

export interface NoteHit {
  noteId: string;
  /** The note's first sentence, where a jump goes. */
  sentenceId: string;
  time: number;
  /** Which part of the note matched best: its text, its quote or its tags. */
  field: 'text' | 'quote' | 'tags';
  snippet: Snippet;
}

export interface SearchResult {
  query: string;
  transcript: TranscriptHit[];
  notes: NoteHit[];
  /** True when a group had more hits than the limit. */
  moreTranscript: boolean;
  moreNotes: boolean;
  /** Set when the transcript could not be searched (notes still were), e.g. the edition failed to load. */
  problem: string | null;
}

export type ExportFormat = 'markdown' | 'json' | 'anki-csv';

export interface ExportResult {
  fileName: string;
  mimeType: string;
  content: string;
  /** Where the export was also written (atomically) in the user's data folder. */
  path: string;
  count: number;
}

export interface ImportResult {
  added: number;
  /** Notes already present by id whose imported copy was newer. */
  updated: number;
  skipped: number;
  /** Why notes were skipped, at most a few lines. */
  problems: string[];
}

/** Sorts notes by position: first sentence in reading order, then time, then creation. */
export function sortNotesByPosition(notes: readonly Note[], edition: Pick<Edition, 'sentences'> | null): Note[] {
  const index = new Map<string, number>();
  if (edition) for (const sentence of edition.sentences) index.set(sentence.id, sentence.index);
  const position = (note: Note) => index.get(note.sentenceIds[0] ?? '') ?? Number.MAX_SAFE_INTEGER;
  return [...notes].sort(
    (a, b) => position(a) - position(b) || a.time - b.time || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/** "1:02:03" or "2:03" for a time in seconds. */
export function formatTime(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Normalises tags as the store keeps them: trimmed, inner whitespace collapsed, no empties or duplicates. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const tag of tags) {
    const clean = tag.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (clean === '' || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    out.push(clean);
  }
  return out;
}
