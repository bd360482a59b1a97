/**
 * One customer's §3 figures as of a day, computed from the histories into a reusable object. summarize() builds
 * a CustomerSummary from them; analyzeCleaned reads the month-earlier figures (previous state, §11) this way, one
 * customer at a time, instead of keeping 200k more summaries alive for the garbage collector to copy.
 */
import type { CustomerHistories } from "./summary";
import type { CustomerSummary, DayNumber } from "./types";

/** The summary's own figures (one definition, documented in types.ts) plus the second purchase day. */
export interface SummaryFigures extends Omit<CustomerSummary, "customerKey" | "name"> {
  secondPurchase: DayNumber | null;
}

export function emptyFigures(): SummaryFigures {
  return {
    purchases: 0,
    orders: 0,
    monetary: 0,
    firstPurchase: 0,
    lastPurchase: 0,
    previousPurchase: null,
    secondPurchase: null,
    recencyDays: 0,
    tenureDays: 0,
    avgIntervalDays: null,
  };
}

/**
 * Fills `out` with the figures of the customer at rank r as of asOf. False when the customer has no purchase
 * day by then (none yet, or only refunds): then `out` holds nothing meaningful. F counts distinct purchase days
 * (same-day orders merge); an order with a negative net amount is a refund: it lowers M but is not a purchase.
 */
export function figuresOf(
  histories: CustomerHistories,
  r: number,
  asOf: DayNumber,
  out: SummaryFigures,
): boolean {
  const { start, days, amounts } = histories;
  let purchases = 0;
  let orders = 0;
  let monetary = 0;
  let first = 0;
  let second: DayNumber | null = null;
  let last = 0;
  let previous: DayNumber | null = null;
  const hi = start[r + 1];
  for (let j = start[r]; j < hi; j++) {
    const day = days[j];
    if (day > asOf) break;
    const amount = amounts[j];
    monetary += amount;
    if (amount < 0) continue;
    orders++;
    if (purchases === 0) {
      first = day;
      last = day;
      purchases = 1;
    } else if (day !== last) {
      previous = last;
      last = day;
      purchases++;
      if (purchases === 2) second = day;
    }
  }
  if (purchases === 0) return false;
  out.purchases = purchases;
  out.orders = orders;
  out.monetary = monetary;
  out.firstPurchase = first;
  out.lastPurchase = last;
  out.previousPurchase = previous;
  out.secondPurchase = second;
  out.recencyDays = asOf - last;
  out.tenureDays = last - first;
  out.avgIntervalDays = purchases >= 2 ? (last - first) / (purchases - 1) : null;
  return true;
}

/**
 * M of every customer with a purchase day by asOf, in key order: what the top-percent cut ranks. analyzeCleaned
 * now takes these from figuresAtTwoDates; this one-date form is the reference its tests compare with.
 */
export function monetariesAsOf(histories: CustomerHistories, asOf: DayNumber): Float64Array {
  const f = emptyFigures();
  const out = new Float64Array(histories.keys.length);
  let n = 0;
  for (let r = 0; r < histories.keys.length; r++) if (figuresOf(histories, r, asOf, f)) out[n++] = f.monetary;
  return out.subarray(0, n);
}

/** A day column's "none" (previousPurchase, secondPurchase null): no DayNumber is this small. */
const NO_DAY = -0x80000000;

/**
 * Every customer's figures as of one day, in columns by rank (purchases 0 = no purchase day by then). Made for
 * two days at once by figuresAtTwoDates; read back one customer at a time with readFigures.
 */
export interface FiguresColumns {
  asOf: DayNumber;
  purchases: Int32Array;
  orders: Int32Array;
  monetary: Float64Array;
  first: Int32Array;
  last: Int32Array;
  previous: Int32Array;
  second: Int32Array;
  /** M of the customers with a purchase day, in key order (what monetariesAsOf gives). */
  monetaries: Float64Array;
}

