import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBlank, parseAmount } from "../../src/core/parseAmount";

describe("parseAmount", () => {
  it.each([
    [1234, 1234],
    [-500, -500],
    [12.5, 12.5],
    [0, 0],
    ["1234", 1234],
    ["-12.5", -12.5],
    ["1,234", 1234],
    ["1,234,567", 1_234_567],
    ["¥1,234", 1234],
    ["￥1,234", 1234],
    ["1,234円", 1234],
    ["1,234 円", 1234],
    ["$12.50", 12.5],
    ["US$12.50", 12.5],
    ["JPY 1,000", 1000],
    ["1000 JPY", 1000],
    ["€9.99", 9.99],
    ["１，２３４", 1234],
    ["１２３４円", 1234],
    ["－１２３４", -1234],
    ["−1,234", -1234],
    ["-¥1,234", -1234],
    ["¥-1,234", -1234],
    ["(1,234)", -1234],
    ["(¥1,234)", -1234],
    ["▲500", -500],
    ["△1,200円", -1200],
    ["+300", 300],
    ["1,234円(税込)", 1234],
    ["1,234円（税込）", 1234],
    [" 42 ", 42],
    ["0.5", 0.5],
  ])("%j → %d", (value, expected) => {
    expect(parseAmount(value)).toBe(expected);
  });

  it.each([
    "",
    "abc",
    "12,50",
    "1,23,456",
    "1.2.3",
    "1e3",
    "-",
    "¥",
    "--5",
    "(-5)",
    "▲-5",
    "12.",
    ".5.",
    "1 234",
    "five",
    "1,234ドル?",
  ])("refuses %j", (value) => {
    expect(parseAmount(value)).toBeNull();
  });

  it("refuses non-finite numbers and other types", () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, {}, new Date()])
      expect(parseAmount(v)).toBeNull();
  });

  it("reads every integer written with thousands separators and a yen sign", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const text = `${n < 0 ? "-" : ""}¥${Math.abs(n).toLocaleString("en-US")}`;
        expect(parseAmount(text)).toBe(n);
        expect(parseAmount(String(n))).toBe(n);
      }),
    );
  });

  it("reads a plain run of digits (a minus, leading zeros, up to 20 characters) exactly as Number does", () => {
    // Whole numbers of up to 15 characters are summed digit by digit; longer ones and decimals use Number.
    const digits = fc.array(fc.constantFrom("0", "1", "5", "9"), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(fc.boolean(), digits, fc.boolean(), (minus, units, decimal) => {
        let text = `${minus ? "-" : ""}${units.join("")}`;
        if (decimal && units.length > 1) text = `${text.slice(0, -1)}.${text.slice(-1)}`;
        if (text.length > 20) return;
        expect(Object.is(parseAmount(text), Number(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(Object.is(parseAmount("-0"), -0)).toBe(true);
    expect(parseAmount("999999999999999")).toBe(999999999999999);
    // Summed digit by digit, these would round twice and land one step off.
    for (const text of ["83843373100552044", "50148665185828708", "8384337310055204"])
      expect(parseAmount(text)).toBe(Number(text));
  });

  it("never throws on junk", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = parseAmount(s);
        expect(v === null || Number.isFinite(v)).toBe(true);
      }),
    );
  });
});

describe("isBlank", () => {
  it("is true only for empty cells", () => {
    for (const v of [null, undefined, "", "   ", "\u3000", "\t"]) expect(isBlank(v)).toBe(true);
    for (const v of [0, "0", " x ", false, Number.NaN]) expect(isBlank(v)).toBe(false);
  });
});
