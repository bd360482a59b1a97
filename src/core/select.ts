/**
 * Order statistics in linear time (quickselect), so ranks over 200k customers or a million orders never pay for a
 * full sort: the top-percent cut (§5), the shop's median order value (§5b) and its median repurchase cycle (§4).
 */

/**
 * The k-th largest value (1-based) by quickselect, O(n) on average, so 200k customers never pay for a full sort.
 * Reorders `values` in place.
 */
export function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1; // index in descending order
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target];
  }
  return values[target];
}

/** Median of the values (mean of the two middle ones when the count is even); null when empty. Reorders `values`. */
export function medianInPlace(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  // In descending order the median sits at ranks floor(n/2)+1 and, for an even count, n/2.
  const upper = kthLargest(values, Math.floor(n / 2) + 1);
  return n % 2 === 1 ? upper : (upper + kthLargest(values, n / 2)) / 2;
}
