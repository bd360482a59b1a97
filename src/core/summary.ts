/**
 * Customer histories and the §3 summary. Histories are built once (grouped by customer, sorted by day) in flat
 * typed arrays, so summarize() is one linear pass and can be called for the as-of date and again for one month
 * earlier (§11) without regrouping.
 */
import { type CleanerNames, type CustomerIndex, customerIndexHint } from "./customerIndex";
import { unreadCleanerNames, unreadColumns } from "./keptOrders";
import { sortIdsByKey } from "./keyOrder";
import { packedWordsOf, StringIds } from "./stringIds";
import { emptyFigures, type FiguresColumns, figuresOf, readFigures } from "./summaryFigures";
import type { CleanResult, CustomerSummary, DayNumber, OrderRecord } from "./types";

export interface CustomerHistories {
  /** Customer keys in code-unit order (the order of every output). */
  keys: string[];
  /** Orders of customer i are at indexes start[i] … start[i+1]−1 of days/amounts, sorted by day. */
  start: Int32Array;
  days: Int32Array;
  /** Net amount per order; negative = refund. */
  amounts: Float64Array;
}

/** The summary plus the second purchase day, which the diagnosis needs (Q3/Q4) and only a history pass knows. */
export interface SummaryWithSecond extends CustomerSummary {
  /** Second purchase day; null when F = 1. */
  secondPurchase: DayNumber | null;
}

/** The orders read once: grouped by customer, with their days and amounts in order-aligned typed arrays. */
interface OrdersRead {
  index: CustomerIndex;
  days: Int32Array;
  amounts: Float64Array;
}

/**
 * One pass over the order objects (half a million in a large export, so they are read only once). Customers
 * are the cleaner's numbering when every order still has the customer it says, else numbered here (StringIds).
 */
function readOrders(orders: readonly OrderRecord[]): OrdersRead {
  const n = orders.length;
  const days = new Int32Array(n);
  const amounts = new Float64Array(n);
  const hint = customerIndexHint(orders);
  if (hint) {
    const { keys, customerOf } = hint;
    let i = 0;
    for (; i < n; i++) {
      const o = orders[i];
      if (o.customerKey !== keys[customerOf[i]]) break;
      days[i] = o.day;
      amounts[i] = o.amount;
    }
    if (i === n) return { index: hint, days, amounts };
  }
  const ids = new StringIds();
  const customerOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = orders[i];
    customerOf[i] = ids.idOf(o.customerKey);
    days[i] = o.day;
    amounts[i] = o.amount;
  }
  return { index: { keys: ids.keys, customerOf }, days, amounts };
}

export function buildHistories(orders: readonly OrderRecord[]): CustomerHistories {
  return historiesOf(readOrders(orders));
}

/**
 * The histories of a cleaner's result: the same as buildHistories(cleaned.orders), but grouped straight from
 * the cleaner's columns while no caller has read `orders` (so the order objects are never made; keptOrders.ts).
 */
export function historiesOfCleaned(cleaned: CleanResult): CustomerHistories {
  const columns = unreadColumns(cleaned);
  return columns ? historiesOf(columns) : buildHistories(cleaned.orders);
}

/**
 * Grouped by customer in key order, each customer's orders by day. Runs once per analysis, so every loop runs
 * cold: V8 compiles a long loop while it runs, and code compiled inside one large function was thrown away at
 * the next loop it had not yet seen run (a deoptimization per loop), so each loop over the orders or the
 * customers is a small function of its own.
 */
function historiesOf(read: OrdersRead): CustomerHistories {
  const { index, days: dayOf, amounts: amountOf } = read;
  const n = dayOf.length;
  const { keys: keyOfId, customerOf } = index;
  // Customers with at least one order (counted per id), sorted by key in code-unit order.
  const count = ordersPerCustomer(customerOf, keyOfId.length);
  const ids = sortIdsByKey(idsWithOrders(count), keyOfId, packedWordsOf(keyOfId));
  const names = index.names;
  const keys: string[] = new Array(ids.length);
  const byRank: (string | undefined)[] = names ? new Array(ids.length) : [];
  const start = new Int32Array(ids.length + 1);
  inKeyOrder(ids, keyOfId, names?.byId, count, keys, byRank, start);
  const days = new Int32Array(n);
  const amounts = new Float64Array(n);
  scatterOrders(customerOf, count, dayOf, amountOf, days, amounts);
  sortSegments(start, days, amounts);
  const histories = { keys, start, days, amounts };
  // The cleaner's names come aligned by customer id: put them in key order now, for summarize and
  // analyzeCleaned (see namesInKeyOrder).
  if (names)
    alignedNames.set(histories, {
      names: null,
      source: names,
      size: names.found.length,
      byRank,
    });
  return histories;
}

