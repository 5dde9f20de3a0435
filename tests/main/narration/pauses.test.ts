import { describe, expect, it } from 'vitest';
import { pauseFor, stretchPauses } from '../../../main/narration/pauses';

const targets = { comma: 0.25, clause: 0.35 };
const SR = 1000;

/** 1 = sound, 0 = silence; one sample per millisecond. */
function signal(pattern: [number, number][]): Float32Array {
  const out: number[] = [];
  for (const [level, ms] of pattern) for (let i = 0; i < ms; i++) out.push(level === 0 ? 0 : (i % 2 === 0 ? 0.5 : -0.5));
  return Float32Array.from(out);
}

describe('pauses at punctuation', () => {
  it('knows which punctuation asks for which pause', () => {
    expect(pauseFor(', ', targets)).toBe(0.25);
    expect(pauseFor(' (', targets)).toBe(0.25);
    expect(pauseFor(': ', targets)).toBe(0.35);
    expect(pauseFor(' – ', targets)).toBe(0.35);
    expect(pauseFor(' - ', targets)).toBe(0.35);
    expect(pauseFor('… ', targets)).toBe(0.35);
    expect(pauseFor(' «', targets)).toBe(0);
    expect(pauseFor(' ', targets)).toBe(0);
  });

  it('stretches a short comma pause to the target and moves the later words', () => {
    const samples = signal([[1, 200], [0, 100], [1, 200], [0, 20], [1, 100]]);
    const words: [number, number][] = [[0, 0.2], [0.3, 0.5], [0.52, 0.62]];
    const out = stretchPauses(samples, SR, words, [', ', ' '], targets);
    expect(out.samples.length).toBe(samples.length + 150);
    expect(out.words[0]).toEqual([0, 0.2]);
    expect(out.words[1]![0]).toBeCloseTo(0.45);
    expect(out.words[2]![1]).toBeCloseTo(0.77);
    // The inserted stretch is silent and the sound after it is unchanged.
    expect(Math.max(...out.samples.subarray(200, 450).map(Math.abs))).toBe(0);
    expect(Array.from(out.samples.subarray(450))).toEqual(Array.from(samples.subarray(300)));
  });

  it('leaves long-enough pauses and sounding joins alone', () => {
    const samples = signal([[1, 200], [0, 400], [1, 200]]);
    const same = stretchPauses(samples, SR, [[0, 0.2], [0.6, 0.8]], [', '], targets);
    expect(same.samples).toBe(samples);
    // No silence between the words: nothing can be inserted without cutting sound.
    const joined = signal([[1, 400]]);
    expect(stretchPauses(joined, SR, [[0, 0.2], [0.2, 0.4]], [': '], targets).samples).toBe(joined);
  });
});
