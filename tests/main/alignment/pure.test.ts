// The pure pieces: resampling, window planning, MP3 frame walking, issue wording.
import { describe, expect, it } from 'vitest';
import { acceptWindow, initialCursor, planWindow } from '../../../main/alignment/chunks';
import { findIssues } from '../../../main/alignment/issues';
import { Mp3FrameChecker, parseFrameHeader } from '../../../main/alignment/mp3-frames';
import { StreamResampler } from '../../../main/alignment/resample';

function tone(freq: number, rate: number, seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => Math.sin((2 * Math.PI * freq * i) / rate));
}
const rms = (a: Float32Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);

describe('StreamResampler', () => {
  it('gives the same samples whatever the chunking, keeps a tone and removes what would alias', () => {
    const input = tone(1000, 44100, 1);
    const whole = new StreamResampler(44100, 16000);
    const a = Float32Array.from([...whole.push(input), ...whole.flush()]);
    const pieces = new StreamResampler(44100, 16000);
    const b: number[] = [];
    for (let i = 0; i < input.length; i += 777) b.push(...pieces.push(input.subarray(i, i + 777)));
    b.push(...pieces.flush());
    expect(a.length).toBe(16000);
    expect(b.length).toBe(16000);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-6);
    expect(rms(a.subarray(1000, 15000))).toBeCloseTo(Math.SQRT1_2, 2);
    const high = new StreamResampler(44100, 16000);
    const aliased = Float32Array.from([...high.push(tone(12000, 44100, 1)), ...high.flush()]);
    expect(rms(aliased.subarray(1000, 15000))).toBeLessThan(0.01);
  });
});

describe('window planning', () => {
  const chars = Array.from({ length: 400 }, () => 60); // 400 sentences of 60 characters, 15 chars/s
  it('gives a window the text the audio should hold, and trusts only its first part', () => {
    const cursor = initialCursor(chars, 1600);
    const w = planWindow(cursor, chars, 1600, 120);
    expect(w).toMatchObject({ audioStart: 0, audioEnd: 120, first: 0, final: false });
    expect(w.last).toBe(30); // 120 s x 15 chars/s = 1800 chars
    const placed = Array.from({ length: 30 }, (_, i) => ({ start: i * 4, end: i * 4 + 3.5, trusted: i !== 21 }));
    const { keep, next } = acceptWindow(w, placed, chars, cursor);
    // Sentences up to 21 end before the mark (90 s); 21 is untrusted, so the next window starts
    // where the last trusted one (20) ends, with sentence 21.
    expect(keep).toBe(21);
    expect(next).toMatchObject({ audio: 83.5, sentence: 21 });
  });

  it('moves on past a window where nothing matched', () => {
    const cursor = initialCursor(chars, 1600);
    const w = planWindow(cursor, chars, 1600, 120);
    const placed = Array.from({ length: 30 }, (_, i) => ({ start: null, end: i * 4 + 3.5, trusted: false }));
    const { keep, next } = acceptWindow(w, placed, chars, cursor);
    expect(keep).toBe(22);
    expect(next.audio).toBe(90);
  });

  it('takes all that is left in the last window', () => {
    const w = planWindow({ audio: 1500, sentence: 380, charsPerSecond: 15 }, chars, 1600, 120);
    expect(w).toMatchObject({ audioEnd: 1600, first: 380, last: 400, final: true });
  });
});

describe('MP3 frames', () => {
  // MPEG-1 layer III, 128 kbit/s, 44.1 kHz, no padding: 417 bytes a frame.
  const header = [0xff, 0xfb, 0x90, 0x00];
  const frame = () => Uint8Array.from({ length: 417 }, (_, i) => (i < 4 ? header[i]! : 0));
  const file = (frames: number) => {
    const out = new Uint8Array(417 * frames);
    for (let f = 0; f < frames; f++) out.set(frame(), f * 417);
    return out;
  };
  it('reads a header', () => {
    expect(parseFrameHeader(frame(), 0)).toEqual({ length: 417, samples: 1152, sampleRate: 44100 });
  });
  it('tells a whole file, a cut one and one with garbage inside', () => {
    const whole = file(10);
    const ok = new Mp3FrameChecker();
    ok.push(whole);
    expect(ok.end(whole.length)).toMatchObject({ frames: 10, missingBytes: 0, garbageBytes: 0 });
    const cut = new Mp3FrameChecker();
    cut.push(whole.subarray(0, 417 * 6 + 100));
    expect(cut.end(417 * 6 + 100).missingBytes).toBe(317);
    const damaged = new Uint8Array(whole);
    damaged.fill(0x55, 417 * 3, 417 * 5);
    const bad = new Mp3FrameChecker();
    bad.push(damaged.subarray(0, 1000));
    bad.push(damaged.subarray(1000));
    expect(bad.end(damaged.length)).toMatchObject({ garbageBytes: 834, firstGarbageAt: 417 * 3 });
  });
});

describe('issues', () => {
  const inputs = [1, 2, 3, 4].map((n) => ({ id: `s${n}`, text: 'x'.repeat(60) }));
  const timed = (id: string, start: number, end: number) => ({ id, start, end, confidence: 1, words: [] });
  const untimed = (id: string) => ({ id, start: null, end: null, confidence: 0, words: [] });
  it('calls a long untimed stretch before the text audio without text, and a squeezed one text without audio', () => {
    const intro = findIssues(inputs, [untimed('s1'), timed('s2', 20, 24), timed('s3', 24, 28), timed('s4', 28, 32)], 32, 15);
    expect(intro).toEqual([expect.objectContaining({ kind: 'audio-without-text', sentenceIds: ['s1'], start: 0, end: 20 })]);
    const squeezed = findIssues(inputs, [timed('s1', 0, 4), untimed('s2'), untimed('s3'), timed('s4', 4.5, 8)], 8, 15);
    expect(squeezed).toEqual([expect.objectContaining({ kind: 'text-without-audio', sentenceIds: ['s2', 's3'] })]);
  });
  it('reports a long gap between timed sentences even when none is untimed', () => {
    const gap = findIssues(inputs, [timed('s1', 0, 4), timed('s2', 30, 34), timed('s3', 34, 38), timed('s4', 38, 42)], 42, 15);
    expect(gap).toEqual([expect.objectContaining({ kind: 'audio-without-text', sentenceIds: [], start: 4, end: 30 })]);
  });
});
