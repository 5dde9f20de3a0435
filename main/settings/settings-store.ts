// Settings, reading positions and when each document was last opened, kept as small JSON files in
// the user's data folder.
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadingPosition, Settings, SettingsState } from '../../common/bridge/contract';
import { z } from 'zod';
import { documentId as documentIdSchema, isoTime } from '../../common/bridge/ids';
import { readingPositionSchema } from '../../common/bridge/schemas';
import { readSettings } from '../../common/settings';
import { writeFileAtomic } from '../fs-atomic';

export interface SettingsStore {
  get(): Promise<SettingsState>;
  update(patch: Partial<Omit<Settings, 'version'>>): Promise<Settings>;
  getPosition(documentId: string): Promise<ReadingPosition | null>;
  savePosition(position: ReadingPosition): Promise<void>;
  /** Notes that a document was opened now (the app reopens the last one). */
  markOpened(documentId: string): Promise<void>;
  /** When each document was last opened (ISO times), by document id. */
  lastOpened(): Promise<Record<string, string>>;
}

const openedSchema = z.record(documentIdSchema, isoTime);

export function createSettingsStore(dataDir: string, now: () => Date = () => new Date()): SettingsStore {
  const settingsFile = join(dataDir, 'settings.json');
  const positionsFile = join(dataDir, 'positions.json');
  const openedFile = join(dataDir, 'opened.json');
  // The first read's promise is kept, so two early calls share one load (and one move-aside).
  let loaded: Promise<SettingsState> | null = null;
  // Serialise writes so two quick updates cannot interleave and lose one.
  let writeChain: Promise<unknown> = Promise.resolve();

  async function moveAside(file: string): Promise<string> {
    const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, aside);
    return aside;
  }

  async function load(): Promise<SettingsState> {
    let text: string;
    try {
      text = await readFile(settingsFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: readSettings({}).settings, problem: null };
      return { settings: readSettings({}).settings, problem: `Your settings could not be read (${(error as Error).message}); the defaults are in use.` };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      const aside = await moveAside(settingsFile);
      return {
        settings: readSettings({}).settings,
        problem: `Your settings file was damaged and has been set aside as ${aside}; the defaults are in use.`,
      };
    }
    const { settings, invalidFields } = readSettings(raw);
    return {
      settings,
      problem:
        invalidFields.length > 0
          ? `Some settings were invalid and were reset to their defaults: ${invalidFields.join(', ')}.`
          : null,
    };
  }

  function queue<T>(work: () => Promise<T>): Promise<T> {
    const next = writeChain.then(work, work);
    writeChain = next.catch(() => undefined);
    return next;
  }

  async function readPositions(): Promise<Record<string, ReadingPosition>> {
    try {
      const raw = JSON.parse(await readFile(positionsFile, 'utf8')) as unknown;
      if (typeof raw !== 'object' || raw === null) return {};
      const positions: Record<string, ReadingPosition> = {};
      for (const [key, value] of Object.entries(raw)) {
        const parsed = readingPositionSchema.safeParse(value);
        if (parsed.success && parsed.data.documentId === key) positions[key] = parsed.data;
      }
      return positions;
    } catch {
      // A missing or damaged positions file only costs the resume point, never the app start.
      return {};
    }
  }

  async function readOpened(): Promise<Record<string, string>> {
    try {
      const raw = JSON.parse(await readFile(openedFile, 'utf8')) as unknown;
      const parsed = openedSchema.safeParse(raw);
      // Damaged, it only costs which document opens first; the interview opens instead.
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  return {
    get() {
      loaded ??= load();
      return loaded;
    },
    update(patch) {
      return queue(async () => {
        const current = await (loaded ??= load());
        const settings: Settings = { ...current.settings, ...patch, version: 1 };
        await writeFileAtomic(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
        loaded = Promise.resolve({ settings, problem: null });
        return settings;
      });
    },
    async getPosition(documentId) {
      return (await readPositions())[documentId] ?? null;
    },
    savePosition(position) {
      return queue(async () => {
        const positions = await readPositions();
        positions[position.documentId] = position;
        await writeFileAtomic(positionsFile, `${JSON.stringify(positions, null, 2)}\n`);
      });
    },
    markOpened(documentId) {
      return queue(async () => {
        const opened = await readOpened();
        opened[documentId] = now().toISOString();
        await writeFileAtomic(openedFile, `${JSON.stringify(opened, null, 2)}\n`);
      });
    },
    lastOpened: readOpened,
  };
}
