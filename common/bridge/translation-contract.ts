// The translation section of the bridge contract (composed into Bridge in contract.ts): pairing a
// document of the user's own with a translation the learner has, sentence by sentence, and saving
// the learner's fixes. Each method also needs a schema in translation-schemas.ts and a handler
// (main/parallel/translation-service.ts).
import type { Translation } from '../parallel/translation';

export type { Translation, TranslationPair } from '../parallel/translation';

export interface AddTranslationRequest {
  documentId: string;
  /** The translation's text, as read from a file (an EPUB through readImportText) or pasted. */
  text: string;
  format: 'plain' | 'markdown';
  /** The translation's language, a BCP 47 tag ("en", "ru", "pt-BR"): it decides how sentences end. */
  language: string;
}

/** The result of an addTranslation job. */
export interface AddedTranslation {
  documentId: string;
  pairs: number;
  /** Pairs below the confidence the app marks (UNCERTAIN_PAIR_BELOW). */
  uncertain: number;
  /** Sentences of the translation and of the document. */
  sentences: { document: number; translation: number };
}

export interface TranslationBridge {
  /**
   * Pairs the text with the document's sentences, on this machine, and saves it as the document's
   * translation (replacing one it had). Returns a job at once; its result is an AddedTranslation.
   */
  addTranslation(req: AddTranslationRequest): Promise<{ jobId: string }>;
  /** Saves the pairs as the learner fixed them (the whole translation, checked against the document). */
  saveTranslation(req: { documentId: string; translation: Translation }): Promise<void>;
}

export const TRANSLATION_METHODS = ['addTranslation', 'saveTranslation'] as const satisfies readonly (keyof TranslationBridge)[];
