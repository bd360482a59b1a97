// Shops where (nearly) nobody drops out, or everybody drops out with the same small probability: the
// maximum likelihood then runs a and b of the Beta(a, b) dropout mixing off towards infinity, and the
// predictions must still be numbers (they used to be NaN, "計算できません" in every EXPECTED_PURCHASES cell).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BgNbdParams,
  digammaShift,
  expectedPurchases,
  logLikelihood,
  logPochhammer,
  pAlive,
  purchasesIfAliveHyp2f1,
  purchasesIfAliveSum,
} from "../../../src/core/model/bgnbd";
import { expectedPurchasesFromDays, nextPurchaseDayFromDays } from "../../../src/core/model/cellFunctions";
import { fitBgNbd } from "../../../src/core/model/fit";
import { digamma, lgamma } from "../../../src/core/model/lgamma";
import { simulateTriples } from "./simulate";

/** Every customer drops out with probability ≈ 1 % after each purchase: Beta(10⁴, 10⁶) is all but a point. */
const HOMOGENEOUS = { r: 2, alpha: 60, a: 1e4, b: 1e6 };

/** The fixed-p limit of E[Y(t) | x, t_x, T] (a, b → ∞, a/(a+b) = p): P(alive)·[1 − ((α+T)/(α+T+pt))^(r+x)]/p. */
function fixedDropoutLimit(t: number, x: number, tx: number, T: number, q: BgNbdParams, p: number): number {
  const alive = pAlive(x, tx, T, q);
  return (alive * -Math.expm1(-(q.r + x) * Math.log1p((p * t) / (q.alpha + T)))) / p;
}

