import { medianInPlace } from "./select";
import type { DayNumber, MembershipStatus, Segment, Settings } from "./types";

/** §5b: "response" and "just left" look back this many days (R-style: 0 … 90 days before the as-of date). */
export const RECENT_WINDOW_DAYS = 90;

export interface SegmentInput {
  membership: MembershipStatus | null;
  /** The member's since date (for cancelled members: when they left); null when unknown. */
  memberSince: DayNumber | null;
  purchases: number;
  orders: number;
  monetary: number;
  recencyDays: number;
}

export interface SegmentContext {
  settings: Pick<Settings, "vipMinPurchases" | "activeDays">;
  asOf: DayNumber;
  /** The shop's median order value (medianOrderValue); null when the export has no amounts. */
  medianOrderValue: number | null;
}

/**
 * §5b, the practical six segments of seed 000; first match wins. Order value is the customer's average order
 * value (M ÷ orders), so two orders on the same day do not look like one big order. Without amounts (no median)
 * the two value-based segments cannot be told and are skipped. Old cancellations get no segment (null).
 */
export function segmentOf(input: SegmentInput, ctx: SegmentContext): Segment | null {
  return segmentOfFigures(
    input.membership,
    input.memberSince,
    input.purchases,
    input.orders,
    input.monetary,
    input.recencyDays,
    ctx,
  );
}

/** segmentOf from plain values: analyzeCleaned segments 200k customers without an input object for each. */
export function segmentOfFigures(
  membership: MembershipStatus | null,
  memberSince: DayNumber | null,
  purchases: number,
  orders: number,
  monetary: number,
  recencyDays: number,
  ctx: SegmentContext,
): Segment | null {
  if (membership === "paused") return "paused";
  if (membership === "cancelled") {
    const recent = memberSince === null || ctx.asOf - memberSince <= RECENT_WINDOW_DAYS;
    return recent ? "just_left" : null;
  }
  const median = ctx.medianOrderValue;
  if (median !== null && median > 0 && orders > 0) {
    const orderValue = monetary / orders;
    if (purchases === 1 && orderValue >= 2 * median) return "high_value_single";
    if (purchases >= 2 && purchases < ctx.settings.vipMinPurchases && orderValue <= median)
      return "low_value_repeat";
  }
  return recencyDays <= ctx.settings.activeDays ? "stable" : "slipping";
}

/**
 * The shop's median order value: the median (mean of the two middle values when even) of the net amounts of
 * counted purchase orders (amount > 0) on or before the as-of date, given as parallel arrays of order days and
 * amounts (CustomerHistories has them as typed arrays). Null when there are none. Linear time.
 */
export function medianOrderValue(
  days: ArrayLike<DayNumber>,
  amounts: ArrayLike<number>,
  asOf: DayNumber,
): number | null {
  const n = countPurchasesBy(days, amounts, asOf);
  if (n === 0) return null;
  const values = new Float64Array(n);
  let w = 0;
  for (let i = 0; i < amounts.length; i++) if (amounts[i] > 0 && days[i] <= asOf) values[w++] = amounts[i];
  return medianInPlace(values);
}

/** Orders with a positive amount on or before asOf (its own function: see countPositive in select.ts). */
function countPurchasesBy(days: ArrayLike<DayNumber>, amounts: ArrayLike<number>, asOf: DayNumber): number {
  let n = 0;
  for (let i = 0; i < amounts.length; i++) if (amounts[i] > 0 && days[i] <= asOf) n++;
  return n;
}

/** §5b `engaged`: any engagement action within the last 90 days (0 ≤ as-of − day ≤ 90). */
export function isEngaged(lastEngagement: DayNumber | null, asOf: DayNumber): boolean {
  return lastEngagement !== null && asOf - lastEngagement >= 0 && asOf - lastEngagement <= RECENT_WINDOW_DAYS;
}
