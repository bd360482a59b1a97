/**
 * The orders the cleaner is assembling, one slot per (order id, customer), held in flat typed arrays rather
 * than one object per order. A million-row export has about half a million orders alive until finish(): as
 * objects they are copied twice by the young-generation GC and traced by every full GC; typed arrays live
 * outside the JS heap and cost neither. The rare cancellation markers are kept aside in a Map.
 */
import type { Reason } from "./orderCells";
import { grown } from "./typedArrays";

/** A slot's day before any of its rows brought a date: later than every real day, and an int32. */
export const NO_DAY = 0x7fffffff;

/** The row that cancels an order, and why (other rows of the order point to it). */
export interface CancellingRow {
  reason: Reason;
  field: string | undefined;
  row: number;
}

export class OrderSlots {
  /** Number of slots in use; slot numbers are 0 … size−1 in order of creation. */
  size = 0;
  /** The cleaner's order number of each slot (see orderIds.ts: the id's text is kept there, once). */
  orderNo = new Int32Array(1024);
  /** The cleaner's customer number (see customerIndex.ts). */
  customerId = new Int32Array(1024);
  /**
   * Earliest row date; NO_DAY until a row brings one. Int32, not Float64: a value read from a Float64Array is
   * stored into an OrderRecord as a boxed heap number, 16 bytes more per order for the GC to copy.
   */
  day = new Int32Array(1024);
  /**
   * Order total (the largest amount seen) or the sum of line amounts, as the mapping says. A plain array:
   * whole-yen amounts stay small integers, and a Float64Array here measured slower (bench core, push and finish).
   */
  readonly amount: number[] = [];
  /** Whether any row of the order had an amount (an order total never seen is 0). */
  hasAmount = new Uint8Array(1024);
  /**
   * The slot's first row number, and how many rows it has. Line items of an order are nearly always adjacent
   * rows, so a slot's rows are mostly the run firstRow, firstRow + 1 … and only the rows after a break in that
   * run go to the RowChain (`lastRow`: their last link, −1 = none): a million rows no longer write a million
   * links, nor grow the chain's columns to 8 MB.
   */
  firstRow = new Int32Array(1024);
  lastRow = new Int32Array(1024);
  rowCount = new Int32Array(1024);
  /** Another customer's order with the same id (ids are not always unique across customers); −1 = none. */
  next = new Int32Array(1024);
  /**
   * Cancellation markers by slot: about 1% of orders, so a Map rather than a column, with a flag per slot so
   * that finish() asks the Map only about the orders that have one.
   */
  private readonly marks = new Map<number, CancellingRow>();
  private cancelled = new Uint8Array(1024);

  /** Whether a row of the order had a cancellation marker. */
  isCancelled(slot: number): boolean {
    return this.cancelled[slot] === 1;
  }

  /** Records the row that cancels the order; the first marker found is the one quoted. */
  markCancelled(slot: number, mark: CancellingRow): void {
    if (this.cancelled[slot]) return;
    this.cancelled[slot] = 1;
    this.marks.set(slot, mark);
  }

  /** The order's cancellation marker, if any row had one. */
  cancelOf(slot: number): CancellingRow | undefined {
    return this.cancelled[slot] ? this.marks.get(slot) : undefined;
  }

  /** A new slot with no rows yet (no day, no amount; the cleaner adds its first row next). */
  add(orderNo: number, customerId: number): number {
    const s = this.size;
    if (s === this.day.length) this.grow();
    this.orderNo[s] = orderNo;
    this.amount.push(0);
    this.customerId[s] = customerId;
    this.day[s] = NO_DAY;
    this.lastRow[s] = -1;
    this.rowCount[s] = 0;
    this.next[s] = -1;
    this.size = s + 1;
    return s;
  }

  private grow(): void {
    const n = this.day.length * 2;
    this.orderNo = grown(this.orderNo, n);
    this.customerId = grown(this.customerId, n);
    this.day = grown(this.day, n);
    this.hasAmount = grown(this.hasAmount, n);
    this.cancelled = grown(this.cancelled, n);
    this.firstRow = grown(this.firstRow, n);
    this.lastRow = grown(this.lastRow, n);
    this.rowCount = grown(this.rowCount, n);
    this.next = grown(this.next, n);
  }
}
