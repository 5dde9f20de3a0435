// The one audio clock: howler in HTML5-audio mode, so the narration streams through an <audio>
// element with Range requests and is never decoded whole into memory. Everything that moves (the
// highlight, the waveform cursor, the chapter display) reads `time()` from here.
//
// Only howler's public API is used (seek, rate, volume, mute, play, pause, events). Pitch: howler
// sets `playbackRate` on its <audio> element and leaves `preservesPitch` alone, whose default is
// true in Chromium (and so in Electron); howler offers no option to set it, so we rely on that
// default. The end-to-end suite checks it on the element the page plays.
import { Howl, Howler } from 'howler';
import { getUiLanguage, translate } from '../i18n';
import { Emitter } from '../ui/emitter';

// Howler's "unlock" (meant for mobile browsers) calls load() on every audio element at the first
// click or key press, which throws away a seek made before it: the first keyboard command would be
// lost. Desktop Chromium and Electron need no unlocking, and playing from a click is allowed anyway.
Howler.autoUnlock = false;

export interface AudioClockEvents {
  /** Playing started (or stopped: `playing` false). */
  playing: [playing: boolean];
  /** The loaded audio is ready to play; its duration in seconds. */
  ready: [duration: number];
  ended: [];
  error: [message: string];
}

export type LoadOutcome = 'loaded' | 'superseded' | 'failed';

export interface AudioSource {
  url: string;
  /** The file type as howler names it: "mp3", "ogg". */
  format: string;
}

export class AudioClock {
  readonly events = new Emitter<AudioClockEvents>();
  private howl: Howl | null = null;
  private soundId: number | undefined;
  /** Each load gets a number; a load that finishes after a newer one started is dropped. */
  private generation = 0;
  /** Where a seek that howler has queued (or not yet applied) will land; reported until it has. */
  private pendingSeek: number | null = null;
  private wantsToPlay = false;
  /** Settles the load under way, if any: unloading its howl drops the events that would. */
  private abandonLoad: ((outcome: LoadOutcome) => void) | null = null;
  private loadedDuration = 0;
  private rate = 1;
  private volume = 1;
  private muted = false;

  /**
   * Loads a narration and places it at `startAt`; resolves when it can play from there, or says it
   * was superseded (a newer load started) or failed.
   */
  load(source: AudioSource, startAt = 0): Promise<LoadOutcome> {
    const generation = ++this.generation;
    this.supersedeLoad();
    this.unloadHowl();
    this.loadedDuration = 0;
    return new Promise<LoadOutcome>((resolve) => {
      this.abandonLoad = resolve;
      const howl = new Howl({
        src: [source.url],
        format: [source.format],
        html5: true,
        preload: true,
        rate: this.rate,
        volume: this.volume,
        mute: this.muted,
      });
      this.howl = howl;
      const stale = () => generation !== this.generation;
      howl.once('load', () => {
        if (!stale()) this.loadedDuration = howl.duration();
      });
      // The first seek (queued below until the audio has loaded) reports the id of the sound, which
      // every later call must name: howler's play() without an id would start a second, fresh sound.
      howl.once('seek', (soundId) => {
        if (stale()) return resolve('superseded');
        this.soundId = soundId;
        this.events.emit('ready', this.loadedDuration);
        resolve('loaded');
        if (this.wantsToPlay) howl.play(soundId);
      });
      howl.once('loaderror', (_id, error) => {
        if (stale()) return resolve('superseded');
        this.setWantsToPlay(false);
        this.events.emit('error', describeLoadError(error));
        resolve('failed');
      });
      howl.on('playerror', (_id, error) => {
        if (stale()) return;
        this.setWantsToPlay(false);
        this.events.emit('error', translate(getUiLanguage(), 'player.startFailed', { detail: String(error) }));
      });
      howl.on('end', () => {
        if (stale()) return;
        this.pendingSeek = null;
        this.setWantsToPlay(false);
        this.events.emit('ended');
      });
      howl.on('seek', () => {
        if (stale() || this.pendingSeek === null) return;
        if (Math.abs(this.rawTime() - this.pendingSeek) < 0.01) this.pendingSeek = null;
      });
      this.pendingSeek = Math.max(0, startAt);
      howl.seek(this.pendingSeek);
    });
  }

  /** The time heard now, in seconds of the narration. */
  time(): number {
    if (this.pendingSeek !== null) {
      // Howler applies a seek once the audio can play; until then the element still reports the
      // old place, which must not flash in the highlight.
      if (Math.abs(this.rawTime() - this.pendingSeek) < 0.001) this.pendingSeek = null;
      else return this.pendingSeek;
    }
    return this.rawTime();
  }

  duration(): number {
    return this.loadedDuration;
  }

  /** True from play() until pause(), the end, or an error (not only once sound comes out). */
  isPlaying(): boolean {
    return this.wantsToPlay;
  }

  play(): void {
    if (!this.howl || this.wantsToPlay) return;
    this.setWantsToPlay(true);
    // Before the sound is known (still loading), load() starts it once it is.
    if (this.soundId !== undefined) this.howl.play(this.soundId);
  }

  pause(): void {
    if (!this.howl || !this.wantsToPlay) return;
    this.setWantsToPlay(false);
    if (this.soundId !== undefined) this.howl.pause(this.soundId);
  }

  seek(time: number): void {
    if (!this.howl) return;
    const duration = this.loadedDuration || Number.POSITIVE_INFINITY;
    const target = Math.min(Math.max(0, time), duration);
    this.pendingSeek = target;
    if (this.soundId === undefined) this.howl.seek(target);
    else this.howl.seek(target, this.soundId);
  }

  setRate(rate: number): void {
    this.rate = rate;
    if (!this.howl) return;
    if (this.soundId === undefined) this.howl.rate(rate);
    else this.howl.rate(rate, this.soundId);
  }

  setVolume(volume: number): void {
    this.volume = volume;
    this.howl?.volume(volume);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.howl?.mute(muted);
  }

  destroy(): void {
    this.generation++;
    this.supersedeLoad();
    this.unloadHowl();
    this.events.clear();
  }

  private rawTime(): number {
    if (!this.howl) return 0;
    const value = this.soundId === undefined ? this.howl.seek() : this.howl.seek(this.soundId);
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  }

  private setWantsToPlay(playing: boolean): void {
    if (this.wantsToPlay === playing) return;
    this.wantsToPlay = playing;
    this.events.emit('playing', playing);
  }

  private supersedeLoad(): void {
    const abandon = this.abandonLoad;
    this.abandonLoad = null;
    abandon?.('superseded');
  }

  private unloadHowl(): void {
    if (!this.howl) return;
    this.howl.off();
    this.howl.unload();
    this.howl = null;
    this.soundId = undefined;
    this.setWantsToPlay(false);
  }
}

function describeLoadError(error: unknown): string {
  // Howler passes the MediaError code for HTML5 audio: 2 network, 3 decode, 4 not supported/not found.
  const code = typeof error === 'number' ? error : Number.NaN;
  const lang = getUiLanguage();
  const why =
    code === 2
      ? translate(lang, 'player.loadError.network')
      : code === 3
        ? translate(lang, 'player.loadError.decode')
        : code === 4
          ? translate(lang, 'player.loadError.missing')
          : translate(lang, 'player.loadError.other', { detail: String(error) });
  return translate(lang, 'player.openFailedWhy', { why });
}
