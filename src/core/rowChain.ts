/**
 * Row numbers per order without an array per order: one growable pair of typed arrays holds row numbers and a
 * link to the previous row of the same order. The cleaner needs them only to report the rows of an order that
 * ends up skipped (cancelled, after the as-of date), and keeps here only the rows that do not continue their
 * order's run of adjacent rows (see OrderSlots.firstRow): in a typical export, next to none.
 */
import { grown } from "./typedArrays";

export class RowChain {
  private rows = new Int32Array(1024);
  private prev = new Int32Array(1024);
  private n = 0;

  /** Appends a row after `last` (−1 = first row of its order) and returns the new link. */
  add(row: number, last: number): number {
    if (this.n === this.rows.length) {
      this.rows = grown(this.rows, this.n * 2);
      this.prev = grown(this.prev, this.n * 2);
    }
    this.rows[this.n] = row;
    this.prev[this.n] = last;
    return this.n++;
  }

  /** The rows ending at `last`, oldest first. */
  list(last: number): number[] {
    const out: number[] = [];
    for (let at = last; at >= 0; at = this.prev[at]) out.push(this.rows[at]);
    return out.reverse();
  }
}
