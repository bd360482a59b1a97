/**
 * Per-customer BG/NBD predictions for the customer sheet: fit the shop's own parameters (in days) on
 * its customer summaries, then P(alive), expected purchases in the next 90 days and the expected day
 * of the next purchase. A shop with too little history gets no predictions and a ja/en note saying why;
 * no cell ever receives NaN or Infinity.
 *
 * Definitions (also in docs/model.md):
 * - x = purchase days − 1, t_x = last − first purchase day, T = as-of day − first purchase day.
 * - expectedNextPurchase = as-of + d, where d is the smallest whole number of days with E[Y(d)] ≥ 1
 *   (by that day the model expects one purchase); null when that takes longer than 730 days.
 *   BG/NBD is memoryless while a customer is alive, so d does not shrink as the "usual" gap nears.
 * - pAlive is null for customers with a single purchase day: BG/NBD lets customers drop out only right
 *   after a purchase, so for them it always says 100 %, which would mislead. Their expected purchases
 *   are still given (they do fall as the silence grows).
 */
import type { CustomerSummary, DayNumber } from "../types";
import { type BgNbdParams, expectedPurchases, pAlive, type RfmTriple } from "./bgnbd";
import { fitShop } from "./fit";
import { SharedCurve } from "./purchaseCurves";

export interface BgNbdPrediction {
  pAlive: number | null;
  expectedPurchases90d: number | null;
  expectedNextPurchase: DayNumber | null;
}

export interface PredictOptions {
  /** Below this many customers the model is not fitted (default 50). */
  minCustomers: number;
  /** Longest wait reported as an expected next purchase (default 730 days). */
  nextPurchaseMaxDays: number;
}

export const DEFAULT_PREDICT_OPTIONS: PredictOptions = { minCustomers: 50, nextPurchaseMaxDays: 730 };
export const PREDICTION_HORIZON_DAYS = 90;

export interface PredictResult {
  /**
   * By customer key. Made when first read: a caller that walks the customers in the order it passed them reads
   * byIndex instead and never pays for a 100,000-entry Map (building and hashing it cost ~50 ms at 1M rows).
   */
  readonly predictions: Map<string, BgNbdPrediction>;
  /** The prediction of summaries[i] at i; undefined for a customer the model did not see or did not run for. */
  readonly byIndex: readonly (BgNbdPrediction | undefined)[];
  /** Why there are no predictions (too little history); null when the model ran. */
  note: { ja: string; en: string } | null;
  /** Fitted parameters in days; null when the model did not run. */
  params: BgNbdParams | null;
  /** Fit diagnostics for the report (log-likelihood, iterations), null when not fitted. */
  fit: { logLikelihood: number; iterations: number; customers: number } | null;
}

/** x, t_x, T in days for one customer as of a day; null when the customer starts after the as-of day. */
export function tripleOf(s: CustomerSummary, asOf: DayNumber): RfmTriple | null {
  const T = asOf - s.firstPurchase;
  const tx = s.lastPurchase - s.firstPurchase;
  const x = s.purchases - 1;
  if (!(T >= tx) || !(tx >= 0) || !(x >= 0)) return null;
  return { x, tx, T };
}

export interface ShopModel {
  /** Fitted parameters in days; null when the shop has too little history. */
  params: BgNbdParams | null;
  note: { ja: string; en: string } | null;
  fit: PredictResult["fit"];
  /** The customers the model saw (their positions in the summaries), with their (x, t_x, T) in days. */
  indexes: number[];
  triples: RfmTriple[];
}

/**
 * Fits the shop's BG/NBD parameters (in days) on its customer summaries without predicting anyone: the
 * summaries' (x, t_x, T) handed to fitShop (fit.ts), which holds the checks and the notes.
 */
export function fitShopModel(
  summaries: readonly CustomerSummary[],
  asOf: DayNumber,
  options: Partial<PredictOptions> = {},
): ShopModel {
  const o = { ...DEFAULT_PREDICT_OPTIONS, ...options };
  const indexes: number[] = [];
  const triples: RfmTriple[] = [];
  for (let i = 0; i < summaries.length; i++) {
    const t = tripleOf(summaries[i], asOf);
    if (!t) continue;
    indexes.push(i);
    triples.push(t);
  }
  return { ...fitShop(triples, o.minCustomers), indexes, triples };
}

