// The sentence tools in the running app: feeds the player's frames to the pure scheduler
// (common/learning/scheduler.ts) and carries out what it answers, through the player's own commands
// (seek, play, pause, rate). No timing guesses: an end is acted on in the frame the clock crosses it.
// The only timer is the shadowing pause, whose length the scheduler computes; it is measured in the
// end-to-end tests.
import {
  clampFactor,
  clampRepeatCount,
  LearningScheduler,
  type LearningAction,
  type LearningMessage,
  type LearningSnapshot,
  type Span,
} from '../../common/learning/scheduler';
import { sentenceSpanAt, sentencesSpan, snapLoopPoint, wordsSpan } from '../../common/learning/spans';
import type { Lang } from '../../common/edition/model';
import { counterpartSentences } from '../../common/timing/navigate';
import type { Timeline } from '../../common/timing/lookup';
import type { PlayerController } from '../player/controller';
import type { SettingsStore } from '../settings/settings-store';
import { Emitter } from '../ui/emitter';
import { Store } from '../ui/store';
import { RevealStore } from './reveal';
import type { TranscriptSelection } from './selection';

export interface LearningViewState {
  scheduler: LearningSnapshot;
  repeatCount: number;
  repeatRising: boolean;
}

export interface LearningEvents {
  /** Something to say politely once (a live region shows it). */
  announce: [message: LearningMessage];
}

export class LearningController {
  readonly events = new Emitter<LearningEvents>();
  readonly reveal: RevealStore;
  private readonly store: Store<LearningViewState>;
  private readonly scheduler: LearningScheduler;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ownSeek = false;
  private readonly offs: (() => void)[] = [];