function ordersPerCustomer(customerOf: Int32Array, customers: number): Int32Array {
  const count = new Int32Array(customers);
  for (let i = 0; i < customerOf.length; i++) count[customerOf[i]]++;
  return count;
}

function idsWithOrders(count: Int32Array): number[] {
  const ids: number[] = [];
  for (let id = 0; id < count.length; id++) if (count[id] > 0) ids.push(id);
  return ids;
}

/**
 * One pass in key order gives the keys, the names (when `nameOf`), each customer's start in the orders and, in
 * place of its count, the next free position for its orders (a counting sort that needs no rank per id).
 */
function inKeyOrder(
  ids: readonly number[],
  keyOfId: readonly string[],
  nameOf: readonly (string | undefined)[] | undefined,
  count: Int32Array,
  keys: string[],
  byRank: (string | undefined)[],
  start: Int32Array,
): void {
  const next = count;
  for (let r = 0; r < ids.length; r++) {
    const id = ids[r];
    keys[r] = keyOfId[id];
    if (nameOf) byRank[r] = nameOf[id];
    start[r + 1] = start[r] + count[id];
    next[id] = start[r];
  }
}

function scatterOrders(
  customerOf: Int32Array,
  next: Int32Array,
  dayOf: Int32Array,
  amountOf: Float64Array,
  days: Int32Array,
  amounts: Float64Array,
): void {
  for (let i = 0; i < customerOf.length; i++) {
    const at = next[customerOf[i]]++;
    days[at] = dayOf[i];
    amounts[at] = amountOf[i];
  }
}

/** Each customer's orders by (day, amount); segments are short, so insertion sort, except long ones. */
function sortSegments(start: Int32Array, days: Int32Array, amounts: Float64Array): void {
  for (let r = 0; r + 1 < start.length; r++) {
    const lo = start[r];
    const hi = start[r + 1];
    if (hi - lo <= 32) insertionSort(days, amounts, lo, hi);
    else sortSegment(days, amounts, lo, hi);
  }
}

function insertionSort(days: Int32Array, amounts: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const d = days[i];
    const a = amounts[i];
    let j = i - 1;
    while (j >= lo && (days[j] > d || (days[j] === d && amounts[j] > a))) {
      days[j + 1] = days[j];
      amounts[j + 1] = amounts[j];
      j--;
    }
    days[j + 1] = d;
    amounts[j + 1] = a;
  }
}

function sortSegment(days: Int32Array, amounts: Float64Array, lo: number, hi: number): void {
  const idx = Array.from({ length: hi - lo }, (_, k) => lo + k);
  idx.sort((x, y) => days[x] - days[y] || amounts[x] - amounts[y]);
  const d = idx.map((k) => days[k]);
  const a = idx.map((k) => amounts[k]);
  for (let k = 0; k < idx.length; k++) {
    days[lo + k] = d[k];
    amounts[lo + k] = a[k];
  }
}

/**
 * Names in key order for histories: looked up in a names Map (`names`), or taken from the cleaner's names by
 * id (`source`) when the histories were grouped from the cleaner's numbering.
 */
const alignedNames = new WeakMap<
  CustomerHistories,
  {
    names: ReadonlyMap<string, string> | null;
    source: CleanerNames | null;
    size: number;
    byRank: (string | undefined)[];
  }
>();

/**
 * Names in key order (by rank in the histories), looked up once per histories and names map. A map is always
 * looked up the first time, even one the cleaner made: its caller may have changed a name since.
 */
export function namesInKeyOrder(
  histories: CustomerHistories,
  names: ReadonlyMap<string, string>,
): (string | undefined)[] {
  const cached = alignedNames.get(histories);
  if (cached && cached.names === names && cached.size === names.size) return cached.byRank;
  const byRank = histories.keys.map((k) => names.get(k));
  alignedNames.set(histories, { names, source: null, size: names.size, byRank });
  return byRank;
}

/**
 * cleaned.names in key order for its histories, or null when there are no names: what namesInKeyOrder gives,
 * but without making the names Map when no caller has read it and the histories carry the cleaner's names.
 */
