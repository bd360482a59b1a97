import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kthLargest, medianInPlace, sortPositive } from "../../src/core/select";

describe("sortPositive", () => {
  it("sorts positive numbers exactly as Float64Array.prototype.sort does", () => {
    const positive = fc.oneof(
      fc.integer({ min: 1, max: 2_000_000 }),
      fc.double({ min: Number.MIN_VALUE, max: 1e15, noNaN: true }),
      fc.integer({ min: 1, max: 99_999 }).map((n) => n / 100),
      fc.constantFrom(Number.MIN_VALUE, Number.MAX_VALUE, Number.POSITIVE_INFINITY, 1, 2 ** 32, 2 ** 53),
    );
    fc.assert(
      fc.property(fc.array(positive, { minLength: 500, maxLength: 3000 }), (xs) => {
        const values = Float64Array.from(xs);
        sortPositive(values);
        expect(values).toEqual(Float64Array.from(xs).sort());
      }),
      { numRuns: 100 },
    );
  });

  it("with a payload, moves each payload entry with its value (an argsort), short arrays and long", () => {
    const positive = fc.oneof(
      fc.integer({ min: 1, max: 50 }),
      fc.double({ min: 0.5, max: 1e9, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(positive, { minLength: 0, maxLength: 2000 }), (xs) => {
        const values = Float64Array.from(xs);
        const payload = Int32Array.from(xs, (_, i) => i);
        sortPositive(values, payload);
        expect(values).toEqual(Float64Array.from(xs).sort());
        // Each value still has its own position, and every position is there once.
        expect(Array.from(payload, (i) => xs[i])).toEqual(Array.from(values));
        expect(Array.from(payload).sort((a, b) => a - b)).toEqual(xs.map((_, i) => i));
      }),
      { numRuns: 100 },
    );
  });

  it("handles short arrays and arrays whose values share most of their bits", () => {
    for (const xs of [
      [],
      [5],
      [3, 1, 2],
      Array.from({ length: 2000 }, (_, i) => 1000 + ((i * 7919) % 2000)),
    ]) {
      const values = Float64Array.from(xs);
      sortPositive(values);
      expect(values).toEqual(Float64Array.from(xs).sort());
    }
  });
});

describe("medianInPlace and kthLargest", () => {
  it("give the median and the k-th largest of a sorted copy, ties and short arrays included", () => {
    // −0 and 0 tie, so which one a selection returns is not defined: + 0 makes every zero 0.
    const value = fc
      .oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }))
      .map((x) => x + 0);
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), fc.nat(), (xs, pick) => {
        const sorted = Float64Array.from(xs).sort();
        const n = xs.length;
        const want = n === 0 ? null : n % 2 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        expect(medianInPlace(Float64Array.from(xs))).toBe(want);
        if (n === 0) return;
        const k = 1 + (pick % n);
        const values = Float64Array.from(xs);
        const kth = kthLargest(values, k);
        expect(kth).toBe(sorted[n - k]);
        // What medianInPlace relies on: the values before index k−1 are ≥ it, those after ≤ it.
        for (let i = 0; i < k - 1; i++) expect(values[i]).toBeGreaterThanOrEqual(kth);
        for (let i = k; i < n; i++) expect(values[i]).toBeLessThanOrEqual(kth);
      }),
      { numRuns: 500 },
    );
  });
});
