// Writing the listener's place back, without flooding the back end: the reading position is saved
// every few seconds while playing and at once on pause, seek or leaving the page. (Settings have
// their own writer in the one settings store, renderer/settings/settings-store.ts.)
import type { ReadingPosition } from '../../common/bridge/contract';

export class PositionSaver {
  private lastSaved = '';
  private interval: ReturnType<typeof setInterval> | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly current: () => ReadingPosition | null,
    private readonly write: (position: ReadingPosition) => Promise<unknown>,
    private readonly everyMs = 2000,
  ) {}

  /** While playing, save every few seconds. */
  setPlaying(playing: boolean): void {
    if (playing && !this.interval) this.interval = setInterval(() => this.saveNow(), this.everyMs);
    if (!playing) {
      if (this.interval) clearInterval(this.interval);
      this.interval = null;
      this.saveNow();
    }
  }

  /** After a seek: soon, once a burst of seeks (a drag on the waveform) has settled. */
  saveSoon(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.saveNow(), 300);
  }

  saveNow(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    const position = this.current();
    if (!position) return;
    const key = `${position.lang}:${position.sentenceId}:${position.time.toFixed(2)}`;
    if (key === this.lastSaved) return;
    this.lastSaved = key;
    // Losing one resume point is not worth an error message; the next save will try again.
    this.write(position).catch(() => {
      this.lastSaved = '';
    });
  }

  stop(): void {
    this.setPlaying(false);
    if (this.debounce) clearTimeout(this.debounce);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
