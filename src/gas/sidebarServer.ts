/**
 * The server half of the settings sidebar (issue 4): the functions listed in src/ui/contract.ts's SidebarServer,
 * exposed as top-level functions by src/gas/main.ts and called through google.script.run.
 *
 * Each exported function works on the active spreadsheet; the `…Of(ss, …)` forms take it as an argument so the
 * tests can hand in a fake. Nothing here trusts the browser: settings are validated again with the same core
 * validateSettings, and headers are checked against the orders sheet before the mapping is written.
 */
import {
  analyze,
  detectOrderMapping,
  formatDay,
  mappingFromColumns,
  type OrderRole,
  type Settings,
  type SettingsError,
  suggestThresholds,
  validateSettings,
} from "../core/index";
import {
  type ColumnMapping,
  type OrdersSheetInfo,
  type PreviewResult,
  type RepurchaseCycle,
  type SaveMappingResult,
  type SaveSettingsResult,
  SIDEBAR_MAPPING_KEYS,
  type SidebarMappingKey,
  type SidebarState,
  type StatePreview,
  type SuggestionResult,
  type Text,
} from "../ui/contract";
import { asOfDay } from "./actions/analyzeSpreadsheet";
import { INPUT_SHEETS } from "./actions/inputSheets";
import { withDocumentLock } from "./actions/lock";
import { type FoundInput, findInput, readInputs } from "./actions/readInputs";
import { CLI_HINT, MAX_INPUT_ROWS } from "./actions/sizeLimits";
import { UserError } from "./actions/userError";
import { defaultSettingsFor, readMapping, readSettings, writeMapping, writeSettings } from "./settingsSheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const active = (): Spreadsheet => SpreadsheetApp.getActiveSpreadsheet();

const ORDERS_INPUT = INPUT_SHEETS.find((s) => s.table === "orders");
const AMOUNT_KINDS = ["order_total", "line_amount"] as const;

// ---------------------------------------------------------------------------------------------------------------
// Reading the orders sheet
// ---------------------------------------------------------------------------------------------------------------

/** The orders sheet and its last row, looked up once per server call and handed to whatever needs them. */
function findOrders(ss: Spreadsheet, settings: Settings): FoundInput | null {
  return ORDERS_INPUT ? findInput(ss, ORDERS_INPUT, settings.language) : null;
}

/**
 * Header row and row count of the orders sheet, and what automatic detection finds in it. Row 1 is read here only
 * when the caller has not read it already (`header`, as readInputs read it with the rest of the sheet).
 */
function ordersSheetInfo(
  found: FoundInput | null,
  header: readonly unknown[] | null = null,
): OrdersSheetInfo {
  if (!found) return { sheetName: null, headers: [], detected: {}, rows: 0 };
  const { sheet, lastRow } = found;
  header ??= readHeaderRow(sheet);
  const headers = header.map((h) => String(h ?? "").trim()).filter((h) => h !== "");
  const detected: Partial<Record<SidebarMappingKey, string>> = {};
  const auto = detectOrderMapping(header, "auto");
  if (auto.ok) {
    for (const [role, text] of Object.entries(auto.columns)) {
      const key = `orders.${role}`;
      if ((SIDEBAR_MAPPING_KEYS as readonly string[]).includes(key))
        detected[key as SidebarMappingKey] = text;
    }
    detected["orders.amountKind"] = auto.mapping.amountKind;
  }
  return { sheetName: sheet.getName(), headers, detected, rows: Math.max(0, lastRow - 1) };
}

