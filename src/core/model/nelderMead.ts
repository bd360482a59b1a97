/**
 * Nelder–Mead simplex minimisation (the derivative-free method lifetimes uses for BG/NBD).
 * Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½); the stopping rule is
 * scipy's: every vertex within `xTol` of the best one in every coordinate and every function value
 * within `fTol` of the best. Non-finite function values count as +∞, so the simplex walks away from
 * parameter regions where the likelihood cannot be evaluated.
 */

export interface NelderMeadOptions {
  /** Initial step along each axis. */
  step: number;
  xTol: number;
  fTol: number;
  maxIterations: number;
}

export interface NelderMeadResult {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export const DEFAULT_NM: NelderMeadOptions = { step: 0.5, xTol: 1e-8, fTol: 1e-12, maxIterations: 5000 };

export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: Partial<NelderMeadOptions> = {},
): NelderMeadResult {
  const o = { ...DEFAULT_NM, ...options };
  const n = x0.length;
  let evaluations = 0;
  const value = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const v = x0.slice();
    v[i] += o.step;
    simplex.push(v);
  }
  const fs = simplex.map(value);
  const order = (): void => {
    const idx = fs.map((_, i) => i).sort((i, j) => fs[i] - fs[j]);
    const s = idx.map((i) => simplex[i]);
    const v = idx.map((i) => fs[i]);
    for (let i = 0; i <= n; i++) {
      simplex[i] = s[i];
      fs[i] = v[i];
    }
  };
  const along = (centroid: number[], worst: number[], t: number): number[] =>
    centroid.map((c, k) => c + t * (c - worst[k]));

  let iterations = 0;
  let converged = false;
  order();
  while (iterations < o.maxIterations) {
    if (isConverged(simplex, fs, o)) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k] += simplex[i][k] / n;
    const worst = simplex[n];
    const xr = along(centroid, worst, 1);
    const fr = value(xr);
    if (fr < fs[0]) {
      const xe = along(centroid, worst, 2);
      const fe = value(xe);
      if (fe < fr) replaceWorst(xe, fe);
      else replaceWorst(xr, fr);
    } else if (fr < fs[n - 1]) {
      replaceWorst(xr, fr);
    } else {
      // Contract outside when the reflection helped a little, inside otherwise.
      const outside = fr < fs[n];
      const xc = along(centroid, worst, outside ? 0.5 : -0.5);
      const fc = value(xc);
      if (fc < (outside ? fr : fs[n])) {
        replaceWorst(xc, fc);
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, k) => simplex[0][k] + 0.5 * (v - simplex[0][k]));
          fs[i] = value(simplex[i]);
        }
      }
    }
    order();
  }
  return { x: simplex[0].slice(), fx: fs[0], iterations, evaluations, converged };

  function replaceWorst(x: number[], fx: number): void {
    simplex[n] = x;
    fs[n] = fx;
  }
}

function isConverged(simplex: number[][], fs: number[], o: NelderMeadOptions): boolean {
  if (!Number.isFinite(fs[0])) return false;
  for (let i = 1; i < simplex.length; i++) {
    if (!(Math.abs(fs[i] - fs[0]) <= o.fTol)) return false;
    for (let k = 0; k < simplex[0].length; k++) {
      if (Math.abs(simplex[i][k] - simplex[0][k]) > o.xTol) return false;
    }
  }
  return true;
}