export function cleanedNamesInKeyOrder(
  cleaned: CleanResult,
  histories: CustomerHistories,
): (string | undefined)[] | null {
  const source = unreadCleanerNames(cleaned);
  const cached = alignedNames.get(histories);
  if (source !== null && cached !== undefined && cached.source === source)
    return source.found.length > 0 ? cached.byRank : null;
  const names = cleaned.names;
  return names.size > 0 ? namesInKeyOrder(histories, names) : null;
}

/**
 * §3 summaries as of `asOf`, sorted by customer key. Only orders on or before asOf count; customers without a
 * purchase day by then (none yet, or only refunds) have no summary. F counts distinct purchase days (same-day
 * orders merge); an order with a negative net amount is a refund: it lowers M but is not a purchase.
 */
export function summarize(
  histories: CustomerHistories,
  asOf: DayNumber,
  names?: ReadonlyMap<string, string>,
): SummaryWithSecond[] {
  return summariesNamed(histories, asOf, names && names.size > 0 ? namesInKeyOrder(histories, names) : null);
}

/**
 * summarize with the names already in key order (null: none). `figures`, when given, are the histories'
 * figures as of asOf already walked (figuresAtTwoDates' later columns): read rather than walked again.
 */
export function summariesNamed(
  histories: CustomerHistories,
  asOf: DayNumber,
  aligned: readonly (string | undefined)[] | null,
  figures?: FiguresColumns,
): SummaryWithSecond[] {
  if (figures !== undefined && figures.asOf !== asOf)
    throw new Error("summariesNamed: figures of another day");
  const { keys } = histories;
  const out: SummaryWithSecond[] = [];
  const f = emptyFigures();
  for (let r = 0; r < keys.length; r++) {
    if (!(figures ? readFigures(figures, r, f) : figuresOf(histories, r, asOf, f))) continue;
    const summary: SummaryWithSecond = {
      customerKey: keys[r],
      purchases: f.purchases,
      orders: f.orders,
      monetary: f.monetary,
      firstPurchase: f.firstPurchase,
      lastPurchase: f.lastPurchase,
      previousPurchase: f.previousPurchase,
      recencyDays: f.recencyDays,
      tenureDays: f.tenureDays,
      avgIntervalDays: f.avgIntervalDays,
      secondPurchase: f.secondPurchase,
    };
    const name = aligned?.[r];
    if (name !== undefined) summary.name = name;
    out.push(summary);
  }
  return out;
}

/** Days between consecutive purchase days (≤ asOf) of every customer: the shop's repurchase cycle sample. */
export function repurchaseIntervals(histories: CustomerHistories, asOf: DayNumber): number[] {
  return Array.from(repurchaseIntervalArray(histories, asOf));
}

/**
 * The same intervals in a typed array, what the median needs: a customer has fewer intervals than orders, so
 * one array the size of the orders holds them all without growing a JS array of 300k numbers.
 */
export function repurchaseIntervalArray(histories: CustomerHistories, asOf: DayNumber): Float64Array {
  const { keys, start, days, amounts } = histories;
  const out = new Float64Array(days.length);
  let n = 0;
  for (let r = 0; r < keys.length; r++) {
    let bought = false;
    let last = 0;
    const hi = start[r + 1];
    for (let j = start[r]; j < hi; j++) {
      const day = days[j];
      if (day > asOf) break;
      if (amounts[j] < 0) continue;
      if (bought && day !== last) out[n++] = day - last;
      bought = true;
      last = day;
    }
  }
  return out.subarray(0, n);
}

/** Median (mean of the two middle values for an even count); null for no values. Does not reorder the input. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = Float64Array.from(xs).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Net sales and buyers in the days from..to inclusive (diagnosis Q1: annual LTV per customer). A buyer is a
 * customer with at least one purchase (non-negative order) in the window.
 */
export function salesBetween(
  histories: CustomerHistories,
  from: DayNumber,
  to: DayNumber,
): { revenue: number; buyers: number } {
  const { keys, start, days, amounts } = histories;
  let revenue = 0;
  let buyers = 0;
  for (let r = 0; r < keys.length; r++) {
    let bought = false;
    const hi = start[r + 1];
    for (let j = start[r]; j < hi; j++) {
      const day = days[j];
      if (day > to) break;
      if (day < from) continue;
      revenue += amounts[j];
      if (amounts[j] >= 0) bought = true;
    }
    if (bought) buyers++;
  }
  return { revenue, buyers };
}
