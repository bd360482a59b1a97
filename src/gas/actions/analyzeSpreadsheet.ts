import {
  type AnalysisResult,
  analyze,
  type DayNumber,
  explainRisk,
  formatDay,
  parseIsoDay,
  predictCustomersNow,
  type Settings,
  todayIn,
} from "../../core/index";
import { readMapping, readSettings } from "../settingsSheet";
import { readInputs } from "./readInputs";
import { UserError } from "./userError";

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
  if (!orders) return { settings, result: null, orderRows: 0 };
  const asOf = asOfDay(settings);
  // The BG/NBD columns and the at-risk notes, as the command line fills them (issue 6); the diagnosis needs neither.
  const model = options.model ? { predict: predictCustomersNow, explainRisk } : undefined;
  const result = analyze({ ...inputs.tables, orders, settings, asOf, model });
  return { settings, result, orderRows: inputs.orderRows };
}

export const asOfText = (result: AnalysisResult): string => formatDay(result.asOf);
