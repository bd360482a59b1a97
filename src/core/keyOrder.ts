/**
 * Strings in code-unit order (the order of every output: `a < b` in JavaScript) without a comparison sort:
 * sorting 200k customer keys through a JS comparator takes about 0.1 s, this a few milliseconds.
 *
 * Each key becomes a number that orders like its first few code units after the prefix all keys share. Each code
 * unit is replaced by its rank among the units the keys hold (0 = the key has ended), so the number packs as
 * many units as fit in 52 bits: 15 for digits-only keys, 8 or more for e-mail addresses. The numbers are radix
 * sorted, and keys whose numbers tie (equal in every packed unit) are put in order by comparing the strings.
 *
 * The sort runs once per analysis, so its loops run cold: each starts in the interpreter until V8 compiles it
 * on the fly, and a loop compiled inside one large function threw that code away at the next loop it had not
 * seen run yet (one deoptimization per loop). Each loop is therefore a small function of its own, and the radix
 * passes share one, whose compiled code the second pass reuses (1M rows, 177k keys, cold: the radix passes
 * ~35 → ~9 ms, the tie pass ~9 → ~4).
 */
import { LONG } from "./stringIds";

const SMALL = 64;
/** Code units packed per key at most (positions scanned for the alphabet). */
const MAX_UNITS = 16;
const TWO_26 = 2 ** 26;
const TWO_52 = 2 ** 52;
const DIGIT_BITS = 13;
const DIGITS = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGITS - 1;

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

/** The keys as copyUnits leaves them, by position i in `order` (the ids in the order they were given). */
interface Copied {
  units: Uint16Array;
  lengths: Int32Array;
  order: Int32Array;
  /** Length of the prefix every key shares. */
  from: number;
  longest: number;
  /** The least and the greatest unit marked in `rank` (copyUnits' `seen`). */
  least: number;
  most: number;
}

/**
 * `ids` (indexes into `keyOf`) sorted by their keys in code-unit order; ties keep no particular order.
 * `words`, when given, are the keys' StringIds slot words by id (packedWordsOf): a short key's length and code
 * units are read from them instead of from its string (a cache miss each), which a long key still is.
 */
export function sortIdsByKey(
  ids: readonly number[],
  keyOf: readonly string[],
  words: Int32Array | null = null,
): number[] {
  const n = ids.length;
  if (n < SMALL) return ids.slice().sort((a, b) => compareKeys(keyOf[a], keyOf[b]));
  const packed = words !== null && words.length >= 3 * keyOf.length ? words : null;
  // The units that occur after the prefix (and some more, see copyUnits), ranked 1, 2, … in code-unit order;
  // 0 stands for "ended".
  const rank = new Int32Array(65536);
  const copied = copyUnits(ids, keyOf, packed, rank);
  const { from } = copied;
  const base = rankUnits(copied, keyOf, rank);
  let width = 0;
  for (let span = 1; width < MAX_UNITS && span * base <= TWO_52; span *= base) width++;
  // Positions past the longest key are "ended" for every key and order nothing: packing them only makes the
  // numbers longer (a shop's "C000123" keys need 6 units, which fit one 26-bit half, so two passes, not four).
  width = Math.min(width, Math.min(copied.longest, from + MAX_UNITS) - from);

  // The packed number of each key, split in two 26-bit halves for the radix passes. Kept beside the ids and
  // moved with them pass by pass, so every pass reads its input in order (a value array indexed by id was read
  // at random, which is most of the time in a sort that runs once, cold, per analysis). The four 13-bit digit
  // counts are taken in the same pass: a permutation leaves them as they are.
  let hi: Int32Array = new Int32Array(n);
  let lo: Int32Array = new Int32Array(n);
  const counts = new Int32Array(4 * DIGITS);
  packKeys(copied, keyOf, width, base, rank, hi, lo, counts);

  // Least significant digit first: up to four stable counting passes of 13 bits each. A pass where every key
  // has the same digit would leave the order as it is.
  let order: Int32Array = copied.order;
  let spare: Int32Array = new Int32Array(n);
  let spareHi: Int32Array = new Int32Array(n);
  let spareLo: Int32Array = new Int32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const count = counts.subarray(pass * DIGITS, (pass + 1) * DIGITS);
    const half = pass < 2 ? lo : hi;
    const shift = (pass % 2) * DIGIT_BITS;
    if (count[(half[0] >> shift) & DIGIT_MASK] === n) continue;
    countingPass(count, pass < 2, shift, order, hi, lo, spare, spareHi, spareLo);
    [order, spare, hi, spareHi, lo, spareLo] = [spare, order, spareHi, hi, spareLo, lo];
  }
  return withTiesOrdered(order, hi, lo, keyOf);
}

/**
 * The one pass over the keys: each key's first CAP units, its length, and the prefix every key shares (the
 * shortest common prefix with the first key). Every unit copied is marked in `seen`: the alphabet needs the
 * units after the prefix, which is known only at the end, and ranking a few more (the prefix's, those past
 * MAX_UNITS) orders the same, where a second pass over the keys cost ~7 ms cold at 177k keys.
 */
