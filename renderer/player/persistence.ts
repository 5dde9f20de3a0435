// Writing the listener's place and preferences back, without flooding the back end: settings are
// merged and sent once the user pauses fiddling; the reading position is saved every few seconds
// while playing and at once on pause, seek or leaving the page.
import type { ReadingPosition, Settings } from '../../common/bridge/contract';
import { getUiLanguage, translate } from '../i18n';

export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

export class SettingsWriter {
  private pending: SettingsPatch = {};
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: (patch: SettingsPatch) => Promise<unknown>,
    private readonly onError: (message: string) => void,
    private readonly delayMs = 400,
  ) {}

  update(patch: SettingsPatch): void {
    this.pending = { ...this.pending, ...patch };
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const patch = this.pending;
    this.pending = {};
    if (Object.keys(patch).length === 0) return;
    this.write(patch).catch((error: unknown) => this.onError(translate(getUiLanguage(), 'player.settingsNotSaved', { message: messageOf(error) })));
  }
}

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
