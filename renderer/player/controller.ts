// The player: one object that owns the audio clock for one document and answers every command
// (play, seek, navigate, speed, language). React reads its low-frequency state (playing, chapter,
// rate…) through subscribe/getSnapshot; anything that moves every frame (highlight, waveform
// cursor, time display) registers with onFrame() instead and never re-renders React.
//
// It also keeps the one answer to "where are we": `cursor`, moved once per frame (and on every
// jump) to the time heard, which is the clock less the sync offset. The highlight, the chapter
// display, notes, cards and "where am I" all read that one cursor, so they never disagree.
// Speed, volume, mute, offset and narration language are the user's settings: the player reads
// and writes them in the one settings store and follows it when they change elsewhere (reset).
import type { Bridge, ReadingPosition } from '../../common/bridge/contract';
import type { Edition, Lang } from '../../common/edition/model';
import type { CompactTiming, CompactTrack } from '../../common/timing/compact';
import { narratedLanguages } from '../../common/timing/model';
import { TimelineCursor, wordStart } from '../../common/timing/lookup';
import {
  narratedSentenceFrom,
  navigationIndexOf,
  navigationTarget,
  resumeTarget,
  skipTarget,
  startOf,
  type Direction,
  type NavigationIndex,
  type NavigationLevel,
} from '../../common/timing/navigate';
import { getUiLanguage, translate } from '../i18n';
import { Emitter } from '../ui/emitter';
import { Store } from '../ui/store';
import type { SettingsStore } from '../settings/settings-store';
import { keepsOriginal } from '../../common/parallel/translation';
import { howlerFormatOf } from '../../common/timing/audio-types';
import { AudioClock } from './audio-clock';
import { FrameLoop } from './frame-loop';
import { PositionSaver } from './persistence';

export const MIN_RATE = 0.5;
export const MAX_RATE = 3;

export interface PlayerSnapshot {
  /** 'loading' until the narration can play; 'no-audio' when it cannot (see audioError). */
  status: 'loading' | 'ready' | 'no-audio';
  audioError: string | null;
  playing: boolean;
  /** The narration language of this document (the setting, when the document has it). */
  lang: Lang;
  /** The speed heard now: the setting, or a speed for a moment (a rising repeat). */
  rate: number;
  /** The sentence heard now (at the cursor), in the narration language. */
  sentenceId: string | null;
  chapterId: string | null;
  duration: number;
  /** The edition shown: the one opened, or the same text with pairs fixed since (showEdition). */
  edition: Edition;
}

export interface PlayerEvents {
  /** The narration language changed (the highlight must follow the other track). */
  language: [lang: Lang];
  /** The listener moved the place on purpose (seek, navigation, click): the view should follow. */
  jumped: [time: number];
  /** Something the user should read (a save failed…). */
  notice: [message: string];
}

export interface PlayerControllerOptions {
  documentId: string;
  edition: Edition;
  /** The compact form (common/timing/compact.ts): its times go straight into typed arrays. */
  timing: CompactTiming;
  settings: SettingsStore;
  api: Pick<Bridge, 'getPosition' | 'savePosition'>;
  mediaUrl(mediaId: string): string;
  /** The audio clock; howler's by default (tests hand in a fake that they move themselves). */
  clock?: PlaybackClock;
  /**
   * The saved place (null: none), when it was asked for already, alongside the document: open()
   * then starts loading the narration at once, before the transcript's first render, instead of
   * waiting for an answer that is only read after it. Absent: open() asks for it.
   */
  savedPosition?: ReadingPosition | null;
}

/** What the player needs of an audio clock (AudioClock's public face). */
export type PlaybackClock = Pick<
  AudioClock,
  'events' | 'load' | 'time' | 'duration' | 'isPlaying' | 'play' | 'pause' | 'seek' | 'setRate' | 'setVolume' | 'setMuted' | 'destroy'
>;

