// The band of the dynamic programme: for each row i (sentences of A taken), the columns j
// (sentences of B taken) that are searched. A translation follows its original, so the path stays
// near the line where both texts are equally far through their characters; searching only a band
// around that line keeps time and memory linear in the text's length instead of quadratic.

export interface Band {
  rows: number;
  /** First and last column searched in each row (inclusive), both non-decreasing. */
  lo: Int32Array;
  hi: Int32Array;
  /** Where row i starts in a flat array of the band's cells. */
  start: Float64Array;
  cells: number;
  halfWidth: number;
}

/**
 * The band of half-width `halfWidth` sentences around the line of equal progress through the
 * characters (`cumulativeA`, `cumulativeB`: prefix sums of characters, lengths nA + 1, nB + 1).
 */
export function makeBand(cumulativeA: Float64Array, cumulativeB: Float64Array, halfWidth: number): Band {
  const rows = cumulativeA.length;
  const nB = cumulativeB.length - 1;
  const totalA = cumulativeA[rows - 1]!;
  const totalB = cumulativeB[nB]!;
  const lo = new Int32Array(rows);
  const hi = new Int32Array(rows);
  const start = new Float64Array(rows + 1);
  let j = 0;
  for (let i = 0; i < rows; i++) {
    // The column whose progress through B is nearest row i's progress through A.
    const progress = totalA > 0 ? cumulativeA[i]! / totalA : i / Math.max(1, rows - 1);
    const target = progress * totalB;
    while (j < nB && (totalB > 0 ? cumulativeB[j + 1]! <= target : j + 1 <= progress * nB)) j++;
    const center = i === rows - 1 ? nB : j;
    lo[i] = Math.max(0, center - halfWidth);
    hi[i] = Math.min(nB, center + halfWidth);
  }
  lo[0] = 0;
  hi[rows - 1] = nB;
  for (let i = 1; i < rows; i++) {
    hi[i] = Math.max(hi[i]!, hi[i - 1]!);
    // Rows must overlap, or no bead could go from one to the next.
    lo[i] = Math.min(Math.max(lo[i]!, lo[i - 1]!), hi[i - 1]!);
  }
  for (let i = 0; i < rows; i++) start[i + 1] = start[i]! + (hi[i]! - lo[i]! + 1);
  return { rows, lo, hi, start, cells: start[rows]!, halfWidth };
}

/** Whether column j is searched in row i. */
export function inBand(band: Band, i: number, j: number): boolean {
  return i >= 0 && i < band.rows && j >= band.lo[i]! && j <= band.hi[i]!;
}
