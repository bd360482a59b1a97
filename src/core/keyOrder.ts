/**
 * Strings in code-unit order (the order of every output: `a < b` in JavaScript) without a comparison sort:
 * sorting 200k customer keys through a JS comparator takes about 0.1 s, this a few milliseconds.
 *
 * Each key becomes a number that orders like its first few code units after the prefix all keys share. Each code
 * unit is replaced by its rank among the units that occur there (0 = the key has ended), so the number packs as
 * many units as fit in 52 bits: 15 for digits-only keys, 8 or more for e-mail addresses. The numbers are radix
 * sorted, and keys whose numbers tie (equal in every packed unit) are put in order by comparing the strings.
 */

const SMALL = 64;
/** Code units packed per key at most (positions scanned for the alphabet). */
const MAX_UNITS = 16;
const TWO_26 = 2 ** 26;
const TWO_52 = 2 ** 52;
const DIGIT_BITS = 13;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Code units of each key copied in the one pass over the strings. A shop's 200k keys lie all over the heap, so
 * every pass that touches them pays a cache miss per key (three passes cost ~60 ms at 177k keys); the prefix,
 * the alphabet and the packing read the copy instead. Units past it (a shared prefix longer than CAP −
 * MAX_UNITS) are read from the strings.
 */
const CAP = 24;

/** `ids` (indexes into `keyOf`) sorted by their keys in code-unit order; ties keep no particular order. */
export function sortIdsByKey(ids: readonly number[], keyOf: readonly string[]): number[] {
  const n = ids.length;
  if (n < SMALL) return ids.slice().sort((a, b) => compareKeys(keyOf[a], keyOf[b]));

  // The one pass over the strings: each key's first CAP units, its length, and the prefix every key shares (the
  // shortest common prefix with the first key).
  const units = new Uint16Array(n * CAP);
  const lengths = new Int32Array(n);
  let order = new Int32Array(n);
  const first = keyOf[ids[0]];
  let from = first.length;
  let longest = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    order[i] = id;
    const k = keyOf[id];
    const length = k.length;
    lengths[i] = length;
    if (length > longest) longest = length;
    const at = i * CAP;
    const copied = Math.min(length, CAP);
    for (let j = 0; j < copied; j++) units[at + j] = k.charCodeAt(j);
    const shared = Math.min(from, length);
    let p = 0;
    while (p < shared && p < CAP && units[at + p] === units[p]) p++;
    if (p === CAP) while (p < shared && k.charCodeAt(p) === first.charCodeAt(p)) p++;
    from = p;
  }
  const unitAt = (i: number, j: number) => (j < CAP ? units[i * CAP + j] : keyOf[order[i]].charCodeAt(j));

  // The units that occur after the prefix, ranked 1, 2, … in code-unit order; 0 stands for "ended".
  const seen = new Uint8Array(65536);
  for (let i = 0; i < n; i++) {
    const end = Math.min(lengths[i], from + MAX_UNITS);
    for (let j = from; j < end; j++) seen[unitAt(i, j)] = 1;
  }
  longest = Math.min(longest, from + MAX_UNITS);
  const rank = new Int32Array(65536);
  let base = 1;
  for (let u = 0; u < 65536; u++) if (seen[u]) rank[u] = base++;
  let width = 0;
  for (let span = 1; width < MAX_UNITS && span * base <= TWO_52; span *= base) width++;
  // Positions past the longest key are "ended" for every key and order nothing: packing them only makes the
  // numbers longer (a shop's "C000123" keys need 6 units, which fit one 26-bit half, so two passes, not four).
  width = Math.min(width, longest - from);

  // The packed number of each key, split in two 26-bit halves for the radix passes. Kept beside the ids and
  // moved with them pass by pass, so every pass reads its input in order (a value array indexed by id was read
  // at random, which is most of the time in a sort that runs once, cold, per analysis).
  let hi = new Int32Array(n);
  let lo = new Int32Array(n);
  // The bits set in any key's halves: a pass whose 13-bit digit is 0 for every key would leave the order as it is.
  let usedLo = 0;
  let usedHi = 0;
  for (let i = 0; i < n; i++) {
    const length = lengths[i];
    let v = 0;
    for (let j = from; j < from + width; j++) v = v * base + (j < length ? rank[unitAt(i, j)] : 0);
    const h = Math.floor(v / TWO_26);
    hi[i] = h;
    lo[i] = v - h * TWO_26;
    usedLo |= lo[i];
    usedHi |= h;
  }

  // Least significant digit first: up to four stable counting passes of 13 bits each.
  let spare = new Int32Array(n);
  let spareHi = new Int32Array(n);
  let spareLo = new Int32Array(n);
  const count = new Int32Array(1 << DIGIT_BITS);
  for (let pass = 0; pass < 4; pass++) {
    const shift = (pass % 2) * DIGIT_BITS;
    if ((((pass < 2 ? usedLo : usedHi) >> shift) & DIGIT_MASK) === 0) continue;
    const half = pass < 2 ? lo : hi;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(half[i] >> shift) & DIGIT_MASK]++;
    for (let d = 0, at = 0; d < count.length; d++) {
      const c = count[d];
      count[d] = at;
      at += c;
    }
    for (let i = 0; i < n; i++) {
      const to = count[(half[i] >> shift) & DIGIT_MASK]++;
      spare[to] = order[i];
      spareHi[to] = hi[i];
      spareLo[to] = lo[i];
    }
    [order, spare, hi, spareHi, lo, spareLo] = [spare, order, spareHi, hi, spareLo, lo];
  }

  // Keys equal in every packed unit: order them by the whole string.
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = order[i];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && hi[j] === hi[i] && lo[j] === lo[i]) j++;
    if (j - i > 1) {
      const run = out.slice(i, j).sort((a, b) => compareKeys(keyOf[a], keyOf[b]));
      for (let k = 0; k < run.length; k++) out[i + k] = run[k];
    }
    i = j;
  }
  return out;
}
