// Hide a language and reveal it sentence by sentence (or all at once). The state is the hidden
// language (a setting) and the sentences revealed so far (this session only). Keys are sentence
// ids of the hidden language: a German id when German is hidden, the id of the sentence carrying
// the English when English is.
import type { Edition, Lang } from '../../common/edition/model';
import { pairingOf } from '../../common/edition/pairing';
import { Emitter } from '../ui/emitter';

export type HiddenLanguage = 'none' | Lang;

export interface RevealSnapshot {
  hidden: HiddenLanguage;
  allRevealed: boolean;
  revealed: ReadonlySet<string>;
}

export class RevealStore {
  private readonly changes = new Emitter<{ change: [] }>();
  private snapshot: RevealSnapshot;

  constructor(
    /** The edition shown now (its pairs can be fixed while the document is open). */
    private readonly edition: () => Edition,
    hidden: HiddenLanguage,
    private readonly persist: (hidden: HiddenLanguage) => void,
  ) {
    this.snapshot = { hidden, allRevealed: false, revealed: new Set() };
  }

  subscribe = (listener: () => void): (() => void) => this.changes.on('change', listener);
  getSnapshot = (): RevealSnapshot => this.snapshot;

  setHidden(hidden: HiddenLanguage): void {
    if (hidden === this.snapshot.hidden) return;
    this.set({ hidden, allRevealed: false, revealed: new Set() });
    this.persist(hidden);
  }

  /** h / Shift+H: hide that language, or show it again if it is the one hidden. */
  toggleHidden(lang: Lang): HiddenLanguage {
    const next: HiddenLanguage = this.snapshot.hidden === lang ? 'none' : lang;
    this.setHidden(next);
    return next;
  }

  isShown(lang: Lang, ids: readonly string[]): boolean {
    const { hidden, allRevealed, revealed } = this.snapshot;
    return hidden !== lang || allRevealed || ids.some((id) => revealed.has(id));
  }

  /** Reveals these sentences of the hidden language, or hides them again if they are shown. */
  toggle(ids: readonly string[]): boolean {
    const { hidden } = this.snapshot;
    if (hidden === 'none' || ids.length === 0) return true;
    const revealed = new Set(this.snapshot.revealed);
    const shown = this.isShown(hidden, ids);
    if (shown && this.snapshot.allRevealed) {
      // Hiding one sentence while all are revealed: every other one stays revealed.
      for (const s of this.edition().sentences) revealed.add(s.id);
      for (const id of ids) revealed.delete(id);
      this.set({ ...this.snapshot, allRevealed: false, revealed });
      return false;
    }
    for (const id of ids) {
      if (shown) revealed.delete(id);
      else revealed.add(id);
    }
    this.set({ ...this.snapshot, revealed });
    return !shown;
  }

  /** Shift+V: reveal everything, or hide everything again. Returns whether all is now revealed. */
  toggleAll(): boolean {
    const all = !this.snapshot.allRevealed;
    this.set({ ...this.snapshot, allRevealed: all, revealed: new Set() });
    return all;
  }

  /** The hidden-language ids that stand for a sentence heard in `narrated`. */
  idsFor(sentenceId: string, narrated: Lang): string[] {
    const hidden = this.snapshot.hidden;
    if (hidden === 'none') return [];
    if (hidden === narrated) return [sentenceId];
    return [...pairingOf(this.edition()).counterparts(sentenceId, narrated)];
  }

  destroy(): void {
    this.changes.clear();
  }

  private set(next: RevealSnapshot): void {
    this.snapshot = next;
    this.changes.emit('change');
  }
}
