/**
 * One customer's §3 figures as of a day, computed from the histories into a reusable object. summarize() builds
 * a CustomerSummary from them; analyzeCleaned reads the month-earlier figures (previous state, §11) this way, one
 * customer at a time, instead of keeping 200k more summaries alive for the garbage collector to copy.
 */
import type { CustomerHistories, SummaryWithSecond } from "./summary";
import type { DayNumber } from "./types";

/** A summary's figures without the customer: the summary's own (types.ts) plus the second purchase day. */
export type SummaryFigures = Omit<SummaryWithSecond, "customerKey" | "name">;

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
 * The same walk as figuresAtTwoDates (walkCustomer), for one customer and one day.
 */
export function figuresOf(
  histories: CustomerHistories,
  r: number,
  asOf: DayNumber,
  out: SummaryFigures,
): boolean {
  if (one === null) one = figuresColumns(asOf, 1);
  one.asOf = asOf;
  walkCustomer(histories, r, asOf, asOf, one, one, 0);
  return readFigures(one, 0, out);
}

/** figuresOf's one-customer columns, made on its first call. */
let one: FiguresColumns | null = null;

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
  /** M of the customers with a purchase day, in key order: what the top-percent cut ranks. */
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
 * dates, and figuresOf made that four passes.
 */
export function figuresAtTwoDates(
  histories: CustomerHistories,
  later: DayNumber,
  earlier: DayNumber,
): { later: FiguresColumns; earlier: FiguresColumns } {
  const n = histories.keys.length;
  const now = figuresColumns(later, n);
  const before = figuresColumns(earlier, n);
  for (let r = 0; r < n; r++) walkCustomer(histories, r, later, earlier, now, before, r);
  now.monetaries = monetariesOf(now);
  before.monetaries = monetariesOf(before);
  return { later: now, earlier: before };
}

/**
 * The one walk over a customer's history (rank r): its figures as of `later` go to slot `at` of `now`, and as of
 * `earlier` (≤ later) to slot `at` of `before`. The earlier figures are the running figures when the history
 * first passes `earlier`, so every sum adds the same amounts in the same order as a walk that stops there.
 */
function walkCustomer(
  histories: CustomerHistories,
  r: number,
  later: DayNumber,
  earlier: DayNumber,
  now: FiguresColumns,
  before: FiguresColumns,
  at: number,
): void {
  const { start, days, amounts } = histories;
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
      put(before, at, purchases, orders, monetary, first, last, previous, second);
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
  if (!beforeDone) put(before, at, purchases, orders, monetary, first, last, previous, second);
  put(now, at, purchases, orders, monetary, first, last, previous, second);
}

function put(
  c: FiguresColumns,
  at: number,
  purchases: number,
  orders: number,
  monetary: number,
  first: number,
  last: number,
  previous: number,
  second: number,
): void {
  c.purchases[at] = purchases;
  c.orders[at] = orders;
  c.monetary[at] = monetary;
  c.first[at] = first;
  c.last[at] = last;
  c.previous[at] = previous;
  c.second[at] = second;
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
