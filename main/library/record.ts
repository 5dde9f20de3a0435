// The record of a document of the user's own: <dataDir>/library/<id>/document.json. It is what the
// library lists, so listing never parses an edition; it is read from disk, so it is validated, and
// a record that does not pass is listed as failed (with the reason) instead of breaking the list.
import { z } from 'zod';
import type { LibraryEntry } from '../../common/bridge/contract';
import { documentId, isoTime, lang, languageTag } from '../../common/bridge/ids';

export const RECORD_FORMAT = 1;

const title = z
  .string({ error: 'a title must be text' })
  .max(300, 'a title is at most 300 characters');

export const documentRecordSchema = z
  .object({
    format: z.literal(RECORD_FORMAT, { error: `the record format must be ${RECORD_FORMAT}` }),
    id: documentId,
    kind: z.literal('own', { error: 'a record in the library folder is of kind "own"' }),
    title: z.object({ de: title.min(1, 'the title cannot be empty'), en: title }).strict(),
    languages: z
      .array(lang, { error: 'languages must be a list of "de" and "en"' })
      .min(1, 'a document has at least one language')
      .max(2, 'a document has at most two languages')
      .refine((list) => new Set(list).size === list.length, 'a language is listed twice'),
    languageTags: z.object({ de: languageTag.optional(), en: languageTag.optional() }).strict().optional(),
    duration: z.number({ error: 'the duration is a number of seconds or null' }).min(0, 'the duration cannot be negative').nullable(),
    status: z.enum(['ready', 'importing', 'failed'], { error: 'the status is "ready", "importing" or "failed"' }),
    problem: z.string({ error: 'the problem must be text or null' }).max(4000, 'the problem is too long').nullable(),
    createdAt: isoTime,
  })
  .strict()
  .refine((record) => record.status !== 'failed' || record.problem !== null, { message: 'a failed document says why (problem)', path: ['problem'] });

export type DocumentRecord = z.infer<typeof documentRecordSchema>;

export function toSummary(record: DocumentRecord): LibraryEntry {
  const { format: _format, ...summary } = record;
  return summary;
}

/** Reads a record's JSON text; a broken one becomes a failed summary that says what is wrong. */
export function readRecord(folderId: string, text: string | null, createdAt: string): LibraryEntry {
  const failed = (problem: string): LibraryEntry => ({
    id: folderId,
    kind: 'own',
    title: { de: folderId, en: '' },
    languages: ['de'],
    duration: null,
    status: 'failed',
    problem,
    createdAt,
  });
  if (text === null) return failed('The document has no record (document.json is missing); it may not have been added completely.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return failed(`The document's record (document.json) is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = documentRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.length ? issue.path.join('.') : 'record'}: ${issue.message}`);
    return failed(`The document's record (document.json) is invalid: ${issues.join('; ')}`);
  }
  if (parsed.data.id !== folderId) return failed(`The document's record names "${parsed.data.id}", but its folder is "${folderId}".`);
  return toSummary(parsed.data);
}
