// Waveform peaks, precomputed so the player draws the waveform without decoding the audio.
// Computed from the samples before encoding but on the decoded timeline (shifted by the encoder
// delay), so the waveform lines up with what is heard.

import type { WaveformPeaks } from '../../common/timing/model';

export function computePeaks(samples: Float32Array, sampleRate: number, opts: { duration: number; delay: number; peaksPerSecond: number }): WaveformPeaks {
  const { duration, delay, peaksPerSecond } = opts;
  const buckets = Math.ceil(duration * peaksPerSecond);
  const data = new Array<number>(buckets).fill(0);
  const shift = Math.round(delay * sampleRate);
  for (let b = 0; b < buckets; b++) {
    const from = Math.max(0, Math.floor((b / peaksPerSecond) * sampleRate) - shift);
    const to = Math.min(samples.length, Math.floor(((b + 1) / peaksPerSecond) * sampleRate) - shift);
    let peak = 0;
    for (let i = from; i < to; i++) {
      const v = Math.abs(samples[i]!);
      if (v > peak) peak = v;
    }
    data[b] = Math.min(1, Math.round(peak * 100) / 100);
  }
  return { sampleRate, duration, peaksPerSecond, data };
}
