// Runtime schemas for the notes and search calls (see notes-contract.ts). Everything from outside
// is checked here before a handler runs; messages say what is wrong, and describeIssues adds where.
import { z } from 'zod';
import { NOTE_LIMITS } from '../notes/model';
import { documentId, isoTime, lang, noArgument, noteId, sentenceId } from './ids';
import type { NotesBridge } from './notes-contract';


export const noteTextSchema = z
  .string({ error: 'the note text must be a string' })
  .max(NOTE_LIMITS.textChars, `a note holds at most ${NOTE_LIMITS.textChars.toLocaleString('en')} characters`);
export const tagsSchema = z
  .array(
    z
      .string({ error: 'a tag must be a string' })
      .max(NOTE_LIMITS.tagChars, `a tag is at most ${NOTE_LIMITS.tagChars} characters`),
    { error: 'tags must be a list of strings' },
  )
  .max(NOTE_LIMITS.tags, `a note has at most ${NOTE_LIMITS.tags} tags`);
export const sentenceIdsSchema = z
  .array(sentenceId, { error: 'sentenceIds must be a list of sentence ids' })
  .min(1, 'a note covers at least one sentence')
  .max(NOTE_LIMITS.sentenceIds, `a note covers at most ${NOTE_LIMITS.sentenceIds} sentences`);
export const quoteSchema = z
  .string({ error: 'the quote must be a string' })
  .max(NOTE_LIMITS.quoteChars, `a quote is at most ${NOTE_LIMITS.quoteChars.toLocaleString('en')} characters`)
  .nullable();
export const timeSchema = z
  .number({ error: 'the time must be a number of seconds' })
  .min(0, 'the time cannot be negative')
  .max(24 * 3600, 'the time is at most 24 hours');

export const NOTES_SCHEMAS = {
  getNotesStatus: noArgument,
  listNotes: z.object({ documentId }).strict(),
  createNote: z
    .object({
      documentId,
      sentenceIds: sentenceIdsSchema,
      quote: quoteSchema.optional(),
      quoteLang: lang.nullable().optional(),
      time: timeSchema,
      text: noteTextSchema,
      tags: tagsSchema.optional(),
    })
    .strict(),
  updateNote: z
    .object({ id: noteId, text: noteTextSchema.optional(), tags: tagsSchema.optional(), expectedUpdatedAt: isoTime.optional() })
    .strict(),
  deleteNote: z.object({ id: noteId }).strict(),
  restoreNote: z.object({ undoToken: z.string().min(1, 'the undo token is empty').max(128, 'the undo token is too long') }).strict(),
  search: z
    .object({
      documentId,
      query: z
        .string({ error: 'the query must be a string' })
        .max(NOTE_LIMITS.queryChars, `a search is at most ${NOTE_LIMITS.queryChars.toLocaleString('en')} characters`),
      limit: z.number().int('the limit is a whole number').min(1, 'the limit is at least 1').max(500, 'the limit is at most 500').optional(),
    })
    .strict(),
  exportNotes: z
    .object({ documentId, format: z.enum(['markdown', 'json', 'anki-csv'], { error: 'the format is "markdown", "json" or "anki-csv"' }) })
    .strict(),
  importNotes: z
    .object({
      documentId,
      json: z
        .string({ error: 'the import must be the text of a JSON export' })
        .max(NOTE_LIMITS.importChars, 'the import file is too large (15 million characters at most)'),
    })
    .strict(),
  backupNotes: noArgument,
} satisfies Record<keyof NotesBridge, z.ZodType>;
