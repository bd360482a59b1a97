/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while alive, a
 * customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase they drop out with
 * probability p ~ Beta(a, b). Per customer we only need x (repeat purchase days), t_x (day of the last
 * purchase, counted from the first) and T (as-of date, counted from the first purchase), all in the same
 * time unit (weeks for the published CDNOW figures, days in the product). α carries that unit; r, a and b
 * are unit-free, so fitting the same shop in days or in weeks gives the same predictions.
 *
 * Every function is pure and total: bad input (negative counts, t_x > T, non-positive parameters) gives
 * NaN, which predict.ts turns into an empty cell — never an exception in a spreadsheet custom function.
 */
import { hyp2f1 } from "./hyp2f1";
import { lgamma } from "./lgamma";

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One customer's sufficient statistics, in one time unit. */
export interface RfmTriple {
  /** Repeat purchase periods (purchase days − 1). */
  x: number;
  /** Time of the last purchase since the first. */
  tx: number;
  /** Time from the first purchase to the end of observation (the as-of date). */
  T: number;
}

export function validParams(p: BgNbdParams): boolean {
  return [p.r, p.alpha, p.a, p.b].every((v) => Number.isFinite(v) && v > 0);
}

function validTriple(x: number, tx: number, T: number): boolean {
  return Number.isFinite(x) && Number.isFinite(tx) && Number.isFinite(T) && x >= 0 && tx >= 0 && T >= tx;
}

/** ln(eᵘ + eᵛ) without overflow. */
function logAddExp(u: number, v: number): number {
  const m = Math.max(u, v);
  return m + Math.log1p(Math.exp(Math.min(u, v) - m));
}

/**
 * Individual log-likelihood (FHL 2005 eq. 6, in the log form lifetimes uses):
 * ln L = A₁ + A₂ + ln(e^{A₃} + [x > 0] e^{A₄}).
 */
export function logLikelihoodOne(x: number, tx: number, T: number, p: BgNbdParams): number {
  if (!validParams(p) || !validTriple(x, tx, T)) return Number.NaN;
  const { r, alpha, a, b } = p;
  const a1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const a2 = lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + logAddExp(a3, a4);
}

/** Sum of individual log-likelihoods; `weights[i]` counts identical customers (default 1 each). */
export function logLikelihood(
  triples: readonly RfmTriple[],
  p: BgNbdParams,
  weights?: readonly number[],
): number {
  let total = 0;
  for (let i = 0; i < triples.length; i++) {
    const c = triples[i];
    total += (weights ? weights[i] : 1) * logLikelihoodOne(c.x, c.tx, c.T, p);
  }
  return total;
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x)).
 * Note the model's own quirk: a customer with no repeat purchase (x = 0) is always "alive" (1), because
 * in BG/NBD dropping out can only happen right after a purchase. explain.ts does not quote it for them.
 */
export function pAlive(x: number, tx: number, T: number, p: BgNbdParams): number {
  if (!validParams(p) || !validTriple(x, tx, T)) return Number.NaN;
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t time units (FHL 2005 eq. 10)
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] / (1 + [x>0] a/(b+x−1) ((α+T)/(α+t_x))^(r+x))
 * with z = t/(α+T+t). We apply Euler's transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z);
 * since 1 − z = (α+T)/(α+T+t), the bracket becomes 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z),
 * whose series terms stay O(1) even for a daily buyer with x in the thousands (the original form
 * multiplies an underflowing power by an overflowing series).
 * At a = 1 the expression is 0/0; we take the symmetric limit numerically.
 */
export function expectedPurchases(t: number, x: number, tx: number, T: number, p: BgNbdParams): number {
  if (!validParams(p) || !validTriple(x, tx, T) || !Number.isFinite(t) || t < 0) return Number.NaN;
  if (t === 0) return 0;
  if (Math.abs(p.a - 1) < 1e-7) {
    const h = 1e-5;
    return (
      (expectedPurchases(t, x, tx, T, { ...p, a: 1 - h }) +
        expectedPurchases(t, x, tx, T, { ...p, a: 1 + h })) /
      2
    );
  }
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const logOneMinusZ = Math.log(alpha + T) - Math.log(alpha + T + t);
  const f = hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z);
  const bracket = -Math.expm1((a - 1) * logOneMinusZ) - Math.exp((a - 1) * logOneMinusZ) * (f - 1);
  const lead = (a + b + x - 1) / (a - 1);
  const alive = pAlive(x, tx, T, p); // = 1 / denominator
  const value = lead * bracket * alive;
  return Number.isFinite(value) ? Math.max(0, value) : Number.NaN;
}

/** E[X(t)]: expected purchases in the first t time units of a brand-new customer (FHL 2005 eq. 7). */
export function expectedPurchasesNew(t: number, p: BgNbdParams): number {
  // The new customer is the x = t_x = T = 0 case of the conditional expectation.
  return expectedPurchases(t, 0, 0, 0, p);
}
