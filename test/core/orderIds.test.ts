import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OrderIds, plainDecimal } from "../../src/core/orderIds";
import { numberedByMap } from "../support/numberedByMap";

describe("OrderIds", () => {
  it("numbers ids as a Map of their texts would, numeric or not, and gives each text back", () => {
    // Plain numbers, numbers with leading zeros or too many digits (kept as text), and other texts, mixed.
    const id = fc.oneof(
      fc.nat({ max: 2000 }).map(String),
      fc.nat({ max: 2000 }).map((n) => `0${n}`),
      fc.constantFrom("999999999", "1000000000", "2147483648", "-5", "1.0", "", "#1001", "C536365"),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 3000 }), (ids) => {
        const own: string[] = [];
        const o = new OrderIds((s) => {
          own.push(s);
          return s;
        });
        expect(ids.map((s) => o.idOf(s))).toEqual(numberedByMap(ids));
        const distinct = [...new Set(ids)];
        expect(o.size).toBe(distinct.length);
        for (const s of ids) expect(o.find(s)).toBe(distinct.indexOf(s));
        expect(distinct.map((_, no) => o.textOf(no))).toEqual(distinct);
        // Only texts are stored (and so passed to ownKey); plain numbers are kept as numbers.
        expect(own).toEqual(distinct.filter((s) => plainDecimal(s) < 0));
        o.release();
        expect(distinct.map((_, no) => o.textOf(no))).toEqual(distinct);
      }),
      { numRuns: 60 },
    );
  });

  it("keeps as numbers exactly the texts that String(number) writes back the same", () => {
    for (const s of ["0", "7", "100231", "999999999"]) expect(String(plainDecimal(s))).toBe(s);
    for (const s of ["", "00", "0123", "1000000000", "-1", "+1", "1.5", "1e3", " 12", "１２"])
      expect(plainDecimal(s)).toBe(-1);
  });

  it("numbers ids in any steps, sequential or piling up on the same slots, quickly and as a Map would", () => {
    for (const step of [1, 7, 1000, 1024, 65536, 1 << 20]) {
      const ids = Array.from({ length: 40_000 }, (_, i) => String((i * step) % 999_999_937));
      const o = new OrderIds();
      const t = performance.now();
      expect(ids.map((s) => o.idOf(s))).toEqual(numberedByMap(ids));
      expect(ids.map((s) => o.find(s))).toEqual(numberedByMap(ids));
      // Quadratic probing would take seconds here; a mixed table takes milliseconds.
      expect(performance.now() - t).toBeLessThan(2000);
    }
  });

  it("finds nothing it was not given", () => {
    const o = new OrderIds();
    expect(o.find("1")).toBe(-1);
    for (let i = 0; i < 5000; i++) expect(o.idOf(String(100000 + i))).toBe(i);
    expect(o.find("105000")).toBe(-1);
    expect(o.find("104999")).toBe(4999);
    expect(o.find("A")).toBe(-1);
  });
});
