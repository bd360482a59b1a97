import {
  CHECKLIST,
  type DiagnosisEvidence,
  type Lang,
  QUESTIONS,
  RATING_LEVELS,
  type RatingLevel,
} from "../../core/index";
import type { Text } from "./userError";

/**
 * The diagnostic sheet as values and formulas, with no Apps Script call: the layout (rows below are 1-based) and
 * the formulas that rate the answers inside Sheets, so a copy of the spreadsheet keeps rating without the script.
 * The formulas use only COUNTIF, IF, &, + and comparisons of numbers, which test/gas/formulaEvaluator.ts evaluates.
 */
export const DIAGNOSIS_LAYOUT = {
  headerRow: 3,
  firstQuestionRow: 4,
  answerColumn: 3, // C
  evidenceColumn: 8, // H
  width: 8,
} as const;

const L = DIAGNOSIS_LAYOUT;
const lastQuestionRow = L.firstQuestionRow + QUESTIONS.length - 1;
const answers = `C${L.firstQuestionRow}:C${lastQuestionRow}`;
/** Rows of the summary block below the questions. */
export const SUMMARY_ROWS = {
  countA: lastQuestionRow + 2,
  answered: lastQuestionRow + 3,
  rating: lastQuestionRow + 4,
  explanation: lastQuestionRow + 5,
  vipLtv: lastQuestionRow + 6,
};
export const CHECKLIST_HEADER_ROW = SUMMARY_ROWS.vipLtv + 3;
export const FIRST_CHECKLIST_ROW = CHECKLIST_HEADER_ROW + 1;
/** The rating levels (seed 003) as a small table the formulas read: best level first. */
const LEVELS = [...RATING_LEVELS].sort((a, b) => b.minA - a.minA);
export const LEVELS_HEADER_ROW = FIRST_CHECKLIST_ROW + CHECKLIST.length + 2;
const levelRow = (level: RatingLevel) => LEVELS_HEADER_ROW + 1 + LEVELS.indexOf(level);

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
const t = (lang: Lang, text: Text) => (lang === "ja" ? text.ja : text.en);

/**
 * Levels from the best down as nested IFs on the A count. The thresholds (column B) and explanations (column E)
 * are cells of the levels table below the checklist, not literals: formulas stay short (no 600-character string
 * constants), and a consultant can reword an explanation in the sheet.
 */
function byLevel(value: (level: RatingLevel) => string): string {
  const countA = `B${SUMMARY_ROWS.countA}`;
  let formula = value(LEVELS[LEVELS.length - 1]);
  for (let i = LEVELS.length - 2; i >= 0; i--)
    formula = `IF(${countA}>=B${levelRow(LEVELS[i])},${value(LEVELS[i])},${formula})`;
  return formula;
}

/** The rating formula: 「未回答 N 問」 until all ten are answered, then 「A評価」/「B評価」/「C評価」 (core's wording). */
export function ratingFormula(lang: Lang): string {
  const n = QUESTIONS.length;
  const answered = `B${SUMMARY_ROWS.answered}`;
  const missing =
    lang === "ja"
      ? `"未回答 "&(${n}-${answered})&" 問"`
      : `(${n}-${answered})&IF(${n}-${answered}=1," question unanswered"," questions unanswered")`;
  const rated = byLevel((l) => (lang === "ja" ? q(`${l.rating}評価`) : q(`Rating ${l.rating}`)));
  return `=IF(${answered}<${n},${missing},${rated})`;
}

export function explanationFormula(lang: Lang): string {
  const answered = `B${SUMMARY_ROWS.answered}`;
  const waiting = q(
    lang === "ja"
      ? "10問すべてに答えると、評価とその説明がここに表示されます。"
      : "Answer all ten questions to see the rating and what it means.",
  );
  return `=IF(${answered}<${QUESTIONS.length},${waiting},${byLevel((l) => `E${levelRow(l)}`)})`;
}

export const countAFormula = () => `=COUNTIF(${answers},"A")`;
export const answeredFormula = () =>
  `=${["A", "B", "C", "D"].map((x) => `COUNTIF(${answers},"${x}")`).join("+")}`;

