// Runtime schemas for the cards and recordings calls (see cards-contract.ts): every argument from
// outside is checked here before a handler runs, with messages that say what is wrong.
import { z } from 'zod';
import { CARD_LIMITS, RECORDING_LIMITS, recordingBaseType, RECORDING_TYPES } from '../learning/cards';
import type { CardsBridge } from './cards-contract';
import { documentId, isoTime, itemId, lang, sentenceId } from './ids';


const german = z
  .string({ error: 'the German must be text' })
  .max(CARD_LIMITS.germanChars, `the German of a card is at most ${CARD_LIMITS.germanChars.toLocaleString('en')} characters`);
const english = z
  .string({ error: 'the English must be text' })
  .max(CARD_LIMITS.englishChars, `the English of a card is at most ${CARD_LIMITS.englishChars.toLocaleString('en')} characters`);
const note = z
  .string({ error: 'the note must be text' })
  .max(CARD_LIMITS.noteChars, `a card's note is at most ${CARD_LIMITS.noteChars.toLocaleString('en')} characters`);

export const CARDS_SCHEMAS = {
  listCards: z.object({ documentId }).strict(),
  createCard: z
    .object({
      documentId,
      sentenceIds: z
        .array(sentenceId, { error: 'sentenceIds must be a list of sentence ids' })
        .min(1, 'a card comes from at least one sentence')
        .max(CARD_LIMITS.sentenceIds, `a card comes from at most ${CARD_LIMITS.sentenceIds} sentences`),
      german: german.refine((text) => text.trim() !== '', 'the German of a card cannot be empty').optional(),
      english: english.optional(),
      note: note.optional(),
    })
    .strict(),
  updateCard: z
    .object({
      id: itemId('card'),
      german: german.refine((text) => text.trim() !== '', 'the German of a card cannot be empty').optional(),
      english: english.optional(),
      note: note.optional(),
      expectedUpdatedAt: isoTime.optional(),
    })
    .strict(),
  deleteCard: z.object({ id: itemId('card') }).strict(),
  restoreCard: z.object({ undoToken: z.string().min(1, 'the undo token is empty').max(128, 'the undo token is too long') }).strict(),
  exportCards: z
    .object({
      documentId,
      format: z.enum(['anki-tsv', 'csv'], { error: 'the format is "anki-tsv" or "csv"' }),
      withAudio: z.boolean({ error: 'withAudio is true or false' }),
    })
    .strict(),
  saveRecording: z
    .object({
      documentId,
      sentenceId,
      lang,
      mimeType: z
        .string({ error: 'the type must be text' })
        .max(100, 'the type is too long')
        .refine((type) => recordingBaseType(type) !== null, `a recording is one of ${RECORDING_TYPES.join(', ')}`),
      dataBase64: z
        .string({ error: 'the recording must be base64 text' })
        .min(1, 'the recording is empty')
        .max(RECORDING_LIMITS.base64Chars, `a recording is at most ${RECORDING_LIMITS.bytes / 1024 / 1024} MB`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the recording is not valid base64'),
      durationMs: z
        .number({ error: 'the duration is a number of milliseconds' })
        .int('the duration is whole milliseconds')
        .min(0, 'the duration cannot be negative')
        .max(RECORDING_LIMITS.durationMs, 'a recording is at most 5 minutes long')
        .optional(),
    })
    .strict(),
  listRecordings: z.object({ documentId, sentenceId: sentenceId.optional() }).strict(),
  getRecording: z.object({ id: itemId('recording') }).strict(),
  deleteRecording: z.object({ id: itemId('recording') }).strict(),
} satisfies Record<keyof CardsBridge, z.ZodType>;
