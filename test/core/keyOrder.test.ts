import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortIdsByKey } from "../../src/core/keyOrder";
import { packedWordsOf, StringIds } from "../../src/core/stringIds";

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

  it("ranks units that occur only past the units copied per key (24)", () => {
    // A shared prefix of 20 units: the units packed run past the 24 copied, and x, y, Ā occur only there (so a
    // key with one of them must not tie with, or sort before, a key with a or b there).
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.string({ unit: fc.constantFrom("a", "b"), minLength: 4, maxLength: 4 }),
            fc.string({ unit: fc.constantFrom("a", "b", "x", "y", "\u0100"), maxLength: 6 }),
          ),
          { minLength: 80, maxLength: 200 },
        ),
        (parts) => {
          const keys = [...new Set(parts.map(([a, b]) => `${"p".repeat(20)}${a}${b}`))];
          const ids = keys.map((_, i) => i).reverse();
          expect(sortIdsByKey(ids, keys).map((id) => keys[id])).toEqual(byComparator(keys));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("sorts only the ids it is given", () => {
    const keys = Array.from({ length: 200 }, (_, i) => `K${(i * 37) % 200}`);
    const ids = keys.map((_, i) => i).filter((i) => i % 3 === 0);
    const sorted = sortIdsByKey(ids, keys);
    expect([...sorted].sort((a, b) => a - b)).toEqual(ids);
    expect(sorted.map((id) => keys[id])).toEqual(byComparator(ids.map((id) => keys[id])));
  });

  it("reads short keys from StringIds' packed words exactly as from the strings, mixed with long keys", () => {
    // Short keys (≤ 11 units ≤ 0xFF) are read from their slot words, the rest from their strings: prefixes of
    // one another, units 0x00 and 0xFF, 11 and 12 units, units just above 0xFF, shared prefixes of any length.
    const unit = fc.constantFrom("\0", "\u0001", "0", "9", "C", "a", "\u00ff", "\u0100", "\uffff");
    const key = fc.oneof(
      fc.array(unit, { maxLength: 13 }).map((units) => units.join("")),
      fc.nat({ max: 99_999 }).map((n) => `C${String(n).padStart(6, "0")}`),
      fc.nat().map(String),
      fc.string({ maxLength: 20 }).map((a) => `${a}@example.jp`),
    );
    fc.assert(
      fc.property(
        fc.array(key, { minLength: 70, maxLength: 400 }),
        fc.string({ unit: fc.constantFrom("C", "0", "\0", "é"), maxLength: 14 }),
        fc.boolean(),
        (list, prefix, some) => {
          const ids = new StringIds();
          for (const k of list) ids.idOf(prefix + k);
          const keys = ids.keys;
          const given = keys.map((_, i) => i).filter((i) => !some || i % 3 !== 1);
          const words = packedWordsOf(keys);
          expect(words).not.toBeNull();
          const sorted = sortIdsByKey(given, keys, words).map((id) => keys[id]);
          expect(sorted).toEqual(byComparator(given.map((id) => keys[id])));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("ignores words too short for the keys", () => {
    const keys = Array.from({ length: 100 }, (_, i) => `K${(i * 37) % 100}`);
    const ids = keys.map((_, i) => i);
    const words = new Int32Array(3 * 50).fill(-1);
    expect(sortIdsByKey(ids, keys, words).map((id) => keys[id])).toEqual(byComparator(keys));
  });
});
