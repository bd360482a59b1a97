/**
 * RFM scores (1–5) and named segments, as the R package rfm (rsquaredacademy/rfm 0.3.0) computes them
 * in rfm_table_order() and rfm_segment(). An optional lens beside the seed's lifecycle states.
 *
 * Scores, exactly as the package does it (R/utils.R `bins`, `bins_lower`, `bins_upper`):
 * - cut points = R's default (type 7) quantiles at 20 %, 40 %, 60 %, 80 % of the customers' values, plus 1;
 * - bin i covers [lower_i, upper_i) with lower = (min, cuts…) and upper = (cuts…, max + 1);
 * - frequency and monetary score = bin number (1 = lowest); recency score = 6 − bin (recent = 5).
 * The "+ 1" is the package's own quirk (a value just above a quantile stays in the lower bin); we keep
 * it so that our scores equal the package's on the same data.
 * Segments: the package's rule table (README and rfm-introduction vignette; RFM_SEGMENT_RULES in rfmSegments.ts),
 * first matching rule wins.
 * Differences from the package are listed in docs/model.md.
 */
import { kthLargest } from "../select";
import type { CustomerRfm, CustomerSummary, RfmBins, RfmSegment, RfmThresholds } from "../types";
import { RFM_SEGMENT_RULES, type RfmScoreRange, type RfmSegmentRule } from "./rfmSegments";

export type { RfmBins, RfmSegment, RfmThresholds } from "../types";
export {
  RFM_SEGMENT_LABELS,
  RFM_SEGMENT_ORDER,
  RFM_SEGMENT_RULES,
  type RfmSegmentGuide,
  type RfmSegmentRule,
  rfmSegmentLabel,
} from "./rfmSegments";

export interface RfmInput {
  customerKey: string;
  /** Days from the last purchase to the analysis date. */
  recencyDays: number;
  /** Number of orders (the package counts transactions = rows of the order table). */
  frequency: number;
  /** Total revenue. */
  monetary: number;
}

export interface RfmScore {
  customerKey: string;
  recencyScore: number;
  frequencyScore: number;
  monetaryScore: number;
  /** R×100 + F×10 + M, as the package's rfm_score (e.g. 543). */
  rfmScore: number;
  segment: RfmSegment;
}

export interface RfmResult {
  customers: RfmScore[];
  thresholds: RfmThresholds;
}

/**
 * R's quantile(x, probs) with the default type 7, at probs = seq(0, 1, length.out = n + 1) — the same
 * floating-point steps as R (k × (1/n), so 3 × 0.2 = 0.6000000000000001, then 1 + (N − 1) × p).
 * `at(i)` is the i-th smallest value (1-based), so the caller chooses between a sort and selection.
 */
function quantilesType7(n: number, at: (i: number) => number, nBins: number): number[] {
  const by = 1 / nBins;
  const out: number[] = [];
  for (let k = 0; k <= nBins; k++) {
    const p = k === nBins ? 1 : k === 0 ? 0 : k * by;
    const index = 1 + Math.max(n - 1, 0) * p; // 1-based, as in R
    const lo = Math.floor(index);
    const hi = Math.ceil(index);
    let q = at(lo);
    if (index > lo) {
      const next = at(hi);
      if (next !== q) {
        const h = index - lo;
        q = (1 - h) * q + h * next;
      }
    }
    out.push(q);
  }
  return out;
}

/**
 * The package's bins: interior quantiles + 1, bounded by the minimum and the maximum + 1. The order statistics
 * come from quickselect on one copy (O(n) each, a dozen of them) instead of a sort: a third of the time at 200k.
 */
export function rfmBins(values: ArrayLike<number>, nBins = 5): RfmBins {
  const copy = Float64Array.from(values);
  const n = copy.length;
  const q = quantilesType7(n, (i) => kthLargest(copy, n - i + 1), nBins);
  const cuts = q.slice(1, nBins).map((v) => v + 1);
  return { lower: [q[0], ...cuts], upper: [...cuts, q[nBins] + 1] };
}

function binOf(value: number, bins: RfmBins): number {
  // R assigns in a loop, later bins overwriting earlier ones; with non-decreasing cuts the bins are
  // disjoint, so the last match is the only match.
  let found = 0;
  for (let i = 0; i < bins.lower.length; i++) {
    if (value >= bins.lower[i] && value < bins.upper[i]) found = i + 1;
  }
  return found;
}

