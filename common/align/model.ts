// What a bead (a group of sentences on each side, paired) costs, in nats: the prior of its shape,
// how well its lengths fit (./length-cost.ts), the anchors it shares (./anchors.ts), whether both
// sides end in a question or an exclamation, and whether it respects paragraph and chapter
// boundaries. All per-sentence figures are computed once into typed arrays, because the aligner
// asks for six beads at every cell of its band.

import { buildAnchors, type AnchorTable } from './anchors';
import { lengthCost } from './length-cost';

/** A sentence to align, with where it stands in its text. */
export interface AlignUnit {
  text: string;
  /** Paragraph number; a change from the previous sentence is a paragraph boundary. */
  paragraph: number;
  /** Chapter number; a change is a chapter boundary (stronger). */
  chapter: number;
}

/** The bead shapes: sentences taken from A and from B. 1 is "1-0", 2 is "0-1". */
export const BEADS: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [2, 2],
];

// -ln of each shape's prior, after Gale and Church's counts (1-1: 0.89, 1-0 or 0-1: 0.0099,
// 2-1 or 1-2: 0.089, 2-2: 0.011), split evenly between the two directions.
const PRIOR = BEADS.map(([da, db]) => {
  if (da === 1 && db === 1) return -Math.log(0.89);
  if (da === 0 || db === 0) return -Math.log(0.0099 / 2);
  if (da === 2 && db === 2) return -Math.log(0.011);
  return -Math.log(0.089 / 2);
});

/**
 * What each further sentence of a run of unpaired ones costs (a run is opened at a 1-0 or 0-1
 * bead's prior). A translation that lacks a passage lacks it in one piece: a missing chapter is
 * one run, and charging each of its sentences the full prior made the search prefer to hide them
 * in wrong 2-1 pairs (3.1 nats each) around the gap. Still dear enough that two runs, one per
 * side, never beat ten poorly fitting 1-1 pairs.
 */
export const GAP_EXTEND = 1.5;

/**
 * What it costs to start or end a run of unpaired sentences at a boundary of this level (none,
 * paragraph, chapter) of its side. A translator skips whole paragraphs and chapters more often
 * than a sentence inside one; without this, a missing chapter could as well be found one sentence
 * early, a sentence before it taking the place of the chapter's last one.
 */
export const GAP_EDGE = [1, 0, 0];

// A shared anchor of full weight is worth this many nats: about a 1-1 bead's length misfit of
// 1.5 standard deviations, so two shared names outweigh a poor length fit, one does not.
const ANCHOR_NATS = 2.5;
// Both sides ask a question (or exclaim): evidence for the pair; only one side does: against.
const QUESTION_MATCH = 1.5;
const QUESTION_MISMATCH = 2;
const EXCLAIM_MATCH = 0.5;
const EXCLAIM_MISMATCH = 0.5;
// What crossing or missing a boundary costs, by its level (none, paragraph, chapter). Paragraphs
// are mostly kept by translators, chapters nearly always.
const BOUNDARY = [0, 3, 10];

const NO_END = 0;
const QUESTION = 1;
const EXCLAIM = 2;

