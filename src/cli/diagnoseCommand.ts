import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type ExcelJS from "exceljs";
import {
  analyzeCleaned,
  CHECKLIST,
  type DiagnosisEvidence,
  diagnosisEvidence,
  type Lang,
  QUESTIONS,
  RATING_LEVELS,
} from "../core/index";
import { neutralizeFormula } from "../report/cell";
import type { DiagnoseOptions } from "./args";
import { CliError, oneLine } from "./errors";
import { loadWorkbook } from "./loadExcelJs";
import { loadSettings } from "./loadSettings";
import { cleanOrderFile, mergeCleaned } from "./readOrders";

/**
 * `sodatsu diagnose`: the CRM self-diagnosis (seed 003) as a workbook the owner fills in — ten questions with
 * answers A–D chosen from a list, the rating computed by formulas as they answer (9–10 A → A評価, 7–8 → B,
 * 0–6 → C, fewer than 10 answers → 未回答 N 問), the 66–70 checklist (seed 002), and, when order files are
 * given, the evidence from the shop's own data beside the questions it informs.
 */
const FILE = "diagnosis.xlsx";

export async function diagnoseCommand(
  o: DiagnoseOptions,
  io: { out: (l: string) => void; err: (l: string) => void },
) {
  const { settings, asOf } = await loadSettings(o.settings, { lang: o.lang, asOf: o.asOf });
  const lang = settings.language;
  let evidence: DiagnosisEvidence | null = null;
  if (o.orders.length > 0) {
    const parts = [];
    for (const file of o.orders) parts.push(await cleanOrderFile(file, o.preset, settings, asOf, io.err));
    evidence = diagnosisEvidence(analyzeCleaned(mergeCleaned(parts), {}, settings, asOf));
  }
  try {
    await mkdir(o.out, { recursive: true });
    const file = join(o.out, FILE);
    await diagnosisWorkbook(lang, evidence).xlsx.writeFile(file);
    io.out(lang === "ja" ? `診断ワークブック: ${resolve(file)}` : `Diagnosis workbook: ${resolve(file)}`);
    return file;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (!err.code) throw e;
    const where = oneLine(err.path ?? o.out);
    throw new CliError(
      `診断ワークブックを書き込めません (${err.code}): ${where}`,
      `Cannot write the diagnosis workbook (${err.code}): ${where}`,
    );
  }
}

export function diagnosisWorkbook(lang: Lang, evidence: DiagnosisEvidence | null): ExcelJS.Workbook {
  const t = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const Workbook = loadWorkbook();
  const wb = new Workbook();
  wb.creator = "Sodatsu (育つ)";

  const ws = wb.addWorksheet(t("診断", "Diagnosis"), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { width: 6 },
    { width: 60 },
    { width: 10 },
    { width: 36 },
    { width: 36 },
    { width: 36 },
    { width: 36 },
    { width: 60 },
  ];
  const header = ws.addRow([
    "No",
    t("質問", "Question"),
    t("回答(A〜D)", "Answer (A–D)"),
    "A",
    "B",
    "C",
    "D",
    t("あなたのデータでは", "What your data says"),
  ]);
  header.font = { bold: true };
  const first = 2;
  QUESTIONS.forEach((q, i) => {
    const said = evidence?.items.filter((e) => e.question === q.id).map((e) => (lang === "ja" ? e.ja : e.en));
    const row = ws.addRow([
      q.id,
      lang === "ja" ? q.ja : q.en,
      null,
      ...(["A", "B", "C", "D"] as const).map((k) => q.answers[k]?.[lang] ?? null),
      said && said.length > 0 ? neutralizeFormula(said.join("\n")) : null,
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.getCell(3).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"A,B,C,D"'],
      showErrorMessage: true,
      errorTitle: t("回答", "Answer"),
      error: t("A・B・C・D から選んでください", "Choose A, B, C or D"),
    };
    row.getCell(3).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    if (i === 0) row.getCell(3).note = t("A〜D を選んでください", "Choose A–D");
  });
  const last = first + QUESTIONS.length - 1;
  const answers = `$C$${first}:$C$${last}`;
  const n = QUESTIONS.length;
  ws.addRow([]);
  const countRow = ws.addRow([
    null,
    t("Aの数", "Number of A answers"),
    { formula: `COUNTIF(${answers},"A")` },
  ]);
  const answeredRow = ws.addRow([
    null,
    t("回答した問題の数", "Questions answered"),
    { formula: `SUMPRODUCT(--ISNUMBER(MATCH(${answers},{"A","B","C","D"},0)))` },
  ]);
  const a = `C${countRow.number}`;
  const done = `C${answeredRow.number}`;
  const levels = [...RATING_LEVELS].sort((x, y) => y.minA - x.minA);
  const ratingFormula =
    `IF(${done}<${n},"${t("未回答 ", "Unanswered: ")}"&(${n}-${done})&"${t(" 問", "")}",` +
    levels
      .slice(0, -1)
      .map((l) => `IF(${a}>=${l.minA},"${t(`${l.rating}評価`, `Rating ${l.rating}`)}",`)
      .join("") +
    `"${t(`${levels.at(-1)!.rating}評価`, `Rating ${levels.at(-1)!.rating}`)}"` +
    ")".repeat(levels.length);
  const ratingRow = ws.addRow([null, t("評価", "Rating"), { formula: ratingFormula }]);
  ratingRow.font = { bold: true };
  ws.addRow([]);
  ws.addRow([null, t("評価の考え方", "What the rating means")]).font = { bold: true };
  for (const l of RATING_LEVELS) {
    const row = ws.addRow([null, l.title[lang], null, l.explanation[lang]]);
    ws.mergeCells(row.number, 4, row.number, 8);
    row.alignment = { wrapText: true, vertical: "top" };
    row.height = 90;
  }

  const cl = wb.addWorksheet(t("チェックリスト", "Checklist"), { views: [{ state: "frozen", ySplit: 1 }] });
  cl.columns = [{ width: 6 }, { width: 40 }, { width: 12 }, { width: 50 }, { width: 50 }, { width: 50 }];
  cl.addRow([
    "No",
    t("項目", "Item"),
    t("はい/いいえ", "Yes/No"),
    t("ないと起きること", "What goes wrong without it"),
    t("整えると変わること", "What changes with it"),
    t("最初の一歩", "First step"),
  ]).font = { bold: true };
  for (const item of CHECKLIST) {
    const row = cl.addRow([
      item.no,
      lang === "ja" ? item.ja : item.en,
      null,
      item.risk[lang],
      item.benefit[lang],
      item.firstStep[lang],
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.getCell(3).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [t('"はい,いいえ"', '"Yes,No"')],
    };
    row.getCell(3).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  }

  if (evidence) {
    const ev = wb.addWorksheet(t("データの根拠", "Evidence"));
    ev.columns = [{ width: 8 }, { width: 28 }, { width: 14 }, { width: 80 }];
    ev.addRow([
      t("質問", "Question"),
      t("指標", "Figure"),
      t("値", "Value"),
      t("説明", "What it means"),
    ]).font = {
      bold: true,
    };
    for (const item of evidence.items)
      ev.addRow([
        item.question ?? "—",
        item.key,
        item.value,
        neutralizeFormula(lang === "ja" ? item.ja : item.en),
      ]);
    ev.addRow([]);
    ev.addRow([t("顧客数", "Customers"), null, evidence.customers]);
  }
  return wb;
}
