// Test helpers for the narration: decoding with Debian's ffmpeg (a test tool, never used by the
// app) and a pitch estimate to tell voices apart.

import { execFileSync } from 'node:child_process';

export function decode(file: string): { samples: Float32Array; sampleRate: number } {
  let pcm: Buffer;
  try {
    pcm = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'f32le', '-ac', '1', '-'], { maxBuffer: 1 << 30 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('these tests decode the narration with ffmpeg: install it (apt-get install ffmpeg; .ci/run does)');
    }
    throw error;
  }
  const probe = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=sample_rate', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  const copy = new Uint8Array(pcm.byteLength);
  copy.set(pcm);
  return { samples: new Float32Array(copy.buffer), sampleRate: Number(probe.trim()) };
}

/**
 * Median fundamental frequency (Hz) of the voiced frames in samples[from, to), by normalized
 * autocorrelation over 40 ms frames: a frame is voiced when it is loud enough and its best lag
 * in the 60..400 Hz range correlates above 0.6. The first lag nearly as good as the best wins, against octave errors.
 */
export function medianF0(samples: Float32Array, sampleRate: number, from = 0, to = samples.length): { f0: number; voicedFrames: number } {
  const frame = Math.round(0.04 * sampleRate);
  const hop = Math.round(0.01 * sampleRate);
  const minLag = Math.floor(sampleRate / 400);
  const maxLag = Math.ceil(sampleRate / 60);
  const estimates: number[] = [];
  for (let start = Math.max(0, from); start + frame + maxLag <= Math.min(to, samples.length); start += hop) {
    let energy = 0;
    for (let i = start; i < start + frame; i++) energy += samples[i]! * samples[i]!;
    if (Math.sqrt(energy / frame) < 0.02) continue;
    const r: number[] = [];
    for (let lag = minLag; lag <= maxLag; lag++) {
      let num = 0;
      let e2 = 0;
      for (let i = start; i < start + frame; i++) {
        num += samples[i]! * samples[i + lag]!;
        e2 += samples[i + lag]! * samples[i + lag]!;
      }
      r.push(num / Math.sqrt(energy * e2 + 1e-12));
    }
    const best = Math.max(...r);
    if (best < 0.6) continue;
    // The first peak nearly as high as the best: multiples of the period correlate as well.
    const k = r.findIndex((v, i) => v >= 0.9 * best && (r[i + 1] ?? -Infinity) <= v && (r[i - 1] ?? -Infinity) <= v);
    estimates.push(sampleRate / (minLag + (k >= 0 ? k : r.indexOf(best))));
  }
  estimates.sort((a, b) => a - b);
  return { f0: estimates[Math.floor(estimates.length / 2)] ?? 0, voicedFrames: estimates.length };
}
