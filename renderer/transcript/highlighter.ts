// The word highlight. Each frame it is shown the player's one cursor (already moved to the time
// heard, sync offset applied) and touches the DOM only when the sentence or word changes: it moves
// two classes and an aria-current, nothing else. It has no cursor of its own, so what it lights is
// always what the rest of the app calls "here". The elements come from a registry built once per
// render, so there is no querySelector per frame and no React render at all.
import type { Lang } from '../../common/edition/model';
import type { Pairing } from '../../common/edition/pairing';
import type { TimelineCursor } from '../../common/timing/lookup';

export const CURRENT_SENTENCE = 'is-current';
export const CURRENT_WORD = 'is-current-word';

export interface SentenceElements {
  sentence: HTMLElement;
  /** The n-th element is the n-th `splitWords` word of the sentence. */
  words: HTMLElement[];
  /** The focusable unit the sentence belongs to. */
  unit: HTMLElement | null;
}

/** Sentence elements by `${lang}:${sentenceId}`. */
export type ElementRegistry = Map<string, SentenceElements>;

export function registryKey(lang: Lang, sentenceId: string): string {
  return `${lang}:${sentenceId}`;
}

/** Collects the transcript's sentence and word elements once, after it rendered. */
export function buildRegistry(root: HTMLElement): ElementRegistry {
  const registry: ElementRegistry = new Map();
  for (const sentence of root.querySelectorAll<HTMLElement>('[data-sentence]')) {
    const lang = sentence.dataset.lang as Lang;
    registry.set(registryKey(lang, sentence.dataset.sentence!), {
      sentence,
      words: Array.from(sentence.querySelectorAll<HTMLElement>('[data-w]')),
      unit: sentence.closest<HTMLElement>('[data-unit]'),
    });
  }
  return registry;
}

export class Highlighter {
  private sentenceShown = -2;
  private wordIndexShown = -2;
  private wordShown: HTMLElement | null = null;
  private sentencesShown: HTMLElement[] = [];
  private unitShown: HTMLElement | null = null;

  constructor(
    private registry: ElementRegistry,
    /** The edition's one pairing: which sentences of the other language to light with the one heard. */
    private readonly pairing: Pairing,
    private lang: Lang,
    /** Told when the current unit changes (for following the narration with the scroll). */
    private readonly onUnitChange: (unit: HTMLElement | null) => void,
    /** Told when the current word changes (at large text a unit can be taller than the view). */
    private readonly onWordChange?: (word: HTMLElement) => void,
  ) {}

  /** The transcript re-rendered (new layout): forget the old elements, light the new ones. */
  setRegistry(registry: ElementRegistry): void {
    this.clear();
    this.registry = registry;
  }

  /** The narration language changed: the cursor shown from now on is over the other track. */
  setLanguage(lang: Lang): void {
    this.clear();
    this.lang = lang;
  }

  /** The unit lit now, if any. */
  currentUnit(): HTMLElement | null {
    return this.unitShown;
  }

  /** Shows the sentence and word the cursor is at (it does not move the cursor). */
  update(cursor: TimelineCursor): void {
    if (cursor.sentence === this.sentenceShown && cursor.word === this.wordIndexShown) return;
    const sentenceId = cursor.sentenceId();
    const elements = sentenceId ? this.registry.get(registryKey(this.lang, sentenceId)) : undefined;
    if (cursor.sentence !== this.sentenceShown) {
      this.sentenceShown = cursor.sentence;
      this.showSentence(sentenceId, elements);
    }
    this.wordIndexShown = cursor.word;
    const wordIndex = cursor.wordInSentence();
    const word = wordIndex >= 0 ? (elements?.words[wordIndex] ?? null) : null;
    if (word !== this.wordShown) {
      this.wordShown?.classList.remove(CURRENT_WORD);
      word?.classList.add(CURRENT_WORD);
      this.wordShown = word;
      if (word) this.onWordChange?.(word);
    }
  }

  clear(): void {
    this.wordShown?.classList.remove(CURRENT_WORD);
    this.wordShown = null;
    for (const element of this.sentencesShown) element.classList.remove(CURRENT_SENTENCE);
    this.sentencesShown = [];
    this.unitShown?.removeAttribute('aria-current');
    this.unitShown = null;
    this.sentenceShown = -2;
    this.wordIndexShown = -2;
  }

  private showSentence(sentenceId: string | null, elements: SentenceElements | undefined): void {
    for (const element of this.sentencesShown) element.classList.remove(CURRENT_SENTENCE);
    this.sentencesShown = [];
    if (sentenceId) {
      if (elements) this.sentencesShown.push(elements.sentence);
      const other: Lang = this.lang === 'de' ? 'en' : 'de';
      for (const id of this.pairing.counterparts(sentenceId, this.lang)) {
        const counterpart = this.registry.get(registryKey(other, id));
        if (counterpart) this.sentencesShown.push(counterpart.sentence);
      }
      for (const element of this.sentencesShown) element.classList.add(CURRENT_SENTENCE);
    }
    // In the English-only layout a German narration has no elements of its own: fall back to the
    // unit of the sentence lit in the other language.
    const unit = elements?.unit ?? this.sentencesShown[0]?.closest<HTMLElement>('[data-unit]') ?? null;
    if (unit !== this.unitShown) {
      this.unitShown?.removeAttribute('aria-current');
      unit?.setAttribute('aria-current', 'true');
      this.unitShown = unit;
      this.onUnitChange(unit);
    }
  }
}