  constructor(
    private readonly player: PlayerController,
    private readonly settings: SettingsStore,
  ) {
    const current = settings.settings;
    this.scheduler = new LearningScheduler(this.sentences(), { factor: current.shadowingFactor });
    this.store = new Store<LearningViewState>({
      scheduler: this.scheduler.snapshot(),
      repeatCount: current.repeatCount,
      repeatRising: current.repeatRising,
    });
    this.reveal = new RevealStore(() => player.edition, current.hiddenLanguage, (hiddenLanguage) => settings.update({ hiddenLanguage }));
    this.offs.push(
      // The settings are the one source: a change made elsewhere (reset, the settings view) lands here.
      settings.watch((s) => s.shadowingFactor, (factor) => {
        this.scheduler.setShadowingFactor(factor);
        this.sync();
      }),
      settings.watch((s) => s.repeatCount, (repeatCount) => this.store.update({ repeatCount })),
      settings.watch((s) => s.repeatRising, (repeatRising) => this.store.update({ repeatRising })),
      settings.watch((s) => s.hiddenLanguage, (hidden) => this.reveal.setHidden(hidden)),
      player.onFrame((time) => {
        const { playing, rate } = player.getSnapshot();
        this.run(this.scheduler.frame(time, playing, rate, performance.now()));
      }),
      player.events.on('jumped', (time) => {
        if (this.ownSeek) return;
        this.run(this.scheduler.jumped(time));
      }),
      player.events.on('language', () => this.run(this.scheduler.setSentences(this.sentences()))),
    );
  }

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);
  getState = (): LearningViewState => this.store.get();

  // ---- Commands -------------------------------------------------------------------------------

  /** Hears the current sentence once more from its start, then goes on. */
  repeatOnce(): void {
    const span = this.currentSentence();
    if (span) this.run(this.scheduler.startRepeat(span, 1));
  }

  /** Hears the current sentence N times (the setting), at rising speed when that is set. */
  repeatMany(): void {
    const span = this.currentSentence();
    if (!span) return;
    const { repeatCount, repeatRising } = this.store.get();
    this.run(this.scheduler.startRepeat(span, repeatCount, { rising: repeatRising, userRate: this.player.getSnapshot().rate }));
  }

  setLoopStart(): void {
    // Loop points and "the current sentence" are where the listener is (the player's one cursor,
    // sync offset applied); ends are still acted on in the clock's time, when the audio reaches them.
    this.run(this.scheduler.setLoopStart(snapLoopPoint(this.timeline(), this.player.heardTime(), 'start')));
  }

  setLoopEnd(): void {
    const time = this.player.heardTime();
    const sentence = sentenceSpanAt(this.timeline(), time);
    this.run(this.scheduler.setLoopEnd(snapLoopPoint(this.timeline(), time, 'end'), sentence?.start ?? 0));
  }

  /** Loops the selected words (or sentences), or the current sentence when nothing is selected. */
  loopSelection(selection: TranscriptSelection | null): void {
    const span = (selection && this.selectionSpan(selection)) ?? this.currentSentence();
    if (span) this.run(this.scheduler.loopSpan(span));
  }

  clearLoop(): void {
    this.run(this.scheduler.clearLoop());
  }

  toggleShadowing(): void {
    this.setShadowing(!this.scheduler.snapshot().shadowing);
  }

  setShadowing(on: boolean): void {
    this.run(this.scheduler.setShadowing(on));
  }

  setShadowingFactor(factor: number): void {
    this.settings.update({ shadowingFactor: clampFactor(factor) });
  }

  setRepeatCount(count: number): void {
    this.settings.update({ repeatCount: clampRepeatCount(count) });
  }

  setRepeatRising(rising: boolean): void {
    this.settings.update({ repeatRising: rising });
  }

  /**
   * Plays a span once and pauses at its end (the narration's half of "compare"). Resolves true
   * there, or false when something else took over (the listener moved, another repeat started).
   */
  playSpanOnce(span: Span): Promise<boolean> {
    this.settleSpan(false);
    return new Promise<boolean>((resolve) => {
      this.run(this.scheduler.startRepeat(span, 1, { stopAtEnd: true }));
      this.pendingSpan = resolve;
    });
  }

  /** A sentence's span in the narration heard now (a sentence of `lang`, mapped if the other). */
  sentenceSpanFor(sentenceId: string, lang: Lang): Span | null {
    const narrated: Lang = this.player.getSnapshot().lang;
    const ids = lang === narrated ? [sentenceId] : counterpartSentences(this.player.edition, sentenceId, lang);
    return sentencesSpan(this.timeline(), ids);
  }

  /** The sentence heard now in the narrated language (its span), for cards and recordings too. */
  currentSentence(): (Span & { id: string }) | null {
    return sentenceSpanAt(this.timeline(), this.player.heardTime());
  }

  destroy(): void {
    for (const off of this.offs) off();
    this.offs.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.settleSpan(false);
    this.events.clear();
    this.store.clear();
    this.reveal.destroy();
  }

  // ---- Internals ------------------------------------------------------------------------------

  /** Set while a span plays once (compare): told whether it reached its end. */
  private pendingSpan: ((finished: boolean) => void) | null = null;

  private settleSpan(finished: boolean): void {
    const pending = this.pendingSpan;
    this.pendingSpan = null;
    pending?.(finished);
  }

  private run(actions: readonly LearningAction[]): void {
    for (const action of actions) {
      switch (action.type) {
        case 'seek':
          this.ownSeek = true;
          try {
            this.player.seek(action.time);
          } finally {
            this.ownSeek = false;
          }
          this.scheduler.seeked(action.time);
          break;
        case 'play':
          this.player.play();
          break;
        case 'pause':
          this.player.pause();
          break;
        case 'setRate':
          this.player.setRate(action.rate, { persist: false });
          break;
        case 'wait':
          if (this.timer) clearTimeout(this.timer);
          this.timer = setTimeout(() => {
            this.timer = null;
            this.run(this.scheduler.tick(performance.now()));
          }, action.ms);
          break;
        case 'announce':
          if (action.message.key === 'spanPlayed') this.settleSpan(true);
          else this.events.emit('announce', action.message);
          break;
      }
    }
    this.sync();
    // A span played once that is no longer under way was interrupted.
    if (this.pendingSpan && this.scheduler.snapshot().repeat === null) this.settleSpan(false);
  }

  private sync(): void {
    const snapshot = this.scheduler.snapshot();
    if (!snapshot.waiting && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.store.update({ scheduler: snapshot });
  }

  private timeline(): Timeline {
    return this.player.index().timeline;
  }

  private sentences() {
    const timeline = this.timeline();
    return { starts: timeline.sentenceStarts, ends: timeline.sentenceEnds };
  }

  private selectionSpan(selection: TranscriptSelection): Span | null {
    const lang: Lang = this.player.getSnapshot().lang;
    const timeline = this.timeline();
    if (selection.lang === lang && selection.first && selection.last) {
      const words = wordsSpan(timeline, selection.first, selection.last);
      if (words) return words;
    }
    // Words of the other language: the sentences that say the same in the narrated one.
    const other: Lang = lang === 'de' ? 'en' : 'de';
    const ids = selection.lang === lang ? selection.sentenceIds : selection.sentenceIds.flatMap((id) => counterpartSentences(this.player.edition, id, other));
    return sentencesSpan(timeline, ids);
  }
}