export class PlayerController {
  readonly documentId: string;
  readonly timing: CompactTiming;
  /** The languages this document is narrated in (one or two), in the edition's order. */
  readonly languages: readonly Lang[];
  /** Built when a language is first heard (a book's other narration costs nothing until then). */
  private readonly indexes: Partial<Record<Lang, NavigationIndex>> = {};
  readonly events = new Emitter<PlayerEvents>();
  private readonly clock: PlaybackClock;
  private readonly frames = new FrameLoop(
    () => this.time(),
    () => this.clock.isPlaying(),
  );
  private readonly chapterOfSentence: ReadonlyMap<string, string>;
  private readonly settings: SettingsStore;
  private readonly positions: PositionSaver;
  private readonly api: PlayerControllerOptions['api'];
  private readonly mediaUrl: (mediaId: string) => string;
  private currentCursor: TimelineCursor;
  private readonly offs: (() => void)[] = [];
  private readonly store: Store<PlayerSnapshot>;
  /** The place while no audio is loaded (before it loads, or when it failed). */
  private detachedTime = 0;
  private destroyed = false;
  private lastAudioError: string | null = null;
  private readonly savedPosition: ReadingPosition | null | undefined;

  constructor(options: PlayerControllerOptions) {
    this.clock = options.clock ?? new AudioClock();
    this.documentId = options.documentId;
    this.timing = options.timing;
    this.api = options.api;
    this.mediaUrl = options.mediaUrl;
    this.savedPosition = options.savedPosition;
    this.languages = narratedLanguages(options.timing, options.edition);
    // Pair fixes keep the sentences and their chapters (showEdition checks), so this map stays right.
    this.chapterOfSentence = new Map(options.edition.sentences.map((s) => [s.id, s.chapterId]));
    this.settings = options.settings;
    const settings = this.settings.settings;
    // The narration language is the user's setting where this document has it; a document narrated
    // in one language plays that one and leaves the setting as the user chose it.
    const lang = this.languages.includes(settings.narrationLang) ? settings.narrationLang : this.languages[0]!;
    this.store = new Store<PlayerSnapshot>({
      status: 'loading',
      audioError: null,
      playing: false,
      lang,
      rate: settings.rate,
      sentenceId: null,
      chapterId: options.edition.chapters[0]?.id ?? null,
      duration: options.timing.tracks[lang]!.duration,
      edition: options.edition,
    });
    this.currentCursor = new TimelineCursor(this.index(lang).timeline);
    this.positions = new PositionSaver(
      () => this.getReadingPosition(),
      (position) => this.api.savePosition(position),
    );
    // First in every frame, so listeners see the sentence of this frame in the snapshot.
    this.frames.add(this.trackSentence);
    this.clock.setRate(settings.rate);
    this.clock.setVolume(settings.volume);
    this.clock.setMuted(settings.muted);
    // The settings may change anywhere (the settings view, a key, reset): the player follows.
    this.offs.push(
      this.settings.watch((s) => s.rate, (rate) => this.applyRate(rate)),
      this.settings.watch((s) => s.volume, (volume) => this.clock.setVolume(volume)),
      this.settings.watch((s) => s.muted, (muted) => this.clock.setMuted(muted)),
      this.settings.watch((s) => s.syncOffsetMs, () => this.moved()),
      this.settings.watch((s) => s.narrationLang, (lang) => void this.setLanguage(lang)),
    );
    this.clock.events.on('playing', (playing) => {
      this.update({ playing });
      this.positions.setPlaying(playing);
      this.requestFrame();
    });
    this.clock.events.on('ended', () => this.requestFrame());
    this.clock.events.on('error', (message) => {
      this.lastAudioError = message;
      // A failed load shows as the 'no-audio' state; a failure while playing needs a word of its own.
      if (this.snapshot.status === 'ready') this.events.emit('notice', message);
    });
  }

  /** Restores the saved place and loads the narration. */
  async open(): Promise<void> {
    let saved: ReadingPosition | null = this.savedPosition ?? null;
    if (this.savedPosition === undefined) {
      try {
        saved = await this.api.getPosition({ documentId: this.documentId });
      } catch {
        // No resume point is no reason not to open the document.
      }
    }
    if (this.destroyed) return;
    const start = saved ? resumeTarget(this.edition, this.index(), saved, this.snapshot.lang) : 0;
    this.detachedTime = start;
    this.moved();
    await this.loadAudio(start, false);
  }

  /** The edition shown (views that draw its pairs read `edition` from the snapshot, to follow a fix). */
  get edition(): Edition {
    return this.snapshot.edition;
  }

  /**
   * Shows the same text with other pairs (a pair fixed, a translation added) without stopping:
   * the narration, its place and everything timed hang on the original's sentences, which stay.
   */
  showEdition(next: Edition): void {
    if (next === this.snapshot.edition) return;
    if (!keepsOriginal(this.snapshot.edition, next)) throw new Error('showEdition: the new edition is not the same text with other pairs');
    this.update({ edition: next });
  }