function endOf(text: string): number {
  const bare = text.replace(/[\s\p{Pf}\p{Pe}\p{Pi}"'»«]+$/u, '');
  const last = bare.at(-1);
  if (last === '?' || last === '？' || last === '؟' || last === '¿') return QUESTION;
  // The Greek question mark, written as ";" (U+037E normalises to it), after Greek text.
  if ((last === ';' || last === '\u037e') && /\p{Script=Greek}/u.test(bare.slice(-3))) return QUESTION;
  if (last === '!' || last === '！' || last === '¡') return EXCLAIM;
  return NO_END;
}

function nonSpaceLength(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

interface Side {
  n: number;
  /** Prefix sums of characters, so a span's length is two look-ups. */
  cumulative: Float64Array;
  /** Boundary level before sentence i (0 none, 1 paragraph, 2 chapter); at n, 2. */
  level: Uint8Array;
  end: Uint8Array;
}

function sideOf(units: readonly AlignUnit[]): Side {
  const n = units.length;
  const cumulative = new Float64Array(n + 1);
  const level = new Uint8Array(n + 1);
  const end = new Uint8Array(n);
  units.forEach((unit, i) => {
    cumulative[i + 1] = cumulative[i]! + nonSpaceLength(unit.text);
    const previous = units[i - 1];
    level[i] = !previous || previous.chapter !== unit.chapter ? 2 : previous.paragraph !== unit.paragraph ? 1 : 0;
    end[i] = endOf(unit.text);
  });
  level[n] = 2;
  return { n, cumulative, level, end };
}

/** The highest boundary level inside a side (not counting its ends). */
function maxInnerLevel(side: Side): number {
  let max = 0;
  for (let i = 1; i < side.n; i++) max = Math.max(max, side.level[i]!);
  return max;
}

export class BeadModel {
  readonly a: Side;
  readonly b: Side;
  /** Expected characters of B per character of A, from the two texts' totals. */
  readonly ratio: number;
  private readonly anchors: AnchorTable;
  // Stamps for the shared-anchor count: a key is in the current A span when markA[key] === stamp.
  private readonly markA: Int32Array;
  private readonly markB: Int32Array;
  private stamp = 0;

  constructor(a: readonly AlignUnit[], b: readonly AlignUnit[]) {
    this.a = sideOf(a);
    this.b = sideOf(b);
    // A boundary level that only one text marks says nothing: a translation without headings
    // still has paragraphs where the original has chapters. So each side's levels are capped at
    // the highest level both texts use.
    const usable = Math.min(maxInnerLevel(this.a), maxInnerLevel(this.b));
    for (const side of [this.a, this.b]) for (let i = 1; i < side.n; i++) side.level[i] = Math.min(side.level[i]!, usable);
    const totalA = this.a.cumulative[this.a.n]!;
    const totalB = this.b.cumulative[this.b.n]!;
    this.ratio = totalA > 0 && totalB > 0 ? totalB / totalA : 1;
    this.anchors = buildAnchors(
      a.map((u) => u.text),
      b.map((u) => u.text),
    );
    this.markA = new Int32Array(this.anchors.size);
    this.markB = new Int32Array(this.anchors.size);
  }

  /** What starting or ending a run of unpaired sentences of A (side 1) or B (side 2) before sentence i costs. */
  gapEdge(side: number, i: number): number {
    return GAP_EDGE[(side === 1 ? this.a : this.b).level[i]!]!;
  }

  /** Cost of the bead of shape `BEADS[bead]` that starts before sentence i of A and j of B. */
  cost(bead: number, i: number, j: number): number {
    const [da, db] = BEADS[bead]!;
    let cost = PRIOR[bead]!;
    const { a, b } = this;
    // An unpaired sentence opens a run (a run's further sentences cost GAP_EXTEND instead).
    if (db === 0) return cost + this.gapEdge(1, i);
    if (da === 0) return cost + this.gapEdge(2, j);
    cost += lengthCost(a.cumulative[i + da]! - a.cumulative[i]!, b.cumulative[j + db]! - b.cumulative[j]!, this.ratio);
    // The bead should start on the same kind of boundary on both sides, and not run across one.
    const la = a.level[i]!;
    const lb = b.level[j]!;
    cost += Math.abs(BOUNDARY[la]! - BOUNDARY[lb]!);
    if (da === 2) cost += BOUNDARY[a.level[i + 1]!]!;
    if (db === 2) cost += BOUNDARY[b.level[j + 1]!]!;
    cost -= ANCHOR_NATS * this.shared(i, da, j, db);
    cost += this.punctuation(i, da, j, db);
    return cost;
  }

  private punctuation(i: number, da: number, j: number, db: number): number {
    const { a, b } = this;
    let endsA = a.end[i]!;
    if (da === 2) endsA |= a.end[i + 1]!;
    let endsB = b.end[j]!;
    if (db === 2) endsB |= b.end[j + 1]!;
    let cost = 0;
    const qa = (endsA & QUESTION) !== 0;
    const qb = (endsB & QUESTION) !== 0;
    if (qa && qb) cost -= QUESTION_MATCH;
    else if (qa !== qb) cost += QUESTION_MISMATCH;
    const ea = (endsA & EXCLAIM) !== 0;
    const eb = (endsB & EXCLAIM) !== 0;
    if (ea && eb) cost -= EXCLAIM_MATCH;
    else if (ea !== eb) cost += EXCLAIM_MISMATCH;
    return cost;
  }

  /** Summed weight of the anchor keys found in both spans (each key once). */
  private shared(i: number, da: number, j: number, db: number): number {
    const { startA, keysA, startB, keysB, weight } = this.anchors;
    const fromA = startA[i]!;
    const toA = startA[i + da]!;
    const fromB = startB[j]!;
    const toB = startB[j + db]!;
    if (fromA === toA || fromB === toB) return 0;
    if (this.stamp === 0x3fffffff) {
      // Never reached by a book (a billion beads), but a wrapped stamp would match stale marks.
      this.markA.fill(0);
      this.markB.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    for (let k = fromA; k < toA; k++) this.markA[keysA[k]!] = stamp;
    let sum = 0;
    for (let k = fromB; k < toB; k++) {
      const key = keysB[k]!;
      if (this.markA[key] === stamp && this.markB[key] !== stamp) {
        this.markB[key] = stamp;
        sum += weight[key]!;
      }
    }
    return sum;
  }
}
