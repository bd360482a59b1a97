import { describe, expect, it } from "vitest";
import { analyzeCleaned } from "../../src/core/analyze";
import { cleanOrders } from "../../src/core/clean";
import { dayFromYmd, formatDay } from "../../src/core/day";
import { diagnosisEvidence } from "../../src/core/diagnosis";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { OrderMapping } from "../../src/core/types";

const AS_OF = dayFromYmd(2026, 10, 31);
const mapping: OrderMapping = { customer: 0, date: 1, amount: 2, amountKind: "line_amount" };
const row = (key: string, daysAgo: number, amount: number) => [key, formatDay(AS_OF - daysAgo), amount];

function evidence(rows: unknown[][]) {
  const cleaned = cleanOrders(rows, mapping, { timeZone: "Asia/Tokyo", dayFirst: false, asOf: AS_OF });
  return diagnosisEvidence(analyzeCleaned(cleaned, {}, { ...DEFAULT_SETTINGS }, AS_OF));
}
const value = (ev: ReturnType<typeof evidence>, key: string) => ev.items.find((i) => i.key === key)?.value;

describe("diagnosis evidence from the shop's data (§10)", () => {
  // a: first 400 days ago, second 30 days later, third 100 days ago → tenure 300, gap to second 30.
  // b: first 200 days ago, second 110 days later → gap 110 (not within 90).
  // c: one purchase 100 days ago; d: one purchase 10 days ago (first purchase not yet 90 days old).
  const rows = [
    row("a", 400, 1000),
    row("a", 370, 1000),
    row("a", 100, 1000),
    row("b", 200, 3000),
    row("b", 90, 3000),
    row("c", 100, 500),
    row("d", 10, 700),
    row("d", 10, -200),
  ];
  const ev = evidence(rows);

  it("Q2 tenure is the median over customers who bought twice or more", () => {
    expect(value(ev, "tenure")).toBe((300 + 110) / 2);
  });
  it("Q3 share with a second purchase and the median days to it", () => {
    expect(value(ev, "second_purchase_share")).toBe(2 / 4);
    expect(value(ev, "second_purchase_days")).toBe((30 + 110) / 2);
  });
  it("Q4 share who came back within 90 days, among customers whose first purchase is 90+ days old", () => {
    expect(value(ev, "repeat_within_90d")).toBe(1 / 3);
  });
  it("Q1 annual LTV: last year's net sales per buyer in that year", () => {
    // Within the year: a 1000 (100 days ago), b 3000 + 3000, c 500, d 700 − 200 → 8000 over 4 buyers.
    expect(value(ev, "annual_ltv")).toBe(8000 / 4);
  });
  it("Q6 and Q9 come from the state counts", () => {
    expect(ev.customers).toBe(4);
    expect(value(ev, "dormant_share")).toBe(ev.states.dormant / 4);
    const q6 = ev.items.find((i) => i.key === "state_distribution");
    expect(q6?.ja).toMatch(/^状態別:/);
  });
  it("every item has a Japanese and an English sentence", () => {
    for (const item of ev.items) {
      expect(item.ja).toMatch(/。$/);
      expect(item.en).toMatch(/\.$/);
    }
  });
});
