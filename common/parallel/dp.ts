// The dynamic programme over the band (./band.ts). A cell (i, j) means "the first i sentences of A
// and the first j of B are paired"; a bead leads from one cell to another. Each cell has three
// states, by the last bead: a pair, a 1-0 or a 0-1, because a further unpaired sentence in a run
// costs less than the first (GAP_EXTEND in ./model.ts). Three sweeps:
//   1. the cheapest path (Viterbi), keeping one byte per cell and state for the way back;
//   2. and 3. the sums over all paths from the start to a cell (forward) and from a cell to the
//      end (backward), in log space, kept for three rows at a time and read at the path's cells,
//      which gives each bead of the path its posterior probability: the share of all alignments,
//      weighted by their probability, that contain that very bead. That is the confidence: near 1
//      where no other pairing comes close, low where another is nearly as good.
// Memory: three bytes per band cell plus a few rows; sweeps 2 and 3 recompute the costs rather
// than store them.

import { inBand, type Band } from './band';
import { BEADS, GAP_EXTEND, type BeadModel } from './model';

export interface PathStep {
  /** The bead starts after i sentences of A and j of B. */
  i: number;
  j: number;
  /** Index into BEADS. */
  bead: number;
  /** The state before the bead (0 after a pair, 1 after a 1-0, 2 after a 0-1). */
  from: number;
}

export type RowProgress = (rowsDone: number) => void;

const STATES = 3;
/** The state a bead leads to: 1-0 (bead 1) to 1, 0-1 (bead 2) to 2, pairs to 0. */
const STATE_AFTER = BEADS.map((_, bead) => (bead === 1 ? 1 : bead === 2 ? 2 : 0));
const NONE = 255;
const PROGRESS_EVERY = 256;

/** Whether `bead` after state `from` extends a run: a 1-0 after a 1-0, a 0-1 after a 0-1. */
function extendsRun(bead: number, from: number): boolean {
  return from !== 0 && STATE_AFTER[bead] === from;
}

/**
 * Cost of `bead` at (i, j) after state `from`, given `cost` = model.cost(bead, i, j): a run's
 * extension costs GAP_EXTEND; any other bead after a run ends the run there, at a boundary or not.
 */
function afterState(model: BeadModel, bead: number, from: number, i: number, j: number, cost: number): number {
  if (extendsRun(bead, from)) return GAP_EXTEND;
  if (from === 0) return cost;
  return cost + model.gapEdge(from, from === 1 ? i : j);
}

function stepCost(model: BeadModel, bead: number, from: number, i: number, j: number): number {
  return afterState(model, bead, from, i, j, extendsRun(bead, from) ? 0 : model.cost(bead, i, j));
}

/** Three rows of three states, reused in turn. */
class Rows {
  private readonly rows: Float64Array[];
  constructor(private readonly width: number) {
    this.rows = [0, 1, 2].map(() => new Float64Array(width * STATES));
  }
  /** Index of (column offset, state) in a row. */
  at(offset: number, state: number): number {
    return offset * STATES + state;
  }
  row(i: number): Float64Array {
    return this.rows[i % 3]!;
  }
}

function maxWidth(band: Band): number {
  let width = 0;
  for (let i = 0; i < band.rows; i++) width = Math.max(width, band.hi[i]! - band.lo[i]! + 1);
  return width;
}

/** -ln(e^-x + e^-y), without overflow. */
function softMin(x: number, y: number): number {
  if (x === Infinity) return y;
  if (y === Infinity) return x;
  return Math.min(x, y) - Math.log1p(Math.exp(-Math.abs(x - y)));
}

/**
 * One sweep from (0, 0) forward: each cell's value per state is the minimum (Viterbi) or the
 * soft minimum (sum of probabilities) over the beads that lead into it. `visit` sees each row.
 */
function sweepForward(
  model: BeadModel,
  band: Band,
  soft: boolean,
  visit: (i: number, row: Float64Array, rows: Rows, back: Uint8Array | null) => void,
  back: Uint8Array | null,
): void {
  const rows = new Rows(maxWidth(band));
  for (let i = 0; i < band.rows; i++) {
    const row = rows.row(i);
    const lo = band.lo[i]!;
    const cellBase = band.start[i]! - lo;
    for (let j = lo; j <= band.hi[i]!; j++) {
      const here = j - lo;
      for (let s = 0; s < STATES; s++) row[rows.at(here, s)] = i === 0 && j === 0 && s === 0 ? 0 : Infinity;
      if (i === 0 && j === 0) continue;
      for (let bead = 0; bead < BEADS.length; bead++) {
        const [da, db] = BEADS[bead]!;
        const pi = i - da;
        const pj = j - db;
        if (!inBand(band, pi, pj)) continue;
        const before = rows.row(pi);
        const there = pj - band.lo[pi]!;
        const to = rows.at(here, STATE_AFTER[bead]!);
        // The bead's own cost is the same whatever the state before; computed once, when needed.
        let beadCost = NaN;
        for (let from = 0; from < STATES; from++) {
          const previous = before[rows.at(there, from)]!;
          if (previous === Infinity) continue;
          if (Number.isNaN(beadCost) && !extendsRun(bead, from)) beadCost = model.cost(bead, pi, pj);
          const total = previous + afterState(model, bead, from, pi, pj, beadCost);
          if (soft) row[to] = softMin(row[to]!, total);
          else if (total < row[to]!) {
            row[to] = total;
            back![(cellBase + j) * STATES + STATE_AFTER[bead]!] = bead * STATES + from;
          }
        }
      }
    }
    visit(i, row, rows, back);
  }
}