describe("BG/NBD when the fit runs a and b away", () => {
  it("reproduces the runaway and still predicts every customer", () => {
    const triples = simulateTriples(5000, HOMOGENEOUS, 720, 7);
    const fit = fitBgNbd(triples);
    if (!fit.ok) throw new Error(`fit failed: ${fit.reason}`);
    // The likelihood keeps rising along a + b → ∞: the optimum it stops at is far beyond the data's 10⁶.
    expect(fit.params.a + fit.params.b).toBeGreaterThan(1e7);
    // …but the dropout probability it implies is the simulated one.
    expect(fit.params.a / (fit.params.a + fit.params.b)).toBeCloseTo(0.01, 2);
    for (const c of triples) {
      const e = expectedPurchases(90, c.x, c.tx, c.T, fit.params);
      expect(Number.isFinite(e)).toBe(true);
      expect(e).toBeGreaterThan(0);
    }
    // The sheet functions on a row: a number and a day, not null (which the add-on shows as 計算できません).
    const firstDay = 20_000;
    expect(
      expectedPurchasesFromDays(90, 14, firstDay, firstDay + 128, firstDay + 131, fit.params),
    ).toBeGreaterThan(0);
    expect(nextPurchaseDayFromDays(14, firstDay, firstDay + 128, firstDay + 131, fit.params)).not.toBeNull();
  });

  it("predicts a shop where nobody drops out (the fit sends a towards 0) as the plain NBD would", () => {
    const triples = simulateTriples(3000, { r: 2, alpha: 60, a: 1e-3, b: 1e6 }, 720, 1);
    const fit = fitBgNbd(triples);
    if (!fit.ok) throw new Error(`fit failed: ${fit.reason}`);
    const q = fit.params;
    expect(q.a / (q.a + q.b)).toBeLessThan(1e-6);
    for (const c of triples.slice(0, 300)) {
      const nbd = ((q.r + c.x) * 90) / (q.alpha + c.T);
      const e = expectedPurchases(90, c.x, c.tx, c.T, q);
      expect(Math.abs(e - nbd)).toBeLessThan(1e-3 * nbd);
    }
  });

  it("converges to the fixed-dropout limit as a and b grow with a/(a+b) fixed", () => {
    const q = { r: 2, alpha: 60, a: 1, b: 30 };
    for (const [x, tx, T] of [
      [13, 128, 131],
      [0, 0, 5],
      [0, 0, 500],
      [400, 700, 700],
    ]) {
      const at = (k: number) => expectedPurchases(90, x, tx, T, { ...q, a: k, b: 30 * k });
      const limit = fixedDropoutLimit(90, x, tx, T, { ...q, a: 1e9, b: 3e10 }, 1 / 31);
      const ks = [1e3, 1e6, 1e9];
      // The posterior Beta(k, 30k + x) moves from p by about x/k and spreads by about 1/k: so does the
      // distance to the limit.
      ks.forEach((k) => {
        expect(Math.abs(at(k) - limit) / limit).toBeLessThan((x + 1) / k);
      });
    }
  });

  it("tends to the no-dropout NBD expectation (r + x)·t/(α + T) as the dropout probability vanishes", () => {
    const q = { r: 2, alpha: 60, a: 1, b: 1 };
    const nbd = (2 * 90) / (60 + 10);
    const gaps = [1e3, 1e6, 1e9, 1e15].map(
      (b) => Math.abs(expectedPurchases(90, 0, 0, 10, { ...q, b }) - nbd) / nbd,
    );
    expect(gaps[1]).toBeLessThan(1e-4);
    expect(gaps[2]).toBeLessThan(1e-7);
    expect(gaps[3]).toBeLessThan(1e-12);
  });

  it("gives finite predictions within their bounds for any parameters, however large", () => {
    const logUniform = (min: number, max: number) =>
      fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
    const params = fc.record({
      r: logUniform(0.01, 50),
      alpha: logUniform(1, 1000),
      a: logUniform(0.01, 1e13),
      b: logUniform(0.01, 1e13),
    });
    const triple = fc
      .record({
        x: fc.integer({ min: 0, max: 1500 }),
        T: fc.integer({ min: 0, max: 2000 }),
        back: fc.nat(2000),
      })
      .map(({ x, T, back }) => ({ x, T, tx: x === 0 ? 0 : Math.max(0, T - back) }));
    fc.assert(
      fc.property(params, triple, fc.integer({ min: 1, max: 730 }), (q, c, t) => {
        const alive = pAlive(c.x, c.tx, c.T, q);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        const e = expectedPurchases(t, c.x, c.tx, c.T, q);
        expect(Number.isFinite(e)).toBe(true);
        expect(e).toBeGreaterThanOrEqual(0);
        // Dropping out can only take purchases away: an alive customer's λ ~ Gamma(r+x, α+T) buys
        // (r+x)·t/(α+T) on average with no dropout at all.
        expect(e).toBeLessThanOrEqual(alive * (((q.r + c.x) * t) / (q.alpha + c.T)) * (1 + 1e-9));
        // …and more time never means fewer purchases (up to rounding: near saturation, with α + T small,
        // the sum runs to tens of thousands of terms and rounds at ~1e-12).
        expect(expectedPurchases(t + 30, c.x, c.tx, c.T, q)).toBeGreaterThanOrEqual(e * (1 - 1e-10));
      }),
      { numRuns: 500 },
    );
  });

  it("the positive-term sum and FHL's ₂F₁ form agree where both work, so switching between them is continuous", () => {
    const params = fc.record({
      r: fc.double({ min: 0.05, max: 5, noNaN: true }),
      alpha: fc.double({ min: 1, max: 300, noNaN: true }),
      a: fc.double({ min: 0.02, max: 99, noNaN: true }).filter((a) => Math.abs(a - 1) >= 0.01),
      b: fc.double({ min: 0.1, max: 99, noNaN: true }),
    });
    fc.assert(
      fc.property(
        params,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 1, max: 730 }),
        (q, x, T, t) => {
          const form = purchasesIfAliveHyp2f1(t, x, T, q);
          fc.pre(Number.isFinite(form)); // the ₂F₁ form gives up first: that is the point of the sum
          const sum = purchasesIfAliveSum(t, x, T, q);
          expect(Math.abs(sum - form)).toBeLessThanOrEqual(1e-9 * sum);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("fits shops whose dropout probability is the same for everyone (the optimum is at a + b → ∞)", () => {
    // These two used to end in not_converged: ln Γ(a + b) − ln Γ(a + b + x) at a + b ~ 10¹⁰ was noise.
    for (const [a, b] of [
      [1e5, 3e6],
      [1e6, 4e6],
    ]) {
      const triples = simulateTriples(5000, { r: 2, alpha: 60, a, b }, 720, 7);
      const fit = fitBgNbd(triples);
      if (!fit.ok) throw new Error(`fit failed: ${fit.reason}`);
      const p = fit.params.a / (fit.params.a + fit.params.b);
      expect(Math.abs(p - a / (a + b)) / (a / (a + b))).toBeLessThan(0.1);
      expect(Math.abs(fit.params.r - 2)).toBeLessThan(0.2);
      expect(Math.abs(fit.logLikelihood - logLikelihood(triples, fit.params))).toBeLessThan(1e-6);
      for (const c of triples.slice(0, 200)) {
        expect(Number.isFinite(expectedPurchases(90, c.x, c.tx, c.T, fit.params))).toBe(true);
      }
    }
  });

  it("takes Γ and ψ differences of huge arguments without cancellation", () => {
    // Exact references by summing: ln (u)ₓ = Σ ln(u + k), ψ(u + x) − ψ(u) = Σ 1/(u + k), integer x.
    for (const u of [1e4, 3.7e6, 1e10, 5e13]) {
      for (const x of [1, 7, 250]) {
        let logSum = 0;
        let invSum = 0;
        for (let k = 0; k < x; k++) {
          logSum += Math.log(u + k);
          invSum += 1 / (u + k);
        }
        expect(Math.abs(logPochhammer(u, x) - logSum)).toBeLessThan(1e-13 * logSum);
        expect(Math.abs(digammaShift(u, x) - invSum)).toBeLessThan(1e-12 * invSum);
      }
    }
    // Continuous where the Stirling branch takes over.
    const below = 1e4 * (1 - 1e-12);
    expect(Math.abs(logPochhammer(below, 3.5) - (lgamma(below + 3.5) - lgamma(below)))).toBeLessThan(1e-10);
    expect(Math.abs(logPochhammer(1e4, 3.5) - logPochhammer(below, 3.5))).toBeLessThan(1e-10);
    expect(Math.abs(digammaShift(1e4, 3.5) - (digamma(1e4 + 3.5) - digamma(1e4)))).toBeLessThan(1e-12);
  });
});
