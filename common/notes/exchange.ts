// The JSON export of a document's notes (complete and re-importable), its schema, and the merge
// rule for importing it again. Pure: no Node, no DOM.
import { z } from 'zod';
import { noteTextSchema, quoteSchema, sentenceIdsSchema, tagsSchema, timeSchema } from '../bridge/notes-schemas';
import { NOTE_LIMITS, type Note } from './model';

export const EXCHANGE_FORMAT = 'mitlesen-notes';
export const EXCHANGE_VERSION = 1;

export interface NotesExchange {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_VERSION;
  documentId: string;
  exportedAt: string;
  notes: Note[];
}

const isoTime = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 time such as 2025-01-31T12:00:00.000Z' });

export const exchangeNoteSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a note id is 1-64 characters A-Z, a-z, 0-9 or -'),
    documentId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'a document id is 1-64 characters a-z, 0-9 or -'),
    sentenceIds: sentenceIdsSchema,
    quote: quoteSchema,
    quoteLang: z.enum(['de', 'en']).nullable(),
    time: timeSchema,
    text: noteTextSchema,
    tags: tagsSchema,
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  // Unknown keys are dropped (a newer export may carry more), not refused.
  .strip();

export const exchangeSchema = z.object({
  format: z.literal(EXCHANGE_FORMAT, { error: `this is not a Mitlesen notes export ("format" must be "${EXCHANGE_FORMAT}")` }),
  version: z.literal(EXCHANGE_VERSION, { error: `this export's version is not one this Mitlesen reads (expected ${EXCHANGE_VERSION})` }),
  documentId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'a document id is 1-64 characters a-z, 0-9 or -'),
  exportedAt: isoTime,
  notes: z.array(exchangeNoteSchema).max(NOTE_LIMITS.importNotes, `an export holds at most ${NOTE_LIMITS.importNotes} notes`),
});

export function toExchange(documentId: string, notes: readonly Note[], now: Date): NotesExchange {
  return { format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, documentId, exportedAt: now.toISOString(), notes: [...notes] };
}

export function serializeExchange(exchange: NotesExchange): string {
  return `${JSON.stringify(exchange, null, 2)}\n`;
}

export type ParseExchangeResult = { ok: true; exchange: NotesExchange } | { ok: false; message: string };

/** Parses and checks an export; the message says what is wrong and where (e.g. "notes.3.text: …"). */
export function parseExchange(json: string): ParseExchangeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, message: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  const parsed = exchangeSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'file';
      return `${where}: ${issue.message}`;
    });
    const more = parsed.error.issues.length > 5 ? ` …and ${parsed.error.issues.length - 5} more` : '';
    return { ok: false, message: `The file is not a valid notes export: ${issues.join('; ')}${more}` };
  }
  return { ok: true, exchange: parsed.data as NotesExchange };
}

/** What importing one note does, given the notes already there. */
export type MergeAction = { action: 'add' } | { action: 'update' } | { action: 'skip'; reason: 'same' | 'older' | 'duplicate' };

/** A fingerprint of what a note says, to catch the same note under another id (exported twice, re-created). */
export function contentKey(note: Pick<Note, 'sentenceIds' | 'quote' | 'text'>): string {
  return JSON.stringify([note.sentenceIds, note.quote ?? '', note.text.normalize('NFC')]);
}

/**
 * The merge rule: a note already there by id is replaced only when the import is newer; a note
 * whose content is already there under another id is a duplicate; anything else is added.
 */
export function planMerge(
  incoming: Note,
  existingById: Pick<Note, 'updatedAt'> | undefined,
  existingContentKeys: ReadonlySet<string>,
): MergeAction {
  if (existingById) {
    const newer = Date.parse(incoming.updatedAt) > Date.parse(existingById.updatedAt);
    return newer ? { action: 'update' } : { action: 'skip', reason: incoming.updatedAt === existingById.updatedAt ? 'same' : 'older' };
  }
  if (existingContentKeys.has(contentKey(incoming))) return { action: 'skip', reason: 'duplicate' };
  return { action: 'add' };
}
