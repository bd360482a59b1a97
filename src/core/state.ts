import { kthLargest, positiveValues } from "./select";
import type { CustomerState, CustomerSummary, MembershipStatus, Settings, Stage } from "./types";

/** What §5 looks at for one customer; a CustomerSummary has all of it. */
export type StateInput = Pick<
  CustomerSummary,
  "purchases" | "recencyDays" | "monetary" | "lastPurchase" | "previousPurchase"
> & {
  /** Membership status when a members table is loaded and lists this customer; otherwise absent / null. */
  membership?: MembershipStatus | null;
  /** Relationship points (§7); only looked at when engagement data is loaded. */
  relationshipPoints?: number;
};

export interface StateContext {
  settings: Settings;
  /** The top-percent monetary cut of the shop (topMonetaryCut); null when no customer has M > 0. */
  topCut: number | null;
  /** Whether any engagement data is loaded: only then does the VIP condition ask for relationship points. */
  engagementLoaded: boolean;
}

/** §5 stage from F: 1 → first (新規), 2 … vipMinPurchases−1 → nurturing (育成), ≥ vipMinPurchases → established (定着). */
export function stageOf(purchases: number, settings: Pick<Settings, "vipMinPurchases">): Stage {
  if (purchases >= settings.vipMinPurchases) return "established";
  return purchases <= 1 ? "first" : "nurturing";
}

/**
 * §5 topCut: among customers with M > 0 (N of them), k = max(1, ceil(N × vipTopPercent / 100)) and the cut is the
 * k-th largest M. Everyone with M ≥ cut qualifies, so ties at the cut all count ("累計LTVが上位1%").
 * Null when no customer has M > 0 (then nobody is VIP by monetary value).
 */
export function topMonetaryCut(monetaries: ArrayLike<number>, vipTopPercent: number): number | null {
  const positive = positiveValues(monetaries);
  if (positive.length === 0) return null;
  return kthLargest(positive, topCutRank(positive.length, vipTopPercent));
}

/** topMonetaryCut when the customers' M > 0 are already sorted ascending (sortedPositiveMonetaries in vipScore.ts). */
export function topMonetaryCutOfSorted(sortedPositive: Float64Array, vipTopPercent: number): number | null {
  const n = sortedPositive.length;
  if (n === 0) return null;
  return sortedPositive[n - topCutRank(n, vipTopPercent)];
}

/** k of topMonetaryCut among n customers with M > 0 (1 … n). */
function topCutRank(n: number, vipTopPercent: number): number {
  // The epsilon keeps exact products exact: 250 × 64.4 / 100 is 161.00000000000003 in floating point, and
  // ceil would make it 162.
  const k = Math.max(1, Math.ceil((n * vipTopPercent) / 100 - 1e-9));
  return Math.min(k, n);
}

/**
 * §5 VIP condition: [(F ≥ vipMinPurchases and R ≤ vipRecencyDays) or M ≥ topCut] and, when engagement data is
 * loaded, relationship points ≥ vipMinPoints. Paused and cancelled members are never VIP (seed 001: "優良は基本
 * 01継続の中から定義").
 */
export function isVip(input: StateInput, ctx: StateContext): boolean {
  if (input.membership === "paused" || input.membership === "cancelled") return false;
  const s = ctx.settings;
  const strong = input.purchases >= s.vipMinPurchases && input.recencyDays <= s.vipRecencyDays;
  const top = ctx.topCut !== null && input.monetary > 0 && input.monetary >= ctx.topCut;
  if (!strong && !top) return false;
  return !ctx.engagementLoaded || (input.relationshipPoints ?? 0) >= s.vipMinPoints;
}

/** §5 lifecycle state; the first rule that matches wins (the order is the rule book's). */
export function classifyState(input: StateInput, ctx: StateContext): CustomerState {
  const s = ctx.settings;
  if (input.membership === "paused") return "paused";
  if (input.membership === "cancelled") return "cancelled";
  if (input.recencyDays > s.atRiskDays) return "dormant";
  if (
    input.purchases >= 2 &&
    input.previousPurchase !== null &&
    input.lastPurchase - input.previousPurchase > s.atRiskDays
  )
    return "winback";
  if (isVip(input, ctx)) return "vip";
  if (input.purchases <= s.newMaxPurchases) return "new";
  if (input.recencyDays <= s.activeDays) return "active";
  return "at_risk";
}
