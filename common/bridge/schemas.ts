// Runtime schemas for every bridge argument. The main process validates each call with these
// before a handler runs, so a handler only ever sees well-formed input.
import { z } from 'zod';
import type { BridgeMethod } from './contract';
import { CARDS_SCHEMAS } from './cards-schemas';
import { documentId, lang, noArgument, sentenceId } from './ids';
import { jobIdSchema } from './event-schemas';
import { NOTES_SCHEMAS } from './notes-schemas';

const hexColor = z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour is written #rrggbb');

export const settingsPatchSchema = z
  .object({
    uiLanguage: z.enum(['system', 'de', 'en']),
    layout: z.enum(['de', 'en', 'side-by-side', 'interleaved']),
    narrationLang: lang,
    rate: z.number().min(0.5).max(3),
    volume: z.number().min(0).max(1),
    muted: z.boolean(),
    syncOffsetMs: z.number().int().min(-500).max(500),
    theme: z.enum(['system', 'light', 'dark', 'contrast-light', 'contrast-dark']),
    highlightStyle: z.enum(['background', 'underline', 'bold', 'outline', 'none']),
    wordHighlightColor: hexColor.nullable(),
    sentenceHighlightColor: hexColor.nullable(),
    fontScale: z.number().min(1).max(3),
    lineSpacing: z.number().min(1.2).max(3),
    font: z.enum(['default', 'dyslexic']),
    reducedMotion: z.enum(['system', 'on', 'off']),
    announceSentences: z.boolean(),
    shadowingFactor: z.number().min(0.5, 'the shadowing factor is at least 0.5').max(3, 'the shadowing factor is at most 3'),
    repeatCount: z.number().int('the repeat count is a whole number').min(2, 'the repeat count is at least 2').max(10, 'the repeat count is at most 10'),
    repeatRising: z.boolean(),
    hiddenLanguage: z.enum(['none', 'de', 'en']),
  })
  .partial()
  .strict();

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
