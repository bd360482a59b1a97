// BG/NBD fit on 200,000 simulated customers (target ≤ 2 s), then the per-customer predictions; then the fit on a
// shop shaped like the CLI bench's 1M rows (115k customers, almost nobody drops out, so a and b are loosely
// determined and BFGS ends on the likelihood's rounding floor).
import { pAlive } from "../src/core/model/bgnbd";
import { fitBgNbd } from "../src/core/model/fit";
import { predictCustomersFromTriples } from "../src/core/model/predict";
import { simulateTriples } from "../test/core/model/simulate";

export async function run(): Promise<void> {
  const truth = { r: 0.6, alpha: 40, a: 0.8, b: 3 };
  const n = 200_000;
  const triples = simulateTriples(n, truth, 730, 20261123);
  const repeaters = triples.filter((c) => c.x > 0).length;
  console.log(`customers ${n}, with a repeat purchase ${repeaters}, truth ${JSON.stringify(truth)}`);

  const t0 = performance.now();
  const fit = fitBgNbd(triples);
  const fitMs = performance.now() - t0;
  if (!fit.ok) {
    console.log(`fit failed: ${fit.reason} after ${fit.iterations} iterations`);
    return;
  }
  const p = fit.params;
  console.log(
    `fit ${fitMs.toFixed(0)} ms (target ≤ 2000): ${fit.warmStartIterations} BFGS iterations on a 10,000-customer ` +
      `warm start, then ${fit.iterations} on all (${fit.evaluations} likelihood evaluations over ` +
      `${fit.distinctTriples} distinct (x, t_x, T))`,
  );
  console.log(
    `estimate r ${p.r.toFixed(3)} α ${p.alpha.toFixed(2)} a ${p.a.toFixed(3)} b ${p.b.toFixed(3)}, ` +
      `log-likelihood ${fit.logLikelihood.toFixed(1)}`,
  );

  const t1 = performance.now();
  const preds = predictCustomersFromTriples(triples, p);
  const predMs = performance.now() - t1;
  let mean = 0;
  for (const c of triples) mean += pAlive(c.x, c.tx, c.T, p) / n;
  console.log(
    `predictions (P(alive), E[purchases in 90 days], next purchase day) for ${preds.length} customers ` +
      `${predMs.toFixed(0)} ms; mean P(alive) ${mean.toFixed(3)}`,
  );

  fitNoiseFloorShop();
}

function fitNoiseFloorShop(): void {
  const triples = simulateTriples(115_000, { r: 3.5, alpha: 850, a: 0.04, b: 6 }, 1035, 20261202);
  const t0 = performance.now();
  const fit = fitBgNbd(triples);
  const ms = performance.now() - t0;
  if (!fit.ok) {
    console.log(`low-dropout shop: fit failed (${fit.reason})`);
    return;
  }
  console.log(
    `low-dropout shop (115,000 customers like the CLI bench): fit ${ms.toFixed(0)} ms, ` +
      `${fit.warmStartIterations} + ${fit.iterations} iterations, ${fit.evaluations} evaluations on all ` +
      `(${fit.distinctTriples} distinct triples)`,
  );
}
