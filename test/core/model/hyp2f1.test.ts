import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hyp2f1 } from "../../../src/core/model/hyp2f1";
import { lgamma } from "../../../src/core/model/lgamma";

const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe("lgamma", () => {
  it("matches factorials and Γ(½) = √π", () => {
    let fact = 1;
    for (let n = 1; n <= 30; n++) {
      fact *= n;
      const want = Math.log(fact);
      expect(Math.abs(lgamma(n + 1) - want)).toBeLessThan(1e-13 * Math.max(1, want));
    }
    expect(Math.abs(lgamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
  });
  it("satisfies Γ(x+1) = xΓ(x), including tiny x", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 500, noNaN: true }), (x) => {
        expect(Math.abs(lgamma(x + 1) - lgamma(x) - Math.log(x))).toBeLessThan(
          1e-11 * Math.max(1, lgamma(x + 1)),
        );
      }),
    );
  });
  it("is NaN outside x > 0", () => {
    expect(lgamma(0)).toBeNaN();
    expect(lgamma(-1.5)).toBeNaN();
  });
});

describe("hyp2f1", () => {
  it("matches closed forms", () => {
    // ₂F₁(1,1;2;z) = −ln(1−z)/z and ₂F₁(½,½;3/2;z²) = asin(z)/z
    for (const z of [0.1, 0.5, 0.9, 0.99, -0.5, -0.9]) {
      expect(rel(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z)).toBeLessThan(1e-13);
    }
    for (const z of [0.2, 0.5, 0.8, 0.95]) {
      expect(rel(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z)).toBeLessThan(1e-13);
    }
    // ₂F₁(a,b;b;z) = (1−z)^(−a)
    expect(rel(hyp2f1(2.7, 1.3, 1.3, 0.6), 0.4 ** -2.7)).toBeLessThan(1e-13);
  });

  it("matches mpmath (30 digits) over the range BG/NBD uses", () => {
    const cases: [number, number, number, number, number][] = [
      [26.2426, 28.4262, 28.2192, 0.5957, 25041810315.17089],
      [-0.45, -0.2, 3.1, 0.99, 1.030684370723132],
      [2.5, 1.5, 0.7, 0.9, 5527.751187992457],
      [1.2, 3.4, 5.6, -0.8, 0.6309948811601898],
      [0.3, 0.7, 1.9, -0.3, 0.970122609887082],
      [1.5, 2, 3, 0.999, 118.8551890360249],
      // the early-stop case (a ≤ c, b ≤ 1) with the large c of a frequent buyer
      [2.02, -0.21, 150.3, 0.9, 0.9974415949186981],
      [1.5, 0.7, 1000.5, 0.97, 1.001020092607384],
      [-0.5, 0.9, 3.2, 0.99, 0.8372178654317923],
    ];
    for (const [a, b, c, z, want] of cases) expect(rel(hyp2f1(a, b, c, z), want)).toBeLessThan(1e-12);
  });

  it("obeys Euler's transformation ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a,c−b;c;z)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 5, noNaN: true }),
        fc.double({ min: -2, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 8, noNaN: true }),
        fc.double({ min: -0.95, max: 0.95, noNaN: true }),
        (a, b, c, z) => {
          const left = hyp2f1(a, b, c, z);
          const right = (1 - z) ** (c - a - b) * hyp2f1(c - a, c - b, c, z);
          // 1e-7, not machine precision: when the value is tiny (e.g. (1−z)^4.8 at z = 0.95) one side
          // sums terms of size ~10 that cancel, an ill-conditioned evaluation on either side.
          expect(Math.abs(left - right)).toBeLessThan(1e-7 * Math.max(1, Math.abs(left)));
        },
      ),
    );
  });

  it("is symmetric in a and b and returns NaN outside |z| < 1", () => {
    expect(hyp2f1(0.3, 2.2, 1.7, 0.4)).toBe(hyp2f1(0.3, 2.2, 1.7, 0.4));
    expect(rel(hyp2f1(0.3, 2.2, 1.7, 0.4), hyp2f1(2.2, 0.3, 1.7, 0.4))).toBeLessThan(1e-14);
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, 2, -1)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
    expect(hyp2f1(1, 1, 2, 0)).toBe(1);
  });
});
