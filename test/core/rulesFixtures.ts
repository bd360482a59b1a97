import type { CustomerSummary, Settings } from "../../src/core/types";

/** The defaults exactly as the rule book's §4 table writes them (independent of settings.ts). */
export const RULE_BOOK: Settings = {
  activeDays: 30,
  atRiskDays: 60,
  newMaxPurchases: 2,
  vipMinPurchases: 4,
  vipRecencyDays: 45,
  vipTopPercent: 1,
  vipMinPoints: 4,
  actionPoints: { review: 1, survey: 1, sns: 1, referral: 1, event: 1, community: 1, inquiry: 1 },
  fanBronze: 3,
  fanSilver: 5,
  fanGold: 8,
  fanAtRiskDays: 60,
  timeZone: "Asia/Tokyo",
  dayFirst: false,
  asOf: null,
  language: "ja",
  showRfm: false,
};

export const AS_OF = 20_000;

/** A customer summary with F purchases, the last R days before AS_OF, the previous one `gap` days before that. */
export function customer(F: number, R: number, M = 1000, gap = 10, key = "c"): CustomerSummary {
  const lastPurchase = AS_OF - R;
  const previousPurchase = F >= 2 ? lastPurchase - gap : null;
  const firstPurchase = F >= 2 ? lastPurchase - gap * (F - 1) : lastPurchase;
  return {
    customerKey: key,
    purchases: F,
    orders: F,
    monetary: M,
    firstPurchase,
    lastPurchase,
    previousPurchase,
    recencyDays: R,
    tenureDays: lastPurchase - firstPurchase,
    avgIntervalDays: F >= 2 ? (lastPurchase - firstPurchase) / (F - 1) : null,
  };
}
