// CDNOW (Fader & Hardie, via the lifetimes library): the repeat-purchase summary at the calibration end
// 1997-09-30 must equal lifetimes' own cdnow_customers_summary.csv on every one of its 2,357 rows.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanOrders } from "../../src/core/clean";
import { dayFromYmd } from "../../src/core/day";
import { buildHistories, summarize } from "../../src/core/summary";
import { sharedPath } from "../support/sharedData";

const data = (rel: string) => sharedPath(`data/${rel}`);

describe("CDNOW sample", () => {
  // Whitespace separated, no header: master id, sample id, yyyymmdd, CDs, dollars.
  const rows = readFileSync(data("cdnow/CDNOW_sample.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => l.split(/\s+/));
  const end = dayFromYmd(1997, 9, 30);
  // The summary's ID is the sample id (1 … 2357); the data has no order ids, so each line is an order and
  // same-day lines merge into one purchase day, as lifetimes does.
  const cleaned = cleanOrders(
    rows,
    { customer: 1, date: 2, amount: 4, amountKind: "order_total" },
    {
      timeZone: "America/Los_Angeles",
      dayFirst: false,
      asOf: end,
    },
    1,
  );
  const expected = readFileSync(data("cdnow/cdnow_customers_summary.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").map(Number));

  it("reads every line: those after the calibration end are after the as-of date", () => {
    expect(rows).toHaveLength(6919);
    expect(cleaned.counts.used + cleaned.counts.after_as_of).toBe(6919);
    expect(cleaned.counts.after_as_of).toBeGreaterThan(0);
  });

  it("frequency = F − 1, recency = (last − first)/7, T = (end − first)/7 on all 2,357 customers", () => {
    const summaries = summarize(buildHistories(cleaned.orders), end);
    expect(expected).toHaveLength(2357);
    expect(summaries).toHaveLength(2357);
    const byId = new Map(summaries.map((s) => [Number(s.customerKey), s]));
    let compared = 0;
    for (const [id, frequency, recency, T] of expected) {
      const s = byId.get(id);
      expect(s, `customer ${id}`).toBeDefined();
      if (!s) continue;
      expect(s.purchases - 1, `frequency of ${id}`).toBe(frequency);
      // The file is rounded to 2 decimals: ours must round to the same value (weeks differ by 1/7 per day).
      expect(Math.abs(s.tenureDays / 7 - recency), `recency of ${id}`).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((end - s.firstPurchase) / 7 - T), `T of ${id}`).toBeLessThanOrEqual(0.005 + 1e-9);
      compared++;
    }
    expect(compared).toBe(2357);
  });
});
