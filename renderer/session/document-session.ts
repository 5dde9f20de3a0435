// One open document: a session owns everything that belongs to it (the player and its one cursor,
// notes, learning tools, cards, reveal state) and destroys all of it when another document opens,
// so nothing of one document (a note list, a loop, revealed sentences, a timer) lives on in the
// next. What is not the document's (settings, the bridge) is handed in and outlives it.
import type { Bridge, ReadingPosition } from '../../common/bridge/contract';
import type { CardsApi } from '../cards/cards-controller';
import type { NotesApi } from '../notes/notes-controller';
import type { Edition } from '../../common/edition/model';
import type { CompactTiming } from '../../common/timing/compact';
import { CardsController } from '../cards/cards-controller';
import { LearningController } from '../learning/learning-controller';
import { NotesController } from '../notes/notes-controller';
import { PlayerController, type PlaybackClock } from '../player/controller';
import type { SettingsStore } from '../settings/settings-store';

/** What a document session asks of the main process: its place, its notes, its cards. */
export type SessionApi = Pick<Bridge, 'getPosition' | 'savePosition'> & NotesApi & CardsApi;

export interface DocumentSessionOptions {
  documentId: string;
  edition: Edition;
  /** The narration's timings, in the compact form the bridge sends (checked: compactTimingProblem). */
  timing: CompactTiming;
  settings: SettingsStore;
  api: SessionApi;
  mediaUrl(mediaId: string): string;
  /** For tests: an audio clock they move themselves (howler's otherwise). */
  clock?: PlaybackClock;
  /** The saved place, if it was asked for with the document (see PlayerControllerOptions). */
  savedPosition?: ReadingPosition | null;
}

export class DocumentSession {
  readonly documentId: string;
  readonly player: PlayerController;
  readonly notes: NotesController;
  readonly learning: LearningController;
  readonly cards: CardsController;
  private destroyed = false;

  constructor(options: DocumentSessionOptions) {
    this.documentId = options.documentId;
    this.player = new PlayerController(options);
    // Notes are ordered by the original's sentences, which a pair fix keeps: the opening edition does.
    this.notes = new NotesController(options.api, options.documentId, options.edition);
    this.learning = new LearningController(this.player, options.settings);
    this.cards = new CardsController(options.api, options.documentId, () => this.player.edition);
  }

  /** The edition shown now (the player's: pairs fixed since opening included). */
  get edition(): Edition {
    return this.player.edition;
  }

  /** Shows the same text with other pairs, in place: nothing stops, reloads or is forgotten. */
  showEdition(next: Edition): void {
    this.player.showEdition(next);
  }

  /** The reveal state of this document (hidden language, sentences revealed so far). */
  get reveal() {
    return this.learning.reveal;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Restores the place, loads the narration, the notes and the cards. */
  async open(): Promise<void> {
    await Promise.all([this.player.open(), this.notes.load(), this.cards.load()]);
  }

  /** Saves what is pending now (the page is being hidden or left). */
  flush(): void {
    this.player.flush();
    void this.notes.flush();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    // Each saves what is pending as it goes: the player the place, the notes unsaved typing.
    this.learning.destroy();
    this.player.destroy();
    this.notes.destroy();
    this.cards.destroy();
  }
}
