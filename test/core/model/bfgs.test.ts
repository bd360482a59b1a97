import { describe, expect, it } from "vitest";
import { bfgs } from "../../../src/core/model/bfgs";
import { fitBgNbd } from "../../../src/core/model/fit";
import { simulateTriples } from "./simulate";

/**
 * A quadratic bowl around f = 20 (the fit's per-customer mean is about that) whose gradient carries noise of 3e-9, as
 * the BG/NBD fit's does on a big shop: near the optimum f resolves no decrease while the gradient still reads above gTol.
 */
function noisyFloor(evaluations: { n: number }) {
  const centre = [0.3, -1.2, 2.5, 0.8];
  const scale = [1, 10, 0.001, 0.1]; // one flat direction, as a and b are when almost nobody drops out
  return (x: readonly number[], grad: number[]): number => {
    evaluations.n++;
    let f = 20;
    for (let i = 0; i < 4; i++) {
      const d = x[i] - centre[i];
      f += scale[i] * d * d;
      grad[i] = 2 * scale[i] * d + 3e-9 * Math.sin(1e12 * x[i]);
    }
    return f;
  };
}

describe("bfgs at the rounding floor", () => {
  it("stops once a full step can no longer lower f, instead of halving through rounding noise", () => {
    const count = { n: 0 };
    const res = bfgs(noisyFloor(count), [0, 0, 0, 0]);
    expect(res.converged).toBe(true);
    expect(res.evaluations).toBe(count.n);
    // Without the floor check the last iterations halved their steps 40 times over (72 evaluations here).
    expect(res.evaluations).toBeLessThan(40);
    const centre = [0.3, -1.2, 2.5, 0.8];
    for (let i = 0; i < 4; i++) expect(Math.abs(res.x[i] - centre[i])).toBeLessThan(1e-5);
  });

  it("still polishes to gTol when f can resolve the decrease", () => {
    const centre = [0.3, -1.2, 2.5, 0.8];
    const res = bfgs(
      (x, g) => {
        let f = 0;
        for (let i = 0; i < 4; i++) {
          const d = x[i] - centre[i];
          f += (i + 1) * d * d;
          g[i] = 2 * (i + 1) * d;
        }
        return f;
      },
      [0, 0, 0, 0],
    );
    expect(res.converged).toBe(true);
    for (let i = 0; i < 4; i++) expect(Math.abs(res.x[i] - centre[i])).toBeLessThan(1e-9);
  });

  it("fits a large low-dropout shop in a few dozen evaluations, at the likelihood's optimum", () => {
    const truth = { r: 3.5, alpha: 850, a: 0.04, b: 6 };
    const triples = simulateTriples(30_000, truth, 1035, 7);
    const fit = fitBgNbd(triples);
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    // A fit started from the optimum itself finds nothing better (within f's rounding over 30,000 customers).
    const again = fitBgNbd(triples, { initial: fit.params });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.logLikelihood - fit.logLikelihood).toBeLessThan(1e-6);
    expect(fit.evaluations).toBeLessThan(fit.iterations + 10);
  });
});
