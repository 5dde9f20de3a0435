// The MP3 encoder: decoded length and the position of a sound in the decoded audio, measured with
// ffmpeg, must be what the encoder module claims, so the timings can be trusted.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeMp3, MP3_DECODER_DELAY_SAMPLES, scanMp3 } from '../../../main/narration/encoder';
import { decode } from './support';

const dir = mkdtempSync(join(tmpdir(), 'mitlesen-mp3-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Silence with a 440 Hz burst starting at `at` seconds. */
function burst(seconds: number, at: number, sampleRate: number): Float32Array {
  const s = new Float32Array(Math.round(seconds * sampleRate));
  const from = Math.round(at * sampleRate);
  for (let i = from; i < from + Math.round(0.2 * sampleRate); i++) s[i] = 0.5 * Math.sin((2 * Math.PI * 440 * (i - from)) / sampleRate);
  return s;
}

describe('MP3 encoding', () => {
  it.each([32, 40, 48] as const)('at %i kbit/s: constant bitrate, mono, decoded length and sound position as claimed', async (kbps) => {
    const sampleRate = 22050;
    const input = burst(3.3, 1.0, sampleRate);
    const audio = await encodeMp3(input, sampleRate, kbps);
    const info = scanMp3(audio.bytes);
    expect([...info.bitrates]).toEqual([kbps]);
    expect(audio.delay).toBeCloseTo(MP3_DECODER_DELAY_SAMPLES / sampleRate);

    const file = join(dir, `burst-${kbps}.mp3`);
    writeFileSync(file, audio.bytes);
    const { samples } = decode(file);
    expect(Math.abs(samples.length / sampleRate - audio.duration)).toBeLessThan(0.001);
    // The decoded audio is at most a few frames longer than the input.
    expect(audio.duration - input.length / sampleRate).toBeGreaterThan(0);
    expect(audio.duration - input.length / sampleRate).toBeLessThan(0.2);
    let onset = 0;
    while (Math.abs(samples[onset]!) < 0.05) onset++;
    expect(Math.abs(onset / sampleRate - (1.0 + audio.delay))).toBeLessThan(0.003);
  });

  it('rejects data that is not MPEG Layer III', () => {
    expect(() => scanMp3(new Uint8Array([0x49, 0x44, 0x33, 0x04]))).toThrow(/no MP3 frame/);
  });
});
