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
import { digamma, lgamma } from "./lgamma";

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

/** Above this, Γ and ψ differences use Stirling's series instead of subtracting two large values. */
const STIRLING_FROM = 1e4;

/**
 * ln((u)ₓ) = ln Γ(u+x) − ln Γ(u) for u > 0, x ≥ 0. Why not just subtract: when the fit runs a + b off
 * towards 10⁹–10¹³ (a shop where nearly nobody drops out), ln Γ(a+b) is ~10¹⁴ and the difference of two
 * such values keeps only ~10⁻² of absolute accuracy, so the likelihood turns to noise exactly where the
 * optimiser must see it flatten out. For large u, Stirling's series (Abramowitz & Stegun 6.1.41) gives
 *   x ln u + (u + x − ½) ln(1 + x/u) − x + (1/12)(1/(u+x) − 1/u) − (1/360)(1/(u+x)³ − 1/u³),
 * accurate to ~x·10⁻¹⁶ (the next term is below 10⁻²³ for u ≥ 10⁴).
 */
export function logPochhammer(u: number, x: number): number {
  if (x === 0) return 0;
  if (u < STIRLING_FROM) return lgamma(u + x) - lgamma(u);
  const v = u + x;
  return (
    x * Math.log(u) +
    (v - 0.5) * Math.log1p(x / u) -
    x -
    x / (12 * u * v) -
    (1 / (v * v * v) - 1 / (u * u * u)) / 360
  );
}

/**
 * ψ(u+x) − ψ(u) for u > 0, x ≥ 0 (the derivative of logPochhammer in u), for the same reason: ψ of a
 * huge argument is ~30 with 10⁻¹⁵ absolute error, and the fit's gradient multiplies this difference by
 * a itself. Asymptotic series ψ(z) = ln z − 1/(2z) − 1/(12z²) + 1/(120z⁴) − … (A&S 6.3.18) for large u.
 */
export function digammaShift(u: number, x: number): number {
  if (x === 0) return 0;
  if (u < STIRLING_FROM) return digamma(u + x) - digamma(u);
  const v = u + x;
  const inv2 = (z: number) => 1 / (z * z);
  return (
    Math.log1p(x / u) +
    x / (2 * u * v) -
    (inv2(v) - inv2(u)) / 12 +
    (inv2(v) * inv2(v) - inv2(u) * inv2(u)) / 120
  );
}

/**
 * Individual log-likelihood (FHL 2005 eq. 6, in the log form lifetimes uses):
 * ln L = A₁ + A₂ + ln(e^{A₃} + [x > 0] e^{A₄}).
 */
export function logLikelihoodOne(x: number, tx: number, T: number, p: BgNbdParams): number {
  if (!validParams(p) || !validTriple(x, tx, T)) return Number.NaN;
  const { r, alpha, a, b } = p;
  const a1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const a2 = logPochhammer(b, x) - logPochhammer(a + b, x);
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
  return pAliveOfValid(x, tx, T, p);
}

/** pAlive for arguments already validated (expectedPurchases checks them once for both of its factors). */
function pAliveOfValid(x: number, tx: number, T: number, p: BgNbdParams): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t time units (FHL 2005 eq. 10),
 * P(alive) times the expectation for a customer known to be alive (purchasesIfAlive below).
 */
export function expectedPurchases(t: number, x: number, tx: number, T: number, p: BgNbdParams): number {
  if (!validParams(p) || !validTriple(x, tx, T) || !Number.isFinite(t) || t < 0) return Number.NaN;
  if (t === 0) return 0;
  return expectedFromAlive(purchasesIfAlive(t, x, T, p), pAliveOfValid(x, tx, T, p));
}

/**
 * E[Y] from its two factors, purchasesIfAlive and P(alive): never negative, NaN rather than ±∞. purchaseCurves.ts
 * combines cached factors through this same function, so its values are bit for bit those of expectedPurchases.
 */
export function expectedFromAlive(ifAlive: number, alive: number): number {
  const value = ifAlive * alive;
  return Number.isFinite(value) ? Math.max(0, value) : Number.NaN;
}

/**
 * Above this a + b the Beta(a, b) mixing of the dropout probability is so narrow that FHL's ₂F₁ form
 * needs ~2(a + b) series terms and then overflows (a = 10⁴ already gives NaN), while the
 * negative-binomial sum below needs a number of terms that does not depend on a or b. Below it the
 * ₂F₁ form is kept: for the usual a < 2 its series needs tens of terms where the sum needs ~(r + x)·t/(α + T).
 * Both agree to ~1e-11 relative on either side (test/core/model/largeDropoutParams.test.ts): the switch is continuous.
 */
const LARGE_A_PLUS_B = 100;
const NEAR_ONE = 0.01;

/**
 * E[Y(t) | alive at T, x, T]: expected purchases in the next t time units of a customer who is still
 * alive; t_x does not enter (it only moves P(alive)). Callers have validated the arguments, t > 0.
 * purchaseCurves.ts caches this per (x, T, t), so both must stay this one function.
 */
