import {
  type AnalysisResult,
  analyze,
  type DayNumber,
  explainRisk,
  formatDay,
  parseIsoDay,
  predictCustomers,
  type Settings,
  todayIn,
} from "../../core/index";
import { readMapping, readSettings } from "../settingsSheet";
import { readInputs } from "./readInputs";
import { UserError } from "./userError";

/**
 * Beyond this many order rows a run risks Apps Script's 6-minute limit (reading, analysing and writing ~1 ms per
 * row with margin); the command line has no such limit and reads the same export.
 */
export const MAX_ORDER_ROWS = 300_000;

export const CLI_HINT = {
  ja: "大きなデータはコマンドライン版で分析できます: npx sodatsu analyze orders.csv(README の「コマンドライン」を参照)。",
  en: "Large data can be analysed with the command line: npx sodatsu analyze orders.csv (see README, 'Command line').",
};

export interface SpreadsheetAnalysis {
  settings: Settings;
  /** Null when there are no orders yet (the diagnosis still works, with a note instead of evidence). */
  result: AnalysisResult | null;
  orderRows: number;
}

/** The settings in force; invalid ones stop the action with one line per field rather than running on defaults. */
export function settingsOrStop(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Settings {
  const { settings, errors } = readSettings(ss);
  if (errors.length > 0)
    throw new UserError({
      ja: `設定シートに直してほしい値があります:\n${errors.map((e) => `・${e.field}: ${e.message.ja}`).join("\n")}`,
      en: `Please fix these values on the Settings sheet:\n${errors.map((e) => `- ${e.field}: ${e.message.en}`).join("\n")}`,
    });
  return settings;
}

/** As-of date: the settings' fixed date, or today in the settings' (= by default the spreadsheet's) time zone. */
export function asOfDay(settings: Settings): DayNumber {
  if (settings.asOf) {
    const day = parseIsoDay(settings.asOf);
    if (day !== null) return day;
  }
  return todayIn(settings.timeZone);
}

/**
 * Settings, inputs and the core's analyze(), shared by the analysis run and the diagnosis sheet so that both show
 * the same figures.
 */
export function analyzeSpreadsheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  options: { model: boolean } = { model: true },
): SpreadsheetAnalysis {
  const inputs = readInputs(ss, readMapping(ss), settings.language);
  const orders = inputs.tables.orders;
  if (inputs.orderRows > MAX_ORDER_ROWS)
    throw new UserError({
      ja: `注文が ${inputs.orderRows.toLocaleString("en-US")} 行あり、スプレッドシートの実行時間(6分)の中では分析しきれません。${CLI_HINT.ja}`,
      en: `The orders sheet has ${inputs.orderRows} rows, more than a run can analyse within Apps Script's 6 minutes. ${CLI_HINT.en}`,
    });
  if (!orders) return { settings, result: null, orderRows: 0 };
  const asOf = asOfDay(settings);
  // The BG/NBD columns and the at-risk notes, as the command line fills them (issue 6); the diagnosis needs neither.
  const model = options.model ? { predict: predictCustomers, explainRisk } : undefined;
  const result = analyze({ ...inputs.tables, orders, settings, asOf, model });
  return { settings, result, orderRows: inputs.orderRows };
}

export const asOfText = (result: AnalysisResult): string => formatDay(result.asOf);
