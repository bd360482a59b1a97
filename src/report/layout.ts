import type { AnalysisResult, Lang, Settings } from "../core/types";
import type { Cell } from "./cell";
import { type Column, columnTitle } from "./columns";
import { CUSTOMER_COLUMNS, customerColumns } from "./customerColumns";
import { FOLLOW_UP_COLUMNS } from "./followUpColumns";
import { dashboardGrid, runLogGrid } from "./grids";
import { localizeCode } from "./localize";

/**
 * The report layout, in one place for the add-on and the command line: which sheets (files) exist, in which
 * order, under which names, and what each holds. Adapters only render the grids.
 */
export type ReportPart = "customers" | "dashboard" | "followUp" | "runLog";

export interface ReportSheet {
  part: ReportPart;
  /** Sheet (and xlsx tab) title. */
  title: { ja: string; en: string };
  /** File name for the CSV output. */
  file: string;
  /** Whether the first row is a header of column titles (a table) or the grid is free-form (blocks). */
  table: boolean;
}

export const REPORT_SHEETS: readonly ReportSheet[] = [
  { part: "customers", title: { ja: "顧客", en: "Customers" }, file: "customers.csv", table: true },
  { part: "dashboard", title: { ja: "ダッシュボード", en: "Dashboard" }, file: "summary.csv", table: false },
  { part: "followUp", title: { ja: "フォロー", en: "Follow-up" }, file: "followup.csv", table: true },
  { part: "runLog", title: { ja: "実行ログ", en: "Run log" }, file: "run-log.csv", table: false },
];

/**
 * "codes" keeps stable ids and codes (customers.csv is read by programs); "labels" shows localized titles and
 * labels (what people read in Sheets and report.xlsx).
 */
export type Audience = "codes" | "labels";

/** The columns and rows of a table part. */
export interface ReportTable<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
}

/** The table behind a table part (customers, follow-up); null for the free-form parts (dashboard, run log). */
export function tableOf(result: AnalysisResult, part: ReportPart): ReportTable<unknown> | null {
  if (part === "customers") return { columns: customerColumns(result.settings), rows: result.customers };
  if (part === "followUp") return { columns: FOLLOW_UP_COLUMNS, rows: result.followUp };
  return null;
}

/** A table's header cell: the stable id for programs, the column title for people. */
export function tableHeader<Row>(column: Column<Row>, lang: Lang, audience: Audience): string {
  return audience === "codes" ? column.id : columnTitle(column, lang);
}

/** A table's cell: the column's value, a code shown as its label to people. */
export function tableCell<Row>(column: Column<Row>, row: Row, lang: Lang, audience: Audience): Cell {
  const v = column.value(row, lang);
  return audience === "labels" && column.labelKind && typeof v === "string"
    ? localizeCode(column.labelKind, v, lang)
    : v;
}

export function tableGrid<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  lang: Lang,
  audience: Audience,
): Cell[][] {
  const out: Cell[][] = [columns.map((c) => tableHeader(c, lang, audience))];
  for (const row of rows) out.push(columns.map((c) => tableCell(c, row, lang, audience)));
  return out;
}

/** The grid of one report part, ready for an adapter to write. */
export function reportGrid(
  result: AnalysisResult,
  part: ReportPart,
  lang: Lang,
  audience: Audience,
): Cell[][] {
  if (part === "dashboard") return dashboardGrid(result, lang);
  if (part === "runLog") return runLogGrid(result, lang);
  const table = tableOf(result, part)!;
  return tableGrid(table.columns, table.rows, lang, audience);
}

/**
 * Column formats of a table part, for adapters that set number formats per column. Without settings, every
 * customer column (the optional lens last, so the formats of the columns in force are a prefix and still line up).
 */
export function columnFormats(
  part: ReportPart,
  settings?: Pick<Settings, "showRfm">,
): (Column<unknown>["format"] | undefined)[] | null {
  if (part === "customers")
    return (settings ? customerColumns(settings) : CUSTOMER_COLUMNS).map((c) => c.format);
  if (part === "followUp") return FOLLOW_UP_COLUMNS.map((c) => c.format);
  return null;
}

export { CUSTOMER_COLUMNS, customerColumns, FOLLOW_UP_COLUMNS };
