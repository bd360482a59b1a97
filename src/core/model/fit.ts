/**
 * Maximum-likelihood fit of the BG/NBD parameters.
 *
 * Why it is fast enough for 200,000 customers: the likelihood depends on a customer only through
 * (x, t_x, T), and real shops repeat those triples a lot (most customers have x = 0, and times are whole
 * days). We fit on the distinct triples with their counts, and inside each evaluation we compute the
 * Γ-function terms once per distinct x and the logarithms once per distinct time value, leaving a
 * couple of exp/log1p calls per distinct triple.
 *
 * We optimise ln(r), ln(α), ln(a), ln(b) (positivity for free, as lifetimes does) with BFGS on the
 * analytic gradient; Nelder–Mead (lifetimes' method) is the fallback when BFGS does not converge.
 */

import { bfgs } from "./bfgs";
import { type BgNbdParams, digammaShift, logPochhammer, type RfmTriple } from "./bgnbd";
import { digamma, lgamma } from "./lgamma";
import { nelderMead } from "./nelderMead";

export interface FitOptions {
  maxIterations: number;
  /** Starting point; default r = a = b = 1 and α = the mean observation span (unit-free start). */
  initial?: BgNbdParams;
}

export type FitResult =
  | {
      ok: true;
      params: BgNbdParams;
      /** Total log-likelihood over all customers at the optimum. */
      logLikelihood: number;
      /** Optimiser iterations on the full data (after the warm start, when there was one). */
      iterations: number;
      /** Iterations spent on the subsample warm start (0 for shops under 20,000 customers). */
      warmStartIterations: number;
      evaluations: number;
      customers: number;
      distinctTriples: number;
    }
  | { ok: false; reason: "no_customers" | "no_repeat" | "not_converged" | "bad_input"; iterations: number };

interface Aggregated {
  /** Per distinct triple: index into xs, index of T and t_x into times, and the customer count. */
  xIdx: Int32Array;
  tIdx: Int32Array;
  txIdx: Int32Array;
  weight: Float64Array;
  xs: number[];
  times: number[];
  customers: number;
}

function aggregate(triples: readonly RfmTriple[]): Aggregated | null {
  // Whole-day data (the product's case) gets a numeric key, several times faster than a string key.
  let maxTime = 0;
  let integral = true;
  for (const c of triples) {
    if (c.T > maxTime) maxTime = c.T;
    if (!Number.isInteger(c.x) || !Number.isInteger(c.tx) || !Number.isInteger(c.T)) integral = false;
  }
  const span = maxTime + 1;
  const numericKeys = integral && span * span * (triples.length + 1) < Number.MAX_SAFE_INTEGER;
  const groups = new Map<string | number, number>();
  const keys: RfmTriple[] = [];
  const counts: number[] = [];
  for (const c of triples) {
    if (
      !Number.isFinite(c.x) ||
      !Number.isFinite(c.tx) ||
      !Number.isFinite(c.T) ||
      c.x < 0 ||
      c.tx < 0 ||
      c.T < c.tx
    ) {
      return null;
    }
    const key = numericKeys ? (c.x * span + c.tx) * span + c.T : `${c.x},${c.tx},${c.T}`;
    const at = groups.get(key);
    if (at === undefined) {
      groups.set(key, keys.length);
      keys.push(c);
      counts.push(1);
    } else {
      counts[at]++;
    }
  }
  const xIndex = new Map<number, number>();
  const timeIndex = new Map<number, number>();
  const xs: number[] = [];
  const times: number[] = [];
  const indexOf = (m: Map<number, number>, list: number[], v: number): number => {
    let i = m.get(v);
    if (i === undefined) {
      i = list.length;
      m.set(v, i);
      list.push(v);
    }
    return i;
  };
  const n = keys.length;
  const agg: Aggregated = {
    xIdx: new Int32Array(n),
    tIdx: new Int32Array(n),
    txIdx: new Int32Array(n),
    weight: new Float64Array(n),
    xs,
    times,
    customers: triples.length,
  };
  for (let i = 0; i < n; i++) {
    agg.xIdx[i] = indexOf(xIndex, xs, keys[i].x);
    agg.tIdx[i] = indexOf(timeIndex, times, keys[i].T);
    agg.txIdx[i] = indexOf(timeIndex, times, keys[i].tx);
    agg.weight[i] = counts[i];
  }
  return agg;
}

/**
 * Total log-likelihood of the aggregated data (same value as logLikelihood() in bgnbd.ts) and, when
 * `grad` is given, its gradient with respect to (ln r, ln α, ln a, ln b). With w₄ the share of the
 * "dropped out after the last purchase" term in ln(e^{A₃} + e^{A₄}) and w₃ = 1 − w₄:
 *   ∂/∂r = ln α + ψ(r+x) − ψ(r) − w₃ ln(α+T) − w₄ ln(α+t_x)
 *   ∂/∂α = r/α − (r+x)(w₃/(α+T) + w₄/(α+t_x))
 *   ∂/∂a = ψ(a+b) − ψ(a+b+x) + w₄/a
 *   ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w₄/(b+x−1)
 */
