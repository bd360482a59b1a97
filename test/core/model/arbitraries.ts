import fc from "fast-check";
import type { RfmTriple } from "../../../src/core/model/bgnbd";

/**
 * A customer's (x, t_x, T) for property tests: up to `maxX` repeat purchases, t_x and the silence after it (T − t_x)
 * each up to `maxDays`, not necessarily whole; a customer without repeats has t_x = 0.
 */
export function anyTriple(maxX: number, maxDays: number): fc.Arbitrary<RfmTriple> {
  return fc
    .record({
      x: fc.integer({ min: 0, max: maxX }),
      tx: fc.double({ min: 0, max: maxDays, noNaN: true }),
      gap: fc.double({ min: 0, max: maxDays, noNaN: true }),
    })
    .map(({ x, tx, gap }) => ({ x, tx: x === 0 ? 0 : tx, T: (x === 0 ? 0 : tx) + gap }));
}
