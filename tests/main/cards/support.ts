// Shared set-up for the cards tests: a small edition with a synthetic narration (tones where the
// sentences are, silence between), encoded with the app's own MP3 encoder, in a temporary folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentBundle } from '../../../common/bridge/contract';
import type { Edition } from '../../../common/edition/model';
import type { TimedTranscript } from '../../../common/timing/model';
import { encodeMp3 } from '../../../main/narration/encoder';
import { smallEdition } from '../notes/helpers';

export const SAMPLE_RATE = 22050;
/** Where each sentence "speaks" (a tone) in the input audio, seconds. */
export const TONES: Record<string, [number, number]> = {
  s001: [0.5, 1.1],
  s002: [1.6, 2.5],
  s003: [3.0, 3.4],
};

export interface SyntheticNarration {
  edition: Edition;
  timing: TimedTranscript;
  /** Seconds by which decoded audio lags the input (the encoder's delay). */
  delay: number;
  library: { load(documentId: string): Promise<DocumentBundle> };
}

/** Writes <narrationDir>/<id>/de.mp3 and returns a library whose timings point at it. */
export async function syntheticNarration(narrationDir: string): Promise<SyntheticNarration> {
  const edition = smallEdition();
  const seconds = 5;
  const samples = new Float32Array(seconds * SAMPLE_RATE);
  for (const [start, end] of Object.values(TONES)) {
    for (let i = Math.round(start * SAMPLE_RATE); i < Math.round(end * SAMPLE_RATE); i++) samples[i] = 0.5 * Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE);
  }
  const encoded = await encodeMp3(samples, SAMPLE_RATE, 40);
  mkdirSync(join(narrationDir, edition.id), { recursive: true });
  writeFileSync(join(narrationDir, edition.id, 'de.mp3'), encoded.bytes);
  const sentences = edition.sentences
    .filter((s) => TONES[s.id])
    .map((s) => {
      const [start, end] = TONES[s.id]!;
      return { id: s.id, start: start + encoded.delay, end: end + encoded.delay, words: [] as [number, number][] };
    });
  const track = (lang: 'de' | 'en') => ({
    lang,
    mediaId: `${edition.id}/${lang}.mp3`,
    mimeType: 'audio/mpeg' as const,
    duration: encoded.duration,
    peaksMediaId: `${edition.id}/${lang}.peaks.json`,
    sentences,
    paragraphs: [],
    chapters: [],
  });
  const timing: TimedTranscript = { format: 1, documentId: edition.id, editionHash: 'test', tracks: { de: track('de'), en: track('en') } };
  return {
    edition,
    timing,
    delay: encoded.delay,
    library: {
      async load(documentId: string) {
        if (documentId !== edition.id) throw new Error(`no document ${documentId}`);
        return { edition, timing, timingProblem: null };
      },
    },
  };
}

/** A minimal WebM (EBML) header: enough for the type check, not a playable file. */
export function fakeWebm(size = 64): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x1a, 0x45, 0xdf, 0xa3]);
  for (let i = 4; i < size; i++) bytes[i] = i % 251;
  return bytes;
}
