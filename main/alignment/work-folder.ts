// The job's folder: what was decoded, and one file per finished window. Every file is written
// atomically (temporary name, fsync, rename), so a run killed at any moment leaves only whole files
// and the next run goes on from the last finished window. A folder made for other inputs (other
// audio, text, language or aligner version) is emptied first, so stale results never mix in.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs-atomic';
import type { Cursor, Window } from './chunks';
import type { AlignedSentence, AudioPart, SentenceInput } from './types';

/** Bump when a change here would make old chunk files wrong. */
export const ALIGNER_VERSION = 1;

export interface DecodedAudio {
  parts: AudioPart[];
  samples: number;
  duration: number;
}

export interface ChunkRecord {
  index: number;
  window: Window;
  /** Kept sentences with absolute times. */
  sentences: AlignedSentence[];
  next: Cursor;
  seconds: number;
}

export class WorkFolder {
  readonly pcm: string;

  constructor(readonly dir: string) {
    this.pcm = join(dir, 'audio.pcm');
  }

  static async jobKey(audioFiles: readonly string[], sentences: readonly SentenceInput[], language: string, windowSeconds?: number): Promise<string> {
    const hash = createHash('sha256').update(JSON.stringify({ v: ALIGNER_VERSION, language, sentences, windowSeconds }));
    for (const file of audioFiles) {
      const s = await stat(file);
      hash.update(JSON.stringify([file, s.size, s.mtimeMs]));
    }
    return hash.digest('hex');
  }

  /** Keeps the folder if it belongs to this job, else empties it. */
  async open(key: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const current = await readFile(join(this.dir, 'job.json'), 'utf8').then((t) => (JSON.parse(t) as { key?: string }).key, () => null);
    if (current === key) return;
    for (const name of await readdir(this.dir)) await rm(join(this.dir, name), { recursive: true, force: true });
    await writeFileAtomic(join(this.dir, 'job.json'), JSON.stringify({ key }));
  }

  async decoded(): Promise<DecodedAudio | null> {
    try {
      const info = JSON.parse(await readFile(join(this.dir, 'audio.json'), 'utf8')) as DecodedAudio;
      if ((await stat(this.pcm)).size !== info.samples * 2) return null;
      return info;
    } catch {
      return null;
    }
  }

  async saveDecoded(info: DecodedAudio): Promise<void> {
    await writeFileAtomic(join(this.dir, 'audio.json'), JSON.stringify(info));
  }

  async chunks(): Promise<ChunkRecord[]> {
    const dir = join(this.dir, 'chunks');
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^\d{5}\.json$/.test(n)).sort();
    const out: ChunkRecord[] = [];
    for (const name of names) {
      const record = JSON.parse(await readFile(join(dir, name), 'utf8')) as ChunkRecord;
      // Only an unbroken run from the first window counts.
      if (record.index !== out.length) break;
      out.push(record);
    }
    return out;
  }

  async saveChunk(record: ChunkRecord): Promise<void> {
    await writeFileAtomic(join(this.dir, 'chunks', `${String(record.index).padStart(5, '0')}.json`), JSON.stringify(record));
  }

  async saveResult(result: unknown): Promise<void> {
    await writeFileAtomic(join(this.dir, 'result.json'), JSON.stringify(result));
  }
}
