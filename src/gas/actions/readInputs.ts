import {
  type AnalysisInput,
  detectEngagementMapping,
  detectMemberMapping,
  detectOrderMapping,
  detectSurveyMapping,
  detectVisitMapping,
  type Lang,
  type MappingResult,
  mappingFromColumns,
  type OrderMapping,
  type OrderRole,
} from "../../core/index";
import type { ColumnMapping } from "../settingsSheet";
import { findInputSheet, INPUT_SHEETS, type InputSheet, type InputTable } from "./inputSheets";
import { CLI_HINT, MAX_INPUT_ROWS } from "./sizeLimits";
import { UserError } from "./userError";

type Tables = Omit<AnalysisInput, "settings" | "asOf" | "model">;

export interface ReadInputs {
  /** Undefined when the orders sheet is missing or holds no rows below its header. */
  tables: Partial<Tables>;
  orderRows: number;
  /** The orders sheet's header row as read (null when it was not read), so no caller reads row 1 again. */
  ordersHeader: unknown[] | null;
}

/** An input sheet found by its title, with its last row (asked once: each is a service call). */
export interface FoundInput {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  lastRow: number;
}

/** The input sheet of `input` and its last row, or null when the spreadsheet has no such sheet. */
export function findInput(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  input: InputSheet,
  lang: Lang,
): FoundInput | null {
  const sheet = findInputSheet(ss, input, lang);
  return sheet ? { sheet, lastRow: sheet.getLastRow() } : null;
}

/**
 * Reads every filled input sheet with ONE getDataRange().getValues() each (the only way to keep a run's calls
 * independent of the data), after one getLastRow() that skips a sheet holding only its header (it counts as not
 * filled), then finds the columns: the user's corrections from SODATSU_MAPPING first, automatic detection for the
 * rest. `found` holds sheets the caller has already looked up with findInput (the sidebar sizes the orders sheet
 * before deciding to read it), so they are not looked up and sized a second time; null there means "no sheet".
 */
export function readInputs(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  userMapping: ColumnMapping,
  lang: Lang,
  found: Partial<Record<InputTable, FoundInput | null>> = {},
): ReadInputs {
  const tables: Partial<Tables> = {};
  let orderRows = 0;
  let ordersHeader: unknown[] | null = null;
  for (const input of INPUT_SHEETS) {
    const at = input.table in found ? found[input.table] : findInput(ss, input, lang);
    if (!at) continue;
    // The size first: a sheet with only its header is not read, and one too large for a run is refused before
    // its cells are read (reading them alone could take the run's whole 6 minutes).
    const { sheet, lastRow } = at;
    if (lastRow < 2) continue;
    if (lastRow - 1 > MAX_INPUT_ROWS) throw new UserError(tooLarge(input, lastRow - 1));
    const values = sheet.getDataRange().getValues();
    if (values.length < 2) continue;
    const header = values[0];
    const rows = values.slice(1);
    const headers = header.map((h) => String(h ?? ""));
    const overrides = overridesFor(input.table, userMapping);
    const table = { rows, firstRowNumber: 2, headers };
    switch (input.table) {
      case "orders":
        orderRows = rows.length;
        ordersHeader = header;
        tables.orders = { ...table, mapping: orderMapping(header, overrides) };
        break;
      case "members":
        tables.members = { ...table, mapping: sideMapping(detectMemberMapping(header), header, overrides) };
        break;
      case "engagement":
        tables.engagement = {
          ...table,
          mapping: sideMapping(detectEngagementMapping(header), header, overrides),
        };
        break;
      case "visits":
        tables.visits = { ...table, mapping: sideMapping(detectVisitMapping(header), header, overrides) };
        break;
      case "survey":
        tables.survey = { ...table, mapping: sideMapping(detectSurveyMapping(header), header, overrides) };
        break;
    }
  }
  return { tables, orderRows, ordersHeader };
}

function tooLarge(input: InputSheet, rows: number) {
  const n = rows.toLocaleString("en-US");
  return {
    ja: `「${input.title.ja}」シートが ${n} 行あり、スプレッドシートの実行時間(6分)の中では分析しきれません。${CLI_HINT.ja}`,
    en: `The ${input.title.en} sheet has ${n} rows, more than a run can analyse within Apps Script's 6 minutes. ${CLI_HINT.en}`,
  };
}

/** "orders.customer" → "顧客ID" becomes { customer: "顧客ID" } for the orders table. */
function overridesFor(table: InputTable, mapping: ColumnMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, header] of Object.entries(mapping)) {
    const [t, field] = key.split(".");
    if (t === table && field) out[field] = header;
  }
  return out;
}

function orderMapping(header: unknown[], overrides: Record<string, string>): OrderMapping {
  const detected = detectOrderMapping(header, "auto");
  const { amountKind, ...chosenByUser } = overrides;
  let result = detected;
  if (Object.keys(overrides).length > 0) {
    const chosen: Partial<Record<OrderRole, string>> = {
      ...(detected.ok ? detected.columns : {}),
      ...(chosenByUser as Partial<Record<OrderRole, string>>),
    };
    const kind = amountKind === "line_amount" || amountKind === "order_total" ? amountKind : undefined;
    result = mappingFromColumns(header, chosen, {
      amountKind: kind ?? (detected.ok ? detected.mapping.amountKind : undefined),
      basePreset: detected.ok ? detected.preset : undefined,
    });
  }
  if (!result.ok) throw new UserError(withHint(result.message));
  return result.mapping;
}

/**
 * Side tables: detection, then the user's corrections by header text. A filled sheet whose columns cannot be
 * found stops the run rather than being left out silently.
 */
function sideMapping<M extends object>(
  detected: MappingResult<M>,
  header: unknown[],
  overrides: Record<string, string>,
): M {
  if (detected.ok && Object.keys(overrides).length === 0) return detected.mapping;
  const texts = header.map((h) => String(h ?? "").trim());
  const mapping: Record<string, number> = detected.ok
    ? { ...(detected.mapping as Record<string, number>) }
    : {};
  for (const [field, want] of Object.entries(overrides)) {
    const at = texts.findIndex((t) => t.toLowerCase() === want.trim().toLowerCase());
    if (at < 0)
      throw new UserError({
        ja: `列の対応(設定シート)の「${field}」に指定された見出し「${want}」が見つかりません。見つかった見出し: ${texts.join("、")}`,
        en: `The column mapping (Settings sheet) names "${want}" for ${field}, but no such header exists. Headers seen: ${texts.join(", ")}`,
      });
    mapping[field] = at;
  }
  if (!detected.ok && Object.keys(overrides).length === 0) throw new UserError(withHint(detected.message));
  return mapping as M;
}

function withHint(message: { ja: string; en: string }) {
  return {
    ja: `${message.ja}\n見出しの名前を変えるか、設定シートの「列の対応」で列を指定してください。`,
    en: `${message.en}\nRename the header, or choose the column under "Column mapping" on the Settings sheet.`,
  };
}
