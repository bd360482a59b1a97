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

/** M of every customer with a purchase day by asOf, in key order (what the top-percent cut ranks). */
export function monetariesAsOf(histories: CustomerHistories, asOf: DayNumber): Float64Array {
  const f = emptyFigures();
  const out = new Float64Array(histories.keys.length);
  let n = 0;
  for (let r = 0; r < histories.keys.length; r++) if (figuresOf(histories, r, asOf, f)) out[n++] = f.monetary;
  return out.subarray(0, n);
}
