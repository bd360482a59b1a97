import { beforeAll, describe, expect, it } from "vitest";
import { CHECKLIST, QUESTIONS, RATING_LEVELS, rateDiagnosis } from "../../src/core/index";
import { FIRST_CHECKLIST_ROW, SUMMARY_ROWS } from "../../src/gas/actions/diagnosisSheet";
import { generatedSheet, orderRows, setSetting, templateShop } from "./actionsHarness";
import type { FakeSheet } from "./fakes/sheet";
import { evaluate } from "./formulaEvaluator";
import { ensureBundle } from "./loadBundle";

beforeAll(ensureBundle);

const FIRST_Q = 4;

function read(sheet: FakeSheet) {
  return (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(ref);
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const cell = sheet.cellAt(Number(m[2]), col);
    return { value: cell?.value ?? "", formula: cell?.formula ?? "" };
  };
}

/** What the sheet shows in column B of a summary row, computed from its formula. */
function shown(sheet: FakeSheet, row: number) {
  const formula = sheet.cellAt(row, 2)?.formula;
  if (!formula) throw new Error(`no formula in B${row}`);
  return evaluate(formula, read(sheet));
}

function answer(sheet: FakeSheet, answers: readonly string[]) {
  answers.forEach((a, i) => {
    sheet.setCell(FIRST_Q + i, 3, { value: a });
  });
}

function diagnosisSheet(withOrders: boolean, lang: "ja" | "en" = "ja") {
  const h = templateShop();
  setSetting(h.world, "asOf", "2026-10-31");
  setSetting(h.world, "language", lang);
  if (withOrders) {
    h.world.ss.sheetNamed("注文")?.paste(orderRows(300));
  }
  h.gas.call("menuCreateDiagnosis");
  const sheet = generatedSheet(h.world, "diagnosis");
  if (!sheet) throw new Error("no diagnostic sheet");
  return { h, sheet };
}

/** Ten answers with `a` A's; the rest cycle through B, C, D; `blank` of them left empty at the end. */
function answersWith(a: number, blank = 0): string[] {
  return QUESTIONS.map((_, i) => (i >= QUESTIONS.length - blank ? "" : i < a ? "A" : "BCD"[i % 3]));
}

describe("diagnostic sheet formulas (evaluated)", () => {
  const { sheet } = diagnosisSheet(false);

  it.each([6, 7, 8, 9, 10, 0])("rates %i A answers as the core does", (a) => {
    const answers = answersWith(a);
    answer(sheet, answers);
    const core = rateDiagnosis(answers);
    expect(shown(sheet, SUMMARY_ROWS.countA)).toBe(a);
    expect(shown(sheet, SUMMARY_ROWS.rating)).toBe(core.message.ja);
    expect(shown(sheet, SUMMARY_ROWS.explanation)).toBe(core.level?.explanation.ja);
  });

  it.each([1, 3, 10])("shows 未回答 N 問 with %i blank answers", (blank) => {
    const answers = answersWith(8, blank);
    answer(sheet, answers);
    expect(shown(sheet, SUMMARY_ROWS.rating)).toBe(`未回答 ${blank} 問`);
    expect(shown(sheet, SUMMARY_ROWS.rating)).toBe(rateDiagnosis(answers).message.ja);
    expect(String(shown(sheet, SUMMARY_ROWS.explanation))).not.toBe(RATING_LEVELS[0].explanation.ja);
  });

  it("counts lower-case answers as Sheets' COUNTIF does", () => {
    const answers = answersWith(9).map((x) => x.toLowerCase());
    answer(sheet, answers);
    expect(shown(sheet, SUMMARY_ROWS.rating)).toBe(rateDiagnosis(answers).message.ja);
  });

  it("uses only formulas, so a copy keeps working without the script", () => {
    for (const row of [
      SUMMARY_ROWS.countA,
      SUMMARY_ROWS.answered,
      SUMMARY_ROWS.rating,
      SUMMARY_ROWS.explanation,
    ])
      expect(sheet.cellAt(row, 2)?.formula).toMatch(/^=/);
  });

  it("offers A–D dropdowns on the answers and checkboxes on the 66–70 checklist", () => {
    for (let i = 0; i < QUESTIONS.length; i++) {
      const rule = sheet.validations.get(sheet.key(FIRST_Q + i, 3));
      expect(rule?.criteria).toBe("VALUE_IN_LIST");
      expect(rule?.values).toEqual(["A", "B", "C", "D"]);
    }
    CHECKLIST.forEach((item, i) => {
      expect(sheet.cellAt(FIRST_CHECKLIST_ROW + i, 1)?.value).toBe(item.no);
      expect(sheet.validations.get(sheet.key(FIRST_CHECKLIST_ROW + i, 3))?.criteria).toBe("CHECKBOX");
    });
  });

  it("says there are no orders beside Q1, Q2, Q3, Q4, Q6 and Q9 when there are none", () => {
    for (const id of ["Q1", "Q2", "Q3", "Q4", "Q6", "Q9"]) {
      const i = QUESTIONS.findIndex((q) => q.id === id);
      expect(String(sheet.cellAt(FIRST_Q + i, 8)?.value)).toMatch(/注文データがまだない/);
    }
    const q5 = QUESTIONS.findIndex((q) => q.id === "Q5");
    expect(sheet.cellAt(FIRST_Q + q5, 8)).toBeUndefined();
  });
});

describe("diagnostic sheet with the shop's data", () => {
  it("puts the evidence beside the questions it informs, and keeps answers when created again", () => {
    const { h, sheet } = diagnosisSheet(true);
    const q3 = QUESTIONS.findIndex((q) => q.id === "Q3");
    expect(String(sheet.cellAt(FIRST_Q + q3, 8)?.value)).toMatch(/2回目/);
    const q1 = QUESTIONS.findIndex((q) => q.id === "Q1");
    expect(String(sheet.cellAt(FIRST_Q + q1, 8)?.value)).toMatch(/LTV/);
    answer(sheet, answersWith(7));
    sheet.setCell(FIRST_CHECKLIST_ROW, 3, { value: true });
    h.gas.call("menuCreateDiagnosis");
    expect(shown(sheet, SUMMARY_ROWS.rating)).toBe("B評価");
    expect(sheet.cellAt(FIRST_CHECKLIST_ROW, 3)?.value).toBe(true);
    expect(sheet.cellAt(FIRST_CHECKLIST_ROW + 1, 3)?.value).toBe(false);
  });

  it("rates in English when the settings say so", () => {
    const { sheet } = diagnosisSheet(false, "en");
    const answers = answersWith(9);
    answer(sheet, answers);
    expect(shown(sheet, SUMMARY_ROWS.rating)).toBe(rateDiagnosis(answers).message.en);
    answer(sheet, answersWith(9, 1));
    expect(shown(sheet, SUMMARY_ROWS.rating)).toBe(rateDiagnosis(answersWith(9, 1)).message.en);
  });
});