/** The cheapest path from (0, 0) to (nA, nB), bead by bead, and its cost. */
export function cheapestPath(model: BeadModel, band: Band, progress?: RowProgress): { path: PathStep[]; cost: number } {
  const back = new Uint8Array(band.cells * STATES).fill(NONE);
  const last = band.rows - 1;
  const nB = band.hi[last]!;
  let cost = Infinity;
  let state = 0;
  sweepForward(
    model,
    band,
    false,
    (i, row, rows) => {
      if (progress && i % PROGRESS_EVERY === 0) progress(i);
      if (i !== last) return;
      for (let s = 0; s < STATES; s++) {
        const value = row[rows.at(nB - band.lo[last]!, s)]!;
        if (value < cost) {
          cost = value;
          state = s;
        }
      }
    },
    back,
  );
  const path: PathStep[] = [];
  let i = last;
  let j = nB;
  while (i > 0 || j > 0) {
    const code = back[(band.start[i]! - band.lo[i]! + j) * STATES + state]!;
    if (code === NONE) throw new Error(`alignment: cell ${i},${j} is unreachable`);
    const bead = Math.floor(code / STATES);
    const from = code % STATES;
    const [da, db] = BEADS[bead]!;
    i -= da;
    j -= db;
    path.push({ i, j, bead, from });
    state = from;
  }
  path.reverse();
  return { path, cost };
}

/**
 * The posterior probability of each bead of `path` (from the sums over all paths in the band).
 * `progress` counts the rows of both sweeps.
 */
export function posteriors(model: BeadModel, band: Band, path: readonly PathStep[], progress?: RowProgress): Float64Array {
  const last = band.rows - 1;
  const nB = band.hi[last]!;
  // The path's cells in order, each with the state the path is in there: each step's start, then the end.
  const endState = path.length > 0 ? STATE_AFTER[path.at(-1)!.bead]! : 0;
  const nodes = [...path.map((step) => [step.i, step.j, step.from] as const), [last, nB, endState] as const];
  const forward = new Float64Array(nodes.length);
  const backward = new Float64Array(nodes.length);
  let total = Infinity;

  let next = 0;
  sweepForward(
    model,
    band,
    true,
    (i, row, rows) => {
      const lo = band.lo[i]!;
      while (next < nodes.length && nodes[next]![0] === i) {
        const [, j, s] = nodes[next]!;
        forward[next++] = row[rows.at(j - lo, s)]!;
      }
      if (i === last) for (let s = 0; s < STATES; s++) total = softMin(total, row[rows.at(nB - lo, s)]!);
      if (progress && i % PROGRESS_EVERY === 0) progress(i);
    },
    null,
  );

  // Backward sums: the value of (i, j) in state s sums the paths from there to the end.
  const rows = new Rows(maxWidth(band));
  next = nodes.length - 1;
  for (let i = last; i >= 0; i--) {
    const row = rows.row(i);
    const lo = band.lo[i]!;
    for (let j = band.hi[i]!; j >= lo; j--) {
      const here = j - lo;
      const atEnd = i === last && j === nB;
      for (let s = 0; s < STATES; s++) row[rows.at(here, s)] = atEnd ? 0 : Infinity;
      if (atEnd) continue;
      for (let bead = 0; bead < BEADS.length; bead++) {
        const [da, db] = BEADS[bead]!;
        const ni = i + da;
        const nj = j + db;
        if (!inBand(band, ni, nj)) continue;
        const after = rows.row(ni)[rows.at(nj - band.lo[ni]!, STATE_AFTER[bead]!)]!;
        if (after === Infinity) continue;
        const cost = model.cost(bead, i, j);
        for (let s = 0; s < STATES; s++) {
          const at = rows.at(here, s);
          row[at] = softMin(row[at]!, afterState(model, bead, s, i, j, cost) + after);
        }
      }
    }
    while (next >= 0 && nodes[next]![0] === i) {
      const [, j, s] = nodes[next]!;
      backward[next--] = row[rows.at(j - lo, s)]!;
    }
    if (progress && i % PROGRESS_EVERY === 0) progress(band.rows + (last - i));
  }

  return Float64Array.from(path, (step, k) => {
    const log = total - forward[k]! - stepCost(model, step.bead, step.from, step.i, step.j) - backward[k + 1]!;
    return Math.min(1, Math.max(0, Math.exp(log)));
  });
}
