// Runtime schemas for the translation calls (see translation-contract.ts). The shape is checked
// here; whether a translation fits its document (every sentence once, in order) is checked by the
// handler with translationProblem, which needs the document.
import { z } from 'zod';
import { documentId, languageTag, sentenceId } from './ids';
import { importedText, textFormat } from './import-schemas';
import type { TranslationBridge } from './translation-contract';


/** A book has some 10,000 sentences; a million leaves room and still bounds the message. */
const MAX_SENTENCES = 1_000_000;

export const translationSchema = z
  .object({
    lang: languageTag,
    sentences: z.array(z.string().max(100_000, 'a sentence is at most 100,000 characters')).max(MAX_SENTENCES),
    pairs: z
      .array(
        z
          .object({
            a: z.array(sentenceId).min(1, 'a pair holds at least one sentence of the document'),
            b: z.array(z.number().int().min(0)),
            confidence: z.number().min(0).max(1),
          })
          .strict(),
      )
      .max(MAX_SENTENCES),
    titles: z.record(z.string().max(64), z.string().max(1_000, 'a chapter title is at most 1,000 characters')).optional(),
  })
  .strict();

export const TRANSLATION_SCHEMAS = {
  addTranslation: z.object({ documentId, text: importedText, format: textFormat, language: languageTag }).strict(),
  saveTranslation: z.object({ documentId, translation: translationSchema }).strict(),
} satisfies Record<keyof TranslationBridge, z.ZodType>;
