/**
 * Dense numbers for distinct strings (0, 1, 2 … in order of first appearance), kept in an open-addressing hash
 * table over typed arrays. The cleaner looks up an order id and a customer key for every new order, half a
 * million of each in a million-row export, and a Map<string, number> that size costs about twice as much: each
 * probe of a Map reads stored key strings scattered over the heap, while this table compares a 32-bit hash kept
 * beside the slot and reads a stored string only when the hashes match. A new key (the usual case for an order
 * id) then touches no string but itself.
 */
export class StringIds {
  /** The strings by number. */
  readonly keys: string[] = [];
  /**
   * @param own applied to a string when it is stored as a new key (never to one only looked up): the CLI
   *   passes a copy so that a key cut out of a large read chunk does not keep the whole chunk alive.
   */
  constructor(private readonly own: (s: string) => string = sameString) {}

  /**
   * The hash table: slot p holds the hash of its string at 2p and the string's number at 2p+1 (−1: empty), side
   * by side so a probe reads one cache line. At most half of the slots are in use.
   */
  private table = emptyTable(1024);
  private mask = 1023;

  get size(): number {
    return this.keys.length;
  }

  /** The string's number, or −1 when it has none. */
  find(s: string): number {
    const h = hashOf(s);
    const { table, keys, mask } = this;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const id = table[2 * p + 1];
      if (id < 0) return -1;
      if (table[2 * p] === h && keys[id] === s) return id;
    }
  }

  /** The string's number; a new string gets the next one (so `idOf(s) === size` before the call means new). */
  idOf(s: string): number {
    const h = hashOf(s);
    const { table, keys, mask } = this;
    let p = h & mask;
    for (; ; p = (p + 1) & mask) {
      const id = table[2 * p + 1];
      if (id < 0) break;
      if (table[2 * p] === h && keys[id] === s) return id;
    }
    const id = keys.length;
    keys.push(this.own(s));
    table[2 * p] = h;
    table[2 * p + 1] = id;
    if (keys.length * 2 > mask) this.grow();
    return id;
  }

  private grow(): void {
    const slots = this.table.length; // twice the old slot count
    this.table = rehashed(this.table, slots, false);
    this.mask = slots - 1;
  }
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