export function predictCustomers(
  summaries: readonly CustomerSummary[],
  asOf: DayNumber,
  options: Partial<PredictOptions> = {},
): PredictResult {
  const o = { ...DEFAULT_PREDICT_OPTIONS, ...options };
  const model = fitShopModel(summaries, asOf, o);
  const byIndex = new Array<BgNbdPrediction | undefined>(summaries.length).fill(undefined);
  if (!model.params) return { predictions: new Map(), byIndex, note: model.note, params: null, fit: null };
  const values = predictCustomersFromTriples(model.triples, model.params, o.nextPurchaseMaxDays);
  // values[k] belongs to model.triples[k], the triple of summaries[model.indexes[k]].
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    byIndex[model.indexes[k]] = {
      pAlive: v.pAlive,
      expectedPurchases90d: v.expectedPurchases90d,
      expectedNextPurchase: v.nextPurchaseInDays === null ? null : asOf + v.nextPurchaseInDays,
    };
  }
  let predictions: Map<string, BgNbdPrediction> | null = null;
  return {
    get predictions() {
      if (predictions === null) {
        predictions = new Map();
        for (let i = 0; i < summaries.length; i++) {
          const p = byIndex[i];
          if (p) predictions.set(summaries[i].customerKey, p);
        }
      }
      return predictions;
    },
    byIndex,
    note: null,
    params: model.params,
    fit: model.fit,
  };
}

/**
 * predictCustomers as analyzeCleaned's model hook (ModelHooks.predict in analyze.ts) on the calling thread: the
 * fit runs when the hook is started, and collect hands back the finished result. `{ predict: predictCustomersNow }`
 * is what the add-on and the CLI pass (a second thread did not pay at 1M rows: a9d85df).
 */
export function predictCustomersNow(
  summaries: readonly CustomerSummary[],
  asOf: DayNumber,
  options: Partial<PredictOptions> = {},
): { collect(): PredictResult } {
  const result = predictCustomers(summaries, asOf, options);
  return { collect: () => result };
}

export interface TriplePrediction {
  pAlive: number | null;
  expectedPurchases90d: number | null;
  /** Days from the as-of day to the expected next purchase, or null. */
  nextPurchaseInDays: number | null;
}

/**
 * Predictions for triples in days under given parameters. Identical triples are computed once, and the
 * next-purchase bisection (about ten E[Y] evaluations per customer, most of the cost) shares its series
 * between the customers of one (x, T) (purchaseCurves.ts). Keys are numbers, not strings: at 100,000
 * customers building and hashing a string per customer cost more than the model itself.
 */
export function predictCustomersFromTriples(
  triples: readonly RfmTriple[],
  params: BgNbdParams,
  nextPurchaseMaxDays = DEFAULT_PREDICT_OPTIONS.nextPurchaseMaxDays,
): TriplePrediction[] {
  const n = triples.length;
  let maxX = 0;
  let maxT = 0;
  for (const t of triples) {
    if (!isWholeTriple(t)) return predictEach(triples, params, nextPurchaseMaxDays);
    if (t.x > maxX) maxX = t.x;
    if (t.T > maxT) maxT = t.T;
  }
  const span = maxT + 1;
  if ((maxX + 1) * span * span >= Number.MAX_SAFE_INTEGER)
    return predictEach(triples, params, nextPurchaseMaxDays);

  // Distinct triples, keyed (x, T, t_x) so that sorting the keys groups the customers of one (x, T). The keys are
  // sorted and deduplicated in a typed array and each customer finds its slot by binary search: a Map of 100k
  // number keys cost more than the sort and the searches together.
  const keyOf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = triples[i];
    keyOf[i] = (t.x * span + t.T) * span + t.tx;
  }
  const keys = distinctSorted(keyOf);
  const values = new Array<TriplePrediction>(keys.length);
  const curve = new SharedCurve(params, nextPurchaseMaxDays);
  let group = -1;
  for (let slot = 0; slot < keys.length; slot++) {
    const key = keys[slot];
    // Whole numbers below 2^53 all along: the key splits back into its triple exactly.
    const xT = Math.floor(key / span);
    const tx = key - xT * span;
    const x = Math.floor(xT / span);
    const T = xT - x * span;
    if (xT !== group) {
      group = xT;
      curve.select(x, T);
    }
    const alive = pAlive(x, tx, T, params);
    values[slot] = predictOne(x, alive, nextPurchaseMaxDays, (d) => curve.at(d, tx, alive));
  }
  const out = new Array<TriplePrediction>(n);
  for (let i = 0; i < n; i++) out[i] = values[slotOf(keys, keyOf[i])];
  return out;
}

