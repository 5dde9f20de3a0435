// What a bead (a group of sentences on each side, paired) costs, in nats: the prior of its shape,
// how well its lengths fit (./length-cost.ts), the anchors it shares (./anchors.ts), whether both
// sides end in a question or an exclamation, and whether it respects paragraph and chapter
// boundaries. All per-sentence figures are computed once into typed arrays, because the aligner
// asks for six beads at every cell of its band.

import { anchorKeys, buildAnchors, type AnchorTable } from './anchors';
import { GALE_CHURCH_VARIANCE, lengthCost } from './length-cost';

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
 * paragraph, chapter) of its side. A translator skips whole chapters more often than paragraphs,
 * and paragraphs more often than a sentence inside one; without this, a missing chapter could as well be found one sentence
 * early, a sentence before it taking the place of the chapter's last one.
 */
export const GAP_EDGE = [1, 0.5, 0];

// A shared anchor of full weight is worth this many nats: about a 1-1 bead's length misfit of
// 1.5 standard deviations, so two shared names outweigh a poor length fit, one does not.
const ANCHOR_NATS = 2.5;
// A number on one side of a pair and not on the other: numbers are kept in translation, so this
// is evidence against the pair (and what tells "12, 45, 78" from "12, 78" when lengths cannot).
const NUMBER_MISMATCH = 3;
// How many pairs of Gale and Church's variance the fitted variance is mixed with: a short text
// gives too few pairs to trust their spread alone. The fitted variance never goes below 1
// (a careful translation, such as the bundled interview, comes close to it).
const VARIANCE_PRIOR_PAIRS = 5;
const MIN_VARIANCE = 1;
// The median of a chi-square variable with one degree of freedom: the median of delta^2 over the
// pairs, divided by it, estimates the variance, unmoved by the few pairs that are wrong.
const CHI2_MEDIAN = 0.4549;
// -ln of the shares of the two parts of the length mixture (see lengthFit).
const WIDE_SHARE = -Math.log(0.05);
const SHARP_SHARE = -Math.log(0.95);

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

function numberCount(text: string): number {
  return anchorKeys(text).filter((key) => key.startsWith('#')).length;
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
  /** How many distinct numbers each sentence holds. */
  numbers: Uint8Array;
}

function sideOf(units: readonly AlignUnit[]): Side {
  const n = units.length;
  const cumulative = new Float64Array(n + 1);
  const level = new Uint8Array(n + 1);
  const end = new Uint8Array(n);
  const numbers = new Uint8Array(n);
  units.forEach((unit, i) => {
    numbers[i] = Math.min(255, numberCount(unit.text));
    cumulative[i + 1] = cumulative[i]! + nonSpaceLength(unit.text);
    const previous = units[i - 1];
    level[i] = !previous || previous.chapter !== unit.chapter ? 2 : previous.paragraph !== unit.paragraph ? 1 : 0;
    end[i] = endOf(unit.text);
  });
  level[n] = 2;
  return { n, cumulative, level, end, numbers };
}

/** The highest boundary level inside a side (not counting its ends). */
function maxInnerLevel(side: Side): number {
  let max = 0;
  for (let i = 1; i < side.n; i++) max = Math.max(max, side.level[i]!);
  return max;
}

const NOTHING_SHARED = { weight: 0, numbers: 0 };

export class BeadModel {
  readonly a: Side;
  readonly b: Side;
  /** Expected characters of B per character of A, from the two texts' totals (then from the pairs found). */
  ratio: number;
  /** Variance of the length difference per character (Gale and Church's, then fitted to the pairs found). */
  variance = GALE_CHURCH_VARIANCE;
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
    cost += this.lengthFit(a.cumulative[i + da]! - a.cumulative[i]!, b.cumulative[j + db]! - b.cumulative[j]!);
    // The bead should start on the same kind of boundary on both sides, and not run across one.
    // The start of a text matches any boundary: a translation may begin in the middle of the original.
    if (i > 0 && j > 0) cost += Math.abs(BOUNDARY[a.level[i]!]! - BOUNDARY[b.level[j]!]!);
    if (da === 2) cost += BOUNDARY[a.level[i + 1]!]!;
    if (db === 2) cost += BOUNDARY[b.level[j + 1]!]!;
    const shared = this.shared(i, da, j, db);
    cost -= ANCHOR_NATS * shared.weight;
    let numbers = a.numbers[i]! + b.numbers[j]!;
    if (da === 2) numbers += a.numbers[i + 1]!;
    if (db === 2) numbers += b.numbers[j + 1]!;
    cost += NUMBER_MISMATCH * Math.max(0, numbers - 2 * shared.numbers);
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

