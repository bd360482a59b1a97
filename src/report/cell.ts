import type { DayNumber } from "../core/types";

/**
 * A report cell, independent of where it is written. Dates stay calendar days so each adapter can render
 * them natively (a real date in Sheets, YYYY-MM-DD in CSV, a date cell in xlsx).
 */
export type Cell = string | number | boolean | null | { date: DayNumber };

export function isDateCell(cell: Cell): cell is { date: DayNumber } {
  return typeof cell === "object" && cell !== null;
}

/**
 * Text from an export that starts with =, +, - or @ would run as a formula in Sheets, Excel or LibreOffice
 * (a customer "name" such as =HYPERLINK(...) is a classic injection). A leading apostrophe keeps it text in all
 * three, and Sheets hides the apostrophe.
 */
export function neutralizeFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** Whether neutralizeFormula guards the text (the CSV writer's fast path asks before copying a cell as it is). */
export function startsLikeFormula(text: string): boolean {
  // Compared by code (= + - @, tab, CR) rather than a regular expression: every text cell of a report passes here.
  const first = text.charCodeAt(0);
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
}
