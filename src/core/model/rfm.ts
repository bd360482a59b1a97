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
 * Segments: the package's rule table (README and rfm-introduction vignette), first matching rule wins.
 * Differences from the package are listed in docs/model.md.
 */
import type { CustomerSummary } from "../types";

export interface RfmInput {
  customerKey: string;
  /** Days from the last purchase to the analysis date. */
  recencyDays: number;
  /** Number of orders (the package counts transactions = rows of the order table). */
  frequency: number;
  /** Total revenue. */
  monetary: number;
}

export type RfmSegment =
  | "champions"
  | "potential_loyalist"
  | "loyal_customers"
  | "promising"
  | "new_customers"
  | "cant_lose_them"
  | "at_risk"
  | "need_attention"
  | "about_to_sleep"
  | "lost"
  | "others";

export interface RfmScore {
  customerKey: string;
  recencyScore: number;
  frequencyScore: number;
  monetaryScore: number;
  /** R×100 + F×10 + M, as the package's rfm_score (e.g. 543). */
  rfmScore: number;
  segment: RfmSegment;
}

/** Bin edges of one measure: bin i is [lower[i], upper[i]). */
export interface RfmBins {
  lower: number[];
  upper: number[];
}

export interface RfmResult {
  customers: RfmScore[];
  thresholds: { recency: RfmBins; frequency: RfmBins; monetary: RfmBins };
}

type Range = readonly [number, number];

export interface RfmSegmentRule {
  segment: Exclude<RfmSegment, "others">;
  recency: Range;
  frequency: Range;
  monetary: Range;
}

/** The package's table (rfm 0.3.0 README / vignette), in its order; the first matching rule wins. */
export const RFM_SEGMENT_RULES: readonly RfmSegmentRule[] = [
  { segment: "champions", recency: [5, 5], frequency: [5, 5], monetary: [5, 5] },
  { segment: "potential_loyalist", recency: [3, 5], frequency: [3, 5], monetary: [2, 5] },
  { segment: "loyal_customers", recency: [2, 4], frequency: [2, 4], monetary: [2, 4] },
  { segment: "promising", recency: [3, 4], frequency: [1, 3], monetary: [3, 5] },
  { segment: "new_customers", recency: [4, 5], frequency: [1, 3], monetary: [1, 5] },
  { segment: "cant_lose_them", recency: [1, 2], frequency: [3, 4], monetary: [4, 5] },
  { segment: "at_risk", recency: [1, 2], frequency: [2, 5], monetary: [4, 5] },
  { segment: "need_attention", recency: [1, 3], frequency: [3, 5], monetary: [3, 5] },
  { segment: "about_to_sleep", recency: [2, 3], frequency: [1, 3], monetary: [1, 4] },
  { segment: "lost", recency: [1, 1], frequency: [1, 5], monetary: [1, 5] },
];

/** Names and the package's one-line descriptions, Japanese first. */
export const RFM_SEGMENT_LABELS: Record<
  RfmSegment,
  { ja: string; en: string; jaNote: string; enNote: string }
