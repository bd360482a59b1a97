import type { AnalysisResult, Lang, Settings } from "../../core/index";
import { STATE_ORDER } from "../../report/grids";
import { columnFormats, REPORT_SHEETS, reportGrid } from "../../report/layout";
import { analyzeSpreadsheet, asOfText } from "./analyzeSpreadsheet";
import { GeneratedIndex } from "./generatedIndex";
import { avoidedNote, type OutputSheet, outputSheet } from "./generatedSheets";
import { runWithSettings } from "./settingsAction";
import { CLI_HINT, SPREADSHEET_CELL_LIMIT } from "./sizeLimits";
import { pick, TOAST_TITLE, UserError } from "./userError";
import { writeGrid } from "./writeSheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Columns kept on the dashboard so the chart has room to the right of the tables. */
const DASHBOARD_COLUMNS = 18;

/**
 * Menu "顧客分析を実行": reads the input sheets once each, runs the core, and writes 顧客, ダッシュボード (with a
 * chart), フォロー and 実行ログ through the report layout, one setValues per sheet, under the document lock.
 */
export function runAnalysis(): void {
  runWithSettings(runLocked);
}

function runLocked(ss: Spreadsheet, lang: Lang, settings: Settings): void {
  // One toast before the long part (reading and analysing), one with the result: progress without a call per step.
  ss.toast(
    pick(lang, {
      ja: "注文データを読み込んで分析しています…(大きなデータでは数分かかります)",
      en: "Reading and analysing the orders… (large data takes a few minutes)",
    }),
    pick(lang, TOAST_TITLE),
    60, // not "until dismissed": when the run stops with an alert, the toast must not keep saying it is running
  );
  const { result } = analyzeSpreadsheet(ss, settings);
  if (!result)
    throw new UserError({
      ja: "「注文」シートにデータがありません。メニューの「テンプレートを準備」で作ったシートに、注文データを見出しごと貼り付けてから実行してください。",
      en: "The Orders sheet has no data. Paste your order export (with its header) into it, then run again.",
    });
  checkFits(result);
  GeneratedIndex.using(ss, (index) => {
    const outputs = REPORT_SHEETS.map((spec) => {
      const out = outputSheet(index, spec.part, spec.title[lang]);
      writeGrid(out.sheet, reportGrid(result, spec.part, lang, "labels"), {
        table: spec.table,
        columnFormats: columnFormats(spec.part, result.settings),
        minColumns: spec.part === "dashboard" ? DASHBOARD_COLUMNS : undefined,
        created: out.created,
      });
      if (spec.part === "dashboard") ensureStateChart(out, index, lang);
      return out;
    });
    ss.toast(finishedText(result, outputs, lang), pick(lang, TOAST_TITLE), 10);
  });
}

/** Refuses before writing anything when the customer table alone would break the spreadsheet's cell limit. */
function checkFits(result: AnalysisResult): void {
  const width = reportGrid({ ...result, customers: [] }, "customers", "ja", "labels")[0].length;
  if ((result.customers.length + 2) * width > SPREADSHEET_CELL_LIMIT / 2)
    throw new UserError({
      ja: `顧客が ${result.customers.length.toLocaleString("en-US")} 人いて、顧客シートがスプレッドシートの上限に収まりません。${CLI_HINT.ja}`,
      en: `There are ${result.customers.length} customers; the customer sheet would not fit in a spreadsheet. ${CLI_HINT.en}`,
    });
}

/**
 * The headline as a column chart: state counts this month and last, straight from the dashboard's first block
 * (row 2 = its header, then one row per state in STATE_ORDER). The block is rewritten in place, so the chart
 * follows the data by itself: it is drawn when missing (new sheet, or deleted by the user) or when the language
 * changed, and otherwise left as it is — one call on a re-run.
 */
function ensureStateChart(out: OutputSheet, index: GeneratedIndex, lang: Lang): void {
  const sheet = out.sheet;
  const charts = out.created ? [] : sheet.getCharts();
  if (charts.length > 0 && index.chartLang === lang) return;
  for (const chart of charts) sheet.removeChart(chart);
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(sheet.getRange(2, 1, STATE_ORDER.length + 1, 3))
    .setPosition(2, DASHBOARD_COLUMNS - 7, 0, 0)
    .setOption("title", lang === "ja" ? "顧客の状態(今月・前月)" : "Customer states (this month, last month)")
    .build();
  sheet.insertChart(chart);
  index.chartLang = lang;
}

function finishedText(result: AnalysisResult, outputs: readonly OutputSheet[], lang: Lang): string {
  const n = result.customers.length.toLocaleString("en-US");
  const base =
    lang === "ja"
      ? `分析が終わりました(基準日 ${asOfText(result)}、顧客 ${n} 人)。`
      : `Analysis finished (as of ${asOfText(result)}, ${n} customers).`;
  return base + avoidedNote(outputs, lang);
}
