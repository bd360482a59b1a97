import { formatDay } from "../core/index";
import { type Cell, isDateCell, neutralizeFormula } from "../report/cell";

/**
 * A report grid as CSV text for Japanese Excel: UTF-8 with a BOM (without it Excel reads Shift_JIS and shows
 * mojibake), CRLF line ends, RFC 4180 quoting. Every text cell that starts with = + - @ is neutralised, not only
 * names: a CSV may be opened by any spreadsheet, and an export's free text reaches many columns.
 */
export const BOM = "\ufeff";

/** A report has few distinct days and many date cells: format each day once. */
const DAY_TEXT = new Map<number, string>();
export function dayText(day: number): string {
  let text = DAY_TEXT.get(day);
  if (text === undefined) {
    text = formatDay(day);
    DAY_TEXT.set(day, text);
  }
  return text;
}

/** A character that makes a cell need quotes. One regular-expression test is cheaper than four indexOf scans. */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(cell: Cell): string {
  // Most common kinds first: a report is mostly numbers and text.
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (cell === null) return "";
  if (typeof cell === "string") {
    if (cell.length === 0) return "";
    // Text that a spreadsheet would run as a formula is neutralised by the layout's own rule.
    const text = neutralizeFormula(cell);
    if (!NEEDS_QUOTES.test(text)) return text;
    return text.indexOf('"') === -1 ? `"${text}"` : `"${text.replace(/"/g, '""')}"`;
  }
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return isDateCell(cell) ? dayText(cell.date) : "";
}

export function csvText(grid: readonly (readonly Cell[])[]): string {
  const lines: string[] = [];
  for (const row of grid) lines.push(row.map(csvCell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