function aggregatedLogLikelihood(d: Aggregated, p: BgNbdParams, grad?: number[]): number {
  const { r, alpha, a, b } = p;
  const nx = d.xs.length;
  // Γ ratios as log-Pochhammers (bgnbd.ts): stable when a + b runs off towards 10¹⁰ (no dropout).
  const base = r * Math.log(alpha) - lgamma(r);
  const c1 = new Float64Array(nx);
  const c4 = new Float64Array(nx);
  const invB = new Float64Array(nx);
  const logA = Math.log(a);
  for (let k = 0; k < nx; k++) {
    const x = d.xs[k];
    c1[k] = base + lgamma(r + x) + logPochhammer(b, x) - logPochhammer(a + b, x);
    c4[k] = x > 0 ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
    invB[k] = x > 0 ? 1 / (b + x - 1) : 0;
  }
  const nt = d.times.length;
  const logTime = new Float64Array(nt);
  const invTime = new Float64Array(nt);
  for (let k = 0; k < nt; k++) {
    logTime[k] = Math.log(alpha + d.times[k]);
    invTime[k] = 1 / (alpha + d.times[k]);
  }
  // Per-triple sums of the w-weighted terms; the x-only parts are added per distinct x below.
  let total = 0;
  let sr = 0;
  let sAlpha = 0;
  let sa = 0;
  let sb = 0;
  const countX = grad ? new Float64Array(nx) : null;
  for (let i = 0; i < d.weight.length; i++) {
    const k = d.xIdx[i];
    const wt = d.weight[i];
    const rx = r + d.xs[k];
    const lt = logTime[d.tIdx[i]];
    const a3 = -rx * lt;
    let ll = c1[k];
    let w4 = 0;
    let ltx = 0;
    if (c4[k] === Number.NEGATIVE_INFINITY) {
      ll += a3;
    } else {
      ltx = logTime[d.txIdx[i]];
      const a4 = c4[k] - rx * ltx;
      const m = Math.max(a3, a4);
      const e = Math.exp(Math.min(a3, a4) - m);
      // log rather than log1p: the absolute error is the same (~1e-16) and log is twice as fast here.
      ll += m + Math.log(1 + e);
      w4 = a4 >= a3 ? 1 / (1 + e) : e / (1 + e);
    }
    total += wt * ll;
    if (countX) {
      countX[k] += wt;
      const w3 = 1 - w4;
      sr -= wt * (w3 * lt + w4 * ltx);
      sAlpha -= wt * rx * (w3 * invTime[d.tIdx[i]] + (w4 > 0 ? w4 * invTime[d.txIdx[i]] : 0));
      sa += wt * w4;
      sb -= wt * w4 * invB[k];
    }
  }
  if (grad && countX) {
    const psiR = digamma(r);
    let gr = sr;
    let gAlpha = sAlpha;
    let ga = sa / a;
    let gb = sb;
    for (let k = 0; k < nx; k++) {
      const x = d.xs[k];
      const n = countX[k];
      if (n === 0) continue;
      const shiftAB = digammaShift(a + b, x);
      gr += n * (Math.log(alpha) + digamma(r + x) - psiR);
      gAlpha += (n * r) / alpha;
      ga -= n * shiftAB;
      gb += n * (digammaShift(b, x) - shiftAB);
    }
    // Chain rule to log-parameters.
    grad[0] = gr * r;
    grad[1] = gAlpha * alpha;
    grad[2] = ga * a;
    grad[3] = gb * b;
  }
  return total;
}

const WARM_START_SAMPLE = 10_000;

const toParams = (v: readonly number[]): BgNbdParams => ({
  r: Math.exp(v[0]),
  alpha: Math.exp(v[1]),
  a: Math.exp(v[2]),
  b: Math.exp(v[3]),
});

