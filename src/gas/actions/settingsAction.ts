import type { Lang, Settings } from "../../core/index";
import { settingsOrStop } from "./analyzeSpreadsheet";
import { withDocumentLock } from "./lock";
import { reportFailure } from "./userError";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * How a menu action that works from the shop's settings runs: the 設定 sheet is read first (values to fix stop it
 * before anything is written), then the work runs under the document lock, and any failure becomes an alert in the
 * settings' language (Japanese while the settings are not read yet).
 */
export function runWithSettings(work: (ss: Spreadsheet, lang: Lang, settings: Settings) => void): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let lang: Lang = "ja";
  try {
    const settings = settingsOrStop(ss);
    lang = settings.language;
    withDocumentLock(() => work(ss, lang, settings));
  } catch (error) {
    reportFailure(error, lang);
  }
}