> = {
  champions: {
    ja: "チャンピオン",
    en: "Champions",
    jaNote: "最近買い、よく買い、いちばん多く使ってくれる",
    enNote: "Bought recently, buy often and spend the most",
  },
  potential_loyalist: {
    ja: "ロイヤル候補",
    en: "Potential Loyalist",
    jaNote: "最近のお客様で、複数回・十分な金額を買っている",
    enNote: "Recent customers, spent good amount, bought more than once",
  },
  loyal_customers: {
    ja: "ロイヤル顧客",
    en: "Loyal Customers",
    jaNote: "しっかり使ってくれ、お知らせにも反応する",
    enNote: "Spend good money. Responsive to promotions",
  },
  promising: {
    ja: "有望",
    en: "Promising",
    jaNote: "最近買っているが、まだ金額は大きくない",
    enNote: "Recent shoppers, but haven't spent much",
  },
  new_customers: {
    ja: "新規",
    en: "New Customers",
    jaNote: "最近買ったが、回数はまだ少ない",
    enNote: "Bought more recently, but not often",
  },
  cant_lose_them: {
    ja: "失いたくない顧客",
    en: "Can't Lose Them",
    jaNote: "よく・たくさん買っていたが、しばらく来ていない",
    enNote: "Made big purchases and often, but long time ago",
  },
  at_risk: {
    ja: "離反リスク",
    en: "At Risk",
    jaNote: "多く使い、よく買っていたが、前回から時間がたっている",
    enNote: "Spent big money, purchased often but long time ago",
  },
  need_attention: {
    ja: "要注意",
    en: "Need Attention",
    jaNote: "最近さ・回数・金額が平均より上",
    enNote: "Above average recency, frequency & monetary values",
  },
  about_to_sleep: {
    ja: "休眠寸前",
    en: "About To Sleep",
    jaNote: "最近さ・回数・金額が平均より下",
    enNote: "Below average recency, frequency & monetary values",
  },
  lost: {
    ja: "離反",
    en: "Lost",
    jaNote: "前回のご購入がずっと前",
    enNote: "Bought a long time ago, average amount spent",
  },
  others: {
    ja: "その他",
    en: "Others",
    jaNote: "どの条件にも当てはまらない",
    enNote: "Matches no rule",
  },
};

/**
 * R's quantile(x, probs) with the default type 7, at probs = seq(0, 1, length.out = n + 1) — the same
 * floating-point steps as R (k × (1/n), so 3 × 0.2 = 0.6000000000000001, then 1 + (N − 1) × p).
 */
function quantilesType7(sorted: readonly number[], nBins: number): number[] {
  const n = sorted.length;
  const by = 1 / nBins;
  const out: number[] = [];
  for (let k = 0; k <= nBins; k++) {
    const p = k === nBins ? 1 : k === 0 ? 0 : k * by;
    const index = 1 + Math.max(n - 1, 0) * p; // 1-based, as in R
    const lo = Math.floor(index);
    const hi = Math.ceil(index);
    let q = sorted[lo - 1];
    if (index > lo && sorted[hi - 1] !== q) {
      const h = index - lo;
      q = (1 - h) * q + h * sorted[hi - 1];
    }
    out.push(q);
  }
  return out;
}

/** The package's bins: interior quantiles + 1, bounded by the minimum and the maximum + 1. */
export function rfmBins(values: readonly number[], nBins = 5): RfmBins {
  const sorted = [...values].sort((a, b) => a - b);
  const q = quantilesType7(sorted, nBins);
  const cuts = q.slice(1, nBins).map((v) => v + 1);
  return { lower: [sorted[0], ...cuts], upper: [...cuts, sorted[sorted.length - 1] + 1] };
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
  const within = (v: number, [lo, hi]: Range) => v >= lo && v <= hi;
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

/** Scores and segments for every customer; an empty list gives an empty result. */
export function rfmScores(
  inputs: readonly RfmInput[],
  rules: readonly RfmSegmentRule[] = RFM_SEGMENT_RULES,
): RfmResult {
  const usable = inputs.filter(
    (c) => Number.isFinite(c.recencyDays) && Number.isFinite(c.frequency) && Number.isFinite(c.monetary),
  );
  if (usable.length === 0) {
    const none = { lower: [], upper: [] };
    return { customers: [], thresholds: { recency: none, frequency: none, monetary: none } };
  }
  const recency = rfmBins(usable.map((c) => c.recencyDays));
  const frequency = rfmBins(usable.map((c) => c.frequency));
  const monetary = rfmBins(usable.map((c) => c.monetary));
  const nBins = recency.lower.length;
  const customers = usable.map((c): RfmScore => {
    const r = nBins + 1 - binOf(c.recencyDays, recency);
    const f = binOf(c.frequency, frequency);
    const m = binOf(c.monetary, monetary);
    return {
      customerKey: c.customerKey,
      recencyScore: r,
      frequencyScore: f,
      monetaryScore: m,
      rfmScore: r * 100 + f * 10 + m,
      segment: rfmSegmentOf(r, f, m, rules),
    };
  });
  return { customers, thresholds: { recency, frequency, monetary } };
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
