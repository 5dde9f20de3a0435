// The real thing on real human speech: the fixture through alignRecording (child process, WASM
// decoder, eSpeak, DTW), sentence starts against the times known by construction.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignRecording } from '../../../main/alignment/index';
import { FIXTURE, fixtureSentences, startErrors, truth } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mitlesen-align-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('alignRecording on the human fixture', () => {
  for (const file of ['speech.wav', 'speech.mp3']) {
    it(`times every sentence of ${file} within 150 ms of the truth`, { timeout: 60_000 }, async () => {
      const phases = new Set<string>();
      const result = await alignRecording({
        audioFiles: [join(FIXTURE, file)],
        sentences: fixtureSentences,
        language: 'de',
        workDir: join(dir, file),
        engineHome: join(dir, 'home'),
        onProgress: (p) => phases.add(p.phase),
      });
      expect(result.duration).toBeCloseTo(50.17, 1);
      const errors = startErrors(result.sentences.map((s) => s.start), truth.sentences.map((s) => s.start));
      expect(Math.max(...errors)).toBeLessThan(0.15);
      expect(result.sentences.every((s) => s.confidence >= 0.2)).toBe(true);
      // Words are the app's own tokens, each timed, in order, inside their sentence.
      for (const s of result.sentences) {
        for (const w of s.words) {
          expect(w.start).not.toBeNull();
          expect(w.start!).toBeGreaterThanOrEqual(s.start! - 1e-6);
          expect(w.end!).toBeLessThanOrEqual(s.end! + 1e-6);
        }
      }
      expect(result.issues).toEqual([]);
      expect([...phases]).toEqual(['decode', 'align', 'done']);
    });
  }

  it('treats several files as parts of one timeline', { timeout: 60_000 }, async () => {
    const result = await alignRecording({
      audioFiles: [join(FIXTURE, 'speech.mp3'), join(FIXTURE, 'speech.opus')],
      sentences: [...fixtureSentences, ...fixtureSentences.map((s) => ({ ...s, id: `${s.id}b` }))],
      language: 'de',
      workDir: join(dir, 'two-parts'),
      engineHome: join(dir, 'home'),
      windowSeconds: 40,
    });
    expect(result.parts.map((p) => Math.round(p.start))).toEqual([0, 50]);
    const secondPart = result.sentences.slice(10).map((s) => s.start);
    const errors = startErrors(secondPart, truth.sentences.map((s) => s.start), result.parts[1]!.start);
    expect(Math.max(...errors)).toBeLessThan(0.15);
  });
});
