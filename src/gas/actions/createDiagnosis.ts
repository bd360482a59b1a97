import {
  CHECKLIST,
  diagnosisEvidence,
  type Lang,
  QUESTIONS,
  readAnswer,
  type Settings,
} from "../../core/index";
import { analyzeSpreadsheet } from "./analyzeSpreadsheet";
import { DIAGNOSIS_LAYOUT, type DiagnosisInput, diagnosisGrid, FIRST_CHECKLIST_ROW } from "./diagnosisSheet";
import { GeneratedIndex } from "./generatedIndex";
import { avoidedNote, outputSheet } from "./generatedSheets";
import { runWithSettings } from "./settingsAction";
import { pick, TOAST_TITLE, UserError } from "./userError";
import { GENERAL, sheetValue, writeBlock } from "./writeSheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TITLE = { ja: "CRM診断", en: "CRM diagnosis" };
const NO_ORDERS = {
  ja: "注文データがまだないため、お店のデータからの根拠は出せません。「注文」シートに貼り付けてから、もう一度「診断シートを作成」を選ぶとここに数字が入ります。",
  en: "No order data yet, so there is no evidence from your data. Paste your orders into the Orders sheet and create the diagnostic sheet again.",
};

/**
 * Menu "診断シートを作成": the ten questions with A–D dropdowns and in-sheet rating formulas, the 66–70 checklist
 * with checkboxes, and the shop's own figures beside Q1, Q2, Q3, Q4, Q6 and Q9. Answers and ticks of an earlier
 * diagnostic sheet are kept.
 */
export function createDiagnosis(): void {
  runWithSettings(createLocked);
}

function createLocked(ss: Spreadsheet, lang: Lang, settings: Settings): void {
  GeneratedIndex.using(ss, (index) => {
    const out = outputSheet(index, "diagnosis", TITLE[lang]);
    const kept = out.created ? { answers: [], checks: [] } : keptInputs(out.sheet);
    const grid = diagnosisGrid({
      lang,
      evidence: evidenceOf(ss, settings),
      keptAnswers: kept.answers,
      keptChecks: kept.checks,
    });
    const values = grid.map((row) =>
      row.map((cell) => (typeof cell === "object" ? cell.formula : sheetValue(cell))),
    );
    const formats = grid.map((row) => row.map(() => GENERAL));
    // A spare row, as for every generated sheet.
    values.push(new Array(DIAGNOSIS_LAYOUT.width).fill(""));
    formats.push(new Array(DIAGNOSIS_LAYOUT.width).fill(GENERAL));
    writeBlock(out.sheet, values, formats);
    // Dropdowns and checkboxes stay on their cells through later runs (the layout does not move): set them once.
    if (out.created) decorate(out.sheet, lang);
    out.sheet.activate();
    const done = lang === "ja" ? "診断シートを作成しました。" : "The diagnostic sheet is ready.";
    ss.toast(done + avoidedNote([out], lang), pick(lang, TOAST_TITLE), 8);
  });
}

function evidenceOf(ss: Spreadsheet, settings: Settings): DiagnosisInput["evidence"] {
  try {
    const { result } = analyzeSpreadsheet(ss, settings, { model: false });
    return result ? diagnosisEvidence(result) : { missing: NO_ORDERS };
  } catch (error) {
    // Unreadable orders should not block the questionnaire: the reason goes where the figures would be.
    if (error instanceof UserError) return { missing: error.text };
    throw error;
  }
}

/** Reads an earlier diagnostic sheet in one call and keeps what the user entered. */
function keptInputs(sheet: Sheet): { answers: (string | null)[]; checks: boolean[] } {
  const values = sheet.getDataRange().getValues();
  const col = DIAGNOSIS_LAYOUT.answerColumn - 1;
  const answers = QUESTIONS.map((_, i) =>
    readAnswer(values[DIAGNOSIS_LAYOUT.firstQuestionRow - 1 + i]?.[col]),
  );
  const checks = CHECKLIST.map((_, i) => values[FIRST_CHECKLIST_ROW - 1 + i]?.[col] === true);
  return { answers, checks };
}

/** Dropdowns for the answers, checkboxes for the checklist, readable widths. A fixed number of calls. */
function decorate(sheet: Sheet, lang: Lang): void {
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList(["A", "B", "C", "D"], true)
    .setAllowInvalid(false)
    .setHelpText(lang === "ja" ? "A〜D から選んでください。" : "Choose A–D.")
    .build();
  sheet
    .getRange(DIAGNOSIS_LAYOUT.firstQuestionRow, DIAGNOSIS_LAYOUT.answerColumn, QUESTIONS.length, 1)
    .setDataValidation(rule);
  sheet.getRange(FIRST_CHECKLIST_ROW, DIAGNOSIS_LAYOUT.answerColumn, CHECKLIST.length, 1).insertCheckboxes();
  sheet.getRange(DIAGNOSIS_LAYOUT.headerRow, 1, 1, DIAGNOSIS_LAYOUT.width).setFontWeight("bold");
  sheet.setColumnWidth(2, 360);
  sheet.setColumnWidth(DIAGNOSIS_LAYOUT.evidenceColumn, 360);
}
