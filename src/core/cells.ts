/**
 * Small readers for single cells shared by the order cleaner and the side tables: customer keys, order ids,
 * and how a value and a column are named in a skipped-row reason.
 */
import { isBlank } from "./parseAmount";

const FLOAT_ID = /^(\d+)\.0+$/;

/**
 * A customer key from a cell, or null when blank. Trimmed; "17850.0" (an id that went through a float column,
 * as in UCI Online Retail) becomes "17850"; full-width characters are folded (NFKC) so "００１２" = "0012";
 * e-mail addresses are lower-cased, since shops and platforms do not keep their case consistent.
 */
export function customerKeyOf(value: unknown): string | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return String(value);
  }
  if (typeof value !== "string") {
    if (value === null || value === undefined || typeof value === "boolean") return null;
    return customerKeyOf(String(value));
  }
  // One pass over the code units tells which of the slower steps below can apply at all: the cleaner reads a
  // key on every row, and most keys are printable ASCII without a space, "@" or ".": already the key as they
  // are (trim would return the same string, at the cost of a call).
  const n = value.length;
  if (n > 0) {
    let plain = true;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x21 || c > 0x7e || c === 46 || c === 64) {
        plain = false;
        break;
      }
    }
    if (plain) return value;
  }
  let s = value.trim();
  if (s === "") return null;
  let ascii = true;
  let dot = false;
  let at = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) {
      ascii = false;
      break;
    }
    if (c === 46) dot = true;
    else if (c === 64) at = true;
  }
  if (ascii && !dot && !at) return s;
  if (!ascii) {
    s = s.normalize("NFKC").trim();
    if (s === "") return null;
  }
  const m = FLOAT_ID.exec(s);
  if (m) return m[1];
  if (s.includes("@")) return s.toLowerCase();
  return s;
}

/** An order id from a cell, or null when blank (then the row is an order of its own). */
export function orderIdOf(value: unknown): string | null {
  // The usual id ("100231", "#1001") starts and ends with a printable ASCII character: not blank, nothing to trim.
  if (typeof value === "string" && value.length > 0) {
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(value.length - 1);
    if (first > 32 && first < 127 && last > 32 && last < 127) return value;
  }
  if (isBlank(value)) return null;
  if (typeof value === "number") return String(value);
  return String(value).trim();
}

/** The cell as it should be quoted in a message: short, one line. */
export function showValue(value: unknown): string {
  let s: string;
  if (value instanceof Date) s = Number.isFinite(value.getTime()) ? value.toISOString() : "Invalid Date";
  else s = String(value);
  s = s.replace(/\s+/g, " ");
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** The column as the user knows it: its header text, or "3列目" / "column 3" when there is none. */
export function columnName(
  headers: readonly string[] | undefined,
  index: number,
): { ja: string; en: string; field: string } {
  const h = headers?.[index];
  if (h !== undefined && String(h).trim() !== "") {
    const t = String(h).replace(/^\uFEFF/, "");
    return { ja: `「${t}」列`, en: `column "${t}"`, field: t };
  }
  return { ja: `${index + 1}列目`, en: `column ${index + 1}`, field: `#${index + 1}` };
}
