import { formatDay } from "../core/index";
import { type Cell, isDateCell, neutralizeFormula } from "../report/cell";

/**
 * A report grid as CSV text for Japanese Excel: UTF-8 with a BOM (without it Excel reads Shift_JIS and shows
 * mojibake), CRLF line ends, RFC 4180 quoting. Every text cell that starts with = + - @ is neutralised, not only
 * names: a CSV may be opened by any spreadsheet, and an export's free text reaches many columns.
 */
export const BOM = "\ufeff";

export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (isDateCell(cell)) return formatDay(cell.date);
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  const text = neutralizeFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(grid: readonly (readonly Cell[])[]): string {
  let out = BOM;
  for (const row of grid) out += `${row.map(csvCell).join(",")}\r\n`;
  return out;
}