function copyUnits(
  ids: readonly number[],
  keyOf: readonly string[],
  packed: Int32Array | null,
  seen: Int32Array,
): Copied {
  const n = ids.length;
  const units = new Uint16Array(n * CAP);
  const lengths = new Int32Array(n);
  const order = new Int32Array(n);
  const first = keyOf[ids[0]];
  let from = first.length;
  let longest = 0;
  let least = 65535;
  let most = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    order[i] = id;
    const at = i * CAP;
    const w0 = packed === null ? LONG : packed[3 * id];
    let length: number;
    if (packed !== null && (w0 & 0xff) !== LONG) {
      // A short key's units, one byte each (stringIds' wordsOf): word 0 has the length and units 0–2, word 1
      // units 3–6, word 2 units 7–10. Bytes past the length are 0 and are never read as units.
      length = w0 & 0xff;
      const w1 = packed[3 * id + 1];
      const w2 = packed[3 * id + 2];
      units[at] = (w0 >>> 8) & 0xff;
      units[at + 1] = (w0 >>> 16) & 0xff;
      units[at + 2] = w0 >>> 24;
      units[at + 3] = w1 & 0xff;
      units[at + 4] = (w1 >>> 8) & 0xff;
      units[at + 5] = (w1 >>> 16) & 0xff;
      units[at + 6] = w1 >>> 24;
      units[at + 7] = w2 & 0xff;
      units[at + 8] = (w2 >>> 8) & 0xff;
      units[at + 9] = (w2 >>> 16) & 0xff;
      units[at + 10] = w2 >>> 24;
    } else {
      const k = keyOf[id];
      length = k.length;
      const copied = Math.min(length, CAP);
      for (let j = 0; j < copied; j++) units[at + j] = k.charCodeAt(j);
    }
    for (let j = at; j < at + Math.min(length, CAP); j++) {
      const u = units[j];
      seen[u] = 1;
      if (u < least) least = u;
      if (u > most) most = u;
    }
    lengths[i] = length;
    if (length > longest) longest = length;
    const shared = Math.min(from, length);
    let p = 0;
    while (p < shared && p < CAP && units[at + p] === units[p]) p++;
    if (p === CAP) while (p < shared && keyOf[id].charCodeAt(p) === first.charCodeAt(p)) p++;
    from = p;
  }
  return { units, lengths, order, from, longest, least, most };
}

/** Key i's unit j (j < its length): from the copy, or past it from the string. */
function unitAt(c: Copied, keyOf: readonly string[], i: number, j: number): number {
  return j < CAP ? c.units[i * CAP + j] : keyOf[c.order[i]].charCodeAt(j);
}

/**
 * Fills `rank` with the rank of each unit marked in it (1, 2, … in code-unit order, in place of the marks);
 * returns 1 + their number, the base of the packed numbers. Marks first the units packed but not copied (a
 * shared prefix longer than CAP − MAX_UNITS), from the strings.
 */
function rankUnits(c: Copied, keyOf: readonly string[], rank: Int32Array): number {
  const { lengths, from } = c;
  const seen = rank;
  let { least, most } = c;
  if (from + MAX_UNITS > CAP)
    for (let i = 0; i < lengths.length; i++) {
      const end = Math.min(lengths[i], from + MAX_UNITS);
      for (let j = CAP; j < end; j++) {
        const u = unitAt(c, keyOf, i, j);
        seen[u] = 1;
        if (u < least) least = u;
        if (u > most) most = u;
      }
    }
  let base = 1;
  for (let u = least; u <= most; u++) if (seen[u] !== 0) rank[u] = base++;
  return base;
}

/** Each key's number (its `width` units after the prefix as digits in `base`) in hi/lo, and the digit counts. */
function packKeys(
  c: Copied,
  keyOf: readonly string[],
  width: number,
  base: number,
  rank: Int32Array,
  hi: Int32Array,
  lo: Int32Array,
  counts: Int32Array,
): void {
  const { lengths, from } = c;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i];
    let v = 0;
    for (let j = from; j < from + width; j++) v = v * base + (j < length ? rank[unitAt(c, keyOf, i, j)] : 0);
    const h = Math.floor(v / TWO_26);
    const l = v - h * TWO_26;
    hi[i] = h;
    lo[i] = l;
    counts[l & DIGIT_MASK]++;
    counts[DIGITS + ((l >> DIGIT_BITS) & DIGIT_MASK)]++;
    counts[2 * DIGITS + (h & DIGIT_MASK)]++;
    counts[3 * DIGITS + ((h >> DIGIT_BITS) & DIGIT_MASK)]++;
  }
}

/** One stable counting pass on the digit of lo (`low`) or hi at `shift`, from order/hi/lo into the spare arrays. */
function countingPass(
  count: Int32Array,
  low: boolean,
  shift: number,
  order: Int32Array,
  hi: Int32Array,
  lo: Int32Array,
  toOrder: Int32Array,
  toHi: Int32Array,
  toLo: Int32Array,
): void {
  for (let d = 0, at = 0; d < DIGITS; d++) {
    const k = count[d];
    count[d] = at;
    at += k;
  }
  const half = low ? lo : hi;
  for (let i = 0; i < order.length; i++) {
    const to = count[(half[i] >> shift) & DIGIT_MASK]++;
    toOrder[to] = order[i];
    toHi[to] = hi[i];
    toLo[to] = lo[i];
  }
}

/** The sorted ids, with keys equal in every packed unit (runs of equal hi/lo) ordered by the whole string. */
function withTiesOrdered(
  order: Int32Array,
  hi: Int32Array,
  lo: Int32Array,
  keyOf: readonly string[],
): number[] {
  const n = order.length;
  const out = new Array<number>(n);
  let run = 0;
  for (let i = 0; i < n; i++) {
    out[i] = order[i];
    if (hi[i] !== hi[run] || lo[i] !== lo[run]) {
      if (i - run > 1) sortRun(out, run, i, keyOf);
      run = i;
    }
  }
  if (n - run > 1) sortRun(out, run, n, keyOf);
  return out;
}

function sortRun(out: number[], from: number, to: number, keyOf: readonly string[]): void {
  const run = out.slice(from, to).sort((a, b) => compareKeys(keyOf[a], keyOf[b]));
  for (let k = 0; k < run.length; k++) out[from + k] = run[k];
}
