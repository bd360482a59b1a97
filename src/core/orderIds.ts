/**
 * Dense numbers for the cleaner's order ids (0, 1, 2 … in order of first appearance), like StringIds, except
 * that an id written as a plain decimal number ("100231", as most shop systems and UCI Online Retail number
 * their orders) is kept as that number, not as a string. A million-row export has about half a million orders:
 * their id strings were the largest set of small objects the cleaner kept, each copied twice by the
 * young-generation GC and then traced by every full GC, and with the CLI's ownKey each would also be copied out
 * of its read chunk. The text of a numeric id is made again (String(n)) only when it is asked for, and a plain
 * decimal's text is exactly String of its value.
 */
import { emptyTable, mix, rehashed, StringIds } from "./stringIds";
import { grown } from "./typedArrays";

/** The largest value kept as a number: 9 digits, so every value is a non-negative int32. */
const MAX_DIGITS = 9;
/** Probes past which unmixed slots count as piling up (at most half the slots are in use). */
const LONG_PROBE = 32;

export class OrderIds {
  /**
   * What each order number stands for: the id's value (≥ 0) when it is a plain decimal number, otherwise
   * −1 − its number in `texts`.
   */
  private code = new Int32Array(1024);
  private count = 0;
  /** The ids that are not plain decimal numbers, and their strings (kept when `texts` is let go). */
  private texts: StringIds;
  private readonly textKeys: readonly string[];
  /** Their order numbers, by their number in `texts`. */
  private readonly orderOfText: number[] = [];
  /** Open addressing over numeric ids: slot p holds the value at 2p and the order number at 2p+1 (−1: empty). */
  private table = emptyTable(1024);
  private mask = 1023;
  /** Numeric ids in the table (at most half of its slots are in use). */
  private numeric = 0;
  /**
   * Whether values are mixed before they pick a slot. Not at first: an export numbers its orders 100231,
   * 100232 …, and the value itself as the slot puts each new id beside the last one, where a mixed slot is a
   * cache miss in a table of megabytes (482k sequential ids: ~16 ms instead of ~38). Ids that pile up on the
   * same slots that way (steps of a power of two) make a long probe, and then the table switches to mixing.
   */
  private mixed = false;

  /** @param own applied to an id text when it is stored (see CleanOptionsEx.ownKey); never to numeric ids. */
  constructor(own?: (s: string) => string) {
    this.texts = new StringIds(own);
    this.textKeys = this.texts.keys;
  }

  /** Lets the lookup tables go once no id will be looked up again; textOf still answers. */
  release(): void {
    this.table = emptyTable(1);
    this.mask = 0;
    this.texts = new StringIds();
  }

  get size(): number {
    return this.count;
  }

  /** The id's order number; a new id gets the next one (so `idOf(s) === size` before the call means new). */
  idOf(s: string): number {
    const v = plainDecimal(s);
    if (v < 0) {
      const known = this.texts.size;
      const t = this.texts.idOf(s);
      if (t < known) return this.orderOfText[t];
      this.orderOfText.push(this.count);
      return this.added(-1 - t);
    }
    const { table, mask } = this;
    let p = this.slotOf(v) & mask;
    let probes = 0;
    for (; ; p = (p + 1) & mask) {
      const id = table[2 * p + 1];
      if (id < 0) break;
      if (table[2 * p] === v) return id;
      probes++;
    }
    const id = this.added(v);
    table[2 * p] = v;
    table[2 * p + 1] = id;
    this.numeric++;
    if (probes > LONG_PROBE && !this.mixed) {
      this.mixed = true;
      this.rebuild(this.table.length);
    } else if (this.numeric * 2 > mask) this.rebuild(2 * this.table.length);
    return id;
  }

  /** The id's order number, or −1 when it has none. */
  find(s: string): number {
    const v = plainDecimal(s);
    if (v < 0) {
      const t = this.texts.find(s);
      return t < 0 ? -1 : this.orderOfText[t];
    }
    const { table, mask } = this;
    for (let p = this.slotOf(v) & mask; ; p = (p + 1) & mask) {
      const id = table[2 * p + 1];
      if (id < 0) return -1;
      if (table[2 * p] === v) return id;
    }
  }

  /** The id's text: the stored string, or the decimal number written out again. */
  textOf(no: number): string {
    const c = this.code[no];
    return c >= 0 ? String(c) : this.textKeys[-1 - c];
  }

  private added(code: number): number {
    const id = this.count;
    if (id === this.code.length) this.code = grown(this.code, id * 2);
    this.code[id] = code;
    this.count = id + 1;
    return id;
  }

  private slotOf(v: number): number {
    return this.mixed ? mix(v) : v;
  }

  /** The table again with `length` entries (`length / 2` slots), each value in the slot it now picks. */
  private rebuild(length: number): void {
    this.table = rehashed(this.table, length / 2, this.mixed);
    this.mask = length / 2 - 1;
  }
}

/** The value of "0" or a run of at most 9 digits without a leading zero, else −1 (such text is kept as text). */
export function plainDecimal(s: string): number {
  const n = s.length;
  if (n === 0 || n > MAX_DIGITS) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return s.charCodeAt(0) === 48 && n > 1 ? -1 : v;
}