export function fitBgNbd(triples: readonly RfmTriple[], options: Partial<FitOptions> = {}): FitResult {
  const maxIterations = options.maxIterations ?? 4000;
  if (triples.length === 0) return { ok: false, reason: "no_customers", iterations: 0 };
  const d = aggregate(triples);
  if (!d) return { ok: false, reason: "bad_input", iterations: 0 };
  // With no repeat purchase anywhere the likelihood keeps rising as p → 1: there is no finite optimum.
  if (d.xs.every((x) => x === 0)) return { ok: false, reason: "no_repeat", iterations: 0 };

  let meanT = 0;
  for (const c of triples) meanT += c.T / triples.length;
  let init = options.initial ?? { r: 1, alpha: Math.max(meanT, 1e-3), a: 1, b: 1 };
  let warmIterations = 0;
  if (!options.initial && triples.length > 2 * WARM_START_SAMPLE) {
    // Big shop: most of the walk from the generic start is done on an evenly spread subsample, so the
    // full data only polish the last few digits (a handful of iterations instead of dozens).
    const step = Math.ceil(triples.length / WARM_START_SAMPLE);
    const sample = triples.filter((_, i) => i % step === 0);
    const warm = fitBgNbd(sample, { maxIterations });
    if (warm.ok) {
      init = warm.params;
      warmIterations = warm.iterations;
    }
  }
  const start = [Math.log(init.r), Math.log(init.alpha), Math.log(init.a), Math.log(init.b)];
  // Per-customer mean negative log-likelihood: tolerances then mean the same thing for any shop size.
  const outside = (v: readonly number[]) => v.some((u) => !(Math.abs(u) <= 30));
  const objective = (v: readonly number[], grad?: number[]): number => {
    if (outside(v)) return Number.POSITIVE_INFINITY;
    const ll = aggregatedLogLikelihood(d, toParams(v), grad);
    if (grad) for (let k = 0; k < 4; k++) grad[k] = -grad[k] / d.customers;
    return -ll / d.customers;
  };
  let best = bfgs(objective, start, { maxIterations: maxIterations });
  let iterations = best.iterations;
  let evaluations = best.evaluations;
  if (!best.converged) {
    // Fallback: the derivative-free simplex, restarted once from its own best point.
    // Capped: a shop whose data have no interior optimum should not hold the sheet for seconds.
    const nmIterations = Math.min(maxIterations, 1500);
    const first = nelderMead((v) => objective(v), start, { maxIterations: nmIterations });
    const second = nelderMead((v) => objective(v), first.x, { maxIterations: nmIterations, step: 0.05 });
    best = second.fx <= first.fx ? second : first;
    iterations += first.iterations + second.iterations;
    evaluations += first.evaluations + second.evaluations;
  }
  const params = toParams(best.x);
  const ll = -best.fx * d.customers;
  if (!best.converged || !Number.isFinite(ll) || Object.values(params).some((v) => !Number.isFinite(v))) {
    return { ok: false, reason: "not_converged", iterations };
  }
  return {
    ok: true,
    params,
    logLikelihood: ll,
    iterations,
    warmStartIterations: warmIterations,
    evaluations,
    customers: d.customers,
    distinctTriples: d.weight.length,
  };
}

type Text = { ja: string; en: string };

/** Why a shop gets no model: too few customers, nobody bought twice, or no reliable optimum. */
export type ShopFitNote = "few_customers" | "no_repeat" | "not_converged";

const SHOP_FIT_NOTES: Record<ShopFitNote, (n: number, min: number) => Text> = {
  few_customers: (n, min) => ({
    ja: `お客様が${n}人と少ないため(${min}人以上で利用)、継続確率などの予測は出さず、ルールだけで判定しています。`,
    en: `Only ${n} customers (the model needs at least ${min}): no predictions such as P(alive); the rules alone classify customers.`,
  }),
  no_repeat: () => ({
    ja: "2回目のご購入がまだどなたにもないため、継続確率などの予測は出せません。ルールだけで判定しています。",
    en: "No customer has bought a second time yet, so the model cannot be fitted; the rules alone classify customers.",
  }),
  not_converged: () => ({
    ja: "購入履歴から予測モデルを安定して推定できなかったため、継続確率などの予測は出さず、ルールだけで判定しています。",
    en: "The prediction model could not be fitted reliably to this purchase history; the rules alone classify customers.",
  }),
};

export interface ShopFit {
  /** Fitted parameters in the triples' unit (days for the product); null when the shop has too little history. */
  params: BgNbdParams | null;
  /** Why there are no parameters, in words for the shop owner (ja/en); null when fitted. */
  note: Text | null;
  /** Fit diagnostics for the report, null when not fitted. */
  fit: { logLikelihood: number; iterations: number; customers: number } | null;
}

/**
 * The shop's BG/NBD parameters from its customers' (x, t_x, T), with the product's checks: no fit below
 * `minCustomers` or without a repeat buyer, and a note saying why instead. What predictCustomers fits before
 * predicting, and what =P_ALIVE() / =EXPECTED_PURCHASES() fit on a range's rows, which are triples already.
 */
export function fitShop(triples: readonly RfmTriple[], minCustomers: number): ShopFit {
  const none = (key: ShopFitNote): ShopFit => ({
    params: null,
    note: SHOP_FIT_NOTES[key](triples.length, minCustomers),
    fit: null,
  });
  if (triples.length < minCustomers) return none("few_customers");
  if (!triples.some((t) => t.x > 0)) return none("no_repeat");
  const fit = fitBgNbd(triples);
  if (!fit.ok) return none(fit.reason === "no_repeat" ? "no_repeat" : "not_converged");
  return {
    params: fit.params,
    note: null,
    fit: { logLikelihood: fit.logLikelihood, iterations: fit.iterations, customers: fit.customers },
  };
}
