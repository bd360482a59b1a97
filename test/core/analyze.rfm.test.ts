import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { dayFromYmd } from "../../src/core/day";
import { diagnosisEvidence } from "../../src/core/diagnosis";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { OrderMapping } from "../../src/core/types";
import { sharedPath } from "../support/sharedData";

// The R package rfm's sample orders (rsquaredacademy/rfm, MIT): 4,906 orders of 995 customers, analysed as of
// 2006-12-31 as the package's examples do. Every figure is checked against a plain aggregation written here.
const csv = readFileSync(sharedPath("data/rfm/rfm_data_orders.csv"), "utf8");
const [header, ...rows] = parse(csv) as string[][];
const AS_OF_TEXT = "2006-12-31";
const AS_OF = dayFromYmd(2006, 12, 31);

/** Days between two YYYY-MM-DD dates, with plain Date arithmetic in UTC. */
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

function plainAggregation() {
  const byCustomer = new Map<string, { dates: Set<string>; revenue: number; orders: number }>();
  for (const [id, date, revenue] of rows) {
    const c = byCustomer.get(id) ?? { dates: new Set<string>(), revenue: 0, orders: 0 };
    c.dates.add(date);
    c.revenue += Number(revenue);
    c.orders++;
    byCustomer.set(id, c);
  }
  return byCustomer;
}

describe("end to end on rfm_data_orders.csv (as of 2006-12-31)", () => {
  const mapping: OrderMapping = { customer: 0, date: 1, amount: 2, amountKind: "line_amount", name: 3 };
  const result = analyze({
    orders: { rows, mapping, firstRowNumber: 2, headers: header },
    settings: { ...DEFAULT_SETTINGS, asOf: AS_OF_TEXT },
    asOf: AS_OF,
  });
  const plain = plainAggregation();

  it("uses every row and finds every customer", () => {
    expect(rows.length).toBe(4906);
    expect(result.rowCounts.used).toBe(rows.length);
    expect(result.skipped).toEqual([]);
    expect(result.customers.length).toBe(plain.size);
    expect(result.customers.map((c) => c.customerKey)).toEqual([...plain.keys()].sort());
  });

  it("F, M, orders and R per customer match the plain aggregation", () => {
    let sumM = 0;
    let sumF = 0;
    for (const c of result.customers) {
      const p = plain.get(c.customerKey);
      if (!p) throw new Error(c.customerKey);
      const dates = [...p.dates].sort();
      expect(c.purchases).toBe(dates.length);
      expect(c.orders).toBe(p.orders);
      expect(c.monetary).toBeCloseTo(p.revenue, 6);
      expect(c.recencyDays).toBe(daysBetween(dates[dates.length - 1], AS_OF_TEXT));
      expect(c.tenureDays).toBe(daysBetween(dates[0], dates[dates.length - 1]));
      sumM += p.revenue;
      sumF += dates.length;
    }
    expect(result.customers.reduce((s, c) => s + c.monetary, 0)).toBeCloseTo(sumM, 4);
    expect(result.customers.reduce((s, c) => s + c.purchases, 0)).toBe(sumF);
  });

  it("states follow the rule book, recomputed plainly", () => {
    const s = DEFAULT_SETTINGS;
    const ms = [...plain.values()]
      .map((p) => p.revenue)
      .filter((m) => m > 0)
      .sort((a, b) => b - a);
    const cut = ms[Math.max(1, Math.ceil((ms.length * s.vipTopPercent) / 100)) - 1];
    expect(result.topCut).toBe(cut);
    const expected: Record<string, number> = {};
    for (const [id, p] of plain) {
      const dates = [...p.dates].sort();
      const F = dates.length;
      const R = daysBetween(dates[F - 1], AS_OF_TEXT);
      const gap = F >= 2 ? daysBetween(dates[F - 2], dates[F - 1]) : 0;
      let state: string;
      if (R > s.atRiskDays) state = "dormant";
      else if (F >= 2 && gap > s.atRiskDays) state = "winback";
      else if ((F >= s.vipMinPurchases && R <= s.vipRecencyDays) || p.revenue >= cut) state = "vip";
      else if (F <= s.newMaxPurchases) state = "new";
      else if (R <= s.activeDays) state = "active";
      else state = "at_risk";
      expected[state] = (expected[state] ?? 0) + 1;
      expect(result.customers.find((c) => c.customerKey === id)?.state).toBe(state);
    }
    for (const [state, n] of Object.entries(result.stateCounts.current)) expect(n).toBe(expected[state] ?? 0);
  });

  it("the month-over-month matrix and the diagnosis evidence add up", () => {
    let total = 0;
    for (const row of Object.values(result.transitions)) for (const v of Object.values(row)) total += v;
    expect(total).toBe(plain.size);
    const ev = diagnosisEvidence(result);
    const share = ev.items.find((i) => i.key === "second_purchase_share");
    const repeaters = [...plain.values()].filter((p) => p.dates.size >= 2).length;
    expect(share?.value).toBeCloseTo(repeaters / plain.size, 12);
    const dormant = ev.items.find((i) => i.key === "dormant_share");
    expect(dormant?.value).toBeCloseTo(result.stateCounts.current.dormant / plain.size, 12);
    // Q1: the year 2006-01-01 … 2006-12-31.
    const lastYear = rows.filter(([, d]) => d >= "2006-01-01" && d <= AS_OF_TEXT);
    const revenue = lastYear.reduce((sum, r) => sum + Number(r[2]), 0);
    const buyers = new Set(lastYear.map((r) => r[0])).size;
    expect(ev.items.find((i) => i.key === "annual_ltv")?.value).toBeCloseTo(revenue / buyers, 6);
    for (const item of ev.items) expect(item.ja.length).toBeGreaterThan(0);
  });
});
