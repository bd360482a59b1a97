import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, sodatsu, tempDir } from "./run";

/** report.xlsx's number formats and bold headers, read back: cells share style objects when written. */
describe("report.xlsx styles", () => {
  const dir = tempDir();
  beforeAll(async () => {
    await ensureBuilt();
    const r = await sodatsu([
      "analyze",
      "examples/orders.csv",
      "--as-of",
      "2026-10-31",
      "--format",
      "xlsx",
      "--out",
      dir,
    ]);
    expect(r.code).toBe(0);
  }, 60_000);

  it("formats money, counts and dates by column, bolds header rows only, and dates in the run log", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "report.xlsx"));
    const customers = wb.worksheets[0];
    const header = customers.getRow(1);
    const col = (title: string) => {
      let at = 0;
      header.eachCell((c, i) => {
        if (c.value === title) at = i;
      });
      expect(at).toBeGreaterThan(0);
      return at;
    };
    expect(header.getCell(1).font?.bold).toBe(true);
    const row = customers.getRow(2);
    expect(row.getCell(1).font?.bold).toBeFalsy();
    expect(row.getCell(col("累計購入額(M)")).numFmt).toBe("#,##0");
    expect(row.getCell(col("購入回数(F)")).numFmt).toBe("#,##0");
    expect(row.getCell(col("最終購入日")).numFmt).toBe("yyyy-mm-dd");
    expect(row.getCell(col("最終購入日")).value).toBeInstanceOf(Date);

    const runLog = wb.worksheets[wb.worksheets.length - 1];
    expect(runLog.getRow(1).getCell(2).value).toBeInstanceOf(Date);
    expect(runLog.getRow(1).getCell(2).numFmt).toBe("yyyy-mm-dd");
  });
});
