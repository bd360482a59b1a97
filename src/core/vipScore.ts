import { countPositive, positiveValues, sortPositive } from "./select";
import type { Settings } from "./types";

export interface VipScoreInput {
  purchases: number;
  recencyDays: number;
  monetary: number;
  relationshipPoints: number;
}

export interface VipScoreContext {
  settings: Pick<Settings, "vipMinPurchases" | "vipRecencyDays" | "atRiskDays" | "vipMinPoints">;
  /** Without engagement data the relationship axis is left out and the other three are scaled to 100. */
  engagementLoaded: boolean;
  /** Share (0–1) of the shop's customers with M > 0 whose M ≤ m; see monetaryShareOf. */
  monetaryShare: (m: number) => number;
}

export interface VipScore {
  /** 0–100, unrounded (adapters round for display). */
  score: number;
  /** Continuation value (継続価値: F, R, M) on its own 0–100 scale. */
  continuation: number;
  /** Relationship value (関係価値: points) on its own 0–100 scale; 0 when no engagement data is loaded. */
  relationship: number;
  /** The §7 parts in formula points: frequency ≤ 25, recency ≤ 20, monetary ≤ 15, relationship ≤ 40. */
  parts: { frequency: number; recency: number; monetary: number; relationship: number };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** 1 while the purchase is recent enough for VIP, falling linearly to 0 at the dormancy line. */
function recencyFactor(r: number, s: VipScoreContext["settings"]): number {
  if (r <= s.vipRecencyDays) return 1;
  if (r > s.atRiskDays) return 0;
  return clamp01((s.atRiskDays - r) / (s.atRiskDays - s.vipRecencyDays));
}

/**
 * §7 VIP score from the two axes of seed 001: continuation (F 25, R 20, M 15) and relationship (40). Every part is
 * non-decreasing in F, M and points and non-increasing in R, so the score never falls when a customer does more.
 */
export function vipScore(input: VipScoreInput, ctx: VipScoreContext): VipScore {
  const f = vipScoreInto(input.purchases, input.recencyDays, input.monetary, input.relationshipPoints, ctx, {
    ...EMPTY_FIGURES,
  });
  return {
    score: f.score,
    continuation: f.continuation,
    relationship: f.relationship,
    parts: {
      frequency: f.frequency,
      recency: f.recency,
      monetary: f.monetaryPart,
      relationship: f.relationshipPart,
    },
  };
}

/** vipScore's figures, flat: what vipScoreInto writes into one object reused for every customer. */
export interface VipScoreFigures {
  score: number;
  continuation: number;
  relationship: number;
  /** The §7 parts in formula points (VipScore.parts). */
  frequency: number;
  recency: number;
  monetaryPart: number;
  relationshipPart: number;
}

const EMPTY_FIGURES: VipScoreFigures = {
  score: 0,
  continuation: 0,
  relationship: 0,
  frequency: 0,
  recency: 0,
  monetaryPart: 0,
  relationshipPart: 0,
};

/** A VipScoreFigures to pass to vipScoreInto again and again. */
export const emptyVipScoreFigures = (): VipScoreFigures => ({ ...EMPTY_FIGURES });

/**
 * vipScore from plain numbers into `out` (returned): analyzeCleaned scores 200k customers, and an input object,
 * a result and its parts for each were 600k short-lived objects for the GC. The same arithmetic as vipScore.
 */
export function vipScoreInto(
  purchases: number,
  recencyDays: number,
  monetary: number,
  relationshipPoints: number,
  ctx: VipScoreContext,
  out: VipScoreFigures,
): VipScoreFigures {
  const share = monetary > 0 ? ctx.monetaryShare(monetary) : 0;
  return vipScoreOfShare(purchases, recencyDays, share, relationshipPoints, ctx, out);
}

/**
 * vipScoreInto with the customer's monetary share already known (0 for M ≤ 0): analyzeCleaned reads every
 * customer's share from monetaryRanks instead of a binary search per customer (~50 ms of cache and branch misses
 * at 177k customers).
 */
export function vipScoreOfShare(
  purchases: number,
  recencyDays: number,
  monetaryShare: number,
  relationshipPoints: number,
  ctx: Omit<VipScoreContext, "monetaryShare">,
  out: VipScoreFigures,
): VipScoreFigures {
  const s = ctx.settings;
  const frequency = 25 * clamp01(s.vipMinPurchases > 0 ? purchases / s.vipMinPurchases : 1);
  const recency = 20 * recencyFactor(recencyDays, s);
  const monetaryPart = monetaryShare > 0 ? 15 * clamp01(monetaryShare) : 0;
  const relationshipFactor = ctx.engagementLoaded
    ? clamp01(s.vipMinPoints > 0 ? relationshipPoints / s.vipMinPoints : 1)
    : 0;
  const relationshipPart = 40 * relationshipFactor;
  const continuationPoints = frequency + recency + monetaryPart;
  const continuation = (continuationPoints * 100) / 60;
  out.score = ctx.engagementLoaded ? continuationPoints + relationshipPart : continuation;
  out.continuation = continuation;
  out.relationship = relationshipFactor * 100;
  out.frequency = frequency;
  out.recency = recency;
  out.monetaryPart = monetaryPart;
  out.relationshipPart = relationshipPart;
  return out;
}

/**
 * Every customer's monetary share at once, with the sorted M > 0 (what the top cut reads): one argsort of the
 * positive M, then each run of equal values gives its customers the share of values ≤ it, as monetaryShareOf's
 * binary search would. `shares[i]` is for monetaries[i]; 0 for M ≤ 0.
 */
export function monetaryRanks(monetaries: ArrayLike<number>): { sorted: Float64Array; shares: Float64Array } {
  const { values: sorted, rows: rowOf } = positiveMonetaries(monetaries);
  sortPositive(sorted, rowOf);
  const n = sorted.length;
  const shares = new Float64Array(monetaries.length);
  for (let end = n; end > 0; ) {
    let from = end - 1;
    while (from > 0 && sorted[from - 1] === sorted[end - 1]) from--;
    const share = end / n;
    for (let k = from; k < end; k++) shares[rowOf[k]] = share;
    end = from;
  }
  return { sorted, shares };
}

/**
 * The §7 monetary share as a function: the customers' M > 0 are sorted once, and each lookup is a binary search
 * (share of customers with M > 0 whose M ≤ m). 0 for m ≤ 0 or when no customer has M > 0.
 */
export function monetaryShareOf(monetaries: ArrayLike<number>): (m: number) => number {
  return monetaryShareOfSorted(sortedPositiveMonetaries(monetaries));
}

/** The customers' M > 0, ascending: monetaryShareOf's table, from which topMonetaryCutOfSorted reads the cut too. */
export function sortedPositiveMonetaries(monetaries: ArrayLike<number>): Float64Array {
  // No rows: the custom functions' VIP_SCORE sorts the sheet's M once per call and needs only the values.
  const values = positiveValues(monetaries);
  sortPositive(values);
  return values;
}

/** The M > 0 of `monetaries`, in their order, and where each came from. */
function positiveMonetaries(monetaries: ArrayLike<number>): { values: Float64Array; rows: Int32Array } {
  const n = countPositive(monetaries);
  const values = new Float64Array(n);
  const rows = new Int32Array(n);
  let w = 0;
  for (let i = 0; i < monetaries.length; i++)
    if (monetaries[i] > 0) {
      values[w] = monetaries[i];
      rows[w++] = i;
    }
  return { values, rows };
}

/** monetaryShareOf over sortedPositiveMonetaries' result (kept by the function, not copied). */
export function monetaryShareOfSorted(sorted: Float64Array): (m: number) => number {
  const n = sorted.length;
  return (m: number) => {
    if (!(m > 0) || n === 0) return 0;
    let lo = 0;
    let hi = n; // first index with sorted[i] > m
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= m) lo = mid + 1;
      else hi = mid;
    }
    return lo / n;
  };
}
