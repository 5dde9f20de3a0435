// Sentence boundaries from DTW drift where the recording's silence is not the reference's silence:
// eSpeak's pauses are digital zero, a recording's are room noise, so DTW happily gives half a
// second of noise to a neighbouring word. Readers pause between sentences, so each boundary is moved
// to the nearest edge of a pause (a run of quiet frames) close to where DTW put it; where there is
// no clear pause nearby it stays as it was. "Quiet" is relative to this recording's own noise floor.

const FRAME = 0.01;
const MIN_PAUSE = 0.12;
// How far a start may move either way; an end moves mostly later (DTW tends to end a sentence
// early, handing its last sound to the pause), only a little earlier.
const START_REACH = 0.6;
const END_EARLIER = 0.15;
const END_LATER = 0.5;

export interface Loudness {
  db: Float32Array;
  threshold: number;
}

export function loudness(audio: Float32Array, rate: number): Loudness {
  const hop = Math.round(FRAME * rate);
  const n = Math.floor(audio.length / hop);
  const db = new Float32Array(n);
  for (let f = 0; f < n; f++) {
    let sum = 0;
    for (let i = f * hop; i < (f + 1) * hop; i++) sum += audio[i]! * audio[i]!;
    db[f] = 10 * Math.log10(sum / hop + 1e-12);
  }
  const sorted = Float32Array.from(db).sort();
  const floor = sorted[Math.floor(n * 0.1)] ?? -120;
  const loud = sorted[Math.floor(n * 0.95)] ?? 0;
  return { db, threshold: Math.max(floor + 6, loud - 35) };
}

function quiet(l: Loudness, f: number): boolean {
  return f < 0 || f >= l.db.length || l.db[f]! < l.threshold;
}

/** The start of speech after a pause nearest to `t` (seconds into the analysed audio), or `t`. */
export function snapStart(l: Loudness, t: number, notBefore: number, notAfter: number): number {
  const from = Math.max(Math.round((t - START_REACH) / FRAME), Math.round(notBefore / FRAME));
  const to = Math.min(Math.round((t + START_REACH) / FRAME), Math.round(notAfter / FRAME));
  const need = Math.round(MIN_PAUSE / FRAME);
  let best: number | null = null;
  let run = 0;
  for (let f = from - need; f <= to; f++) {
    if (quiet(l, f)) {
      run++;
      continue;
    }
    if (run >= need && f >= from && (best === null || Math.abs(f * FRAME - t) < Math.abs(best - t))) best = f * FRAME;
    run = 0;
  }
  return best ?? t;
}

/** The end of speech before a pause nearest to `t`, or `t`. */
export function snapEnd(l: Loudness, t: number, notBefore: number, notAfter: number): number {
  const from = Math.max(Math.round((t - END_EARLIER) / FRAME), Math.round(notBefore / FRAME));
  const to = Math.min(Math.round((t + END_LATER) / FRAME), Math.round(notAfter / FRAME));
  const need = Math.round(MIN_PAUSE / FRAME);
  let best: number | null = null;
  let run = 0;
  for (let f = to + need; f >= from; f--) {
    if (quiet(l, f)) {
      run++;
      continue;
    }
    const edge = (f + 1) * FRAME;
    if (run >= need && f <= to && (best === null || Math.abs(edge - t) < Math.abs(best - t))) best = edge;
    run = 0;
  }
  return best ?? t;
}
