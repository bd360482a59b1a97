import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedPurchases, pAlive, type RfmTriple } from "../../../src/core/model/bgnbd";
import { fitBgNbd } from "../../../src/core/model/fit";
import { daysUntilOneExpectedPurchase, predictCustomers } from "../../../src/core/model/predict";
import type { CustomerSummary } from "../../../src/core/types";
import { simulateTriples } from "./simulate";

const AS_OF = 20_000; // 2024-10-04 as a day number; any day works

function summaryOf(key: string, t: RfmTriple, asOf = AS_OF): CustomerSummary {
  const first = asOf - t.T;
  const last = first + t.tx;
  return {
    customerKey: key,
    purchases: t.x + 1,
    orders: t.x + 1,
    monetary: 1000 * (t.x + 1),
    firstPurchase: first,
    lastPurchase: last,
    previousPurchase: t.x > 0 ? last - 1 : null,
    recencyDays: asOf - last,
    tenureDays: t.tx,
    avgIntervalDays: t.x > 0 ? t.tx / t.x : null,
  };
}

const TRUTH = { r: 0.6, alpha: 40, a: 0.8, b: 3 };

describe("fitBgNbd on simulated shops", () => {
  it("recovers the parameters that generated the data", () => {
    const fit = fitBgNbd(simulateTriples(30_000, TRUTH, 730, 7));
    if (!fit.ok) throw new Error(fit.reason);
    expect(Math.abs(fit.params.r / TRUTH.r - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.alpha / TRUTH.alpha - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.a / TRUTH.a - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.b / TRUTH.b - 1)).toBeLessThan(0.2);
    expect(fit.warmStartIterations).toBeGreaterThan(0); // big shop: warm start was used
  });

  it("refuses shops without any repeat purchase and impossible triples", () => {
    expect(fitBgNbd([{ x: 0, tx: 0, T: 10 }])).toMatchObject({ ok: false, reason: "no_repeat" });
    expect(fitBgNbd([])).toMatchObject({ ok: false, reason: "no_customers" });
    expect(fitBgNbd([{ x: 1, tx: 20, T: 10 }])).toMatchObject({ ok: false, reason: "bad_input" });
  });

  it("reports a fit that does not converge instead of returning half-fitted numbers", () => {
    expect(fitBgNbd(simulateTriples(500, TRUTH, 365, 3), { maxIterations: 1 })).toMatchObject({
      ok: false,
      reason: "not_converged",
    });
  });
});

