// Shared set-up for the alignment tests: the human fixture, its truth, and synthetic audio made in
// process (our own decoder and a tiny WAV writer), so the tests need no ffmpeg.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { decodeToPcm } from '../../../main/alignment/decode';
import { readPcm } from '../../../main/alignment/pcm';

export const FIXTURE = resolve(import.meta.dirname, '../../../../shared/fixtures/speech-de');
export const NARRATION_MP3 = resolve(import.meta.dirname, '../../../assets/narration/china-sieht-alles/de.mp3');

export interface Truth {
  sentences: { text: string; start: number; end: number }[];
}
export const truth = JSON.parse(readFileSync(join(FIXTURE, 'truth.json'), 'utf8')) as Truth;
export const fixtureSentences = truth.sentences.map((s, i) => ({ id: `s${i + 1}`, text: s.text }));

/** 16-bit mono PCM WAV. */
export function wav(samples: Float32Array, rate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Decodes a file to 16 kHz mono floats with the aligner's own decoder. */
export async function decodeFile(file: string, scratch: string): Promise<Float32Array> {
  const pcm = join(scratch, `${Math.random().toString(36).slice(2)}.pcm`);
  await decodeToPcm([file], pcm, () => {});
  return readPcm(pcm, 0, Number.MAX_SAFE_INTEGER);
}

export async function writeWav(path: string, parts: Float32Array[]): Promise<string> {
  const total = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    total.set(p, at);
    at += p.length;
  }
  await writeFile(path, wav(total, 16000));
  return path;
}

export function startErrors(starts: (number | null)[], truthStarts: number[], shift = 0): number[] {
  return starts.map((s, i) => (s === null ? Number.POSITIVE_INFINITY : Math.abs(s - shift - truthStarts[i]!)));
}
