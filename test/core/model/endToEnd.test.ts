// The model through the real pipeline: CDNOW raw transactions → cleaning → customer summaries (days) →
// BG/NBD fitted in days, and analyze() with the model hooks, as the add-on and the CLI call it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeCleaned } from "../../../src/core/analyze";
import { cleanOrders } from "../../../src/core/clean";
import { dayFromYmd } from "../../../src/core/day";
import { pAlive } from "../../../src/core/model/bgnbd";
import { explainRisk } from "../../../src/core/model/explain";
import { predictCustomers, predictCustomersNow } from "../../../src/core/model/predict";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { buildHistories, summarize } from "../../../src/core/summary";
import { sharedData } from "./cdnow";

const END = dayFromYmd(1997, 9, 30);
const rows = readFileSync(sharedData("cdnow/CDNOW_sample.txt"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l !== "")
  .map((l) => l.split(/\s+/));
const cleaned = cleanOrders(
  rows,
  { customer: 1, date: 2, amount: 4, amountKind: "order_total" },
  { timeZone: "Asia/Tokyo", dayFirst: false, asOf: END },
  1,
);

describe("BG/NBD on CDNOW through the pipeline (days)", () => {
  const summaries = summarize(buildHistories(cleaned.orders), END);
  const res = predictCustomers(summaries, END);

  it("fits the published parameters, with α in days (×7)", () => {
    expect(res.note).toBeNull();
    if (!res.params) throw new Error("no params");
    // Exact days instead of weeks rounded to 2 decimals: the same optimum within a few thousandths.
    expect(Math.abs(res.params.r - 0.2426)).toBeLessThan(0.005);
    expect(Math.abs(res.params.alpha / 7 - 4.4137)).toBeLessThan(0.05);
    expect(Math.abs(res.params.a - 0.793)).toBeLessThan(0.01);
    expect(Math.abs(res.params.b - 2.4262)).toBeLessThan(0.03);
    expect(res.predictions.size).toBe(2357);
  });

  it("gives each repeat customer the P(alive) of the published weekly model", () => {
    const weekly = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
    let compared = 0;
    for (const s of summaries) {
      if (s.purchases < 2) continue;
      const p = res.predictions.get(s.customerKey)?.pAlive ?? Number.NaN;
      const w = pAlive(s.purchases - 1, s.tenureDays / 7, (END - s.firstPurchase) / 7, weekly);
      expect(Math.abs(p - w), `customer ${s.customerKey}`).toBeLessThan(0.02);
      compared++;
    }
    expect(compared).toBeGreaterThan(700);
  });

  it("fills the model columns and the at-risk notes in analyze()", () => {
    const result = analyzeCleaned(cleaned, {}, { ...DEFAULT_SETTINGS, asOf: "1997-09-30" }, END, {
      predict: predictCustomersNow,
      explainRisk,
    });
    expect(result.modelNote).toBeNull();
    const repeat = result.customers.filter((c) => c.purchases >= 2);
    expect(repeat.every((c) => c.pAlive !== null && c.pAlive >= 0 && c.pAlive <= 1)).toBe(true);
    expect(result.customers.every((c) => c.expectedPurchases90d !== null)).toBe(true);
    const dormantRegular = result.customers.find((c) => c.state === "dormant" && c.purchases >= 3);
    expect(dormantRegular?.riskNote?.ja).toMatch(/^前回のご購入から\d+日。/);
    expect(dormantRegular?.riskNote?.ja).toContain("継続している確率");
    expect(result.customers.filter((c) => c.state === "active").every((c) => c.riskNote === null)).toBe(true);
  });

  it("leaves the columns empty with a note for a shop too small for the model", () => {
    const few = { ...cleaned, orders: cleaned.orders.filter((o) => Number(o.customerKey) <= 40) };
    const result = analyzeCleaned(few, {}, { ...DEFAULT_SETTINGS, asOf: "1997-09-30" }, END, {
      predict: predictCustomersNow,
      explainRisk,
    });
    expect(result.modelNote?.ja).toContain("40人");
    expect(result.customers.every((c) => c.pAlive === null && c.expectedNextPurchase === null)).toBe(true);
  });
});
