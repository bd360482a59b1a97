/**
 * Order statistics in linear time (quickselect), so ranks over 200k customers or a million orders never pay for a
 * full sort: the top-percent cut (§5), the shop's median order value (§5b) and its median repurchase cycle (§4).
 */

/**
 * The k-th largest value (1-based) by quickselect, O(n) on average, so 200k customers never pay for a full sort.
 * Reorders `values` in place, leaving the k−1 values before index k−1 ≥ it and those after ≤ it.
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
  const k = Math.floor(n / 2) + 1;
  const upper = kthLargest(values, k);
  if (n % 2 === 1) return upper;
  // kthLargest leaves every value before index k−1 ≥ the one it returns: rank n/2 is the least of them, found by
  // one scan instead of a second selection over the whole array.
  let other = values[0];
  for (let i = 1; i < k - 1; i++) if (values[i] < other) other = values[i];
  return (upper + other) / 2;
}

/**
 * How many values are > 0. A function of its own, for callers that count and then copy: they run once per
 * analysis, and V8 threw away the code it compiled for a count loop when the copy loop after it first ran.
 */
export function countPositive(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > 0) n++;
  return n;
}

/** The values > 0, in their order: what the top cut selects from and the monetary share sorts. */
export function positiveValues(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(countPositive(values));
  let w = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > 0) out[w++] = values[i];
  return out;
}

/** Whether typed arrays store the low 16 bits of a value first (every platform a shop's data runs on does). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Sorts positive numbers ascending, in place, by an LSD radix sort on their IEEE-754 bits: for positive doubles
 * the bits, read as an unsigned integer, order exactly like the values. Four counting passes over 16-bit digits
 * take a few milliseconds for 200k customers' M, where Float64Array.prototype.sort takes ~20 ms. A pass whose
 * digit is the same for every value (the low bits of whole-yen amounts) is skipped. `payload` (same length), when
 * given, is reordered with the values: an argsort.
 */
export function sortPositive(values: Float64Array, payload?: Int32Array): void {
  const n = values.length;
  if (n < 512) {
    if (!payload) values.sort();
    else sortSmallWith(values, payload);
    return;
  }
  let from: Float64Array = values;
  let to: Float64Array = new Float64Array(n);
  // The payload moves with its value (a stable sort keeps equal values in their first order).
  let fromPayload: Int32Array | undefined = payload;
  let toPayload: Int32Array | undefined = payload ? new Int32Array(n) : undefined;
  const count = new Int32Array(65536);
  // Each loop is a function of its own: the sort runs once per analysis, cold, and V8 threw away the code it had
  // compiled for one loop of a single large function when the next loop ran (a deoptimization per loop; a cold
  // monetaryRanks of 177k M took 35-75 ms).
  for (let pass = 0; pass < 4; pass++) {
    const digits = new Uint16Array(from.buffer, from.byteOffset, n * 4);
    const at = LITTLE_ENDIAN ? pass : 3 - pass;
    if (!countDigits(digits, at, n, count)) continue; // every value has this digit: the order stays as it is
    if (fromPayload && toPayload) {
      scatterWith(digits, at, count, from, to, fromPayload, toPayload);
      [fromPayload, toPayload] = [toPayload, fromPayload];
    } else scatter(digits, at, count, from, to);
    [from, to] = [to, from];
  }
  if (from !== values) values.set(from);
  if (payload && fromPayload && fromPayload !== payload) payload.set(fromPayload);
}

/**
 * Counts digit `at` of every value and turns the counts into each digit's first position; false (and nothing to
 * do) when every value has the same digit. The count and the running sum are two functions again: compiled
 * while the count ran, one function was thrown away when the sum first ran.
 */
function countDigits(digits: Uint16Array, at: number, n: number, count: Int32Array): boolean {
  countDigit(digits, at, n, count);
  if (count[digits[at]] === n) return false;
  startsOfDigits(count);
  return true;
}

function countDigit(digits: Uint16Array, at: number, n: number, count: Int32Array): void {
  count.fill(0);
  for (let i = 0; i < n; i++) count[digits[4 * i + at]]++;
}

function startsOfDigits(count: Int32Array): void {
  for (let d = 0, sum = 0; d < count.length; d++) {
    const c = count[d];
    count[d] = sum;
    sum += c;
  }
}

function scatter(
  digits: Uint16Array,
  at: number,
  count: Int32Array,
  from: Float64Array,
  to: Float64Array,
): void {
  for (let i = 0; i < from.length; i++) to[count[digits[4 * i + at]]++] = from[i];
}

function scatterWith(
  digits: Uint16Array,
  at: number,
  count: Int32Array,
  from: Float64Array,
  to: Float64Array,
  fromPayload: Int32Array,
  toPayload: Int32Array,
): void {
  for (let i = 0; i < from.length; i++) {
    const k = count[digits[4 * i + at]]++;
    to[k] = from[i];
    toPayload[k] = fromPayload[i];
  }
}

/** sortPositive of a few values with a payload: a stable sort of positions. */
function sortSmallWith(values: Float64Array, payload: Int32Array): void {
  const order = Array.from(values, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const v = order.map((i) => values[i]);
  const p = order.map((i) => payload[i]);
  values.set(v);
  payload.set(p);
}
