// Maps the engine's word events onto the edition's words (splitWords). The player lights span i at
// timing i, so the result has exactly one [start, end] per written word, in order, whatever the
// engine did: eSpeak splits "1984" into several words, reads a respelled "USA" as three, puts the
// event for «schön» on the quote mark, and may skip or merge words. Every written word still gets
// a span: one the engine did not place shares the time of its neighbour.

import type { EngineWord } from './engine';
import type { SpokenText } from './normalize';

// Before a word, these belong to it: an event that starts on them is the next word's.
const OPENING = /[\s\p{Ps}\p{Pi}«‹„‚"'-]/u;

/** Index of the written word an engine word starting at spoken offset `p` belongs to, or -1. */
function wordAt(spoken: SpokenText, p: number): number {
  const { ranges, text } = spoken;
  for (let i = 0; i < ranges.length; i++) {
    const [s, e] = ranges[i]!;
    if (p >= s && p < e) return i;
  }
  let q = p;
  while (q < text.length && OPENING.test(text[q]!)) q++;
  const next = ranges.findIndex(([s]) => s >= p);
  if (next >= 0 && ranges[next]![0] === q) return next;
  for (let i = ranges.length - 1; i >= 0; i--) if (ranges[i]![1] <= p) return i;
  return next;
}

/**
 * Written words lying wholly inside [from, to): an engine word that merged several of them. Only
 * whole words count, because eSpeak's word lengths sometimes run into the following space or word.
 */
function wordsInside(spoken: SpokenText, from: number, to: number): number[] {
  const hits: number[] = [];
  spoken.ranges.forEach(([s, e], i) => {
    if (s >= from && e <= to) hits.push(i);
  });
  return hits;
}

/** Splits [start, end] among items in proportion to their weights. */
function split(start: number, end: number, weights: number[]): [number, number][] {
  const total = weights.reduce((a, b) => a + b, 0);
  const out: [number, number][] = [];
  let at = start;
  let acc = 0;
  for (const w of weights) {
    acc += w;
    const next = total > 0 && acc < total ? start + ((end - start) * acc) / total : end;
    out.push([at, next]);
    at = next;
  }
  return out;
}

/**
 * One [start, end] (seconds, in the engine's time) per written word of `spoken`.
 * `fallback` is the span to share out when the engine placed no word at all.
 */
export function mapWordTimes(spoken: SpokenText, engineWords: readonly EngineWord[], fallback: [number, number]): [number, number][] {
  const n = spoken.words.length;
  if (n === 0) return [];
  const weight = (i: number): number => Math.max(1, spoken.ranges[i]![1] - spoken.ranges[i]![0]);
  const spans: ([number, number] | null)[] = new Array<[number, number] | null>(n).fill(null);
  const widen = (i: number, s: number, e: number): void => {
    const cur = spans[i];
    spans[i] = cur ? [Math.min(cur[0], s), Math.max(cur[1], e)] : [s, e];
  };

  for (const ew of engineWords) {
    let targets = wordsInside(spoken, ew.textStart, ew.textEnd);
    if (targets.length < 2) {
      const i = wordAt(spoken, ew.textStart);
      if (i < 0) continue;
      targets = [i];
    }
    const parts = split(ew.start, ew.end, targets.map(weight));
    targets.forEach((t, k) => widen(t, parts[k]![0], parts[k]![1]));
  }

  if (spans.every((s) => s === null)) {
    return split(fallback[0], fallback[1], spoken.words.map((_, i) => weight(i)));
  }

  // Words the engine did not place share their neighbour's time: the previous word's, or for a
  // run at the start, the next one's.
  let i = 0;
  while (i < n) {
    if (spans[i] !== null) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && spans[j] === null) j++;
    const run = Array.from({ length: j - i }, (_, k) => i + k);
    const donor = i > 0 ? i - 1 : j;
    const members = donor < i ? [donor, ...run] : [...run, donor];
    const [s, e] = spans[donor]!;
    const parts = split(s, e, members.map(weight));
    members.forEach((m, k) => (spans[m] = parts[k]!));
    i = j;
  }

  // Spans in reading order, never overlapping: the player's binary search depends on it.
  const out: [number, number][] = [];
  let previousEnd = -Infinity;
  for (const span of spans as [number, number][]) {
    const start = Math.max(span[0], previousEnd);
    const end = Math.max(span[1], start);
    out.push([start, end]);
    previousEnd = end;
  }
  return out;
}
