// Runtime schemas for every bridge argument. The main process validates each call with these
// before a handler runs, so a handler only ever sees well-formed input.
import { z } from 'zod';
import type { BridgeMethod } from './contract';
import { CARDS_SCHEMAS } from './cards-schemas';
import { EXCHANGE_SCHEMAS } from './exchange-schemas';
import { IMPORT_SCHEMAS, documentTitle, importLanguage, importedText, requiredTitle, textFormat } from './import-schemas';
import { documentId, lang, noArgument, sentenceId } from './ids';
import { jobIdSchema } from './event-schemas';
import { NOTES_SCHEMAS } from './notes-schemas';
import { TRANSLATION_SCHEMAS } from './translation-schemas';
import { settingsPatchSchema } from '../settings';


// The settings' rules live with their defaults in common/settings.ts; re-exported so that the
// bridge's schemas stay in one import.
export { settingsPatchSchema };

export { TEXT_IMPORT_MAX_CHARS } from './import-schemas';

export const readingPositionSchema = z
  .object({
    documentId,
    sentenceId,
    time: z.number().min(0).max(24 * 3600),
    lang,
  })
  .strict();

export const BRIDGE_SCHEMAS = {
  getAppInfo: noArgument,
  listDocuments: noArgument,
  loadDocument: z.object({ documentId }).strict(),
  renameDocument: z
    .object({
      documentId,
      title: z
        .object({
          de: requiredTitle,
          en: documentTitle.optional(),
        })
        .strict(),
    })
    .strict(),
  removeDocument: z.object({ documentId }).strict(),
  importText: z
    .object({
      title: requiredTitle,
      text: importedText,
      format: textFormat,
      language: importLanguage,
    })
    .strict(),
  restoreDocument: z.object({ undoToken: z.string().regex(/^[0-9a-f]{16}$/, 'the undo token is 16 hex digits') }).strict(),
  getSettings: noArgument,
  updateSettings: z.object({ patch: settingsPatchSchema }).strict(),
  getPosition: z.object({ documentId }).strict(),
  savePosition: readingPositionSchema,
  cancelJob: z.object({ jobId: jobIdSchema }).strict(),
  getJob: z.object({ jobId: jobIdSchema }).strict(),
  ...NOTES_SCHEMAS,
  ...CARDS_SCHEMAS,
  ...EXCHANGE_SCHEMAS,
  ...IMPORT_SCHEMAS,
  ...TRANSLATION_SCHEMAS,
} satisfies Record<BridgeMethod, z.ZodType>;

/** A one-line, human-readable account of what is wrong with an argument. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'argument';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
