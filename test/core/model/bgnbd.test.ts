import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type BgNbdParams,
  expectedPurchases,
  expectedPurchasesNew,
  logLikelihood,
  logLikelihoodOne,
  pAlive,
} from "../../../src/core/model/bgnbd";
import { type FitResult, fitBgNbd } from "../../../src/core/model/fit";
import { anyTriple } from "./arbitraries";
import { cdnowTriples } from "./cdnow";

// Published figures (../shared/data/README.md): FHL 2005 and the BTYD walkthrough.
const PUBLISHED: BgNbdParams = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };

describe("BG/NBD formulas against the published CDNOW numbers", () => {
  it("log-likelihood of the published parameters is −9582.43", () => {
    expect(Math.abs(logLikelihood(cdnowTriples(), PUBLISHED) - -9582.429)).toBeLessThan(0.01);
  });

  it("P(alive) and E[Y(52)] of the walkthrough customer (x = 26, t_x = 30.857, T = 31)", () => {
    // 30.857 weeks is 216 days / 7; the walkthrough's figures use the unrounded value.
    const tx = 216 / 7;
    expect(Math.abs(pAlive(26, tx, 31, PUBLISHED) - 0.9688523)).toBeLessThan(1e-6);
    expect(Math.abs(expectedPurchases(52, 26, tx, 31, PUBLISHED) - 25.75659)).toBeLessThan(1e-4);
    // With the rounded t_x the answers move only in the 6th digit.
    expect(Math.abs(pAlive(26, 30.857, 31, PUBLISHED) - 0.9688523)).toBeLessThan(1e-5);
    expect(Math.abs(expectedPurchases(52, 26, 30.857, 31, PUBLISHED) - 25.75659)).toBeLessThan(1e-3);
  });

  it("E[X(52)] of a new customer is 1.444004", () => {
    expect(Math.abs(expectedPurchasesNew(52, PUBLISHED) - 1.444004)).toBeLessThan(1e-6);
  });
});

describe("fitBgNbd on CDNOW (weeks)", () => {
  let fit: FitResult;
  beforeAll(() => {
    fit = fitBgNbd(cdnowTriples());
  });

  it("recovers r, α, a, b within 0.001 and the log-likelihood within 0.1", () => {
    if (!fit.ok) throw new Error(`fit failed: ${fit.reason}`);
    expect(Math.abs(fit.params.r - 0.2426)).toBeLessThan(0.001);
    expect(Math.abs(fit.params.alpha - 4.4137)).toBeLessThan(0.001);
    expect(Math.abs(fit.params.a - 0.793)).toBeLessThan(0.001);
    expect(Math.abs(fit.params.b - 2.4262)).toBeLessThan(0.001);
    expect(Math.abs(fit.logLikelihood - -9582.43)).toBeLessThan(0.1);
    expect(fit.customers).toBe(2357);
    // aggregation must not change the likelihood
    expect(Math.abs(fit.logLikelihood - logLikelihood(cdnowTriples(), fit.params))).toBeLessThan(1e-6);
  });

  it("reproduces the lifetimes E[X(t)] list (lifetimes asserts atol 0.01)", () => {
    if (!fit.ok) throw new Error("fit failed");
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const want = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => {
      if (!fit.ok) return;
      expect(Math.abs(expectedPurchasesNew(t, fit.params) - want[i])).toBeLessThan(0.01);
    });
  });

  it("gives the same predictions when the data are in days instead of weeks", () => {
    if (!fit.ok) throw new Error("fit failed");
    const days = fitBgNbd(cdnowTriples().map((c) => ({ x: c.x, tx: c.tx * 7, T: c.T * 7 })));
    if (!days.ok) throw new Error("fit in days failed");
    // α carries the unit; r, a and b do not.
    expect(Math.abs(days.params.alpha / 7 - fit.params.alpha)).toBeLessThan(0.002);
    expect(Math.abs(days.params.r - fit.params.r)).toBeLessThan(1e-4);
    expect(Math.abs(days.params.a - fit.params.a)).toBeLessThan(1e-3);
    expect(Math.abs(days.params.b - fit.params.b)).toBeLessThan(1e-3);
    for (const [x, tx, T] of [
      [26, 216 / 7, 31],
      [2, 30.43, 38.86],
      [0, 0, 38.86],
      [5, 10, 35],
    ]) {
      expect(Math.abs(pAlive(x, tx * 7, T * 7, days.params) - pAlive(x, tx, T, fit.params))).toBeLessThan(
        1e-4,
      );
      const weeks = expectedPurchases(52, x, tx, T, fit.params);
      const inDays = expectedPurchases(364, x, tx * 7, T * 7, days.params);
      expect(Math.abs(inDays - weeks)).toBeLessThan(1e-3 * Math.max(1, weeks));
    }
  });
});

describe("BG/NBD properties", () => {
  const params = fc.record({
    r: fc.double({ min: 0.05, max: 5, noNaN: true }),
    alpha: fc.double({ min: 0.5, max: 200, noNaN: true }),
    a: fc.double({ min: 0.1, max: 5, noNaN: true }),
    b: fc.double({ min: 0.1, max: 10, noNaN: true }),
  });
  const customer = anyTriple(400, 1000);

  it("P(alive) lies in [0, 1] and falls as the silence since the last purchase grows", () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        const now = pAlive(c.x, c.tx, c.T, p);
        const later = pAlive(c.x, c.tx, c.T + 30, p);
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1);
        expect(later).toBeLessThanOrEqual(now + 1e-12);
      }),
    );
  });

  it("E[Y(t)] is finite, non-negative and grows with t, even for daily buyers", () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 1, max: 400, noNaN: true }), (p, c, t) => {
        const short = expectedPurchases(t, c.x, c.tx, c.T, p);
        const long = expectedPurchases(t * 2, c.x, c.tx, c.T, p);
        expect(Number.isFinite(short)).toBe(true);
        expect(short).toBeGreaterThanOrEqual(0);
        expect(long).toBeGreaterThanOrEqual(short - 1e-9 * Math.max(1, short));
      }),
    );
  });

  it("is continuous through a = 1, where the closed form is 0/0", () => {
    const p = { r: 0.5, alpha: 20, a: 1, b: 2 };
    const at = expectedPurchases(90, 3, 40, 100, p);
    const near = expectedPurchases(90, 3, 40, 100, { ...p, a: 1.001 });
    expect(Number.isFinite(at)).toBe(true);
    expect(Math.abs(at - near)).toBeLessThan(0.01 * near);
  });

  it("rejects impossible input with NaN rather than an exception", () => {
    const p = { r: 0.5, alpha: 20, a: 0.8, b: 2 };
    expect(pAlive(2, 50, 40, p)).toBeNaN(); // t_x after T
    expect(expectedPurchases(30, -1, 0, 10, p)).toBeNaN();
    expect(logLikelihoodOne(1, 5, 10, { ...p, r: -1 })).toBeNaN();
    expect(expectedPurchases(Number.NaN, 1, 5, 10, p)).toBeNaN();
  });
});
