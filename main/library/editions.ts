// One parsed edition per document, shared by everyone who needs it (the bridge's loadDocument, notes,
// cards): parsing a book-length edition on every card or note call would be slow, and two copies
// could disagree. Loaded once, kept until the document is removed or replaced (invalidate).
import { BridgeError, type DocumentBundle } from '../../common/bridge/contract';
import type { Edition } from '../../common/edition/model';
import type { Translation } from '../../common/parallel/translation';
import { compactTiming, type CompactTiming } from '../../common/timing/compact';

/** A document as read from its files; `compact` is made from `timing` when the reader has not. */
export interface FreshEdition extends DocumentBundle {
  compact?: CompactTiming | null;
  /** 'bundled' when not said (a test's loader). */
  kind?: 'bundled' | 'own';
  /** The translation the learner added, already applied to `edition`; null or absent when there is none. */
  translation?: Translation | null;
}

export interface LoadedEdition extends DocumentBundle {
  kind: 'bundled' | 'own';
  translation: Translation | null;
  /** The timings in the compact form the renderer is sent (common/timing/compact.ts). */
  compact: CompactTiming | null;
  /** The ids of the edition's sentences, for checking what callers point at. */
  sentenceIds: ReadonlySet<string>;
}

export interface EditionCache {
  get(documentId: string): Promise<LoadedEdition>;
  /** Forgets a document, so the next get reads it again (it was removed or replaced). */
  invalidate(documentId: string): void;
}

export function createEditionCache(load: (documentId: string) => Promise<FreshEdition>): EditionCache {
  const entries = new Map<string, Promise<LoadedEdition>>();
  return {
    get(documentId) {
      let entry = entries.get(documentId);
      if (!entry) {
        entry = load(documentId).then(({ compact, kind = 'bundled', translation = null, ...bundle }) => ({
          ...bundle,
          kind,
          translation,
          compact: compact !== undefined ? compact : bundle.timing ? compactTiming(bundle.timing) : null,
          sentenceIds: new Set(bundle.edition.sentences.map((s) => s.id)),
        }));
        entries.set(documentId, entry);
        // A failure is not kept: the file may be fixed (or the narration built) before the next try.
        entry.catch(() => {
          if (entries.get(documentId) === entry) entries.delete(documentId);
        });
      }
      return entry;
    },
    invalidate(documentId) {
      entries.delete(documentId);
    },
  };
}

/**
 * Refuses sentence ids the edition does not have (the renderer could send anything), with the first
 * few named. Returns the wanted ids in reading order, each once.
 */
export function checkSentences(edition: Edition, known: ReadonlySet<string>, sentenceIds: readonly string[]): string[] {
  const unknown = sentenceIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new BridgeError('invalid-argument', `sentenceIds: ${unknown.slice(0, 5).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in "${edition.id}".`);
  }
  const wanted = new Set(sentenceIds);
  return edition.sentences.filter((s) => wanted.has(s.id)).map((s) => s.id);
}
