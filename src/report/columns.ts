import type { Lang } from "../core/types";
import type { Cell } from "./cell";

/** How a column's codes are shown to people; CSV keeps codes, sheets and xlsx show localized labels. */
export type LabelKind =
  | "state"
  | "stage"
  | "segment"
  | "nextAction"
  | "fanRank"
  | "membership"
  | "followUpReason"
  | "rfmSegment";

export interface Column<Row> {
  /** Stable id: the CSV header, never localized. */
  id: string;
  ja: string;
  en: string;
  /** Number format hint for Sheets/xlsx. */
  format?: "integer" | "money" | "decimal1" | "decimal2" | "percent" | "date";
  /** Set when the value is a code with a localized label. */
  labelKind?: LabelKind;
  /** Free text from the data: neutralized against formula injection on output. */
  userText?: boolean;
  /**
   * The cell of a row. A method, not a function-typed property, so that a Column<CustomerRow> is also a
   * Column<unknown> (tableOf hands out either table part as one type).
   */
  value(row: Row, lang: Lang): Cell;
}

export function columnTitle<Row>(column: Column<Row>, lang: Lang): string {
  return lang === "ja" ? column.ja : column.en;
}
