// The length part of a bead's cost, after Gale and Church (1993, "A program for aligning sentences
// in bilingual corpora"): the characters of a sentence and of its translation are in a roughly
// constant ratio, with a variance that grows with the length, so the deviation from that ratio,
// normalised, is a standard normal variable and its two-sided tail probability says how well
// two lengths fit. Costs are in nats (-ln of a probability), so that they add along a path.

/**
 * -ln(erfc(x)) for x >= 0, from the Chebyshev fit of Numerical Recipes' erfcc (fractional error
 * below 1.2e-7), written in log form so that it never underflows to -ln(0) for long mismatches.
 */
export function negLogErfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const exponent =
    -z * z -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return -(Math.log(t) + exponent);
}

/** Gale and Church's variance of the length difference per character. */
export const GALE_CHURCH_VARIANCE = 6.8;

/**
 * -ln P(|delta| this large) for `lengthA` characters translated as `lengthB`, where `ratio` is
 * the expected characters of B per character of A. Gale and Church's formula (as in their
 * program: the mean of both lengths stands for the length, so the cost is symmetric), measured in
 * A's characters: B's are scaled back by the ratio, so that a language written with few
 * characters (Chinese against German) is judged by the same variance.
 */
export function lengthCost(lengthA: number, lengthB: number, ratio: number, variance = GALE_CHURCH_VARIANCE): number {
  const mean = (lengthA + lengthB / ratio) / 2;
  if (mean <= 0) return 0;
  const delta = (lengthA - lengthB / ratio) / Math.sqrt(variance * mean);
  // Two-sided tail of the standard normal: 2 (1 - Phi(|delta|)) = erfc(|delta| / sqrt 2).
  return negLogErfc(Math.abs(delta) / Math.SQRT2);
}
