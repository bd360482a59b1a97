import { grown } from "./typedArrays";

/**
 * Dense numbers for distinct strings (0, 1, 2 … in order of first appearance), kept in an open-addressing hash
 * table over typed arrays. The cleaner looks up an order id and a customer key for every new order, half a
 * million of each in a million-row export, and a Map<string, number> that size costs more: each probe of a Map
 * reads stored key strings scattered over the heap.
 *
 * A short key (at most SHORT_MAX code units, each ≤ 0xFF: "C000123", "17850", "#1001") is written into its
 * slot itself, three int32 words holding its length and its code units, so finding it compares three numbers
 * in one cache line and reads no stored string at all. A lookup of a stored string cost two more cache misses
 * (the keys array, then the string), which on a million-row export were most of the cleaner's lookup time
 * (1M rows, 177k customers: push ~690 → ~600 ms CPU, see the commit). A longer key (an e-mail address) keeps
 * its hash in the slot and is compared with its stored string when the hashes match.
 */
export class StringIds {
  /** The strings by number. */
  readonly keys: string[] = [];
  /**
   * @param own applied to a string when it is stored as a new key (never to one only looked up): the CLI
   *   passes a copy so that a key cut out of a large read chunk does not keep the whole chunk alive.
   */
  constructor(private readonly own: (s: string) => string = sameString) {
    numbered.set(this.keys, this);
  }

  /**
   * The hash table: slot p holds the key's words at 4p … 4p+2 (see wordsOf) and its number at 4p+3 (−1: empty),
   * side by side so a probe reads one cache line. At most 70% of the slots are in use: at half, as
   * before, 177k customers took a table of 8 MB instead of 4, and the larger table cost push more in cache and
   * page misses (1M rows: ~560 instead of ~655 ms CPU) than the longer probes of the fuller one.
   */
  private table = emptySlots(1024);
  private mask = 1023;
  /**
   * Each key's slot words by number (12 bytes a key), written once when the key is new, in order: sortIdsByKey
   * reads a short key's units from here instead of from its string, scattered over the heap (a cache miss each,
   * ~25 ms at 177k customers). Gathering them from the table when asked cost ~15 ms (a random write each).
   */
  private packed = new Int32Array(3 * 1024);
  private packedCount = 0;

  get size(): number {
    return this.keys.length;
  }

  /** The string's number, or −1 when it has none. */
  find(s: string): number {
    return this.table[4 * this.slotOf(s) + 3];
  }

  /** The string's number; a new string gets the next one (so `idOf(s) === size` before the call means new). */
  idOf(s: string): number {
    const at = 4 * this.slotOf(s);
    const found = this.table[at + 3];
    return found >= 0 ? found : this.added(s, at);
  }

  /**
   * Numbers a new string, whose empty slot starts at table[at]. Apart from idOf, so that the lookup of a known
   * string (four calls of five in a large export) stays as small as it was before the packed words came.
   */
  private added(s: string, at: number): number {
    // The slot's words are written before `own` runs: `words` is shared by every table, and an `own` that
    // looked a string up (in any StringIds) would overwrite them.
    const table = this.table;
    const w0 = words[0];
    const w1 = words[1];
    const w2 = words[2];
    table[at] = w0;
    table[at + 1] = w1;
    table[at + 2] = w2;
    const keys = this.keys;
    const id = keys.length;
    table[at + 3] = id;
    let packed = this.packed;
    if (3 * id + 3 > packed.length) this.packed = packed = grown(packed, 2 * packed.length);
    packed[3 * id] = w0;
    packed[3 * id + 1] = w1;
    packed[3 * id + 2] = w2;
    this.packedCount = id + 1;
    keys.push(this.own(s));
    if (keys.length * 10 > this.mask * 7) this.grow();
    return id;
  }

  /**
   * Every key's slot words (see wordsOf) by number, at 3·id … 3·id+2 (possibly followed by unused words), or
   * null if `keys` was changed other than by idOf.
   */
  packedWords(): Int32Array | null {
    return this.packedCount === this.keys.length ? this.packed : null;
  }

