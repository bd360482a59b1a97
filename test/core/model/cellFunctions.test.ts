import { describe, expect, it } from "vitest";
import { expectedPurchases, pAlive } from "../../../src/core/model/bgnbd";
import {
  expectedPurchasesFromDays,
  expectedPurchasesOf,
  nextPurchaseDayFromDays,
  pAliveFromDays,
  pAliveOf,
  tripleFromDays,
} from "../../../src/core/model/cellFunctions";

const P = { r: 0.24, alpha: 30.9, a: 0.79, b: 2.43 }; // CDNOW in days

describe("custom-function wrappers", () => {
  it("turn a sheet row into (x, t_x, T) in days", () => {
    expect(tripleFromDays(4, 100, 190, 250)).toEqual({ x: 3, tx: 90, T: 150 });
    expect(tripleFromDays(1, 100, 100, 250)).toEqual({ x: 0, tx: 0, T: 150 });
    expect(tripleFromDays(1, 100, 120, 250)).toBeNull(); // one purchase day cannot span 20 days
    expect(tripleFromDays(3, 100, 100, 250)).toBeNull();
    expect(tripleFromDays(2, 100, 300, 250)).toBeNull(); // last purchase after the as-of day
    expect(tripleFromDays(2.5, 100, 120, 250)).toBeNull();
  });

  it("agree with the model formulas and return null instead of NaN", () => {
    expect(pAliveFromDays(4, 100, 190, 250, P)).toBe(pAlive(3, 90, 150, P));
    expect(expectedPurchasesFromDays(90, 4, 100, 190, 250, P)).toBe(expectedPurchases(90, 3, 90, 150, P));
    expect(pAliveFromDays(1, 100, 100, 250, P)).toBeNull();
    expect(pAliveOf(2, 50, 40, P)).toBeNull();
    expect(expectedPurchasesOf(-1, 2, 10, 40, P)).toBeNull();
    expect(expectedPurchasesFromDays(90, 0, 100, 100, 250, P)).toBeNull();
  });

  it("give the next purchase day after the as-of day, or null", () => {
    const day = nextPurchaseDayFromDays(20, 0, 200, 205, P);
    expect(day).not.toBeNull();
    expect((day ?? 0) > 205).toBe(true);
    expect(nextPurchaseDayFromDays(2, 0, 10, 900, P)).toBeNull(); // long gone: not within two years
  });
});
