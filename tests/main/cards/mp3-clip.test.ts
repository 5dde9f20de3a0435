// Sentence clips cut from the narration by whole MP3 frames: the cut is where the timings say, to a
// frame, and a decoder (ffmpeg) hears the sentence at the same place in the clip as in the whole.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cutMp3, mp3Layout, PAD_AFTER, PAD_BEFORE, RESERVOIR_FRAMES } from '../../../main/cards/mp3-clip';
import { decode } from '../narration/support';
import { tempDir } from '../notes/helpers';
import { SAMPLE_RATE, syntheticNarration, TONES } from './support';
import { readFileSync } from 'node:fs';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir('mitlesen-clip-');
});
afterEach(() => temp.remove());

/** The first and last sample louder than a threshold (the tone), in seconds. */
function loudSpan(samples: Float32Array, sampleRate: number): [number, number] {
  let first = -1;
  let last = -1;
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i]!) > 0.2) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return [first / sampleRate, last / sampleRate];
}

describe('MP3 clips', () => {
  it('walks the frames of the narration format: 576 samples at 22 050 Hz, 130 or 131 bytes', async () => {
    await syntheticNarration(temp.dir);
    const bytes = new Uint8Array(readFileSync(join(temp.dir, 'small-interview', 'de.mp3')));
    const layout = mp3Layout(bytes);
    expect(layout.samplesPerFrame).toBe(576);
    expect(layout.sampleRate).toBe(SAMPLE_RATE);
    const sizes = new Set(layout.offsets.slice(1).map((end, i) => end - layout.offsets[i]!));
    expect([...sizes].every((size) => size === 130 || size === 131)).toBe(true);
    expect(() => mp3Layout(bytes.slice(1))).toThrow(/no MP3 frame at byte 0/);
  });

  it('cuts the frames of a sentence; ffmpeg hears the sentence where the timings put it, within a frame', async () => {
    const narration = await syntheticNarration(temp.dir);
    const file = join(temp.dir, 'small-interview', 'de.mp3');
    const bytes = new Uint8Array(readFileSync(file));
    const whole = decode(file);
    for (const timed of narration.timing.tracks.de!.sentences) {
      const clip = cutMp3(bytes, timed.start, timed.end);
      const frame = 576 / SAMPLE_RATE;
      // Frame-aligned, starting before the sentence by the padding and the reservoir frames.
      expect(clip.from / frame).toBeCloseTo(Math.round(clip.from / frame), 9);
      expect(timed.start - clip.from).toBeGreaterThanOrEqual(PAD_BEFORE);
      expect(timed.start - clip.from).toBeLessThan(PAD_BEFORE + (RESERVOIR_FRAMES + 1) * frame + 1e-9);
      expect(clip.from + clip.duration - timed.end).toBeGreaterThanOrEqual(Math.min(PAD_AFTER, whole.samples.length / SAMPLE_RATE - timed.end) - 1e-9);
      const out = join(temp.dir, `${timed.id}.mp3`);
      writeFileSync(out, clip.bytes);
      const decoded = decode(out);
      expect(decoded.samples.length).toBe(Math.round(clip.duration * SAMPLE_RATE));
      const [onset, offset] = loudSpan(decoded.samples, decoded.sampleRate);
      const [input0, input1] = TONES[timed.id]!;
      // In the clip the tone starts and ends where the timings say (clip time = narration time − from).
      expect(Math.abs(onset + clip.from - (input0 + narration.delay))).toBeLessThan(0.03);
      expect(Math.abs(offset + clip.from - (input1 + narration.delay))).toBeLessThan(0.03);
      // And the clip's samples are the whole narration's, except in the first frames (the reservoir).
      const skip = (RESERVOIR_FRAMES + 1) * 576;
      const start = Math.round(clip.from * SAMPLE_RATE);
      let worst = 0;
      for (let i = skip; i < decoded.samples.length; i++) worst = Math.max(worst, Math.abs(decoded.samples[i]! - whole.samples[start + i]!));
      expect(worst).toBeLessThan(1e-3);
    }
  });
});
