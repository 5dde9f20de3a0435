// The translation calls of the bridge: a translation the learner has is paired with a document of
// their own, sentence by sentence, on this machine (common/parallel/align.ts), as a job with
// progress and Cancel; the pairs as the learner fixes them are saved whole (saveTranslation).
import type { AddedTranslation, TranslationBridge } from '../../common/bridge/translation-contract';
import { BridgeError } from '../../common/bridge/contract';
import { languageName, languageTag, primarySubtag } from '../../common/edition/language-tags';
import { alignUnitsOf, splitHeadings, translationFromAlignment, uncertainPairs } from '../../common/parallel/translation';
import { readLanguage } from '../../common/text/guess-language';
import { segmentText } from '../../common/text/segment';
import type { BridgeHandlers } from '../bridge/dispatch';
import type { BridgeEventHub } from '../bridge/events';
import type { JobRunner } from '../jobs/runner';
import type { Library } from '../library/library';
import { pairInWorker } from './pairing';

export interface TranslationServiceOptions {
  library: Pick<Library, 'editions' | 'saveTranslation'>;
  jobs: JobRunner;
  events: Pick<BridgeEventHub, 'emit'>;
  /** The pairing worker's file (the desktop app's built one; default: the source beside main/parallel/pairing.ts). */
  pairingWorker?: string;
}

export function createTranslationService({ library, jobs, events, pairingWorker }: TranslationServiceOptions): { handlers: Pick<BridgeHandlers, keyof TranslationBridge> } {
  return {
    handlers: {
      addTranslation: async ({ documentId, text, language }) => {
        const loaded = await library.editions.get(documentId);
        if (loaded.kind !== 'own') throw new BridgeError('forbidden', `"${documentId}" comes with Mitlesen; its translation cannot be changed.`);
        const { edition } = loaded;
        // Headings are not sentences of a document (they title its chapters): they are kept apart
        // and become the chapters' titles, their places still marking the translation's chapters.
        const { sentences, headings } = splitHeadings(segmentText(text, language));
        if (sentences.length === 0) throw new BridgeError('invalid-argument', 'text: the translation has no sentences.');
        // A text plainly in the document's own language is not its translation (the same file chosen
        // twice); where the guess cannot tell, or the text could be in the language chosen, it passes.
        const original = languageTag(edition, 'de');
        const reading = readLanguage(text);
        if (reading.likely === primarySubtag(original) && !reading.couldBe(language)) {
          throw new BridgeError('invalid-argument', `text: this looks ${languageName('en', original)}, like the document; choose its translation.`);
        }
        const jobId = jobs.startJob(
          'add-translation',
          async (context): Promise<AddedTranslation> => {
            context.progress(0, 'pairing');
            const aligned = await pairInWorker(alignUnitsOf(edition), sentences, {
              signal: context.signal,
              onProgress: ({ stage, fraction }) => context.progress(stage === 'pairing' ? fraction * 0.8 : 0.8 + fraction * 0.15, 'pairing'),
              ...(pairingWorker ? { workerPath: pairingWorker } : {}),
            });
            context.signal.throwIfAborted();
            const translation = translationFromAlignment(
              edition,
              language,
              sentences.map((s) => s.text),
              aligned.pairs,
              headings,
            );
            context.progress(0.97, 'saving');
            await library.saveTranslation(documentId, translation);
            events.emit('library', { documentId });
            return {
              documentId,
              pairs: translation.pairs.length,
              uncertain: uncertainPairs(translation).length,
              sentences: { document: edition.sentences.length, translation: sentences.length },
            };
          },
          { subject: edition.title.de },
        );
        return { jobId };
      },
      saveTranslation: async ({ documentId, translation }) => {
        await library.saveTranslation(documentId, translation);
        events.emit('library', { documentId });
      },
    },
  };
}
