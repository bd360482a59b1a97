/**
 * What analyzeCleaned needs to know about one customer besides the summary, each looked up as of a given day:
 * relationship points, membership, visit days (or purchase days standing in for them).
 */
import { FAN_WINDOW_DAYS } from "./fan";
import type { StateInput } from "./state";
import type { CustomerHistories } from "./summary";
import type {
  CustomerSummary,
  DayNumber,
  EngagementRecord,
  MemberRecord,
  MembershipStatus,
  Settings,
  VisitRecord,
} from "./types";

/** One customer's engagement as of the as-of date and as of one month earlier (§7 points, §5b engaged). */
export interface CustomerEngagement {
  points: number;
  previousPoints: number;
  /** Last engagement day on or before the as-of date; null when none. */
  last: DayNumber | null;
}

/** Engagement per customer in one pass: points as of both dates, and the last day (actions after asOf ignored). */
export function engagementByCustomer(
  records: readonly EngagementRecord[] | undefined,
  asOf: DayNumber,
  previousAsOf: DayNumber,
  settings: Settings,
): Map<string, CustomerEngagement> {
  const out = new Map<string, CustomerEngagement>();
  for (const r of records ?? []) {
    if (r.day > asOf) continue;
    let e = out.get(r.customerKey);
    if (!e) {
      e = { points: 0, previousPoints: 0, last: null };
      out.set(r.customerKey, e);
    }
    const points = settings.actionPoints[r.action] ?? 0;
    e.points += points;
    if (r.day <= previousAsOf) e.previousPoints += points;
    if (e.last === null || r.day > e.last) e.last = r.day;
  }
  return out;
}

/**
 * Membership as it stood on a day. The members table holds only the current status and since when; before
 * that date the member was (as far as the data tells) an active member.
 */
export function membershipOn(m: MemberRecord | undefined, day: DayNumber): MembershipStatus | null {
  if (!m) return null;
  if (m.status !== "active" && m.since !== null && m.since > day) return "active";
  return m.status;
}

/** Visits in the current fan window (`now`) and in the one before it (`before`); see purchaseVisits. */
export interface VisitCounts {
  now: number;
  before: number;
}

/**
 * Distinct purchase days (orders with net amount ≥ 0, as in §3) in the current and the previous fan window of
 * one customer's history: for a shop without a visit log, purchase days stand in for visits (§8). The history is
 * sorted by day, so equal days are adjacent and no set is needed. Written into `out` (returned), which the
 * caller reuses for every customer (a pair per customer was 200k short-lived arrays).
 */
export function purchaseVisits(
  h: CustomerHistories,
  r: number,
  asOf: DayNumber,
  out: VisitCounts,
): VisitCounts {
  let now = 0;
  let before = 0;
  let lastDay = Number.NaN;
  for (let j = h.start[r + 1] - 1; j >= h.start[r]; j--) {
    const day = h.days[j];
    if (day > asOf || h.amounts[j] < 0 || day === lastDay) continue;
    if (day <= asOf - 2 * FAN_WINDOW_DAYS) break;
    lastDay = day;
    if (day > asOf - FAN_WINDOW_DAYS) now++;
    else before++;
  }
  out.now = now;
  out.before = before;
  return out;
}

/** The §5 input of one summary (or a month-earlier SummaryFigures), built field by field (spread is slow). */
export function stateInput(
  c: Pick<CustomerSummary, "purchases" | "recencyDays" | "monetary" | "lastPurchase" | "previousPurchase">,
  membership: MembershipStatus | null,
  points: number,
): StateInput {
  return {
    purchases: c.purchases,
    recencyDays: c.recencyDays,
    monetary: c.monetary,
    lastPurchase: c.lastPurchase,
    previousPurchase: c.previousPurchase,
    membership,
    relationshipPoints: points,
  };
}

/** Visit days per customer (visit log), or null when there is none. */
export function visitDays(visits: readonly VisitRecord[] | undefined, asOf: DayNumber) {
  if (!visits) return null;
  const byCustomer = new Map<string, { recent: Set<DayNumber>; last: DayNumber }>();
  for (const v of visits) {
    if (v.day > asOf) continue;
    let e = byCustomer.get(v.customerKey);
    if (!e) {
      e = { recent: new Set(), last: v.day };
      byCustomer.set(v.customerKey, e);
    }
    if (v.day > e.last) e.last = v.day;
    if (v.day > asOf - 2 * FAN_WINDOW_DAYS) e.recent.add(v.day);
  }
  return byCustomer;
}

export function countWindow(days: Set<DayNumber> | undefined, end: DayNumber): number {
  let k = 0;
  if (days) for (const d of days) if (d <= end && d > end - FAN_WINDOW_DAYS) k++;
  return k;
}
