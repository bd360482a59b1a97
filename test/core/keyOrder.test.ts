import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortIdsByKey } from "../../src/core/keyOrder";

const byComparator = (keys: readonly string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe("sortIdsByKey", () => {
  it("orders keys exactly as comparing the strings does, for any keys", () => {
    // Shared prefixes, keys that are prefixes of others, digits only, e-mails, any UTF-16 (lone surrogates too).
    const key = fc.oneof(
      fc.string({ unit: "binary", maxLength: 6 }),
      fc.nat({ max: 99_999 }).map((n) => `C${String(n).padStart(5, "0")}`),
      fc.nat().map(String),
      fc
        .tuple(fc.string({ maxLength: 20 }), fc.constantFrom("@example.jp", "@Example.com"))
        .map(([a, b]) => a + b),
      fc.string({ unit: fc.constantFrom("a", "b", "\u0000", "\uffff", "\ud800"), maxLength: 25 }),
    );
    fc.assert(
      fc.property(fc.array(key, { minLength: 100, maxLength: 400 }), (list) => {
        const keys = [...new Set(list)];
        const ids = keys.map((_, i) => i).reverse();
        expect(sortIdsByKey(ids, keys).map((id) => keys[id])).toEqual(byComparator(keys));
      }),
      { numRuns: 300 },
    );
  });

  it("short keys of one form, whose numbers fill fewer than four radix digits, are ordered too", () => {
    // "C" + a few digits: the numbers need one or two of the four 13-bit passes; the others are skipped.
    const key = fc.oneof(
      fc.nat({ max: 99 }).map((n) => `C${n}`),
      fc.nat({ max: 99_999 }).map((n) => `C${String(n).padStart(5, "0")}`),
    );
    fc.assert(
      fc.property(fc.array(key, { minLength: 70, maxLength: 300 }), fc.boolean(), (list, oneForm) => {
        const keys = [...new Set(oneForm ? list.filter((k) => k.length === 6) : list)];
        const ids = keys.map((_, i) => i).reverse();
        expect(sortIdsByKey(ids, keys).map((id) => keys[id])).toEqual(byComparator(keys));
      }),
      { numRuns: 300 },
    );
  });

  it("keys alike in their first sixteen characters after the shared prefix are still told apart", () => {
    const keys = Array.from({ length: 500 }, (_, i) => `customer-${"x".repeat(20)}${(i * 7919) % 500}`);
    const ids = keys.map((_, i) => i);
    expect(sortIdsByKey(ids, keys).map((id) => keys[id])).toEqual(byComparator(keys));
  });

  it("keys sharing a prefix of any length, across the units copied per key (24), are ordered too", () => {
    // The prefix and the units after it are read from each key's copied units, or from the string past them.
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", "é"), minLength: 0, maxLength: 40 }),
        fc.array(fc.string({ unit: fc.constantFrom("a", "b", "c", "\uffff"), maxLength: 30 }), {
          minLength: 64,
          maxLength: 200,
        }),
        (prefix, tails) => {
          const keys = [...new Set(tails.map((t) => prefix + t))];
          const ids = keys.map((_, i) => i).reverse();
          expect(sortIdsByKey(ids, keys).map((id) => keys[id])).toEqual(byComparator(keys));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("sorts only the ids it is given", () => {
    const keys = Array.from({ length: 200 }, (_, i) => `K${(i * 37) % 200}`);
    const ids = keys.map((_, i) => i).filter((i) => i % 3 === 0);
    const sorted = sortIdsByKey(ids, keys);
    expect([...sorted].sort((a, b) => a - b)).toEqual(ids);
    expect(sorted.map((id) => keys[id])).toEqual(byComparator(ids.map((id) => keys[id])));
  });
});
