import {
  DEFAULT_SETTINGS,
  type Settings,
  type SettingsError,
  settingSheetHelp,
  settingsFromPairs,
  settingsToPairs,
  validateSettings,
} from "../core/index";

/**
 * The 設定 (Settings) sheet: the settings and the column mapping live in the spreadsheet itself, so a copy of a
 * template carries them and the custom functions can read them as a range argument (SODATSU_SETTINGS).
 *
 * Layout (one sheet, two side-by-side tables so that adding a setting never moves the mapping):
 *   A:D  key | value | 説明 | Explanation      header in row 1, one row per setting; SODATSU_SETTINGS = A2:B(n+1)
 *   F:I  key | header | 説明 | Explanation     header in row 1, one row per mapped field; SODATSU_MAPPING = F2:G(m+1)
 * The value columns are plain text ("@") so that Sheets does not turn "2026-10-31" into a date or "0.5" into a
 * locale-formatted number; settingsFromPairs reads numbers from text.
 */
export const SETTINGS_SHEET = { ja: "設定", en: "Settings" } as const;
export const SETTINGS_RANGE_NAME = "SODATSU_SETTINGS";
export const MAPPING_RANGE_NAME = "SODATSU_MAPPING";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Fields of the column mapping the user may correct: "<table>.<field>" → header text in that input sheet. */
export const MAPPING_FIELDS: readonly { key: string; ja: string; en: string }[] = [
  { key: "orders.customer", ja: "注文: 顧客ID(メールアドレスなど)の列", en: "Orders: customer key column" },
  { key: "orders.date", ja: "注文: 注文日の列", en: "Orders: order date column" },
  { key: "orders.orderId", ja: "注文: 注文番号の列", en: "Orders: order id column" },
  { key: "orders.amount", ja: "注文: 金額の列", en: "Orders: amount column" },
  {
    key: "orders.amountKind",
    ja: "注文: 金額が注文合計なら order_total、明細金額なら line_amount",
    en: "Orders: order_total or line_amount",
  },
  { key: "orders.quantity", ja: "注文: 数量の列(金額の列がないとき)", en: "Orders: quantity column" },
  { key: "orders.unitPrice", ja: "注文: 単価の列(金額の列がないとき)", en: "Orders: unit price column" },
  { key: "orders.status", ja: "注文: ステータスの列(キャンセル判定)", en: "Orders: status column" },
  { key: "orders.name", ja: "注文: 氏名の列", en: "Orders: customer name column" },
  { key: "members.customer", ja: "会員: 顧客IDの列", en: "Members: customer key column" },
  { key: "members.status", ja: "会員: 会員状態の列", en: "Members: status column" },
  { key: "members.since", ja: "会員: 入会日の列", en: "Members: since column" },
  { key: "engagement.customer", ja: "関係行動: 顧客IDの列", en: "Engagement: customer key column" },
  { key: "engagement.date", ja: "関係行動: 日付の列", en: "Engagement: date column" },
  { key: "engagement.action", ja: "関係行動: 行動の種類の列", en: "Engagement: action column" },
  { key: "visits.customer", ja: "来館: 顧客IDの列", en: "Visits: customer key column" },
  { key: "visits.date", ja: "来館: 来館日の列", en: "Visits: visit date column" },
  { key: "survey.score", ja: "アンケート: 0〜10の点数の列", en: "Survey: 0-10 score column" },
  { key: "survey.customer", ja: "アンケート: 顧客IDの列", en: "Survey: customer key column" },
  { key: "survey.date", ja: "アンケート: 回答日の列", en: "Survey: date column" },
];

/** "<table>.<field>" → header text; a missing key means "find the column by its header automatically". */
export type ColumnMapping = Record<string, string>;

const SETTINGS_HEADER = ["キー / key", "値 / value", "説明", "Explanation"];
const MAPPING_HEADER = [
  "キー / key",
  "見出し / header",
  "説明(空欄なら自動で判定)",
  "Explanation (blank: automatic)",
];
const MAPPING_COLUMN = 6; // F

/** Settings as the sheet would hold them before the user changed anything: the spreadsheet's own time zone. */
export function defaultSettingsFor(ss: Spreadsheet): Settings {
  return { ...DEFAULT_SETTINGS, timeZone: ss.getSpreadsheetTimeZone() || DEFAULT_SETTINGS.timeZone };
}

/**
 * Reads SODATSU_SETTINGS. Without the sheet (never set up) the defaults apply. Invalid settings are refused as a
 * whole, with one message per field, and the defaults stay in force (DOMAIN §4) — the caller shows the errors.
 * A blank time zone means the spreadsheet's.
 */
