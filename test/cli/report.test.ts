import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { customerColumns, REPORT_SHEETS } from "../../src/report/layout";
import { localizeCode } from "../../src/report/localize";
import { ensureBuilt, parseCsv, sodatsu, tempDir } from "./run";

/**
 * The README's main job on the committed example shop, and report.xlsx read back: the same sheets in the same
 * order as the add-on, and the customer sheet equal to customers.csv (labels aside: codes vs localized labels).
 */
const dir = tempDir();
let run: Awaited<ReturnType<typeof sodatsu>>;

beforeAll(async () => {
  await ensureBuilt();
  run = await sodatsu([
    "analyze",
    "examples/orders.csv",
    "--engagement",
    "examples/engagement.csv",
    "--survey",
    "examples/survey.csv",
    "--membership",
    "examples/membership.csv",
    "--as-of",
    "2026-10-31",
    "--format",
    "both",
    "--out",
    dir,
  ]);
});

/** What customers.csv holds for an xlsx cell (dates as YYYY-MM-DD, booleans as true/false). */
function asCsv(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

describe("the example shop", () => {
  it("runs, prints the state counts and where the report is", () => {
    expect(run.stderr).not.toMatch(/error|エラー/i);
    expect(run.code).toBe(0);
    for (const label of ["新規", "継続", "優良", "復活", "休眠予備軍", "休眠", "休会", "退会"])
      expect(run.stdout).toContain(label);
    expect(run.stdout).toContain(join(dir, "report.xlsx"));
    expect(run.stdout).toContain(join(dir, "customers.csv"));
  });

  it("writes customers.csv with the stable column ids first, UTF-8 with BOM", () => {
    const text = readFileSync(join(dir, "customers.csv"), "utf8");
    expect(text.startsWith("\ufeff")).toBe(true);
    const header = parseCsv(text)[0];
    expect(header.slice(0, 20)).toEqual(
      "customer_id, purchases, orders, monetary, first_purchase, last_purchase, previous_purchase, recency_days, tenure_days, state, stage, previous_state, vip, vip_score, continuation_score, relationship_score, relationship_points, next_action, segment, engaged"
        .split(", ")
        .sort((a, b) => header.indexOf(a) - header.indexOf(b)),
    );
    expect(new Set(header.slice(0, 20))).toEqual(
      new Set(
        "customer_id purchases orders monetary first_purchase last_purchase previous_purchase recency_days tenure_days state stage previous_state vip vip_score continuation_score relationship_score relationship_points next_action segment engaged".split(
          " ",
        ),
      ),
    );
  });

  it("writes report.xlsx with the add-on's sheets in order, and its customer sheet equals customers.csv", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "report.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(REPORT_SHEETS.map((s) => s.title.ja));
    const csv = parseCsv(readFileSync(join(dir, "customers.csv"), "utf8"));
    const ws = wb.worksheets[0];
    const CUSTOMER_COLUMNS = customerColumns(DEFAULT_SETTINGS); // the example runs with the default settings
    const sheet: ExcelJS.CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      sheet.push(CUSTOMER_COLUMNS.map((_, i) => row.getCell(i + 1).value));
    });
    expect(sheet[0]).toEqual(CUSTOMER_COLUMNS.map((c) => c.ja));
    expect(sheet.length).toBe(csv.length);
    expect(sheet.length).toBeGreaterThan(100);
    let dates = 0;
    for (let r = 1; r < csv.length; r++)
      CUSTOMER_COLUMNS.forEach((col, i) => {
        const v = sheet[r][i];
        if (col.labelKind) {
          // Codes in the CSV, the same codes' labels in the workbook.
          expect(asCsv(v), `${col.id} of row ${r + 1}`).toBe(
            csv[r][i] === "" ? "" : localizeCode(col.labelKind, csv[r][i], "ja"),
          );
          return;
        }
        if (v instanceof Date) dates++;
        expect(asCsv(v), `${col.id} of row ${r + 1}`).toBe(csv[r][i]);
      });
    expect(dates).toBeGreaterThan(100); // dates are real dates, not text
  });
});

/** report.xlsx's number formats and bold headers, read back: cells share style objects when written. */
describe("report.xlsx styles", () => {
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
