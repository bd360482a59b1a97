import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerKeyOf, orderIdOf } from "../../src/core/cells";
import { isBlank } from "../../src/core/parseAmount";

/** customerKeyOf as first written, with regexes only: the fast path must give exactly the same keys. */
function slowKey(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== "string") {
    if (value === null || value === undefined || typeof value === "boolean") return null;
    return slowKey(String(value));
  }
  let s = value.trim();
  if (s === "") return null;
  if (/[^\u0020-\u007e]/.test(s)) {
    s = s.normalize("NFKC").trim();
    if (s === "") return null;
  }
  const m = /^(\d+)\.0+$/.exec(s);
  if (m) return m[1];
  if (s.includes("@")) return s.toLowerCase();
  return s;
}

describe("customerKeyOf", () => {
  it.each([
    ["C000123", "C000123"],
    ["  C1 ", "C1"],
    ["17850.0", "17850"],
    ["17850.5", "17850.5"],
    ["Hanako@Example.JP", "hanako@example.jp"],
    ["００１２", "0012"],
    ["１７８５０．０", "17850"],
    ["\u3000", null],
    ["", null],
    [17850, "17850"],
    [null, null],
  ])("%j → %j", (cell, key) => {
    expect(customerKeyOf(cell)).toBe(key);
  });

  it("gives the same key as the regex-only reading for any text", () => {
    const unit = fc.constantFrom(
      "a",
      "Z",
      "0",
      "9",
      ".",
      "@",
      " ",
      "\t",
      "\u3000",
      "０",
      "Ａ",
      "＠",
      "é",
      "\u0001",
      "-",
    );
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.array(unit, { maxLength: 12 }).map((a) => a.join("")),
      fc.tuple(fc.nat(), fc.nat({ max: 3 })).map(([n, zeros]) => `${n}.${"0".repeat(zeros)}`),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(customerKeyOf(s)).toBe(slowKey(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("orderIdOf", () => {
  it("gives the trimmed text, the number's text, or null for a blank cell, whatever the cell", () => {
    // The plain reading the shortcut for printable-ASCII ends must agree with.
    const slowId = (v: unknown) => (isBlank(v) ? null : typeof v === "number" ? String(v) : String(v).trim());
    const unit = fc.constantFrom(
      "1",
      "#",
      "A",
      " ",
      "\t",
      "\u3000",
      "\u00a0",
      "\ufeff",
      "\n",
      "~",
      "\u007f",
      "é",
    );
    const cell = fc.oneof(
      fc.array(unit, { maxLength: 6 }).map((a) => a.join("")),
      fc.string(),
      fc.integer(),
      fc.constantFrom(null, undefined, true),
    );
    fc.assert(
      fc.property(cell, (v) => {
        expect(orderIdOf(v)).toBe(slowId(v));
      }),
      { numRuns: 2000 },
    );
  });
});
