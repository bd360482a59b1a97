// Simulates shops whose customers follow BG/NBD exactly (seeded, so tests and the benchmark are
// reproducible). Times are whole days, same-day purchases merge, as in the real customer summary.
import type { BgNbdParams, RfmTriple } from "../../../src/core/model/bgnbd";
import { mulberry32 } from "../../support/seededRandom";

/** Seeded uniforms in the open interval (0, 1): the simulations take logarithms of u and of 1 − u. */
export function rng(seed: number): () => number {
  const u = mulberry32(seed);
  return () => (u() * 4294967296 + 0.5) / 4294967297;
}

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, 1) by Marsaglia–Tsang (with the shape < 1 boost). */
function gamma(shape: number, u: () => number): number {
  if (shape < 1) return gamma(shape + 1, u) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(u);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * n customers whose first purchase falls uniformly in the `spanDays` before the as-of day; returns
 * (x, t_x, T) in days.
 */
export function simulateTriples(n: number, p: BgNbdParams, spanDays: number, seed: number): RfmTriple[] {
  const u = rng(seed);
  const out: RfmTriple[] = [];
  for (let i = 0; i < n; i++) {
    const T = Math.floor(u() * spanDays);
    const lambda = gamma(p.r, u) / p.alpha;
    const g1 = gamma(p.a, u);
    const drop = g1 / (g1 + gamma(p.b, u));
    let t = 0;
    let lastDay = 0;
    let x = 0;
    // BG/NBD: the first purchase never ends the relationship; after every repeat purchase the
    // customer drops out with probability p.
    for (;;) {
      t += -Math.log(u()) / lambda;
      const day = Math.floor(t);
      if (day > T) break;
      if (day !== lastDay) {
        x++;
        lastDay = day;
      }
      if (u() < drop) break;
    }
    out.push({ x, tx: lastDay, T });
  }
  return out;
}
