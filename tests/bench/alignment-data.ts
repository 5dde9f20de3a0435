// Test material for the alignment benchmarks, made with ffmpeg (a test tool here, never the app's):
// the bundled German narration, whose word times are exact, sped up, with noise, and repeated.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseEdition } from '../../common/edition/parse';
import { splitWords } from '../../common/text/words';

const root = resolve(import.meta.dirname, '../..');
export const FIXTURE = resolve(root, '../shared/fixtures/speech-de');
export const NARRATION = join(root, 'assets/narration/china-sieht-alles');

export interface NarrationTruth {
  sentences: { id: string; text: string; words: [number, number][] }[];
  duration: number;
}

/** The German narration's sentences, their texts and their exact word times. */
export async function narrationTruth(): Promise<NarrationTruth> {
  const file = join(root, 'transcripts/china-sieht-alles/edition.yaml');
  const parsed = parseEdition(await readFile(file, 'utf8'), file);
  if (!parsed.ok) throw new Error('the edition does not parse');
  const text = new Map(parsed.edition.sentences.map((s) => [s.id, s.de]));
  const timing = JSON.parse(await readFile(join(NARRATION, 'timing.json'), 'utf8')) as {
    tracks: { de: { duration: number; sentences: { id: string; words: [number, number][] }[] } };
  };
  const sentences = timing.tracks.de.sentences.map((s) => {
    const t = text.get(s.id)!;
    if (splitWords(t).length !== s.words.length) throw new Error(`${s.id}: words and timings differ`);
    return { id: s.id, text: t, words: s.words };
  });
  return { sentences, duration: timing.tracks.de.duration };
}

export function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The narration sped up by `tempo`, pink noise mixed in, as MP3. */
export function fastNoisyNarration(dir: string, tempo: number): string {
  const out = join(dir, `narration-x${tempo}-noisy.mp3`);
  if (!existsSync(out)) {
    ffmpeg([
      '-i', join(NARRATION, 'de.mp3'),
      '-filter_complex', `[0:a]atempo=${tempo},aresample=22050[s];anoisesrc=color=pink:amplitude=0.02:sample_rate=22050:duration=3600[n];[s][n]amix=inputs=2:duration=first:normalize=0`,
      '-ac', '1', '-b:a', '64k', out,
    ]);
  }
  return out;
}

/** The narration repeated `times` times, as one MP3. */
export async function repeatedNarration(dir: string, times: number): Promise<string> {
  const out = join(dir, `narration-repeated-${times}.mp3`);
  if (!existsSync(out)) {
    const list = join(dir, `list-${times}.txt`);
    await writeFile(list, Array.from({ length: times }, () => `file '${join(NARRATION, 'de.mp3')}'`).join('\n'));
    ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', out]);
  }
  return out;
}