  /**
   * The length cost under a mixture: mostly the fitted variance, with a share of Gale and Church's
   * wider one. A fitted variance alone is sharp (about 1 for the interview), and its tails, which
   * grow with the square of the misfit, made one freely translated sentence look worse than a
   * wrong 2-2 pair around it.
   */
  private lengthFit(la: number, lb: number): number {
    const sharp = lengthCost(la, lb, this.ratio, this.variance) + SHARP_SHARE;
    if (this.variance >= GALE_CHURCH_VARIANCE) return sharp - SHARP_SHARE;
    const wide = lengthCost(la, lb, this.ratio, GALE_CHURCH_VARIANCE) + WIDE_SHARE;
    const low = Math.min(sharp, wide);
    return low - Math.log1p(Math.exp(-Math.abs(sharp - wide)));
  }

  /**
   * Re-estimates the length ratio and variance from the 1-1 pairs of a path found with the
   * present ones: translators differ, and Gale and Church's variance (from parliamentary
   * proceedings) is several times what a careful translation shows, which made two sentences
   * joined look about as likely as one sentence missing.
   */
  fitLengths(pairs: readonly { i: number; j: number; da: number; db: number }[]): void {
    const lengths: [number, number][] = [];
    for (const { i, j, da, db } of pairs) {
      if (da !== 1 || db !== 1) continue;
      const la = this.a.cumulative[i + 1]! - this.a.cumulative[i]!;
      const lb = this.b.cumulative[j + 1]! - this.b.cumulative[j]!;
      if (la > 0 && lb > 0) lengths.push([la, lb]);
    }
    if (lengths.length === 0) return;
    const ratio = lengths.reduce((sum, [, lb]) => sum + lb, 0) / lengths.reduce((sum, [la]) => sum + la, 0);
    const spread = lengths
      .map(([la, lb]) => (la - lb / ratio) ** 2 / ((la + lb / ratio) / 2))
      .sort((x, y) => x - y);
    const fitted = spread[Math.floor(spread.length / 2)]! / CHI2_MEDIAN;
    const mixed = (VARIANCE_PRIOR_PAIRS * GALE_CHURCH_VARIANCE + lengths.length * fitted) / (VARIANCE_PRIOR_PAIRS + lengths.length);
    this.ratio = ratio;
    this.variance = Math.max(MIN_VARIANCE, mixed);
  }

  /** Summed weight of the anchor keys found in both spans (each key once), and how many of them are numbers. */
  private shared(i: number, da: number, j: number, db: number): { weight: number; numbers: number } {
    const { startA, keysA, startB, keysB, weight, isNumber } = this.anchors;
    const fromA = startA[i]!;
    const toA = startA[i + da]!;
    const fromB = startB[j]!;
    const toB = startB[j + db]!;
    if (fromA === toA || fromB === toB) return NOTHING_SHARED;
    if (this.stamp === 0x3fffffff) {
      // Never reached by a book (a billion beads), but a wrapped stamp would match stale marks.
      this.markA.fill(0);
      this.markB.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    for (let k = fromA; k < toA; k++) this.markA[keysA[k]!] = stamp;
    let sum = 0;
    let numbers = 0;
    for (let k = fromB; k < toB; k++) {
      const key = keysB[k]!;
      if (this.markA[key] === stamp && this.markB[key] !== stamp) {
        this.markB[key] = stamp;
        sum += weight[key]!;
        numbers += isNumber[key]!;
      }
    }
    return { weight: sum, numbers };
  }
}
