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
  if (cell.length === 0) return "";
  // Character tests instead of regular expressions: a million-row report has millions of text cells.
  const first = cell.charCodeAt(0);
  const text =
    first === 61 || first === 43 || first === 45 || first === 64 || first < 32
      ? neutralizeFormula(cell)
      : cell;
  if (text.indexOf('"') !== -1) return `"${text.replace(/"/g, '""')}"`;
  if (text.indexOf(",") !== -1 || text.indexOf("\n") !== -1 || text.indexOf("\r") !== -1) return `"${text}"`;
  return text;
}

export function csvText(grid: readonly (readonly Cell[])[]): string {
  let out = BOM;
  for (const row of grid) out += `${row.map(csvCell).join(",")}\r\n`;
  return out;
}