export function purchasesIfAlive(t: number, x: number, T: number, p: BgNbdParams): number {
  // Near a = 1 FHL's form is 0/0 (lead 1/(a−1) times a bracket → 0) and loses digits; the sum has no
  // such point (the ₂F₁ form is off by 1e-10 relative at a = 0.9986, ~1e-11 at the edge of this band).
  if (p.a + p.b >= LARGE_A_PLUS_B || Math.abs(p.a - 1) < NEAR_ONE) return purchasesIfAliveSum(t, x, T, p);
  return purchasesIfAliveHyp2f1(t, x, T, p);
}

/**
 * FHL 2005 eq. 10 without its P(alive) factor:
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)],  z = t/(α+T+t).
 * We apply Euler's transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z);
 * since 1 − z = (α+T)/(α+T+t), the bracket becomes 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z),
 * whose series terms stay O(1) even for a daily buyer with x in the thousands (the original form
 * multiplies an underflowing power by an overflowing series).
 */
export function purchasesIfAliveHyp2f1(t: number, x: number, T: number, p: BgNbdParams): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const logOneMinusZ = Math.log(alpha + T) - Math.log(alpha + T + t);
  const f = hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z);
  const bracket = -Math.expm1((a - 1) * logOneMinusZ) - Math.exp((a - 1) * logOneMinusZ) * (f - 1);
  const lead = (a + b + x - 1) / (a - 1);
  return lead * bracket;
}

const SUM_EPS = 1e-16;
const SUM_MAX_TERMS = 2_000_000;
/** Rescaling step of the running sum, so that a mode far above e⁻⁷⁴⁵ · P(N = 0) cannot overflow. */
const SCALE = 1e250;
const LOG_SCALE = Math.log(SCALE);

/**
 * The same expectation as a sum of positive terms, exact for every a, b > 0 (no a = 1 singularity).
 * Given alive at T, the posterior is λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x), independent (the
 * likelihood of being alive is λˣe^(−λT)(1−p)ˣ). Let N be the purchases a customer who never drops out
 * would make in t: N ~ NegBin(r+x, w = t/(α+T+t)), P(N = n) = (r+x)ₙ/n! · wⁿ(1−w)^(r+x). A dropout coin
 * after each purchase stops them, so of those N purchases the k-th (k = 1, 2, …) happens with
 * probability E[(1−p)^(k−1)] = (b+x)ₖ₋₁/(a+b+x)ₖ₋₁ =: ρₖ₋₁, hence
 *   E[Y(t) | alive] = Σₙ P(N = n) · Hₙ,   Hₙ = ρ₀ + … + ρₙ₋₁  (Hₙ ≤ n).
 * As a, b → ∞ with a/(a+b) → p̄ this tends to [1 − ((α+T)/(α+T+p̄t))^(r+x)]/p̄, and as p̄ → 0 to the
 * NBD's (r+x)·t/(α+T) = E[N]. The terms' ratio tends to w < 1, so the sum ends after about
 * E[N] + 40/(1−w) terms whatever a and b are.
 */
export function purchasesIfAliveSum(t: number, x: number, T: number, p: BgNbdParams): number {
  const { r, alpha, a, b } = p;
  const m = r + x;
  const bx = b + x;
  const w = t / (alpha + T + t);
  // P(N = 0) = (1−w)^m may underflow for a daily buyer (m in the thousands): carry its logarithm.
  let offset = -m * Math.log1p(t / (alpha + T));
  let prob = 1; // P(N = n) · e^(−offset)
  let h = 0; // Hₙ
  let rho = 1; // ρₙ
  let sum = 0;
  for (let n = 0; n < SUM_MAX_TERMS; n++) {
    const ratio = ((m + n) * w) / (n + 1);
    prob *= ratio;
    h += rho;
    rho *= (bx + n) / (a + bx + n);
    sum += prob * h;
    if (prob > SCALE) {
      prob /= SCALE;
      sum /= SCALE;
      offset += LOG_SCALE;
    }
    // Later ratios (m+k)w/(k+1) are at most q: they fall towards w when m ≥ 1 and rise towards it
    // when m < 1. With H_{n+1+j} ≤ H_{n+1} + j·ρ_{n+1}, the rest of the sum is at most
    // P(N = n+1) · [H q/(1−q) + ρ q/(1−q)²].
    const q = Math.max(((m + n + 1) * w) / (n + 2), w);
    if (q < 1) {
      const tail = prob * q * (h / (1 - q) + rho / ((1 - q) * (1 - q)));
      if (tail <= SUM_EPS * sum) return Math.exp(Math.log(sum) + offset);
    }
  }
  return Number.NaN;
}

/** E[X(t)]: expected purchases in the first t time units of a brand-new customer (FHL 2005 eq. 7). */
export function expectedPurchasesNew(t: number, p: BgNbdParams): number {
  // The new customer is the x = t_x = T = 0 case of the conditional expectation.
  return expectedPurchases(t, 0, 0, 0, p);
}