export function rfmSegmentOf(
  recency: number,
  frequency: number,
  monetary: number,
  rules: readonly RfmSegmentRule[] = RFM_SEGMENT_RULES,
): RfmSegment {
  const within = (v: number, [lo, hi]: RfmScoreRange) => v >= lo && v <= hi;
  for (const rule of rules) {
    if (
      within(recency, rule.recency) &&
      within(frequency, rule.frequency) &&
      within(monetary, rule.monetary)
    ) {
      return rule.segment;
    }
  }
  return "others";
}

/**
 * Segments of the default rules for every (R, F, M) in 1–5, so scoring a customer is a lookup, not a scan. Built on
 * first use, not at load: every custom-function call evaluates the whole Apps Script bundle, and few score RFM.
 */
let defaultSegments: readonly RfmSegment[] | null = null;

function segmentFor(r: number, f: number, m: number, rules: readonly RfmSegmentRule[]): RfmSegment {
  if (rules !== RFM_SEGMENT_RULES) return rfmSegmentOf(r, f, m, rules);
  if (defaultSegments === null)
    defaultSegments = Array.from({ length: 125 }, (_, i) =>
      rfmSegmentOf(1 + Math.floor(i / 25), 1 + (Math.floor(i / 5) % 5), 1 + (i % 5)),
    );
  return defaultSegments[(r - 1) * 25 + (f - 1) * 5 + (m - 1)];
}

/**
 * Scores of customers given as three columns (index i = one customer); every value must be finite. Bins are
 * computed from all of them; an empty set gives no scores and empty bins.
 */
function scoreColumns(
  recencyDays: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  rules: readonly RfmSegmentRule[],
): { scores: CustomerRfm[]; thresholds: RfmThresholds } {
  const n = recencyDays.length;
  if (n === 0) {
    const none = { lower: [], upper: [] };
    return { scores: [], thresholds: { recency: none, frequency: none, monetary: none } };
  }
  const thresholds = {
    recency: rfmBins(recencyDays),
    frequency: rfmBins(frequency),
    monetary: rfmBins(monetary),
  };
  const top = thresholds.recency.lower.length + 1;
  const scores: CustomerRfm[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = top - binOf(recencyDays[i], thresholds.recency);
    const f = binOf(frequency[i], thresholds.frequency);
    const m = binOf(monetary[i], thresholds.monetary);
    scores[i] = { r, f, m, segment: segmentFor(r, f, m, rules) };
  }
  return { scores, thresholds };
}

/** Scores and segments for every customer with finite values; an empty list gives an empty result. */
export function rfmScores(
  inputs: readonly RfmInput[],
  rules: readonly RfmSegmentRule[] = RFM_SEGMENT_RULES,
): RfmResult {
  const usable = inputs.filter(
    (c) => Number.isFinite(c.recencyDays) && Number.isFinite(c.frequency) && Number.isFinite(c.monetary),
  );
  const { scores, thresholds } = scoreColumns(
    usable.map((c) => c.recencyDays),
    usable.map((c) => c.frequency),
    usable.map((c) => c.monetary),
    rules,
  );
  const customers = scores.map(
    ({ r, f, m, segment }, i): RfmScore => ({
      customerKey: usable[i].customerKey,
      recencyScore: r,
      frequencyScore: f,
      monetaryScore: m,
      rfmScore: r * 100 + f * 10 + m,
      segment,
    }),
  );
  return { customers, thresholds };
}

/** RFM inputs from Sodatsu's customer summaries: F = counted orders, M = net amount, R = recency days. */
export function rfmInputsFromSummaries(summaries: readonly CustomerSummary[]): RfmInput[] {
  return summaries.map((s) => ({
    customerKey: s.customerKey,
    recencyDays: s.recencyDays,
    frequency: s.orders,
    monetary: s.monetary,
  }));
}

/**
 * The lens as analyze uses it: scores[i] belongs to summaries[i] (same measures as rfmInputsFromSummaries),
 * read straight into typed columns so 200k customers cost a dozen quickselects and no per-customer input objects.
 * Summaries always hold finite figures; should one not, every customer gets null rather than a wrong score.
 */
export function rfmOfSummaries(summaries: readonly CustomerSummary[]): {
  scores: (CustomerRfm | null)[];
  thresholds: RfmThresholds | null;
} {
  const n = summaries.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = summaries[i];
    recency[i] = s.recencyDays;
    frequency[i] = s.orders;
    monetary[i] = s.monetary;
    if (!Number.isFinite(recency[i] + frequency[i] + monetary[i]))
      return { scores: new Array(n).fill(null), thresholds: null };
  }
  if (n === 0) return { scores: [], thresholds: null };
  return scoreColumns(recency, frequency, monetary, RFM_SEGMENT_RULES);
}
