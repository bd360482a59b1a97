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
  /** Table slot → hash of its string, and → its number (−1: empty). The table is at most half full. */
  private hashes = new Int32Array(1024);
  private ids = new Int32Array(1024).fill(-1);
  private mask = 1023;

  get size(): number {
    return this.keys.length;
  }

  /** The string's number, or −1 when it has none. */
  find(s: string): number {
    const h = hashOf(s);
    const { hashes, ids, keys, mask } = this;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const id = ids[p];
      if (id < 0) return -1;
      if (hashes[p] === h && keys[id] === s) return id;
    }
  }

  /** The string's number; a new string gets the next one (so `idOf(s) === size` before the call means new). */
  idOf(s: string): number {
    const h = hashOf(s);
    const { hashes, ids, keys, mask } = this;
    let p = h & mask;
    for (; ; p = (p + 1) & mask) {
      const id = ids[p];
      if (id < 0) break;
      if (hashes[p] === h && keys[id] === s) return id;
    }
    const id = keys.length;
    keys.push(s);
    hashes[p] = h;
    ids[p] = id;
    if (keys.length * 2 > mask) this.grow();
    return id;
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldIds = this.ids;
    const size = oldIds.length * 2;
    this.hashes = new Int32Array(size);
    this.ids = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let q = 0; q < oldIds.length; q++) {
      if (oldIds[q] < 0) continue;
      let p = oldHashes[q] & this.mask;
      while (this.ids[p] >= 0) p = (p + 1) & this.mask;
      this.hashes[p] = oldHashes[q];
      this.ids[p] = oldIds[q];
    }
  }
}

/** FNV-1a over the UTF-16 code units, then a final mix so the low bits (the table index) depend on every unit. */
export function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
