// The open document's study cards, for the cards dialog, the toolbar button and the save-card key:
// one controller per player, reaching the main process only through the bridge.
import type { Bridge } from '../../common/bridge/contract';
import type { CardsExportResult } from '../../common/bridge/cards-contract';
import type { Edition, Lang } from '../../common/edition/model';
import type { Card, CardExportFormat } from '../../common/learning/cards';
import { pairingOf } from '../../common/edition/pairing';
import { Store } from '../ui/store';

export type CardSaveState = 'saved' | 'saving' | 'failed';

export interface CardsSnapshot {
  status: 'loading' | 'ready' | 'failed';
  cards: readonly Card[];
  saveStates: ReadonlyMap<string, CardSaveState>;
  /** The last deletion, undoable. */
  lastDeleted: { card: Card; undoToken: string } | null;
  problem: string | null;
}

export type CardsApi = Pick<Bridge, 'listCards' | 'createCard' | 'updateCard' | 'deleteCard' | 'restoreCard' | 'exportCards'>;

export interface CardSource {
  /** Sentence ids in the narrated language (or in `lang`). */
  sentenceIds: string[];
  lang: Lang;
  /** Selected words, if any: the front (German) or the back (English). */
  text?: string;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class CardsController {
  private readonly store = new Store<CardsSnapshot>({ status: 'loading', cards: [], saveStates: new Map(), lastDeleted: null, problem: null });

  constructor(
    private readonly api: CardsApi,
    readonly documentId: string,
    /** The edition shown now: a card takes the pairs as they are when it is made. */
    private readonly edition: () => Edition,
  ) {}

  subscribe = (listener: () => void) => this.store.subscribe(listener);
  getSnapshot = (): CardsSnapshot => this.store.get();

  async load(): Promise<void> {
    try {
      const cards = await this.api.listCards({ documentId: this.documentId });
      this.store.update({ status: 'ready', cards });
    } catch (error) {
      this.store.update({ status: 'failed', problem: messageOf(error) });
    }
  }

  /**
   * Saves a card: the German sentences behind `source` (a German selection is the front; an
   * English one the back). Returns the card and whether it existed already (then nothing is saved).
   */
  async save(source: CardSource): Promise<{ card: Card; duplicate: boolean } | { error: string }> {
    const pairing = pairingOf(this.edition());
    const germanIds = source.lang === 'de' ? [...source.sentenceIds] : [...new Set(source.sentenceIds.flatMap((id) => pairing.counterparts(id, 'en')))];
    germanIds.sort((a, b) => pairing.indexOf(a) - pairing.indexOf(b));
    const request = {
      documentId: this.documentId,
      sentenceIds: germanIds,
      ...(source.text && source.lang === 'de' ? { german: source.text } : {}),
      ...(source.text && source.lang === 'en' ? { english: source.text } : {}),
    };
    const existing = this.store.get().cards.find(
      (card) =>
        card.sentenceIds.join() === germanIds.join() &&
        (request.german === undefined ? card.kind === 'sentence' : card.german === request.german.trim()) &&
        (request.english === undefined || card.english === request.english.trim()),
    );
    if (existing) return { card: existing, duplicate: true };
    try {
      const card = await this.api.createCard(request);
      this.store.update({ cards: this.sorted([...this.store.get().cards, card]), problem: null });
      return { card, duplicate: false };
    } catch (error) {
      return { error: messageOf(error) };
    }
  }

  async edit(id: string, patch: { german?: string; english?: string; note?: string }): Promise<void> {
    const card = this.store.get().cards.find((c) => c.id === id);
    if (!card) return;
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).some((key) => patch[key] !== undefined && patch[key] !== card[key]);
    if (!changed) return;
    this.setSaveState(id, 'saving');
    try {
      const updated = await this.api.updateCard({ id, ...patch, expectedUpdatedAt: card.updatedAt });
      this.store.update({ cards: this.store.get().cards.map((c) => (c.id === id ? updated : c)) });
      this.setSaveState(id, 'saved');
    } catch (error) {
      this.setSaveState(id, 'failed');
      this.store.update({ problem: messageOf(error) });
    }
  }

  async remove(id: string): Promise<boolean> {
    try {
      const { deleted, undoToken } = await this.api.deleteCard({ id });
      this.store.update({ cards: this.store.get().cards.filter((c) => c.id !== id), lastDeleted: { card: deleted, undoToken } });
      return true;
    } catch (error) {
      this.store.update({ problem: messageOf(error) });
      return false;
    }
  }

  async undoDelete(): Promise<Card | null> {
    const last = this.store.get().lastDeleted;
    if (!last) return null;
    try {
      const card = await this.api.restoreCard({ undoToken: last.undoToken });
      this.store.update({ cards: this.sorted([...this.store.get().cards, card]), lastDeleted: null });
      return card;
    } catch (error) {
      this.store.update({ problem: messageOf(error), lastDeleted: null });
      return null;
    }
  }

  dismissUndo(): void {
    this.store.update({ lastDeleted: null });
  }

  dismissProblem(): void {
    this.store.update({ problem: null });
  }

  async exportCards(format: CardExportFormat, withAudio: boolean): Promise<CardsExportResult | { error: string }> {
    try {
      return await this.api.exportCards({ documentId: this.documentId, format, withAudio });
    } catch (error) {
      return { error: messageOf(error) };
    }
  }

  destroy(): void {
    this.store.clear();
  }

  private setSaveState(id: string, state: CardSaveState): void {
    const saveStates = new Map(this.store.get().saveStates);
    saveStates.set(id, state);
    this.store.update({ saveStates });
  }

  private sorted(cards: Card[]): Card[] {
    const pairing = pairingOf(this.edition());
    const position = (id: string) => {
      const index = pairing.indexOf(id);
      return index < 0 ? Number.MAX_SAFE_INTEGER : index;
    };
    const first = (card: Card) => Math.min(...card.sentenceIds.map(position));
    return cards.sort((a, b) => first(a) - first(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}
