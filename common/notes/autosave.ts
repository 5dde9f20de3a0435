// Autosave for notes being typed: no save button to forget. An edit is saved at most `delayMs` after
// the first unsaved change (a steady typist still gets a save every `delayMs`: the timer is not
// pushed back by every key), one save per note in flight at a time, each based on the updatedAt
// the previous save returned. Flush saves at once (on blur, before delete, on page hide).
// Pure: timers are injected; no DOM.
import type { Note } from './model';

export interface NotePatch {
  text?: string;
  tags?: string[];
}

export interface AutosaveOptions {
  save(id: string, patch: NotePatch, expectedUpdatedAt: string): Promise<Note>;
  onSaved(note: Note): void;
  /** `error` is what the save threw, for callers that act on its kind (e.g. a BridgeError's code). */
  onError(id: string, message: string, error: unknown): void;
  /** Called whenever a note's unsaved/saving state changes. */
  onStateChange?(id: string, state: SaveState): void;
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

interface Entry {
  patch: NotePatch | null;
  base: string;
  timer: unknown;
  inFlight: Promise<void> | null;
  state: SaveState;
}

export class Autosave {
  private readonly entries = new Map<string, Entry>();
  private readonly delayMs: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: AutosaveOptions) {
    this.delayMs = options.delayMs ?? 400;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  /** Records an edit of a note whose last saved version is `base` (its updatedAt). */
  edit(id: string, patch: NotePatch, base: string): void {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { patch: null, base, timer: null, inFlight: null, state: 'saved' };
      this.entries.set(id, entry);
    }
    entry.patch = { ...entry.patch, ...patch };
    this.setState(id, entry, 'unsaved');
    if (entry.timer === null && entry.inFlight === null) {
      entry.timer = this.setTimer(() => {
        entry.timer = null;
        void this.run(id);
      }, this.delayMs);
    }
  }

  state(id: string): SaveState {
    return this.entries.get(id)?.state ?? 'saved';
  }

  /** The edit not yet saved (to show over the stored text), if any. */
  unsaved(id: string): NotePatch | null {
    return this.entries.get(id)?.patch ?? null;
  }

  /** Saves a note's pending edit now and waits until everything for it is saved. */
  async flush(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (entry.timer !== null) {
      this.clearTimer(entry.timer);
      entry.timer = null;
    }
    while (entry.inFlight || entry.patch) {
      if (entry.inFlight) await entry.inFlight;
      else await this.run(id);
      if (entry.state === 'failed') return;
    }
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.flush(id)));
  }

  /** Forgets a note's pending edit (the note was deleted). */
  drop(id: string): void {
    const entry = this.entries.get(id);
    if (entry?.timer) this.clearTimer(entry.timer);
    this.entries.delete(id);
  }

  private setState(id: string, entry: Entry, state: SaveState): void {
    if (entry.state === state) return;
    entry.state = state;
    this.options.onStateChange?.(id, state);
  }

  private run(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry || entry.inFlight) return entry?.inFlight ?? Promise.resolve();
    const patch = entry.patch;
    if (!patch) return Promise.resolve();
    entry.patch = null;
    this.setState(id, entry, 'saving');
    const started = Date.now();
    entry.inFlight = this.options
      .save(id, patch, entry.base)
      .then(
        (note) => {
          entry.base = note.updatedAt;
          this.options.onSaved(note);
          if (entry.patch) {
            // Typing went on during the save: save again, no later than delayMs after it began.
            const wait = Math.max(0, this.delayMs - (Date.now() - started));
            entry.timer = this.setTimer(() => {
              entry.timer = null;
              void this.run(id);
            }, wait);
            this.setState(id, entry, 'unsaved');
          } else {
            this.setState(id, entry, 'saved');
          }
        },
        (error: unknown) => {
          // Keep the unsaved text: put the failed patch back under any newer edit.
          entry.patch = { ...patch, ...entry.patch };
          this.setState(id, entry, 'failed');
          this.options.onError(id, error instanceof Error ? error.message : String(error), error);
        },
      )
      .finally(() => {
        entry.inFlight = null;
      });
    return entry.inFlight;
  }
}
