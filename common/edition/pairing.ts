// The German/English pairing of an edition, built once per edition and asked in O(1).
//
// Each German sentence has its English in one place: its own `en`, or (with `enWith`) the English of
// an earlier sentence of the same paragraph, its carrier. The transcript, the highlight, the reveal
// state, the cards and the navigation all need "which sentences say the same in the other
// language"; deriving that in each of them (some by a scan of every sentence) let them drift apart.
// Here it is derived once; the index is kept in a WeakMap keyed by the edition object, so it lives as
// long as the edition does and an edition is never indexed twice. Editions are not mutated after
// they are built; an edition changed in place would keep its old index.

import type { Edition, Lang, Sentence } from './model';

export interface Pairing {
  /** True when the edition has English (its languages include 'en'). */
  readonly hasTranslation: boolean;
  /** The sentence with this id, or undefined. */
  sentence(id: string): Sentence | undefined;
  /** Position of the sentence in reading order (from 0), or -1 for an id not in the edition. */
  indexOf(id: string): number;
  /** The id of the sentence carrying this sentence's English: `enWith ?? id` (an unknown id is its own). */
  carrierOf(sentenceId: string): string;
  /**
   * The German sentences sharing the English that `carrierId` carries, in reading order, the carrier
   * first; empty for an id that carries no English (a sharer, an unknown id, any id in an edition
   * without English).
   */
  group(carrierId: string): readonly string[];
  /**
   * The sentences of the other language that say what `sentenceId` says in `fromLang`: from German,
   * the English carrier; from English, every German sentence sharing that English (a sentence that
   * shares another's English stands for itself). Empty in an edition without English, where there
   * is no other language.
   */
  counterparts(sentenceId: string, fromLang: Lang): readonly string[];
  /** The English that a sentence is read with (its carrier's), '' when there is none. */
  englishOf(sentenceId: string): string;
}

const NONE: readonly string[] = Object.freeze([]);
const cache = new WeakMap<Edition, Pairing>();

/** The pairing of an edition, built on first use and then shared. */
export function pairingOf(edition: Edition): Pairing {
  let pairing = cache.get(edition);
  if (!pairing) {
    pairing = new EditionPairing(edition);
    cache.set(edition, pairing);
  }
  return pairing;
}

class EditionPairing implements Pairing {
  readonly hasTranslation: boolean;
  private readonly byId = new Map<string, Sentence>();
  private readonly position = new Map<string, number>();
  /** carrier id -> its group; frozen, so that callers can be handed the arrays themselves. */
  private readonly groups = new Map<string, readonly string[]>();
  /** sentence id -> [its carrier], the German-to-English answer, made once rather than per call. */
  private readonly toEnglish = new Map<string, readonly string[]>();
  /** sentence id -> the English-to-German answer. */
  private readonly toGerman = new Map<string, readonly string[]>();

  constructor(edition: Edition) {
    this.hasTranslation = edition.languages.includes('en');
    const groups = new Map<string, string[]>();
    // Positions in the array, not `sentence.index`: the same thing for a built edition, and the
    // array is what "reading order" means.
    edition.sentences.forEach((sentence, i) => {
      this.byId.set(sentence.id, sentence);
      this.position.set(sentence.id, i);
      if (!this.hasTranslation) return;
      const carrier = sentence.enWith ?? sentence.id;
      const group = groups.get(carrier);
      if (group) group.push(sentence.id);
      else groups.set(carrier, [sentence.id]);
    });
    if (!this.hasTranslation) return;
    for (const [carrier, group] of groups) this.groups.set(carrier, Object.freeze(group));
    for (const sentence of edition.sentences) {
      this.toEnglish.set(sentence.id, Object.freeze([sentence.enWith ?? sentence.id]));
      this.toGerman.set(sentence.id, this.groups.get(sentence.id) ?? Object.freeze([sentence.id]));
    }
  }

  sentence(id: string): Sentence | undefined {
    return this.byId.get(id);
  }

  indexOf(id: string): number {
    return this.position.get(id) ?? -1;
  }

  carrierOf(sentenceId: string): string {
    return this.byId.get(sentenceId)?.enWith ?? sentenceId;
  }

  group(carrierId: string): readonly string[] {
    return this.groups.get(carrierId) ?? NONE;
  }

  counterparts(sentenceId: string, fromLang: Lang): readonly string[] {
    if (!this.hasTranslation) return NONE;
    if (fromLang === 'de') return this.toEnglish.get(sentenceId) ?? [sentenceId];
    return this.toGerman.get(sentenceId) ?? NONE;
  }

  englishOf(sentenceId: string): string {
    if (!this.hasTranslation) return '';
    return this.byId.get(this.carrierOf(sentenceId))?.en ?? '';
  }
}