/** The distinct values of xs in ascending order. */
function distinctSorted(xs: Float64Array): Float64Array {
  const sorted = xs.slice().sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i];
  return sorted.subarray(0, m);
}

/** Index of key in the ascending, distinct keys (it is there). */
function slotOf(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isWholeTriple = (t: RfmTriple): boolean =>
  Number.isInteger(t.x) &&
  Number.isInteger(t.tx) &&
  Number.isInteger(t.T) &&
  t.x >= 0 &&
  t.tx >= 0 &&
  t.T >= t.tx;

/** Triples that are not whole days (custom functions in weeks, bad input): one by one, as bgnbd.ts computes. */
function predictEach(triples: readonly RfmTriple[], p: BgNbdParams, maxDays: number): TriplePrediction[] {
  const cache = new Map<string, TriplePrediction>();
  return triples.map((t) => {
    const key = `${t.x},${t.tx},${t.T}`;
    let v = cache.get(key);
    if (!v) {
      v = predictOne(t.x, pAlive(t.x, t.tx, t.T, p), maxDays, (d) => expectedPurchases(d, t.x, t.tx, t.T, p));
      cache.set(key, v);
    }
    return v;
  });
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** One customer's predictions from P(alive) and E[Y(d)] (at); x only decides whether P(alive) is quoted. */
function predictOne(
  x: number,
  pAliveValue: number,
  maxDays: number,
  at: (d: number) => number,
): TriplePrediction {
  const alive = x === 0 ? null : finiteOrNull(pAliveValue);
  const e90 = finiteOrNull(at(PREDICTION_HORIZON_DAYS));
  return {
    pAlive: alive === null ? null : Math.min(1, Math.max(0, alive)),
    expectedPurchases90d: e90,
    nextPurchaseInDays: firstDayWithOnePurchase(at, maxDays, e90),
  };
}

/**
 * Smallest whole d in [1, maxDays] with E[Y(d)] ≥ 1, else null. E[Y] grows with d, so bisection; and
 * it is concave (the purchase rate only falls as drop-out accumulates), so the 90-day value already
 * computed narrows the search.
 */
export function daysUntilOneExpectedPurchase(
  t: RfmTriple,
  p: BgNbdParams,
  maxDays: number,
  e90: number | null = null,
): number | null {
  return firstDayWithOnePurchase((d) => expectedPurchases(d, t.x, t.tx, t.T, p), maxDays, e90);
}

/** The bisection of daysUntilOneExpectedPurchase over any evaluation of E[Y(d)]. */
function firstDayWithOnePurchase(
  at: (d: number) => number,
  maxDays: number,
  e90: number | null,
): number | null {
  let lo = 0; // E[Y(lo)] < 1
  let hi = maxDays; // E[Y(hi)] ≥ 1
  if (e90 !== null && e90 > 0 && PREDICTION_HORIZON_DAYS <= maxDays) {
    // Concavity with E[Y(0)] = 0 makes E[Y(d)]/d non-increasing, so the line through (90, e90) bounds
    // E[Y] from below before day 90 and from above after it: the answer is ≤ 90/e90 when e90 ≥ 1,
    // and ≥ 90/e90 otherwise.
    const bound = PREDICTION_HORIZON_DAYS / e90;
    if (e90 >= 1) hi = Math.min(hi, Math.max(1, Math.ceil(bound)));
    else lo = Math.min(maxDays - 1, Math.max(PREDICTION_HORIZON_DAYS, Math.ceil(bound) - 1));
  }
  if (hi === maxDays) {
    const far = at(maxDays);
    if (!Number.isFinite(far) || far < 1) return null;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const v = at(mid);
    if (!Number.isFinite(v)) return null;
    if (v >= 1) hi = mid;
    else lo = mid;
  }
  return hi;
}