/** Row 1 of a sheet, in one read (none for an empty sheet). */
function readHeaderRow(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[] {
  const lastColumn = sheet.getLastColumn();
  return lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [];
}

const tooManyRows = (rows: number): Text => ({
  ja: `注文が ${rows.toLocaleString("en-US")} 行あり、画面の中ではプレビューできません。${CLI_HINT.ja}`,
  en: `The Orders sheet has ${rows.toLocaleString("en-US")} rows, too many to preview here. ${CLI_HINT.en}`,
});

/**
 * State counts under `settings`: every input sheet read once (members and engagement change states too) and the
 * core's analyze, exactly as a run would do it, so the preview never disagrees with the run that follows.
 */
function previewUnder(
  ss: Spreadsheet,
  settings: Settings,
  // Passed in when the caller has already read them (the sidebar's state), so they are not asked for twice.
  ordersSheet: FoundInput | null = findOrders(ss, settings),
  mapping: ColumnMapping = readMapping(ss),
): { preview: StatePreview | null; note: Text | null; ordersHeader: unknown[] | null } {
  // Count before reading: a sheet too large to analyse here must not be read into memory just to say so.
  const rows = ordersSheet ? Math.max(0, ordersSheet.lastRow - 1) : 0;
  if (rows > MAX_INPUT_ROWS) return { preview: null, note: tooManyRows(rows), ordersHeader: null };
  let inputs: ReturnType<typeof readInputs>;
  try {
    inputs = readInputs(ss, mapping, settings.language, { orders: ordersSheet });
  } catch (error) {
    if (error instanceof UserError) return { preview: null, note: error.text, ordersHeader: null };
    throw error;
  }
  const orders = inputs.tables.orders;
  if (!orders)
    return {
      preview: null,
      note: {
        ja: "注文シートにデータがまだありません。注文データを貼り付けると、ここに状態ごとの人数が出ます。",
        en: "The Orders sheet has no rows yet. Paste your orders to see how many customers fall in each state.",
      },
      ordersHeader: null,
    };
  const result = analyze({ ...inputs.tables, orders, settings, asOf: asOfDay(settings) });
  const cycle: RepurchaseCycle = {
    medianDays: result.repurchaseCycle.medianDays,
    suggested: result.repurchaseCycle.suggested,
  };
  return {
    preview: {
      counts: result.stateCounts.current,
      customers: result.customers.length,
      asOf: formatDay(result.asOf),
      cycle,
    },
    note: null,
    ordersHeader: inputs.ordersHeader,
  };
}

/** Settings from the browser, validated against the spreadsheet's own defaults (its time zone). */
function checked(
  ss: Spreadsheet,
  settings: unknown,
): { ok: true; value: Settings } | { ok: false; errors: SettingsError[] } {
  return validateSettings(settings, defaultSettingsFor(ss));
}

const asSettingsErrors = (text: Text): SettingsError[] => [{ field: "settings", message: text }];

// ---------------------------------------------------------------------------------------------------------------
// The server functions, on a given spreadsheet
// ---------------------------------------------------------------------------------------------------------------

export function sidebarStateOf(ss: Spreadsheet): SidebarState {
  const { settings, errors } = readSettings(ss);
  const found = findOrders(ss, settings);
  const mapping = readMapping(ss);
  const { preview, note, ordersHeader } = previewUnder(ss, settings, found, mapping);
  return {
    settings,
    settingsErrors: errors,
    mapping,
    orders: ordersSheetInfo(found, ordersHeader),
    preview,
    previewNote: note,
  };
}

export function previewSettingsOf(ss: Spreadsheet, settings: unknown): PreviewResult {
  const valid = checked(ss, settings);
  if (!valid.ok) return valid;
  const { preview, note } = previewUnder(ss, valid.value);
  return { ok: true, preview, note };
}

export function saveSettingsOf(ss: Spreadsheet, settings: unknown): SaveSettingsResult {
  const valid = checked(ss, settings);
  if (!valid.ok) return valid;
  try {
    // Under the document lock: a run reading the settings never sees half of them.
    const errors = withDocumentLock(() => writeSettings(ss, valid.value));
    return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: valid.value };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, errors: asSettingsErrors(error.text) };
    throw error;
  }
}

/**
 * Writes the user's column corrections for the orders sheet. A blank choice means "detect automatically" and is
 * not stored. Corrections for the other input sheets (made on the 設定 sheet) are kept as they are.
 */
