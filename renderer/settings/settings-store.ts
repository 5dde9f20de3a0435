// The user's settings in the renderer: the one reader and writer, outside React, shared by the
// views (through useSettings) and by the controllers of the open document (the player's speed and
// volume, the learning tools' repeat count). A change applies at once to everyone subscribed; the
// writes to the main process are merged and sent once the user pauses fiddling (a dragged slider
// is one write, not sixty). Reset is just another change: everything subscribed follows it, so
// nobody keeps a stale copy of a setting.
import type { Bridge, Settings } from '../../common/bridge/contract';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { Emitter } from '../ui/emitter';

export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

export interface SettingsView {
  settings: Settings;
  /** The last save failed with this message (the change stays applied); null once a save works. */
  saveError: string | null;
}

export type SettingsApi = Pick<Bridge, 'updateSettings'>;

export class SettingsStore {
  private view: SettingsView;
  private readonly changes = new Emitter<{ change: [next: Settings, previous: Settings] }>();
  private pending: SettingsPatch = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Saves in flight, so a flush can be awaited (reset, leaving the page). */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: SettingsApi,
    initial: Settings = DEFAULT_SETTINGS,
    private readonly delayMs = 300,
  ) {
    this.view = { settings: initial, saveError: null };
  }

  /** The snapshot for useSyncExternalStore: a new object only when something changed. */
  getView = (): SettingsView => this.view;

  get settings(): Settings {
    return this.view.settings;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.on('change', () => listener());

  /**
   * Calls `listener` with the new value whenever the selected part of the settings changes (not
   * for the value it has now). For controllers, which keep no copy of their own.
   */
  watch<T>(select: (settings: Settings) => T, listener: (value: T) => void): () => void {
    return this.changes.on('change', (next, previous) => {
      const value = select(next);
      if (!Object.is(value, select(previous))) listener(value);
    });
  }

  /** The settings read at start (or again): shown at once, not written back. */
  load(settings: Settings): void {
    this.set({ ...this.view, settings });
  }

  /** Applies at once and saves soon. */
  update(patch: SettingsPatch): void {
    const current = this.view.settings;
    const changed = (Object.keys(patch) as (keyof SettingsPatch)[]).filter((key) => patch[key] !== undefined && !Object.is(current[key], patch[key]));
    if (changed.length === 0) return;
    const applied: SettingsPatch = {};
    for (const key of changed) (applied as Record<string, unknown>)[key] = patch[key];
    this.set({ ...this.view, settings: { ...current, ...applied } });
    this.pending = { ...this.pending, ...applied };
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Every setting back to its default, saved now (all of them, so the file holds no leftovers). */
  reset(): Promise<void> {
    const { version: _version, ...defaults } = DEFAULT_SETTINGS;
    this.set({ ...this.view, settings: DEFAULT_SETTINGS });
    this.pending = defaults;
    return this.flush();
  }

  /** Sends what is waiting now; resolves when every save so far has been answered. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const patch = this.pending;
    this.pending = {};
    if (Object.keys(patch).length > 0) {
      // One write after the other, so an older patch never lands after a newer one.
      this.writing = this.writing.then(() =>
        this.api.updateSettings({ patch }).then(
          () => {
            if (this.view.saveError !== null) this.set({ ...this.view, saveError: null });
          },
          (error: unknown) => this.set({ ...this.view, saveError: error instanceof Error ? error.message : String(error) }),
        ),
      );
    }
    return this.writing;
  }

  private set(next: SettingsView): void {
    const previous = this.view.settings;
    this.view = next;
    this.changes.emit('change', next.settings, previous);
  }
}