export function readSettings(ss: Spreadsheet): { settings: Settings; errors: SettingsError[] } {
  const range = ss.getRangeByName(SETTINGS_RANGE_NAME);
  if (!range) return { settings: defaultSettingsFor(ss), errors: [] };
  // A blank time zone means the spreadsheet's own, so a copy moved to another zone follows it. The spreadsheet is
  // asked for its zone only then (or to report errors): the settings sheet normally names the zone itself.
  const rows = range.getValues().filter((r) => !(String(r[0]) === "timeZone" && isBlankCell(r[1])));
  const ownDefaults = rows.some((r) => String(r[0]) === "timeZone") ? null : defaultSettingsFor(ss);
  const read = settingsFromPairs(rows, ownDefaults ?? DEFAULT_SETTINGS);
  if (read.ok) return { settings: read.value, errors: [] };
  return { settings: ownDefaults ?? defaultSettingsFor(ss), errors: read.errors };
}

const isBlankCell = (v: unknown) => v === null || v === undefined || String(v).trim() === "";

/**
 * Writes the settings table (after validating: a refused value never reaches the sheet) and points
 * SODATSU_SETTINGS at exactly its key/value cells. Returns the validation errors, empty on success.
 */
export function writeSettings(ss: Spreadsheet, settings: Settings): SettingsError[] {
  const checked = validateSettings(settings);
  if (!checked.ok) return checked.errors;
  const sheet = ensureSettingsSheet(ss);
  const pairs = settingsToPairs(checked.value);
  const grid: unknown[][] = [SETTINGS_HEADER];
  // The time zone is written out even when it is the spreadsheet's: custom functions read this range with
  // settingsFromPairs, which refuses a blank zone (readSettings alone treats a blank as the spreadsheet's).
  for (const [key, value] of pairs) {
    // The sidebar's help for the same setting, with how to write the value here (core/settingsHelp.ts).
    const help = settingSheetHelp(String(key));
    grid.push([key, String(value ?? ""), help.ja, help.en]);
  }
  // Clear a longer table left by an older version before writing, so no stale setting row survives.
  const stale = sheet.getLastRow();
  if (stale > grid.length) sheet.getRange(grid.length + 1, 1, stale - grid.length, 4).clearContent();
  sheet.getRange(2, 2, pairs.length, 1).setNumberFormat("@");
  sheet.getRange(1, 1, grid.length, 4).setValues(grid);
  ss.setNamedRange(SETTINGS_RANGE_NAME, sheet.getRange(2, 1, pairs.length, 2));
  return [];
}

/** Reads SODATSU_MAPPING: only filled rows, so a blank header means automatic detection. */
export function readMapping(ss: Spreadsheet): ColumnMapping {
  const range = ss.getRangeByName(MAPPING_RANGE_NAME);
  const out: ColumnMapping = {};
  if (!range) return out;
  for (const [key, header] of range.getValues()) {
    const k = String(key ?? "").trim();
    const h = String(header ?? "").trim();
    if (k !== "" && h !== "") out[k] = h;
  }
  return out;
}

/** Writes the mapping table (every known field, blank = automatic) and points SODATSU_MAPPING at it. */
export function writeMapping(ss: Spreadsheet, mapping: ColumnMapping): void {
  const sheet = ensureSettingsSheet(ss);
  const keys = MAPPING_FIELDS.map((f) => f.key);
  for (const k of Object.keys(mapping)) if (!keys.includes(k)) keys.push(k);
  const grid: unknown[][] = [MAPPING_HEADER];
  for (const key of keys) {
    const field = MAPPING_FIELDS.find((f) => f.key === key);
    grid.push([key, mapping[key] ?? "", field?.ja ?? "", field?.en ?? ""]);
  }
  sheet.getRange(2, MAPPING_COLUMN + 1, keys.length, 1).setNumberFormat("@");
  sheet.getRange(1, MAPPING_COLUMN, grid.length, 4).setValues(grid);
  ss.setNamedRange(MAPPING_RANGE_NAME, sheet.getRange(2, MAPPING_COLUMN, keys.length, 2));
}

/**
 * The sheet that holds the settings: the one the named ranges point at; otherwise an empty or new 設定. A user's
 * own sheet that happens to be called 設定 and holds data is never written: "設定 (Sodatsu)" is used instead.
 */
export function ensureSettingsSheet(ss: Spreadsheet): Sheet {
  const named = ss.getRangeByName(SETTINGS_RANGE_NAME) ?? ss.getRangeByName(MAPPING_RANGE_NAME);
  if (named) return named.getSheet();
  for (let n = 1; ; n++) {
    const name =
      n === 1
        ? SETTINGS_SHEET.ja
        : n === 2
          ? `${SETTINGS_SHEET.ja} (Sodatsu)`
          : `${SETTINGS_SHEET.ja} (Sodatsu ${n - 1})`;
    const sheet = ss.getSheetByName(name);
    if (!sheet) return ss.insertSheet(name);
    if (sheet.getLastRow() === 0) return sheet;
  }
}

/** Whether the settings sheet has been set up (both named ranges exist). */
export function hasSettingsSheet(ss: Spreadsheet): boolean {
  return ss.getRangeByName(SETTINGS_RANGE_NAME) !== null && ss.getRangeByName(MAPPING_RANGE_NAME) !== null;
}
