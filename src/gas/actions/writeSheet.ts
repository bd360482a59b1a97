import { sheetsSerialOfDay } from "../../core/index";
import { type Cell, isDateCell, neutralizeFormula } from "../../report/cell";
import type { Column } from "../../report/columns";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Format = Column<unknown>["format"];

const NUMBER_FORMATS: Record<NonNullable<Format>, string> = {
  integer: "#,##0",
  money: "#,##0",
  decimal1: "0.0",
  decimal2: "0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
};
export const GENERAL = "General";

/** Text Sheets would read as a number or a date ("00123", "2026-10-31", "1,200"): kept as text, as exported. */
const LOOKS_PARSED = /^\s*[¥$€£]?[\d.,:/\s%-]*\d[\d.,:/\s%-]*[円]?\s*$/;

/**
 * A report cell as Sheets should store it. Text from the data never runs as a formula (=, +, -, @ get the hidden
 * apostrophe) nor changes type; dates are day serials shown with a date format, which no time zone can shift.
 */
export function sheetValue(cell: Cell): string | number | boolean {
  if (cell === null) return "";
  if (isDateCell(cell)) return sheetsSerialOfDay(cell.date);
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "boolean") return cell;
  const safe = neutralizeFormula(cell);
  return safe === cell && LOOKS_PARSED.test(cell) ? `'${cell}` : safe;
}

export interface GridOptions {
  /** Table parts: column formats of the data rows (row 1 is the header, bold and frozen). */
  columnFormats?: readonly (Format | undefined)[] | null;
  table: boolean;
  /** Keep at least this many columns (room to the right for a chart). */
  minColumns?: number;
  /** The sheet was just created: a table's header gets its look (bold, frozen) now, and only now. */
  created: boolean;
}

/**
 * Replaces a generated sheet's content with a grid in a fixed number of calls, whatever its size: the sheet is
 * resized to exactly the grid (plus one blank row), the number formats go in one setNumberFormats and the values
 * in ONE setValues. Same grid in, same sheet out, so a re-run for the same month is identical.
 */
export function writeGrid(sheet: Sheet, grid: readonly (readonly Cell[])[], options: GridOptions): void {
  const width = grid.reduce((w, r) => Math.max(w, r.length), Math.max(options.minColumns ?? 1, 1));
  const values: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  grid.forEach((row, i) => {
    const line: (string | number | boolean)[] = [];
    const fline: string[] = [];
    for (let j = 0; j < width; j++) {
      const cell = j < row.length ? row[j] : null;
      line.push(sheetValue(cell));
      const hint = options.table && i > 0 ? options.columnFormats?.[j] : undefined;
      fline.push(isDateCell(cell) ? NUMBER_FORMATS.date : hint ? NUMBER_FORMATS[hint] : GENERAL);
    }
    values.push(line);
    formats.push(fline);
  });
  // One spare row: a sheet must keep a row that is not frozen, even when the table has no data rows.
  values.push(new Array(width).fill(""));
  formats.push(new Array(width).fill(GENERAL));

  writeBlock(sheet, values, formats);
  if (options.table && options.created) styleHeader(sheet, width);
}

/**
 * The write itself, for any block of ready values (the diagnosis sheet passes formulas): resize the sheet to
 * exactly the block, number formats first (so they apply as the values land), then ONE setValues. The block covers
 * every cell of the sheet, so every value and number format of the last run is overwritten without a clear().
 */
export function writeBlock(sheet: Sheet, values: (string | number | boolean)[][], formats: string[][]): void {
  const height = values.length;
  const width = values[0]?.length ?? 1;
  fitSheet(sheet, height, width);
  sheet.getRange(1, 1, height, width).setNumberFormats(formats).setValues(values);
}

/**
 * The header's look, set once when the sheet is created: bold and frozen stay through later runs (the block's
 * first row is always the header), and whatever the user changes afterwards — a wider column, no freeze — is
 * theirs to keep.
 */
function styleHeader(sheet: Sheet, width: number): void {
  sheet.getRange(1, 1, 1, width).setFontWeight("bold");
  sheet.setFrozenRows(1);
}

/**
 * Exactly `rows` × `cols`: the size is asked (2 calls), then rows and columns are removed from the end or added
 * after it only where they differ (0–2 calls; a monthly re-run usually changes the row count only). Removals go
 * first, so the sheet never passes the spreadsheet's cell limit on the way.
 */
function fitSheet(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  if (maxCols > cols) sheet.deleteColumns(cols + 1, maxCols - cols);
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}
