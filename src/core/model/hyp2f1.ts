/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and −1 < z < 1.
 *
 * The BG/NBD conditional expectation needs it at z = t / (α + T + t) ∈ [0, 1). Written by hand rather
 * than taken from a library: the npm candidates pull in a whole numerics package, and the Apps Script
 * bundle must stay small. Strategy:
 * - 0 ≤ z < 1: the power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ. Its terms eventually shrink by a factor → z,
 *   so we stop only when the current term, inflated by the geometric tail bound 1/(1−z), is below
 *   machine precision of the sum. z close to 1 therefore costs more terms, never accuracy.
 * - −1 < z < 0: Pfaff's transformation ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)), which maps z
 *   into (0, ½) where the series converges fast (and avoids the cancellation of an alternating series).
 * Callers with large parameters should first apply Euler's transformation themselves (see bgnbd.ts),
 * which keeps the series terms O(1) instead of O((1−z)^(c−a−b)). Even so the series needs about
 * |a|+|b|+|c| terms before its tail bound holds and overflows past a ~ 10⁴: bgnbd.ts does not call it
 * for a + b ≥ 100 (a shop with almost no dropout), where it sums a negative binomial instead.
 *
 * Returns NaN (never throws) when the arguments are outside the supported domain or the series does not
 * settle within MAX_TERMS; the model layer turns NaN into "no prediction".
 */

const MAX_TERMS = 500_000;
const EPS = 1e-16;

export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite) || z >= 1 || z <= -1) return Number.NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z < 0) {
    const w = z / (z - 1);
    return (1 - z) ** -a * series(a, c - b, c, w);
  }
  return series(a, b, c, z);
}

/** The plain power series for 0 < z < 1. */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  const hump = Math.abs(a) + Math.abs(b) + Math.abs(c);
  // When a ≤ c and b ≤ 1 (or a ≤ 1 and b ≤ c), every factor (a+n)/(c+n) and (b+n)/(n+1) lies in [0, 1]
  // once n is past the negative parameters, so every ratio is at most z from there on: the tail bound
  // holds early (BG/NBD's E[Y] is in this case for a ≤ 2, and would otherwise wait ~x terms).
  const dominated = (a <= c && b <= 1) || (a <= 1 && b <= c);
  const nonNegativeFrom = Math.max(0, -a, -b, -c);
  for (let n = 0; n < MAX_TERMS; n++) {
    const denom = (c + n) * (n + 1);
    if (denom === 0) return Number.NaN; // c is zero or a negative integer: ₂F₁ undefined
    const ratio = (((a + n) * (b + n)) / denom) * z;
    term *= ratio;
    if (term === 0) return sum; // a or b is a non-positive integer: the series terminates
    sum += term;
    if (!Number.isFinite(sum)) return Number.NaN;
    // Past the hump (n beyond |a|+|b|+|c|) the term ratio moves monotonically towards z, so every later
    // ratio is at most m = max(current ratio, z) and the rest of the series is at most term·m/(1−m).
    const m = Math.max(Math.abs(ratio), z);
    const boundHolds = n + 1 > hump || (dominated && n + 1 > nonNegativeFrom);
    if (boundHolds && m < 1 && (Math.abs(term) * m) / (1 - m) <= EPS * Math.abs(sum)) return sum;
  }
  return Number.NaN;
}
