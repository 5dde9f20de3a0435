// How well a stretch of recording matches its sentence, judged against the sentence's eSpeak
// reference: both are turned into MFCC frames (mean-normalised per stretch, so the speaker's and
// the microphone's colour cancel), and the mean frame distance along the best DTW path is compared
// with the same for the reference played backwards. Reversed speech has the same sounds in the
// wrong order, so the ratio asks "are these the right sounds in the right order?", not "does this
// voice sound like eSpeak?". Matching speech scores well below 1; a stretch of other speech, music
// or noise scores near 1.
import { ALIGN_RATE } from './pcm';

const MFCC = { windowDuration: 0.05, hopDuration: 0.02, fftOrder: 1024 };
const MAX_FRAMES = 1500;
const BAND = 0.15;

async function features(audio: Float32Array): Promise<Float32Array[]> {
  if (audio.length < ALIGN_RATE * 0.06) return [];
  const { computeMFCCs, extendDefaultMfccOptions } = await import('echogarden/dist/dsp/MFCC.js');
  const frames = await computeMFCCs({ audioChannels: [audio], sampleRate: ALIGN_RATE }, extendDefaultMfccOptions({ ...MFCC, zeroFirstCoefficient: true }), { logLevel: 'warning' });
  const step = Math.max(1, Math.ceil(frames.length / MAX_FRAMES));
  const kept = frames.filter((_, i) => i % step === 0).map((f) => Float32Array.from(f));
  const dims = kept[0]?.length ?? 0;
  const mean = new Float32Array(dims);
  for (const f of kept) for (let d = 0; d < dims; d++) mean[d]! += f[d]! / kept.length;
  for (const f of kept) for (let d = 0; d < dims; d++) f[d]! -= mean[d]!;
  return kept;
}

function distance(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 1; d < a.length; d++) {
    const x = a[d]! - b[d]!;
    s += x * x;
  }
  return Math.sqrt(s);
}

/** Mean frame distance along the best monotonic path from start to end. */
function dtwMeanCost(a: Float32Array[], b: Float32Array[]): number {
  const n = a.length;
  const m = b.length;
  let prev = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
  let prevLen = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  let curLen = new Float64Array(m + 1);
  prev[0] = 0;
  for (let i = 1; i <= n; i++) {
    cur.fill(Number.POSITIVE_INFINITY);
    if (i === 1) cur[0] = Number.POSITIVE_INFINITY;
    curLen.fill(0);
    // A band around the diagonal: the stretch was already placed by the aligner, so only modest
    // warping is fair, and a band keeps reversed speech from being warped into a good match.
    const centre = (i / n) * m;
    const lo = Math.max(1, Math.floor(centre - BAND * m));
    const hi = Math.min(m, Math.ceil(centre + BAND * m));
    for (let j = lo; j <= hi; j++) {
      const c = distance(a[i - 1]!, b[j - 1]!);
      let best = prev[j - 1]!;
      let len = prevLen[j - 1]!;
      if (prev[j]! < best) {
        best = prev[j]!;
        len = prevLen[j]!;
      }
      if (cur[j - 1]! < best) {
        best = cur[j - 1]!;
        len = curLen[j - 1]!;
      }
      cur[j] = best + c;
      curLen[j] = len + 1;
    }
    [prev, cur] = [cur, prev];
    [prevLen, curLen] = [curLen, prevLen];
  }
  return prev[m]! / Math.max(1, prevLen[m]!);
}

/** Ratio of matched to reversed-reference cost: about 0.6-0.8 for the right speech, near 1 for anything else. */
export async function matchScore(source: Float32Array, reference: Float32Array): Promise<number> {
  const s = await features(source);
  const r = await features(reference);
  if (s.length < 3 || r.length < 3) return 1;
  const matched = dtwMeanCost(s, r);
  const reversed = dtwMeanCost(s, [...r].reverse());
  return reversed > 0 ? matched / reversed : 1;
}

/**
 * Confidence 0..1 from the sentence's match score relative to the recording's typical score, as a
 * share of the way from typical to "no match" (1): a noisy recording or another voice matches
 * eSpeak worse everywhere, which says nothing about the alignment, and eSpeak against itself
 * matches far better everywhere. Then its duration relative to eSpeak's, against the recording's
 * typical ratio: a sentence given twice the time it needs has swallowed audio the text lacks (an
 * introduction, a missing sentence); one given half has been squeezed past audio that lacks it.
 * Calibrated on the human fixture (aligned sentences up to about 0.5 of the way, swallowed stretches
 * 0.7 and more, with duration ratios above 1.5) and on the eSpeak narration.
 */
export function confidenceOf(score: number, typicalScore: number, durationRatio: number, typicalRatio: number): number {
  const way = (score - typicalScore) / Math.max(0.05, 1 - typicalScore);
  const spectral = Math.min(1, Math.max(0, 1 - (way - 0.3) / 0.5));
  const r = durationRatio / typicalRatio;
  const timing = r > 2.2 || r < 0.45 ? 0.2 : r > 1.5 || r < 0.6 ? 0.5 : 1;
  return Math.round(spectral * timing * 100) / 100;
}

export const TRUSTED = 0.5;
