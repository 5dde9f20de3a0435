// Waveform peaks for a generated track (WaveformPeaks, common/timing/model.ts, the shape
// main/narration/peaks.ts writes). The audio is silence, whose true peaks are all zero and would
// show nothing; these follow the timings instead (a level while a word is heard, nothing in the
// pauses), so the waveform view has words, pauses and chapter breaks to draw and test against.
// Two peaks a second keep 15 hours at about 100,000 values (some 500 kB of JSON); the narration
// build writes 100 a second for a 16-minute interview.

import type { NarrationTrack, WaveformPeaks } from '../../../common/timing/model';
import type { Random } from './random';

export const GENERATED_PEAKS_PER_SECOND = 2;

export function generatePeaks(track: NarrationTrack, sampleRate: number, random: Random, peaksPerSecond = GENERATED_PEAKS_PER_SECOND): WaveformPeaks {
  const buckets = Math.ceil(track.duration * peaksPerSecond);
  const data = new Array<number>(buckets).fill(0);
  for (const sentence of track.sentences) {
    for (const [start, end] of sentence.words) {
      const from = Math.floor(start * peaksPerSecond);
      const to = Math.min(buckets - 1, Math.floor(end * peaksPerSecond));
      for (let b = from; b <= to; b++) data[b] = Math.max(data[b]!, Math.round((0.25 + random.next() * 0.6) * 100) / 100);
    }
  }
  return { sampleRate, duration: track.duration, peaksPerSecond, data };
}
