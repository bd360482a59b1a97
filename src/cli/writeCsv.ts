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
function dayText(day: number): string {
  let text = DAY_TEXT.get(day);
  if (text === undefined) {
    text = formatDay(day);
    DAY_TEXT.set(day, text);
  }
  return text;
}

export function csvCell(cell: Cell): string {
  // Numbers first: they are most of a report's cells.
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (cell === null) return "";
  if (isDateCell(cell)) return dayText(cell.date);
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
  const lines: string[] = [];
  for (const row of grid) lines.push(row.map(csvCell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