describe("predictCustomers", () => {
  const triples = simulateTriples(3000, TRUTH, 540, 11);
  const summaries = triples.map((t, i) => summaryOf(`c${i}`, t));

  it("predicts every customer with the shop's own parameters", () => {
    const res = predictCustomers(summaries, AS_OF);
    expect(res.note).toBeNull();
    if (!res.params) throw new Error("no params");
    expect(res.predictions.size).toBe(3000);
    triples.forEach((t, i) => {
      const p = res.predictions.get(`c${i}`);
      if (!p || !res.params) throw new Error("missing");
      if (t.x === 0) expect(p.pAlive).toBeNull();
      else expect(p.pAlive).toBeCloseTo(pAlive(t.x, t.tx, t.T, res.params), 12);
      expect(p.expectedPurchases90d).toBeCloseTo(expectedPurchases(90, t.x, t.tx, t.T, res.params), 12);
      if (p.expectedNextPurchase !== null) {
        // the first whole day on which one purchase is expected
        const d = p.expectedNextPurchase - AS_OF;
        expect(d).toBeGreaterThanOrEqual(1);
        expect(expectedPurchases(d, t.x, t.tx, t.T, res.params)).toBeGreaterThanOrEqual(1);
        expect(expectedPurchases(d - 1, t.x, t.tx, t.T, res.params)).toBeLessThan(1);
      } else {
        expect(expectedPurchases(730, t.x, t.tx, t.T, res.params)).toBeLessThan(1);
      }
    });
  });

  it("gives by position what it gives by key, undefined for a customer who starts after the as-of day", () => {
    const late = summaryOf("late", { x: 0, tx: 0, T: 5 });
    late.firstPurchase = AS_OF + 3;
    late.lastPurchase = AS_OF + 3;
    const all = [summaries[0], late, ...summaries.slice(1, 100)];
    const res = predictCustomers(all, AS_OF);
    expect(res.byIndex).toHaveLength(all.length);
    expect(res.byIndex[1]).toBeUndefined();
    expect(res.predictions.has("late")).toBe(false);
    for (let i = 0; i < all.length; i++) expect(res.byIndex[i]).toBe(res.predictions.get(all[i].customerKey));
    expect([...res.predictions.keys()]).toEqual(all.filter((_, i) => i !== 1).map((s) => s.customerKey));
    const none = predictCustomers(all.slice(0, 10), AS_OF);
    expect(none.byIndex).toEqual(new Array(10).fill(undefined));
  });

  it("ranks a lapsed frequent buyer below the same buyer who just bought", () => {
    const res = predictCustomers(
      [
        ...summaries,
        summaryOf("recent", { x: 10, tx: 300, T: 302 }),
        summaryOf("lapsed", { x: 10, tx: 150, T: 302 }),
      ],
      AS_OF,
    );
    const recent = res.predictions.get("recent");
    const lapsed = res.predictions.get("lapsed");
    expect(recent?.pAlive).toBeGreaterThan(lapsed?.pAlive ?? 1);
    expect(recent?.expectedPurchases90d).toBeGreaterThan(lapsed?.expectedPurchases90d ?? Infinity);
  });

  it("gives a shop with fewer than 50 customers the rules only, with a message", () => {
    const res = predictCustomers(summaries.slice(0, 49), AS_OF);
    expect(res.predictions.size).toBe(0);
    expect(res.params).toBeNull();
    expect(res.note?.ja).toContain("49人");
    expect(res.note?.en).toContain("49 customers");
  });

  it("gives a shop where nobody came back the rules only, with a message", () => {
    const once = Array.from({ length: 80 }, (_, i) => summaryOf(`o${i}`, { x: 0, tx: 0, T: i }));
    const res = predictCustomers(once, AS_OF);
    expect(res.predictions.size).toBe(0);
    expect(res.note?.ja).toContain("2回目");
  });

  it("never puts NaN or Infinity in a cell, whatever the shop looks like", () => {
    const customer = fc
      .record({
        x: fc.integer({ min: 0, max: 1500 }),
        tx: fc.integer({ min: 0, max: 3000 }),
        gap: fc.integer({ min: 0, max: 3000 }),
      })
      .map(({ x, tx, gap }) => ({
        x,
        tx: x === 0 ? 0 : Math.max(tx, x),
        T: (x === 0 ? 0 : Math.max(tx, x)) + gap,
      }));
    fc.assert(
      fc.property(fc.array(customer, { minLength: 50, maxLength: 90 }), (shop) => {
        const res = predictCustomers(
          shop.map((t, i) => summaryOf(`k${i}`, t)),
          AS_OF,
        );
        expect(res.note === null).toBe(res.params !== null);
        for (const p of res.predictions.values()) {
          for (const v of [p.pAlive, p.expectedPurchases90d, p.expectedNextPurchase]) {
            if (v !== null) expect(Number.isFinite(v)).toBe(true);
          }
          if (p.pAlive !== null) expect(p.pAlive >= 0 && p.pAlive <= 1).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe("daysUntilOneExpectedPurchase", () => {
  it("finds the first whole day with one expected purchase, with or without the 90-day hint", () => {
    const params = fc.record({
      r: fc.double({ min: 0.05, max: 5, noNaN: true }),
      alpha: fc.double({ min: 1, max: 300, noNaN: true }),
      a: fc.double({ min: 0.05, max: 5, noNaN: true }),
      b: fc.double({ min: 0.1, max: 10, noNaN: true }),
    });
    const triple = fc
      .record({
        x: fc.integer({ min: 0, max: 60 }),
        tx: fc.integer({ min: 0, max: 700 }),
        gap: fc.integer({ min: 0, max: 700 }),
      })
      .map(({ x, tx, gap }) => ({
        x,
        tx: x === 0 ? 0 : Math.max(tx, x),
        T: (x === 0 ? 0 : Math.max(tx, x)) + gap,
      }));
    fc.assert(
      fc.property(params, triple, (p, t) => {
        const e90 = expectedPurchases(90, t.x, t.tx, t.T, p);
        const hinted = daysUntilOneExpectedPurchase(t, p, 730, e90);
        expect(hinted).toBe(daysUntilOneExpectedPurchase(t, p, 730));
        if (hinted === null) {
          expect(expectedPurchases(730, t.x, t.tx, t.T, p)).toBeLessThan(1);
        } else {
          expect(expectedPurchases(hinted, t.x, t.tx, t.T, p)).toBeGreaterThanOrEqual(1);
          expect(expectedPurchases(hinted - 1, t.x, t.tx, t.T, p)).toBeLessThan(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
