import { type Env, isDate } from "./env";
import { zonedMidnight } from "./zonedTime";

/**
 * One stored cell. Dates are kept as instants (epoch ms in `date`) and handed out as new Dates of the script's
 * realm on every read, as Sheets does (a returned Date is never the object that was written).
 */
export interface Cell {
  value: string | number | boolean | { date: number };
  formula?: string;
}

export const EMPTY: Cell = { value: "" };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * What Sheets stores for a value given to setValue(s), the way it parses typed input: "=…" becomes a formula,
 * a leading apostrophe keeps the rest as text (and is hidden), numbers and ISO days written as text become a
 * number or a date unless the cell's format is plain text ("@"), "+…"/"-…" that is not a number is a formula.
 */
export function toCell(input: unknown, plainText: boolean, env: Env): Cell {
  if (input === null || input === undefined) return EMPTY;
  if (isDate(input)) return { value: { date: input.getTime() } };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new Error(`Exception: Invalid argument: ${input}`);
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") return { value: String(input) };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { value: "", formula: input };
  if (plainText) return { value: input };
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (/^[+-]/.test(trimmed)) return { value: "", formula: `=${trimmed}` };
  const day = ISO_DAY.exec(trimmed);
  if (day) return { value: { date: zonedMidnight(+day[1], +day[2], +day[3], env.timeZone()) } };
  return { value: input };
}

/** A number format that shows a date (yyyy-mm-dd, d/m/y…), as opposed to #,##0 or 0.0%. */
const isDateFormat = (format: string) => /[yd]/i.test(format) && !/[#0]/.test(format.replace(/[yd]+/gi, ""));

/**
 * What getValues returns for a cell (formulas: their last computed value; the fake computes none, so ""). A number
 * under a date format comes back as a Date (midnight of that serial day in the spreadsheet's zone), as in Sheets.
 */
export function fromCell(cell: Cell | undefined, env: Env, format = ""): unknown {
  if (!cell) return "";
  const v = cell.value;
  if (typeof v === "object") return new env.RealmDate(v.date);
  if (typeof v === "number" && isDateFormat(format)) {
    const utc = new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000);
    return new env.RealmDate(
      zonedMidnight(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate(), env.timeZone()),
    );
  }
  return v;
}

export const isEmptyCell = (cell: Cell | undefined): boolean =>
  !cell || (cell.value === "" && cell.formula === undefined);
