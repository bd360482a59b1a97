import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedPurchases, pAlive, type RfmTriple } from "../../../src/core/model/bgnbd";
import {
  daysUntilOneExpectedPurchase,
  PREDICTION_HORIZON_DAYS,
  predictCustomersFromTriples,
  type TriplePrediction,
} from "../../../src/core/model/predict";
import { SharedCurve } from "../../../src/core/model/purchaseCurves";
import { anyTriple } from "./arbitraries";

const params = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 1, max: 300, noNaN: true }),
  // a = 1 exactly is the numerical-limit case that bypasses the shared series
  a: fc.oneof(fc.double({ min: 0.02, max: 5, noNaN: true }), fc.constant(1)),
  b: fc.double({ min: 0.1, max: 10, noNaN: true }),
});

/** Customers crowded into few (x, T) so that the shared series are really shared. */
const wholeTriple = fc
  .record({ x: fc.integer({ min: 0, max: 6 }), T: fc.integer({ min: 0, max: 40 }), back: fc.nat(40) })
  .map(({ x, T, back }) => ({ x, T, tx: x === 0 ? 0 : Math.max(0, T - back) }));

/** What predictCustomersFromTriples must give: each customer on its own, straight from bgnbd.ts. */
function oneByOne(
  t: RfmTriple,
  p: Parameters<typeof expectedPurchases>[4],
  maxDays: number,
): TriplePrediction {
  const e = expectedPurchases(PREDICTION_HORIZON_DAYS, t.x, t.tx, t.T, p);
  const e90 = Number.isFinite(e) ? e : null;
  const alive = t.x === 0 ? null : pAlive(t.x, t.tx, t.T, p);
  return {
    pAlive: alive === null || !Number.isFinite(alive) ? null : Math.min(1, Math.max(0, alive)),
    expectedPurchases90d: e90,
    nextPurchaseInDays: daysUntilOneExpectedPurchase(t, p, maxDays, e90),
  };
}

describe("predictions shared between customers of one (x, T)", () => {
  it("E[Y(t)] from the shared series is bit for bit bgnbd.ts's expectedPurchases", () => {
    fc.assert(
      fc.property(
        params,
        fc.array(wholeTriple, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 800 }),
        (p, ts, t) => {
          const curve = new SharedCurve(p, 730);
          for (const c of [...ts].sort((u, v) => u.x - v.x || u.T - v.T)) {
            curve.select(c.x, c.T);
            const alive = pAlive(c.x, c.tx, c.T, p);
            expect(curve.at(t, c.tx, alive)).toBe(expectedPurchases(t, c.x, c.tx, c.T, p));
            expect(curve.at(90, c.tx, alive)).toBe(expectedPurchases(90, c.x, c.tx, c.T, p));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("predictCustomersFromTriples gives every customer exactly what the one-by-one computation gives", () => {
    const fractional = anyTriple(5, 20);
    fc.assert(
      fc.property(
        params,
        fc.oneof(
          fc.array(wholeTriple, { maxLength: 60 }),
          fc.array(fc.oneof(wholeTriple, fractional), { maxLength: 30 }),
        ),
        fc.constantFrom(730, 365, 120),
        (p, ts, maxDays) => {
          expect(predictCustomersFromTriples(ts, p, maxDays)).toEqual(ts.map((t) => oneByOne(t, p, maxDays)));
        },
      ),
      { numRuns: 150 },
    );
  });
});
