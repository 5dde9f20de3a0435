// Audio and text that disagree: the stretch is left untimed and reported, and the rest keeps its
// times, rather than times being smeared across audio the text does not have.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignRecording } from '../../../main/alignment/index';
import { decodeFile, FIXTURE, fixtureSentences, NARRATION_MP3, startErrors, truth, writeWav } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mitlesen-align-mismatch-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const opts = () => ({ language: 'de', engineHome: join(dir, 'home') });

describe('audio and text that disagree', () => {
  it('leaves an introduction the text lacks untimed and says so', { timeout: 60_000 }, async () => {
    // 8 s of other German speech (eSpeak, from the bundled narration) before the fixture.
    const narration = await decodeFile(NARRATION_MP3, dir);
    const speech = await decodeFile(join(FIXTURE, 'speech.wav'), dir);
    const intro = 8;
    const file = await writeWav(join(dir, 'intro.wav'), [narration.subarray(0, intro * 16000), speech]);
    const result = await alignRecording({ ...opts(), audioFiles: [file], sentences: fixtureSentences, workDir: join(dir, 'w-intro') });
    const starts = result.sentences.map((s) => s.start);
    // Whatever is timed is timed right; nothing is placed inside the introduction.
    starts.forEach((s, i) => {
      if (s !== null) expect(Math.abs(s - intro - truth.sentences[i]!.start)).toBeLessThan(0.15);
    });
    expect(starts.filter((s) => s !== null).length).toBeGreaterThanOrEqual(7);
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues[0]!.start).toBeLessThan(1);
    expect(result.issues[0]!.kind).toBe('audio-without-text');
  });

  it('leaves the neighbour of a sentence missing from the text untimed and says so', { timeout: 60_000 }, async () => {
    const missing = 4; // "Das wichtigste Mittel …" is spoken but not in the text
    const sentences = fixtureSentences.filter((_, i) => i !== missing);
    const truthStarts = truth.sentences.filter((_, i) => i !== missing).map((s) => s.start);
    const result = await alignRecording({ ...opts(), audioFiles: [join(FIXTURE, 'speech.mp3')], sentences, workDir: join(dir, 'w-missing') });
    const errors = startErrors(result.sentences.map((s) => s.start), truthStarts);
    const untimed = result.sentences.filter((s) => s.start === null).map((s) => s.id);
    expect(untimed.length).toBeGreaterThanOrEqual(1);
    expect(untimed.length).toBeLessThanOrEqual(2);
    // The untimed ones are next to the gap (s4 before it, s6 after it).
    for (const id of untimed) expect(['s4', 's6']).toContain(id);
    errors.forEach((e, i) => {
      if (result.sentences[i]!.start !== null) expect(e).toBeLessThan(0.15);
    });
    expect(result.issues.some((issue) => issue.sentenceIds.some((id) => untimed.includes(id)))).toBe(true);
  });
});
