import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortPositive } from "../../src/core/select";

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
