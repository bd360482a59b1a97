import type { Lang } from "../../core/index";
import { uiLang } from "../locale";
import {
  defaultSettingsFor,
  hasSettingsSheet,
  readMapping,
  readSettings,
  writeMapping,
  writeSettings,
} from "../settingsSheet";
import { findInputSheet, INPUT_SHEETS } from "./inputSheets";
import { withDocumentLock } from "./lock";
import { pick, reportFailure, TOAST_TITLE } from "./userError";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Menu "テンプレートを準備": the input sheets with their headers and a note on what to paste, and the 設定 sheet with
 * SODATSU_SETTINGS and SODATSU_MAPPING. Safe to run again: a sheet that already holds data is left as it is, and
 * settings the user edited are kept (only missing rows are added back).
 */
export function setupTemplate(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = uiLang(true);
  try {
    withDocumentLock(() => setupLocked(ss, lang));
  } catch (error) {
    reportFailure(error, lang);
  }
}

function setupLocked(ss: Spreadsheet, lang: Lang): void {
  const created: string[] = [];
  const kept: string[] = [];
  let orders: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  for (const input of INPUT_SHEETS) {
    const name = input.title[lang];
    const existing = findInputSheet(ss, input, lang);
    if (input.table === "orders") orders = existing;
    if (existing && existing.getLastRow() > 0) {
      kept.push(existing.getName());
      continue;
    }
    const sheet = existing ?? ss.insertSheet(name);
    if (input.table === "orders") orders = sheet;
    const headers = input.headers[lang].split(",");
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight("bold");
    sheet.getRange(1, 1).setNote(pick(lang, input.note));
    sheet.setFrozenRows(1);
    created.push(existing ? existing.getName() : name);
  }
  setUpSettings(ss, lang);
  orders?.activate();
  const parts =
    lang === "ja"
      ? [
          created.length ? `作成: ${created.join("、")}` : "",
          kept.length ? `データのあるシートはそのままです: ${kept.join("、")}` : "",
          "「注文」シートに注文データを貼り付けて、「顧客分析を実行」を選んでください。",
        ]
      : [
          created.length ? `Created: ${created.join(", ")}` : "",
          kept.length ? `Sheets with data were left as they are: ${kept.join(", ")}` : "",
          "Paste your orders into the Orders sheet, then choose 'Run analysis'.",
        ];
  ss.toast(parts.filter(Boolean).join(lang === "ja" ? "。" : ". "), pick(lang, TOAST_TITLE), 10);
}

/**
 * 設定: written from the settings in force (the user's if the sheet exists and is valid, else the defaults in
 * the spreadsheet's language and time zone), so re-running the template repairs the named ranges without
 * discarding edits.
 */
function setUpSettings(ss: Spreadsheet, lang: Lang): void {
  const existing = hasSettingsSheet(ss);
  const current = readSettings(ss);
  const settings =
    existing && current.errors.length === 0
      ? current.settings
      : { ...defaultSettingsFor(ss), language: lang };
  if (existing && current.errors.length > 0) return; // never overwrite values the user is still fixing
  writeSettings(ss, settings);
  writeMapping(ss, existing ? readMapping(ss) : {});
}