export function saveMappingOf(ss: Spreadsheet, mapping: unknown): SaveMappingResult {
  if (typeof mapping !== "object" || mapping === null || Array.isArray(mapping))
    return {
      ok: false,
      errors: [
        {
          field: "mapping",
          message: { ja: "列の対応が読めません。", en: "The column mapping is unreadable." },
        },
      ],
    };
  const info = ordersSheetInfo(findOrders(ss, readSettings(ss).settings));
  const errors: { field: string; message: Text }[] = [];
  const chosen: ColumnMapping = {};
  for (const [key, value] of Object.entries(mapping as Record<string, unknown>)) {
    const text = typeof value === "string" ? value.trim() : value == null ? "" : String(value);
    if (!(SIDEBAR_MAPPING_KEYS as readonly string[]).includes(key)) {
      errors.push({ field: key, message: { ja: `不明な項目です: ${key}`, en: `unknown field: ${key}` } });
      continue;
    }
    if (text === "") continue;
    if (key === "orders.amountKind") {
      if (!(AMOUNT_KINDS as readonly string[]).includes(text))
        errors.push({
          field: key,
          message: {
            ja: `金額の種類は order_total(注文合計)か line_amount(明細金額)です(入力値 "${text}")。`,
            en: `The amount kind must be order_total or line_amount (got "${text}").`,
          },
        });
    } else if (!info.headers.includes(text))
      errors.push({
        field: key,
        message: {
          ja: `注文シートに見出し「${text}」の列がありません。`,
          en: `The Orders sheet has no column headed "${text}".`,
        },
      });
    chosen[key] = text;
  }
  if (errors.length === 0 && info.sheetName !== null) {
    // The whole mapping must still resolve (customer and date found, no column used twice) as a run will need.
    const header = info.headers;
    const detected = detectOrderMapping(header, "auto");
    const roles: Partial<Record<OrderRole, string>> = { ...(detected.ok ? detected.columns : {}) };
    for (const [key, text] of Object.entries(chosen))
      if (key !== "orders.amountKind") roles[key.slice("orders.".length) as OrderRole] = text;
    const kind = chosen["orders.amountKind"] as (typeof AMOUNT_KINDS)[number] | undefined;
    const result = mappingFromColumns(header, roles, {
      amountKind: kind ?? (detected.ok ? detected.mapping.amountKind : undefined),
      basePreset: detected.ok ? detected.preset : undefined,
    });
    if (!result.ok) errors.push({ field: "mapping", message: result.message });
  }
  if (errors.length > 0) return { ok: false, errors };
  const kept: ColumnMapping = {};
  for (const [key, header] of Object.entries(readMapping(ss)))
    if (!(SIDEBAR_MAPPING_KEYS as readonly string[]).includes(key)) kept[key] = header;
  const next = { ...kept, ...chosen };
  try {
    withDocumentLock(() => writeMapping(ss, next));
  } catch (error) {
    if (error instanceof UserError) return { ok: false, errors: [{ field: "mapping", message: error.text }] };
    throw error;
  }
  return { ok: true, mapping: next };
}

/** The edited settings with the suggestion from the shop's cycle (under those settings' as-of date) applied. */
export function applySuggestedThresholdsOf(ss: Spreadsheet, settings: unknown): SuggestionResult {
  const valid = checked(ss, settings);
  if (!valid.ok) return valid;
  const { preview, note } = previewUnder(ss, valid.value);
  const medianDays = preview?.cycle.medianDays ?? null;
  const suggested = suggestThresholds(medianDays);
  if (medianDays === null || Object.keys(suggested).length === 0)
    return {
      ok: false,
      errors: asSettingsErrors(
        note ?? {
          ja: "2回以上購入したお客様がまだいないため、購入サイクルから目安を出せません。",
          en: "No customer has bought twice yet, so there is no repurchase cycle to suggest thresholds from.",
        },
      ),
    };
  // vipRecencyDays must stay ≤ atRiskDays; suggestThresholds guarantees it for the three fields it returns.
  const merged = checked(ss, { ...valid.value, ...suggested });
  if (!merged.ok) return merged;
  return { ok: true, settings: merged.value, cycle: { medianDays, suggested } };
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points (google.script.run), on the active spreadsheet
// ---------------------------------------------------------------------------------------------------------------

export function getSidebarState(): SidebarState {
  return sidebarStateOf(active());
}

export function previewSettings(settings: Settings): PreviewResult {
  return previewSettingsOf(active(), settings);
}

export function saveSettings(settings: Settings): SaveSettingsResult {
  return saveSettingsOf(active(), settings);
}

export function saveMapping(mapping: ColumnMapping): SaveMappingResult {
  return saveMappingOf(active(), mapping);
}

export function applySuggestedThresholds(settings: Settings): SuggestionResult {
  return applySuggestedThresholdsOf(active(), settings);
}
