import type { Lang } from "../../core/index";

/**
 * How custom functions take and give cells. Sheets passes a single cell as a plain value and a range as rows of
 * values; a function called on a column range must answer with a column of the same height, row for row, so that
 * `=CRM_STATE(C2:C, D2:D)` lines up with the data beside it.
 */

export type Text = { ja: string; en: string };

/** A problem with one row: its message is written into that row's cell instead of a result (never a stack trace). */
export class CellError extends Error {
  constructor(readonly text: Text) {
    super(text.ja);
  }
}

/** A problem with a whole argument (shape, settings): thrown, so Sheets shows #ERROR! with this message. */
export function argumentError(text: Text): Error {
  return new Error(`${text.ja} / ${text.en}`);
}

export interface Column {
  /** The argument's name as the function's help shows it, for messages. */
  name: string;
  values: readonly unknown[];
  /** A range (even of one row) rather than a single value; a single value applies to every row. */
  isRange: boolean;
}

/** Blank as Sheets hands it over: an empty cell is "", an omitted argument undefined (or null). */
export function isBlankCell(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** An argument as a column. A range wider than one column is refused: which column was meant is a guess. */
export function columnOf(arg: unknown, name: string): Column {
  if (!Array.isArray(arg)) return { name, values: [arg], isRange: false };
  const values: unknown[] = new Array(arg.length);
  for (let i = 0; i < arg.length; i++) {
    const row: unknown = arg[i];
    if (Array.isArray(row)) {
      if (row.length > 1) {
        throw argumentError({
          ja: `${name} には1列の範囲を指定してください(${row.length}列あります)`,
          en: `${name} must be a single column (it has ${row.length})`,
        });
      }
      values[i] = row[0];
    } else values[i] = row;
  }
  return { name, values, isRange: true };
}

/** Rows of the call: the height of the ranges, which must agree; single values apply to all rows. */
export function rowCount(columns: readonly Column[]): number {
  let height: Column | null = null;
  for (const c of columns) {
    if (!c.isRange) continue;
    if (height === null) height = c;
    else if (c.values.length !== height.values.length) {
      throw argumentError({
        ja: `${c.name} の行数(${c.values.length})が ${height.name} の行数(${height.values.length})と合いません`,
        en: `${c.name} has ${c.values.length} rows but ${height.name} has ${height.values.length}`,
      });
    }
  }
  return height === null ? 1 : height.values.length;
}

export const cellAt = (c: Column, row: number): unknown => (c.isRange ? c.values[row] : c.values[0]);

export type Cell = string | number | boolean;

/**
 * Runs `compute` for each row and shapes the answer like the input: a value for single values, a column for
 * ranges. A row whose cells are all blank stays blank; a row that fails with CellError shows its message in the
 * language of the settings. Any other error is a bug and is thrown (Sheets shows its message, not a stack).
 */
export function mapRows(
  columns: readonly Column[],
  lang: Lang,
  compute: (row: number) => Cell,
): Cell | Cell[][] {
  const n = rowCount(columns);
  const perRow = columns.filter((c) => c.isRange);
  const watched = perRow.length > 0 ? perRow : columns.slice(0, 1);
  const out: Cell[][] = new Array(n);
  for (let row = 0; row < n; row++) {
    let blank = true;
    for (const c of watched) {
      if (!isBlankCell(cellAt(c, row))) {
        blank = false;
        break;
      }
    }
    let cell: Cell = "";
    if (!blank) {
      try {
        cell = compute(row);
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        cell = error.text[lang];
      }
    }
    out[row] = [cell];
  }
  return columns.some((c) => c.isRange) ? out : out[0][0];
}

/** Shortens a cell's value for a message, so a long text does not swamp the column. */
export function shown(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