  // ---- React's view of the player -------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);
  getSnapshot = (): PlayerSnapshot => this.store.get();

  /** Called once per animation frame while playing (and once after each change of place). */
  onFrame(listener: (time: number) => void): () => void {
    return this.frames.add(listener);
  }

  /** A narrated language's track (the one heard now by default): its media, duration and times. */
  track(lang: Lang = this.snapshot.lang): CompactTrack {
    return this.timing.tracks[lang] ?? this.timing.tracks[this.snapshot.lang]!;
  }

  /** A narrated language's navigation points (the one heard now by default). */
  index(lang: Lang = this.snapshot.lang): NavigationIndex {
    const narrated = this.languages.includes(lang) ? lang : this.snapshot.lang;
    return (this.indexes[narrated] ??= navigationIndexOf(this.timing.tracks[narrated]!));
  }

  /** The clock: the narration's own time (seeks, loops and sentence ends are in this time). */
  time(): number {
    return this.snapshot.status === 'ready' ? this.clock.time() : this.detachedTime;
  }

  /** The time the listener hears (and sees lit): the clock less the sync offset. */
  heardTime(): number {
    return Math.max(0, this.time() - this.settings.settings.syncOffsetMs / 1000);
  }

  /**
   * The one cursor over the narration, at the time heard: what the highlight lights, where a note
   * goes, which chapter is shown. Moved once per frame; read it, do not move it.
   */
  get cursor(): TimelineCursor {
    return this.currentCursor;
  }

  /** Where the listener is: the sentence at the cursor, and the time heard. */
  getPosition(): { time: number; sentenceId: string; lang: Lang } {
    const time = this.heardTime();
    this.currentCursor.moveTo(time);
    const sentenceId = this.currentCursor.sentenceId() ?? this.index().timeline.sentenceIds[0] ?? this.edition.sentences[0]!.id;
    return { time, sentenceId, lang: this.snapshot.lang };
  }

  // ---- Commands -------------------------------------------------------------------------------

  play(): void {
    if (this.snapshot.status === 'no-audio') {
      this.events.emit('notice', this.snapshot.audioError ?? translate(getUiLanguage(), 'player.notAvailable'));
      return;
    }
    this.clock.play();
  }

  pause(): void {
    this.clock.pause();
  }

  togglePlay(): void {
    if (this.clock.isPlaying()) this.pause();
    else this.play();
  }

  seek(time: number): void {
    const target = Math.min(Math.max(0, time), this.track().duration);
    if (this.snapshot.status === 'ready') this.clock.seek(target);
    else this.detachedTime = target;
    this.positions.saveSoon();
    this.moved();
    this.events.emit('jumped', target);
  }

  skip(seconds: number): void {
    this.seek(skipTarget(this.time(), seconds, this.track().duration));
  }

  go(level: NavigationLevel, direction: Direction): void {
    // From the sentence the listener hears and sees lit, not the one the clock has reached.
    const target = navigationTarget(this.index(), level, direction, this.heardTime());
    if (target !== null) this.seek(target);
  }

  playFromTime(time: number): void {
    this.seek(time);
    this.play();
  }

  /** Plays a sentence from its start in the narration language (any sentence id of the edition). */
  playFromSentence(sentenceId: string): void {
    const index = this.index();
    const narrated = narratedSentenceFrom(this.edition, index, sentenceId, this.snapshot.lang);
    const start = narrated ? startOf(index, 'sentence', narrated) : null;
    if (start !== null) this.playFromTime(start);
  }

  /** Plays from a word of the narrated language (n-th `splitWords` word of the sentence). */
  playFromWord(sentenceId: string, wordIndex: number): void {
    const start = wordStart(this.index().timeline, sentenceId, wordIndex);
    if (start === null) this.playFromSentence(sentenceId);
    else this.playFromTime(start);
  }

