// Runtime schemas for every bridge argument. The main process validates each call with these
// before a handler runs, so a handler only ever sees well-formed input.
import { z } from 'zod';
import type { BridgeMethod } from './contract';
import { CARDS_SCHEMAS } from './cards-schemas';
import { EXCHANGE_SCHEMAS } from './exchange-schemas';
import { documentId, lang, noArgument, sentenceId } from './ids';
import { jobIdSchema } from './event-schemas';
import { NOTES_SCHEMAS } from './notes-schemas';
import { settingsPatchSchema } from '../settings';


// The settings' rules live with their defaults in common/settings.ts; re-exported so that the
// bridge's schemas stay in one import.
export { settingsPatchSchema };

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
  getSettings: noArgument,
  updateSettings: z.object({ patch: settingsPatchSchema }).strict(),
  getPosition: z.object({ documentId }).strict(),
  savePosition: readingPositionSchema,
  cancelJob: z.object({ jobId: jobIdSchema }).strict(),
  getJob: z.object({ jobId: jobIdSchema }).strict(),
  ...NOTES_SCHEMAS,
  ...CARDS_SCHEMAS,
  ...EXCHANGE_SCHEMAS,
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
