import type ExcelJS from "exceljs";
import type { AnalysisResult, DayNumber, Lang } from "../core/index";
import { type Cell, isDateCell, neutralizeFormula } from "../report/cell";
import type { Column } from "../report/columns";
import { columnFormats, REPORT_SHEETS, reportGrid } from "../report/layout";
import { loadWorkbookWriter } from "./loadExcelJs";

/**
 * report.xlsx: the add-on's sheets, in the add-on's order and layout, with localized labels (audience "labels").
 * Dates are real Excel dates (so filters and sorting work), numbers keep the columns' formats. Written with
 * exceljs' streaming writer so a shop with hundreds of thousands of customers does not hold the whole XML.
 */
const NUMBER_FORMATS: Record<NonNullable<Column<unknown>["format"]>, string> = {
  integer: "#,##0",
  money: "#,##0",
  decimal1: "0.0",
  decimal2: "0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
};

const MS_PER_DAY = 86_400_000;

/** A calendar day as the Date exceljs writes: midnight UTC, which Excel shows as that day in any zone. */
export const dateOfDay = (day: DayNumber): Date => new Date(day * MS_PER_DAY);

function xlsxValue(cell: Cell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (isDateCell(cell)) return dateOfDay(cell.date);
  if (typeof cell === "string") return neutralizeFormula(cell);
  if (typeof cell === "number" && !Number.isFinite(cell)) return null;
  return cell;
}

/**
 * One shared, never-changed style object per kind of cell. exceljs gives every cell a style object of its own
 * and on commit works each one's style id out from scratch (it renders the style's XML to find its twin); a
 * style object it has seen before is looked up in a WeakMap. Shared objects keep the ids, and the file, the
 * same, and the 144k-row run log of the UCI data set is written about a second faster.
 */
class SharedStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();
  private readonly bold: Partial<ExcelJS.Font> = { bold: true };

  /**
   * The style of a cell with this number format (if any), bold or not. Without a format exceljs picks one
   * from the value's type (General for numbers, a date format for dates), so the type is part of the kind.
   */
  of(numFmt: string | undefined, bold: boolean, value: ExcelJS.CellValue): Partial<ExcelJS.Style> {
    const type = typeof value === "number" ? "n" : value instanceof Date ? "d" : "o";
    const key = `${numFmt ?? ""}|${numFmt === undefined ? type : ""}|${bold ? "b" : ""}`;
    let style = this.byKey.get(key);
    if (style === undefined) {
      style = {};
      if (numFmt !== undefined) style.numFmt = numFmt;
      if (bold) style.font = this.bold;
      this.byKey.set(key, style);
    }
    return style;
  }
}

export async function writeReportXlsx(result: AnalysisResult, lang: Lang, file: string): Promise<void> {
  const WorkbookWriter = loadWorkbookWriter();
  const workbook = new WorkbookWriter({ filename: file, useStyles: true });
  workbook.creator = "Sodatsu (育つ)";
  const styles = new SharedStyles();
  for (const sheet of REPORT_SHEETS) {
    const grid = reportGrid(result, sheet.part, lang, "labels");
    // The number format of each column of a table part (none in free-form grids).
    const numFmts = (columnFormats(sheet.part) ?? []).map((f) =>
      f === undefined ? undefined : NUMBER_FORMATS[f],
    );
    const ws = workbook.addWorksheet(sheet.title[lang], {
      views: sheet.table ? [{ state: "frozen", ySplit: 1 }] : [],
    });
    let width = 0; // a loop, not Math.max(...rows): a run log can have 100k rows
    for (const r of grid) width = Math.max(width, r.length);
    ws.columns = Array.from({ length: width }, (_, i) => ({
      width: i === 0 ? 18 : 14,
      style: numFmts[i] ? { numFmt: numFmts[i] } : {},
    }));
    grid.forEach((cells, r) => {
      const values = cells.map(xlsxValue);
      const row = ws.addRow(values);
      const header = sheet.table ? r === 0 : cells.length === 1 && typeof cells[0] === "string";
      if (header) row.font = { bold: true }; // the row's own style; its cells get shared ones below
      for (let i = 0; i < cells.length; i++) {
        // Free-form grids (dashboard, run log) have dates in varying columns: a date cell carries its format.
        const numFmt = isDateCell(cells[i]) ? NUMBER_FORMATS.date : numFmts[i];
        // Bold as exceljs' row.font gave it: the header's cells that hold a value.
        row.getCell(i + 1).style = styles.of(numFmt, header && values[i] !== null, values[i]);
      }
      row.commit();
    });
    ws.commit();
  }
  await workbook.commit();
}
