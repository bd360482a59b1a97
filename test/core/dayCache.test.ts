import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDay } from "../../src/core/day";
import { LastDayCache } from "../../src/core/dayCache";
import { parseDay } from "../../src/core/parseDate";

describe("LastDayCache", () => {
  it("reads every cell of a column exactly as parseDay does, repeats and all", () => {
    const cell = fc.oneof(
      fc.integer({ min: 19_000, max: 21_000 }).map((d) => `${formatDay(d)} 10:39:00`),
      fc.integer({ min: 19_000, max: 21_000 }).map((d) => `${formatDay(d)}T23:30:00+0000`),
      fc.constantFrom("不明", "", "2026-02-30", "2026/5/29", "5/29/2026", "２０２６年５月２９日"),
      fc.string(),
      fc.integer({ min: 40_000, max: 50_000 }),
      fc.constant(null),
    );
    // Runs of the same cell, as line items of one order give them.
    const column = fc.array(fc.tuple(cell, fc.integer({ min: 1, max: 3 })), { maxLength: 40 });
    fc.assert(
      fc.property(
        column,
        fc.constantFrom("Asia/Tokyo", "America/Los_Angeles"),
        fc.boolean(),
        (runs, timeZone, dayFirst) => {
          const opts = { timeZone, dayFirst };
          const cache = new LastDayCache(opts);
          for (const [value, times] of runs) {
            for (let i = 0; i < times; i++) {
              // A copy with the same text, as a CSV reader hands over a new string per cell.
              const copy = typeof value === "string" ? value.split("").join("") : value;
              expect(cache.read(copy)).toBe(parseDay(copy, opts));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