  /** `persist: false` is a rate for a moment (a rising repeat): exact to 0.01, not saved. */
  setRate(rate: number, options: { persist?: boolean } = {}): void {
    const step = options.persist === false ? 100 : 10;
    const clamped = Math.round(Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) * step) / step;
    if (options.persist === false) this.applyRate(clamped);
    else if (clamped === this.settings.settings.rate) this.applyRate(clamped);
    else this.settings.update({ rate: clamped });
  }

  changeRate(delta: number): void {
    this.setRate(this.snapshot.rate + delta);
  }

  setVolume(volume: number): void {
    this.settings.update({ volume: Math.min(1, Math.max(0, volume)) });
  }

  setMuted(muted: boolean): void {
    this.settings.update({ muted });
  }

  toggleMute(): void {
    this.setMuted(!this.settings.settings.muted);
  }

  /** Switches the narration language and continues from the start of the same sentence. */
  async setLanguage(lang: Lang): Promise<void> {
    if (lang === this.snapshot.lang || !this.languages.includes(lang)) return;
    const wasPlaying = this.clock.isPlaying();
    const here = this.getPosition();
    const index = this.index(lang);
    const sentence = narratedSentenceFrom(this.edition, index, here.sentenceId, lang);
    const start = sentence ? (startOf(index, 'sentence', sentence) ?? 0) : 0;
    this.currentCursor = new TimelineCursor(index.timeline);
    this.detachedTime = start;
    this.update({ lang, duration: this.track(lang).duration, sentenceId: null });
    this.settings.update({ narrationLang: lang });
    this.events.emit('language', lang);
    // Overtaken by another switch (or the document closed): the newer one finishes the job.
    if (!(await this.loadAudio(start, wasPlaying))) return;
    this.positions.saveSoon();
    this.moved();
    this.events.emit('jumped', this.time());
  }

  /** To the other narrated language, if the document has one. */
  switchLanguage(): Promise<void> {
    const other = this.languages.find((lang) => lang !== this.snapshot.lang);
    return other ? this.setLanguage(other) : Promise.resolve();
  }

  /** Tries the narration again after it failed to load. */
  async retryAudio(): Promise<void> {
    await this.loadAudio(this.detachedTime, false);
  }

  /** Saves the place now (the page is being left). */
  flush(): void {
    this.positions.saveNow();
    void this.settings.flush();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.flush();
    this.destroyed = true;
    for (const off of this.offs) off();
    this.offs.length = 0;
    this.positions.stop();
    this.frames.stop();
    this.clock.destroy();
    this.store.clear();
    this.events.clear();
  }

  // ---- Internals ------------------------------------------------------------------------------

  /** Resolves false when a newer load took over, or the player was destroyed meanwhile. */
  private async loadAudio(start: number, playWhenReady: boolean): Promise<boolean> {
    const track = this.track();
    this.update({ status: 'loading', audioError: null });
    const format = howlerFormatOf(track.mimeType, track.mediaId);
    const outcome = await this.clock.load({ url: this.mediaUrl(track.mediaId), format }, start);
    if (outcome === 'superseded' || this.destroyed) return false;
    if (outcome === 'failed') {
      this.detachedTime = start;
      this.update({ status: 'no-audio', audioError: this.lastAudioError ?? translate(getUiLanguage(), 'player.openFailed') });
      return true;
    }
    // The listener moved while it loaded (a key pressed at once): the audio goes there, not back.
    if (this.detachedTime !== start) this.clock.seek(this.detachedTime);
    this.update({ status: 'ready', duration: this.clock.duration() || track.duration });
    if (playWhenReady) this.clock.play();
    this.requestFrame();
    return true;
  }

  private getReadingPosition(): ReadingPosition | null {
    if (this.snapshot.status !== 'ready') return null;
    const { time, sentenceId, lang } = this.getPosition();
    return { documentId: this.documentId, sentenceId, time: Math.round(time * 1000) / 1000, lang };
  }

  private requestFrame(): void {
    this.frames.requestFrame();
  }

  /** The place changed outside a frame (a seek, the offset): move the cursor now, then draw. */
  private moved(): void {
    this.trackSentence();
    this.requestFrame();
  }

  private applyRate(rate: number): void {
    this.clock.setRate(rate);
    this.update({ rate });
  }

  /** First in every frame: moves the one cursor, and keeps the sentence and chapter (React state) up to date. */
  private readonly trackSentence = (): void => {
    // Not "return when moveTo() says nothing changed": getPosition() may have moved the cursor
    // since the last frame, and the snapshot must still catch up with it.
    this.currentCursor.moveTo(this.heardTime());
    const sentenceId = this.currentCursor.sentenceId();
    if (sentenceId === this.snapshot.sentenceId) return;
    const chapterId = sentenceId ? (this.chapterOfSentence.get(sentenceId) ?? null) : this.snapshot.chapterId;
    this.update({ sentenceId, chapterId });
  };

  private update(patch: Partial<PlayerSnapshot>): void {
    this.store.update(patch);
  }

  private get snapshot(): PlayerSnapshot {
    return this.store.get();
  }
}
