import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StringIds } from "../../src/core/stringIds";
import { numberedByMap } from "../support/numberedByMap";

describe("StringIds", () => {
  it("numbers strings as a Map would, through many table growths", () => {
    // Small alphabets make repeats common; long lists make the table grow several times.
    const key = fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.nat().map(String),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (strings) => {
        const ids = new StringIds();
        expect(strings.map((s) => ids.idOf(s))).toEqual(numberedByMap(strings));
        expect(ids.keys).toEqual([...new Set(strings)]);
        for (const s of strings) expect(ids.find(s)).toBe(ids.keys.indexOf(s));
      }),
      { numRuns: 60 },
    );
  });

  it("finds nothing it was not given, and gives the next number to a new string", () => {
    const ids = new StringIds();
    expect(ids.find("")).toBe(-1);
    for (let i = 0; i < 5000; i++) expect(ids.idOf(`C${i}`)).toBe(i);
    expect(ids.size).toBe(5000);
    expect(ids.find("C5000")).toBe(-1);
    expect(ids.find("C4999")).toBe(4999);
    expect(ids.idOf("")).toBe(5000);
    expect(ids.idOf("C0")).toBe(0);
  });
});