export type DiagnosisCell = string | number | boolean | { formula: string };

export interface DiagnosisInput {
  lang: Lang;
  /** Evidence from the shop's data, or a reason why there is none (no orders, unreadable columns). */
  evidence: DiagnosisEvidence | { missing: Text };
  /** Answers and checkbox states kept from an earlier diagnostic sheet, so re-creating it loses nothing. */
  keptAnswers: readonly (string | null)[];
  keptChecks: readonly boolean[];
}

/** The whole sheet as a grid of width DIAGNOSIS_LAYOUT.width (text cells are plain text, formulas marked). */
export function diagnosisGrid(input: DiagnosisInput): DiagnosisCell[][] {
  const { lang } = input;
  const J = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const row = (...cells: DiagnosisCell[]) => [...cells, ...Array(L.width - cells.length).fill("")];
  const grid: DiagnosisCell[][] = [];
  grid.push(row(J("CRM診断(10問)", "CRM diagnosis (10 questions)")));
  grid.push(
    row(
      J(
        "各質問の「回答」欄で A〜D を選んでください。Aの数で評価が決まります(9〜10個: A評価、7〜8個: B評価、6個以下: C評価)。右端はお店のデータから見た根拠です。",
        "Choose A–D in the Answer column. The rating follows the number of A answers (9–10: A, 7–8: B, 6 or fewer: C). The last column shows evidence from your own data.",
      ),
    ),
  );
  grid.push(
    row(
      "No.",
      J("質問", "Question"),
      J("回答", "Answer"),
      "A",
      "B",
      "C",
      "D",
      J("お店のデータ", "Your data"),
    ),
  );
  QUESTIONS.forEach((question, i) => {
    grid.push(
      row(
        question.id,
        t(lang, question),
        input.keptAnswers[i] ?? "",
        t(lang, question.answers.A),
        t(lang, question.answers.B),
        t(lang, question.answers.C),
        t(lang, question.answers.D),
        evidenceFor(input, question.id),
      ),
    );
  });
  grid.push(row());
  grid.push(row(J("Aの数", "A answers"), { formula: countAFormula() }));
  grid.push(row(J("回答数", "Answered"), { formula: answeredFormula() }));
  grid.push(row(J("評価", "Rating"), { formula: ratingFormula(lang) }));
  grid.push(row(J("評価の説明", "What it means"), { formula: explanationFormula(lang) }));
  grid.push(row(J("優良顧客のLTV", "VIP LTV"), evidenceFor(input, null)));
  grid.push(row());
  grid.push(row(J("チェックリスト(66〜70)", "Checklist (66–70)")));
  grid.push(
    row(
      "No.",
      J("項目", "Item"),
      J("できている", "Done"),
      J("放置すると", "If missing"),
      J("整えると", "Once in place"),
      J("最初の一歩", "First step"),
    ),
  );
  CHECKLIST.forEach((item, i) => {
    grid.push(
      row(
        item.no,
        t(lang, item),
        input.keptChecks[i] ?? false,
        t(lang, item.risk),
        t(lang, item.benefit),
        t(lang, item.firstStep),
      ),
    );
  });
  grid.push(row());
  grid.push(row(J("評価の基準", "Rating levels")));
  grid.push(
    row(
      J("評価", "Rating"),
      J("Aの数(以上)", "A answers (from)"),
      J("Aの数(以下)", "A answers (to)"),
      J("見出し", "Title"),
      J("説明", "What it means"),
    ),
  );
  for (const level of LEVELS)
    grid.push(row(level.rating, level.minA, level.maxA, t(lang, level.title), t(lang, level.explanation)));
  return grid;
}

function evidenceFor(input: DiagnosisInput, question: string | null): string {
  const ev = input.evidence;
  if ("missing" in ev)
    return question === null || ["Q1", "Q2", "Q3", "Q4", "Q6", "Q9"].includes(question)
      ? t(input.lang, ev.missing)
      : "";
  return ev.items
    .filter((item) => item.question === question)
    .map((item) => (input.lang === "ja" ? item.ja : item.en))
    .join("\n");
}
