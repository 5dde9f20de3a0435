// Sentence alignment of a text and its translation, offline and without a dictionary: a
// Gale-Church length model strengthened by anchors (./model.ts), searched in a band around the
// line of equal progress (./band.ts, ./dp.ts), the band widened until the best path keeps clear
// of its edges; the length model is then fitted to the pairs found and the search run again. Each pair gets a confidence (its posterior probability); pairs below a threshold
// are marked uncertain, for a learner to check. Pure: no Node, no DOM.

import { makeBand, type Band } from './band';
import { cheapestPath, posteriors, type PathStep } from './dp';
import { BEADS, BeadModel, type AlignUnit } from './model';

export type { AlignUnit } from './model';

export interface AlignedPair {
  /** Indexes of the sentences of A in this pair (0, 1 or 2 of them, consecutive). */
  a: number[];
  /** Indexes of the sentences of B. */
  b: number[];
  /** Probability (0 to 1) that this pair is right, given the model. */
  confidence: number;
  /** True when the confidence is below the threshold: worth a look. */
  uncertain: boolean;
}

export interface AlignProgress {
  stage: 'pairing' | 'confidence';
  /** 0 to 1 within the stage; pairing may start over with a wider band. */
  fraction: number;
}

export interface AlignOptions {
  /** Pairs with a lower confidence are marked uncertain (default 0.5: more likely wrong than right). */
  uncertainBelow?: number;
  /** Half-width of the first band, in sentences (default 32). */
  initialBand?: number;
  /** The band is not widened past this many cells (one byte each; default 64 million). */
  maxCells?: number;
  onProgress?: (progress: AlignProgress) => void;
}

export interface Alignment {
  pairs: AlignedPair[];
  /** Indexes into `pairs` of the uncertain ones, in order. */
  uncertain: number[];
  /** The band the path was found in: its half-width and number of cells. */
  band: { halfWidth: number; cells: number };
}

export const DEFAULT_UNCERTAIN_BELOW = 0.5;

/** The path comes this close to the band's edge (in sentences) and the band is widened. */
function edgeMargin(halfWidth: number): number {
  return Math.max(4, Math.floor(halfWidth / 4));
}

function touchesEdge(band: Band, path: readonly PathStep[], nB: number): boolean {
  const margin = edgeMargin(band.halfWidth);
  return path.some(({ i, j }) => (band.lo[i]! > 0 && j - band.lo[i]! < margin) || (band.hi[i]! < nB && band.hi[i]! - j < margin));
}

function trivial(a: readonly AlignUnit[], b: readonly AlignUnit[]): Alignment {
  // One side empty: every sentence of the other is unpaired, and certainly so.
  const pairs: AlignedPair[] = [
    ...a.map((_, i) => ({ a: [i], b: [], confidence: 1, uncertain: false })),
    ...b.map((_, j) => ({ a: [], b: [j], confidence: 1, uncertain: false })),
  ];
  return { pairs, uncertain: [], band: { halfWidth: 0, cells: 0 } };
}

/**
 * The cheapest path in a band of `halfWidth`, widened while the path runs along an edge (the best
 * path may lie outside), as long as the band can still grow and stays within `maxCells`.
 */
function search(model: BeadModel, nB: number, halfWidth: number, maxCells: number, progress?: (done: number) => void): { band: Band; found: ReturnType<typeof cheapestPath> } {
  let band = makeBand(model.a.cumulative, model.b.cumulative, halfWidth);
  let found = cheapestPath(model, band, progress);
  while (touchesEdge(band, found.path, nB) && band.halfWidth < Math.max(model.a.n, nB)) {
    const wider = makeBand(model.a.cumulative, model.b.cumulative, band.halfWidth * 2);
    if (wider.cells > maxCells) break;
    band = wider;
    found = cheapestPath(model, band, progress);
  }
  return { band, found };
}

/** Pairs the sentences of `a` with those of `b`, in order, covering every sentence once. */
export function alignSentences(a: readonly AlignUnit[], b: readonly AlignUnit[], options: AlignOptions = {}): Alignment {
  if (a.length === 0 || b.length === 0) return trivial(a, b);
  const threshold = options.uncertainBelow ?? DEFAULT_UNCERTAIN_BELOW;
  const maxCells = options.maxCells ?? 64_000_000;
  const report = options.onProgress;
  const model = new BeadModel(a, b);
  const rows = a.length + 1;

  const pairing = report && ((done: number) => report({ stage: 'pairing', fraction: done / rows }));
  // Search with Gale and Church's length model, fit it to the pairs found, search again.
  let { band, found } = search(model, b.length, Math.max(4, options.initialBand ?? 32), maxCells, pairing);
  model.fitLengths(found.path.map((step) => ({ i: step.i, j: step.j, da: BEADS[step.bead]![0], db: BEADS[step.bead]![1] })));
  ({ band, found } = search(model, b.length, band.halfWidth, maxCells, pairing));
  report?.({ stage: 'pairing', fraction: 1 });

  const confidence = posteriors(model, band, found.path, report && ((done) => report({ stage: 'confidence', fraction: done / (2 * rows) })));
  report?.({ stage: 'confidence', fraction: 1 });

  const pairs = found.path.map((step, k): AlignedPair => {
    const [da, db] = BEADS[step.bead]!;
    const p = confidence[k]!;
    return {
      a: Array.from({ length: da }, (_, d) => step.i + d),
      b: Array.from({ length: db }, (_, d) => step.j + d),
      confidence: p,
      uncertain: p < threshold,
    };
  });
  const uncertain = pairs.flatMap((pair, k) => (pair.uncertain ? [k] : []));
  return { pairs, uncertain, band: { halfWidth: band.halfWidth, cells: band.cells } };
}