function figuresColumns(asOf: DayNumber, n: number): FiguresColumns {
  return {
    asOf,
    purchases: new Int32Array(n),
    orders: new Int32Array(n),
    monetary: new Float64Array(n),
    first: new Int32Array(n),
    last: new Int32Array(n),
    previous: new Int32Array(n),
    second: new Int32Array(n),
    monetaries: new Float64Array(0),
  };
}

/**
 * The figures of every customer as of `later` and as of `earlier` (≤ later) in one pass over the histories:
 * analyzeCleaned needs both dates' M for the top cuts before its rows, then each customer's figures for both
 * dates, and figuresOf made that four passes. The earlier figures are the running figures when the history
 * first passes `earlier`, so every sum adds the same amounts in the same order as figuresOf does.
 */
export function figuresAtTwoDates(
  histories: CustomerHistories,
  later: DayNumber,
  earlier: DayNumber,
): { later: FiguresColumns; earlier: FiguresColumns } {
  const { start, days, amounts } = histories;
  const n = histories.keys.length;
  const now = figuresColumns(later, n);
  const before = figuresColumns(earlier, n);
  const put = (
    c: FiguresColumns,
    r: number,
    purchases: number,
    orders: number,
    monetary: number,
    first: number,
    last: number,
    previous: number,
    second: number,
  ) => {
    c.purchases[r] = purchases;
    c.orders[r] = orders;
    c.monetary[r] = monetary;
    c.first[r] = first;
    c.last[r] = last;
    c.previous[r] = previous;
    c.second[r] = second;
  };
  for (let r = 0; r < n; r++) {
    let purchases = 0;
    let orders = 0;
    let monetary = 0;
    let first = 0;
    let second = NO_DAY;
    let last = 0;
    let previous = NO_DAY;
    let beforeDone = false;
    const hi = start[r + 1];
    for (let j = start[r]; j < hi; j++) {
      const day = days[j];
      if (day > later) break;
      if (!beforeDone && day > earlier) {
        put(before, r, purchases, orders, monetary, first, last, previous, second);
        beforeDone = true;
      }
      const amount = amounts[j];
      monetary += amount;
      if (amount < 0) continue;
      orders++;
      if (purchases === 0) {
        first = day;
        last = day;
        purchases = 1;
      } else if (day !== last) {
        previous = last;
        last = day;
        purchases++;
        if (purchases === 2) second = day;
      }
    }
    if (!beforeDone) put(before, r, purchases, orders, monetary, first, last, previous, second);
    put(now, r, purchases, orders, monetary, first, last, previous, second);
  }
  now.monetaries = monetariesOf(now);
  before.monetaries = monetariesOf(before);
  return { later: now, earlier: before };
}

function monetariesOf(c: FiguresColumns): Float64Array {
  const out = new Float64Array(c.purchases.length);
  let k = 0;
  for (let r = 0; r < c.purchases.length; r++) if (c.purchases[r] > 0) out[k++] = c.monetary[r];
  return out.subarray(0, k);
}

/** Fills `out` with the figures of the customer at rank r from columns; false when it has no purchase day. */
export function readFigures(c: FiguresColumns, r: number, out: SummaryFigures): boolean {
  const purchases = c.purchases[r];
  if (purchases === 0) return false;
  const first = c.first[r];
  const last = c.last[r];
  const previous = c.previous[r];
  const second = c.second[r];
  out.purchases = purchases;
  out.orders = c.orders[r];
  out.monetary = c.monetary[r];
  out.firstPurchase = first;
  out.lastPurchase = last;
  out.previousPurchase = previous === NO_DAY ? null : previous;
  out.secondPurchase = second === NO_DAY ? null : second;
  out.recencyDays = c.asOf - last;
  out.tenureDays = last - first;
  out.avgIntervalDays = purchases >= 2 ? (last - first) / (purchases - 1) : null;
  return true;
}
