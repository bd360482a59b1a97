import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gridCsvLines, tableCsvLines, writeCsvFile } from "../../src/cli/csvFile";
import { cleanOrderFile } from "../../src/cli/readOrders";
import { csvText } from "../../src/cli/writeCsv";
import {
  analyzeCleaned,
  DEFAULT_SETTINGS,
  dayFromYmd,
  explainRisk,
  predictCustomers,
} from "../../src/core/index";
import type { Cell } from "../../src/report/cell";
import { reportGrid, tableOf } from "../../src/report/layout";
import { tempDir } from "./run";

/** The example shop analysed as `sodatsu analyze` does it (order file read through the CLI's own reader). */
async function exampleResult() {
  const asOf = dayFromYmd(2026, 10, 31);
  const settings = DEFAULT_SETTINGS;
  const cleaned = await cleanOrderFile("examples/orders.csv", "auto", settings, asOf, () => {});
  return analyzeCleaned(cleaned, {}, settings, asOf, { predict: predictCustomers, explainRisk });
}

/** What a file written line by line must equal: the whole-grid text. */
async function written(lines: Iterable<string>): Promise<string> {
  const file = join(tempDir(), "out.csv");
  await writeCsvFile(file, lines);
  return readFileSync(file, "utf8");
}

describe("CSV files written line by line", () => {
  it("customers and follow-up tables equal the shared layout's grid as CSV, for codes and labels, ja and en", async () => {
    const result = await exampleResult();
    expect(result.customers.length).toBeGreaterThan(10);
    for (const lang of ["ja", "en"] as const)
      for (const audience of ["codes", "labels"] as const) {
        for (const part of ["customers", "followUp"] as const)
          expect(await written(tableCsvLines(tableOf(result, part)!, lang, audience))).toBe(
            csvText(reportGrid(result, part, lang, audience)),
          );
      }
  });

  it("a grid larger than one write batch, and an empty grid, come out as csvText gives them", async () => {
    const big: Cell[][] = Array.from({ length: 30_000 }, (_, i) => [
      `顧客${i}`,
      i,
      { date: dayFromYmd(2026, 1, 1) + (i % 400) },
      i % 7 === 0 ? "a,b" : null,
      "フォローのご連絡",
    ]);
    expect(await written(gridCsvLines(big))).toBe(csvText(big));
    expect(await written(gridCsvLines([]))).toBe(csvText([]));
    // A line longer than the write buffer (a very long free-text cell), between ordinary lines.
    const long: Cell[][] = [
      ["a", 1],
      ["長い備考".repeat(40_000), "b"],
      ["c", 2],
    ];
    expect(await written(gridCsvLines(long))).toBe(csvText(long));
  });
});
