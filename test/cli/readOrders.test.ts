import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mappedColumns } from "../../src/cli/readOrders";
import { dayFromYmd, detectOrderMapping, OrderCleaner, PRESETS } from "../../src/core/index";

/** Cells that exercise every branch of the cleaner: ids, dates, amounts, cancel markers, blanks, junk. */
const cell = fc.constantFrom(
  "",
  " ",
  "2026-10-01",
  "2026/10/05 09:00",
  "2026-12-01 10:00:00 +0900",
  "1000",
  "-500",
  "1,800",
  "abc",
  "C1",
  "C2",
  "a@example.com",
  "100-0001",
  "C536365",
  "cancelled",
  "キャンセル",
  "paid",
  "4",
  "2026-10-02 10:00:00 +0900",
);

describe("the order columns the CLI cuts out of the file", () => {
  it("are all the cleaner reads: blanking every other column changes nothing, for every preset", () => {
    for (const preset of PRESETS) {
      const header = [
        ...new Set([
          ...preset.signature,
          ...Object.values(preset.names).map((names) => names[0]),
          "メモ",
          "product",
        ]),
      ];
      const found = detectOrderMapping(header, preset.name);
      if (!found.ok) throw new Error(`${preset.name}: ${found.message.en}`);
      const columns = new Set(mappedColumns(found.mapping));
      const opts = {
        timeZone: "Asia/Tokyo",
        dayFirst: false,
        asOf: dayFromYmd(2026, 10, 31),
        headers: header,
      };
      fc.assert(
        fc.property(
          fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length })),
          (rows) => {
            const whole = new OrderCleaner(found.mapping, opts);
            const projected = new OrderCleaner(found.mapping, opts);
            rows.forEach((row, i) => {
              whole.push([...row], i + 2);
              projected.push(
                row.map((v, c) => (columns.has(c) ? v : "")),
                i + 2,
              );
            });
            expect(projected.finish()).toEqual(whole.finish());
          },
        ),
        { numRuns: 150 },
      );
    }
  });
});