  /**
   * The slot holding the string, or the empty slot where it belongs (its number word is then −1); leaves the
   * string's slot words in `words` for idOf to write. One probe loop for find and idOf.
   */
  private slotOf(s: string): number {
    const h = wordsOf(s);
    const { table, mask } = this;
    const w0 = words[0];
    const w1 = words[1];
    const w2 = words[2];
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const at = 4 * p;
      const id = table[at + 3];
      if (
        id < 0 ||
        (table[at] === w0 &&
          table[at + 1] === w1 &&
          table[at + 2] === w2 &&
          (w0 !== LONG || this.keys[id] === s))
      )
        return p;
    }
  }

  private grow(): void {
    const old = this.table;
    const slots = old.length / 2; // twice the old slot count
    const table = emptySlots(slots);
    const mask = slots - 1;
    for (let q = 0; q < old.length; q += 4) {
      const id = old[q + 3];
      if (id < 0) continue;
      const w0 = old[q];
      const w1 = old[q + 1];
      const w2 = old[q + 2];
      let p = (w0 === LONG ? w1 : slotHash(w0, w1, w2)) & mask;
      while (table[4 * p + 3] >= 0) p = (p + 1) & mask;
      table[4 * p] = w0;
      table[4 * p + 1] = w1;
      table[4 * p + 2] = w2;
      table[4 * p + 3] = id;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** Each StringIds by its keys array: how sortIdsByKey's callers find the words of keys they were handed. */
const numbered = new WeakMap<readonly string[], StringIds>();

/**
 * The slot words of every key in `keys` by number (StringIds.packedWords), when `keys` is a StringIds' keys
 * array, else null. Sorting customers by key reads a short key's units from them (sortIdsByKey) instead of
 * from its string: 177k strings scattered over the heap cost a cache miss each, the words are one array.
 */
export function packedWordsOf(keys: readonly string[]): Int32Array | null {
  return numbered.get(keys)?.packedWords() ?? null;
}

/** The longest key written into its slot: 11 code units, with the length, in three int32 words. */
const SHORT_MAX = 11;
/** The first word of a longer key's slot (a short key's first word has its length, 0 … 11, in the low byte). */
export const LONG = 0xff;
/** wordsOf's answer beside its return value (the hash): a module-level array, so a lookup allocates nothing. */
const words = new Int32Array(3);

/**
 * Fills `words` with what a slot holds for the key and returns the hash that picks its slot. A short key: its
 * length and code units, byte by byte (word 0: length, units 0–2; word 1: units 3–6; word 2: units 7–10; the rest
 * 0), so equal words mean equal strings. A longer key: LONG, its hash, 0.
 */
function wordsOf(s: string): number {
  const n = s.length;
  if (n <= SHORT_MAX) {
    let w0 = n;
    let w1 = 0;
    let w2 = 0;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0xff) break;
      if (i < 3) w0 |= c << (8 * (i + 1));
      else if (i < 7) w1 |= c << (8 * (i - 3));
      else w2 |= c << (8 * (i - 7));
    }
    if (i === n) {
      words[0] = w0;
      words[1] = w1;
      words[2] = w2;
      return slotHash(w0, w1, w2);
    }
  }
  const h = hashOf(s);
  words[0] = LONG;
  words[1] = h;
  words[2] = 0;
  return h;
}

/** A short key's slot hash: its three words mixed so the low bits (the table index) depend on every unit. */
function slotHash(w0: number, w1: number, w2: number): number {
  let h = Math.imul(w0 ^ Math.imul(w1, 0x9e3779b1) ^ Math.imul(w2, 0x85ebca6b), 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x27d4eb2f);
  return h ^ (h >>> 16);
}

/** `slots` empty slots of StringIds' table (four words each, the fourth −1). */
function emptySlots(slots: number): Int32Array {
  const table = new Int32Array(4 * slots);
  for (let p = 3; p < table.length; p += 4) table[p] = -1;
  return table;
}

function sameString(s: string): string {
  return s;
}

/**
 * A table of `slots` empty slots for open addressing over an Int32Array (also OrderIds'): slot p holds a value
 * (here a hash) at 2p and a number at 2p+1, −1 when empty.
 */
export function emptyTable(slots: number): Int32Array {
  const table = new Int32Array(2 * slots);
  for (let p = 1; p < table.length; p += 2) table[p] = -1;
  return table;
}

/**
 * The entries of `old` in a new table of `slots` slots (a power of two), each probing on from its value, or from
 * mix(value) when `mixed` (OrderIds' numeric ids once they pile up).
 */
export function rehashed(old: Int32Array, slots: number, mixed: boolean): Int32Array {
  const table = emptyTable(slots);
  const mask = slots - 1;
  for (let q = 0; q < old.length; q += 2) {
    if (old[q + 1] < 0) continue;
    let p = (mixed ? mix(old[q]) : old[q]) & mask;
    while (table[2 * p + 1] >= 0) p = (p + 1) & mask;
    table[2 * p] = old[q];
    table[2 * p + 1] = old[q + 1];
  }
  return table;
}

/** Spreads values over a table whatever steps they come in. */
export function mix(v: number): number {
  const h = Math.imul(v, 0x9e3779b1);
  return h ^ (h >>> 16);
}

/** FNV-1a over the UTF-16 code units, then a final mix so the low bits (the table index) depend on every unit. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
