// Streaming resampler (windowed sinc, polyphase table) so a long recording is converted to the
// aligner's rate piece by piece as it is decoded, never held whole. The low-pass sits just under
// the lower Nyquist frequency: aliasing from 44.1 kHz into 16 kHz would blur the MFCC features
// the DTW compares.

const PHASES = 512;
const ZERO_CROSSINGS = 16;

export class StreamResampler {
  private readonly step: number;
  private readonly half: number;
  private readonly table: Float32Array;
  private readonly taps: number;
  private buffer = new Float32Array(0);
  /** Absolute input index of buffer[0]. */
  private bufferStart = 0;
  /** Absolute index of the next output sample. */
  private nextOut = 0;
  private inputSeen = 0;

  constructor(
    readonly inRate: number,
    readonly outRate: number,
  ) {
    this.step = inRate / outRate;
    const cutoff = Math.min(1, outRate / inRate) * 0.94;
    this.half = Math.ceil(ZERO_CROSSINGS / cutoff);
    this.taps = 2 * this.half;
    // table[p * taps + k]: weight of input (floor(t) - half + 1 + k) for fractional position p / PHASES.
    this.table = new Float32Array((PHASES + 1) * this.taps);
    for (let p = 0; p <= PHASES; p++) {
      const frac = p / PHASES;
      let sum = 0;
      for (let k = 0; k < this.taps; k++) {
        const x = k - this.half + 1 - frac;
        const w = 0.5 + 0.5 * Math.cos((Math.PI * x) / (this.half + 1));
        const s = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
        const v = s * w;
        this.table[p * this.taps + k] = v;
        sum += v;
      }
      for (let k = 0; k < this.taps; k++) this.table[p * this.taps + k]! /= sum;
    }
  }

  push(input: Float32Array): Float32Array {
    if (this.inRate === this.outRate) return input.slice();
    this.inputSeen += input.length;
    const joined = new Float32Array(this.buffer.length + input.length);
    joined.set(this.buffer);
    joined.set(input, this.buffer.length);
    this.buffer = joined;
    return this.drain(false);
  }

  /** The last samples, reading zeros past the end. */
  flush(): Float32Array {
    if (this.inRate === this.outRate) return new Float32Array(0);
    return this.drain(true);
  }

  private drain(final: boolean): Float32Array {
    const end = this.bufferStart + this.buffer.length;
    const total = final ? Math.floor((this.inputSeen * this.outRate) / this.inRate) : Number.POSITIVE_INFINITY;
    const out: number[] = [];
    for (;;) {
      if (this.nextOut >= total) break;
      const t = this.nextOut * this.step;
      const base = Math.floor(t);
      if (!final && base + this.half >= end) break;
      const phase = Math.round((t - base) * PHASES);
      const row = phase * this.taps;
      let acc = 0;
      const first = base - this.half + 1 - this.bufferStart;
      for (let k = 0; k < this.taps; k++) {
        const i = first + k;
        if (i >= 0 && i < this.buffer.length) acc += this.buffer[i]! * this.table[row + k]!;
      }
      out.push(acc);
      this.nextOut++;
    }
    // Keep only the history the next output still needs.
    const keepFrom = Math.max(this.bufferStart, Math.floor(this.nextOut * this.step) - this.half);
    this.buffer = this.buffer.slice(keepFrom - this.bufferStart);
    this.bufferStart = keepFrom;
    return Float32Array.from(out);
  }
}

/** Averages the channels: the aligner wants one. */
export function downmix(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const n = channels[0]?.length ?? 0;
  const out = new Float32Array(n);
  for (const ch of channels) for (let i = 0; i < n; i++) out[i]! += ch[i]! / channels.length;
  return out;
}
