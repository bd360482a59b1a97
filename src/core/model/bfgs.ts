/**
 * BFGS quasi-Newton minimisation with a backtracking (Armijo) line search. Used for the BG/NBD fit
 * because the likelihood gradient is almost free once the function is computed, and BFGS needs a tenth
 * of the evaluations of Nelder–Mead — the difference between 5 s and under 1 s for 200,000 customers.
 * Stops when the largest gradient component is below `gTol`, or earlier at the rounding floor (a full step
 * that f cannot resolve, with the gradient under `looseTol`); reports `converged: false` otherwise.
 */

export interface BfgsResult {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export interface BfgsOptions {
  gTol: number;
  /** Gradient size accepted when the line search can no longer decrease f at machine precision. */
  looseTol: number;
  maxIterations: number;
}

/** f returns the value and writes the gradient into `grad`; non-finite values mean "outside". */
export type ValueAndGradient = (x: readonly number[], grad: number[]) => number;

export function bfgs(
  f: ValueAndGradient,
  x0: readonly number[],
  options: Partial<BfgsOptions> = {},
): BfgsResult {
  const gTol = options.gTol ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;
  const looseTol = options.looseTol ?? 1e-5;
  const n = x0.length;
  let x = x0.slice();
  let g = new Array<number>(n).fill(0);
  let evaluations = 1;
  let fx = f(x, g);
  if (!Number.isFinite(fx) || !g.every(Number.isFinite)) {
    return { x, fx, iterations: 0, evaluations, converged: false };
  }
  // Inverse Hessian approximation, starting from the identity.
  let h = identity(n);
  let iterations = 0;
  while (iterations < maxIterations) {
    if (maxAbs(g) < gTol) return { x, fx, iterations, evaluations, converged: true };
    iterations++;
    let dir = h.map((row) => -dot(row, g));
    let slope = dot(dir, g);
    if (!(slope < 0)) {
      // Lost positive definiteness: restart along steepest descent.
      h = identity(n);
      dir = g.map((v) => -v);
      slope = dot(dir, g);
    }
    let step = 1;
    let xNew = x;
    let gNew = g;
    let fNew = Number.POSITIVE_INFINITY;
    let accepted = false;
    for (let k = 0; k < 40; k++) {
      xNew = x.map((v, i) => v + step * dir[i]);
      gNew = new Array<number>(n).fill(0);
      evaluations++;
      fNew = f(xNew, gNew);
      // Strict decrease as well as Armijo: near the optimum the Armijo margin rounds away, and
      // accepting equal values would let the search wander without progress.
      if (
        Number.isFinite(fNew) &&
        gNew.every(Number.isFinite) &&
        fNew < fx &&
        fNew <= fx + 1e-4 * step * slope
      ) {
        accepted = true;
        break;
      }
      if (k === 0 && -slope < Number.EPSILON * Math.abs(fx) && maxAbs(g) < looseTol) {
        // The full quasi-Newton step was predicted to lower f by less than f's last bit, and it did not
        // lower f: we are at the noise floor. Halving further only samples rounding (on a large shop,
        // a hundred evaluations that moved no parameter past its tenth digit).
        return { x, fx, iterations, evaluations, converged: true };
      }
      step *= 0.5;
    }
    if (!accepted) {
      // No decrease possible at machine precision: we are at the optimum as far as f can tell, provided
      // the gradient is small (its own rounding noise sits far above gTol for large sums).
      return { x, fx, iterations, evaluations, converged: maxAbs(g) < looseTol };
    }
    const s = xNew.map((v, i) => v - x[i]);
    const y = gNew.map((v, i) => v - g[i]);
    const sy = dot(s, y);
    if (sy > 1e-16 && iterations === 1) {
      // Scale the identity by sᵀy / yᵀy before the first update (Nocedal & Wright 6.20), so the
      // first quasi-Newton steps have the right length and the line search rarely backtracks.
      const scale = sy / dot(y, y);
      for (let i = 0; i < n; i++) h[i][i] = scale;
    }
    if (sy > 1e-16) {
      const hy = h.map((row) => dot(row, y));
      const yhy = dot(y, hy);
      const next = identity(n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          next[i][j] = h[i][j] + ((sy + yhy) * s[i] * s[j]) / (sy * sy) - (hy[i] * s[j] + s[i] * hy[j]) / sy;
        }
      }
      h = next;
    }
    x = xNew;
    g = gNew;
    fx = fNew;
  }
  return { x, fx, iterations, evaluations, converged: maxAbs(g) < gTol };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}
function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
function maxAbs(v: readonly number[]): number {
  let m = 0;
  for (const u of v) m = Math.max(m, Math.abs(u));
  return m;
}
