import { resolve } from "node:path";
import {
  type AnalysisResult,
  analyzeCleaned,
  bucketLabel,
  explainRisk,
  formatDay,
  type Lang,
  predictCustomersNow,
  stateLabel,
} from "../core/index";
import { BUCKET_ORDER, STATE_ORDER } from "../report/grids";
import type { AnalyzeOptions } from "./args";
import { loadSettings } from "./loadSettings";
import { cleanOrderFile } from "./readOrders";
import { loadExtras } from "./sideInputs";
import { writeReport } from "./writeReport";

/**
 * `sodatsu analyze`: stream the order file row by row into the core's OrderCleaner (memory grows with customers
 * and orders, never with raw rows), run the same rules as the add-on, write the report, print the headline.
 */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function analyzeCommand(o: AnalyzeOptions, io: Io): Promise<AnalysisResult> {
  const { settings, asOf } = await loadSettings(o.settings, { lang: o.lang, asOf: o.asOf });
  const lang = settings.language;
  const extras = await loadExtras(o, settings, asOf);

  const cleaned = await cleanOrderFile(o.orders, o.preset, settings, asOf, io.err);
  // The same model hooks as the add-on (BG/NBD predictions and the plain-language risk note), so both agree.
  const result = analyzeCleaned(cleaned, extras, settings, asOf, {
    predict: predictCustomersNow,
    explainRisk,
  });
  const written = await writeReport(result, lang, o.format, o.out);
  for (const line of headline(result, lang, resolve(o.out), written)) io.out(line);
  return result;
}

/** The stdout summary: the state counts (this month, last month), the row buckets, and where the report is. */
export function headline(
  result: AnalysisResult,
  lang: Lang,
  dir: string,
  files: readonly string[],
): string[] {
  const t = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const lines: string[] = [];
  lines.push(
    t(
      `基準日 ${formatDay(result.asOf)} の顧客 ${result.customers.length} 人(前月 = ${formatDay(result.previousAsOf)})`,
      `${result.customers.length} customers as of ${formatDay(result.asOf)} (last month = ${formatDay(result.previousAsOf)})`,
    ),
  );
  const width = Math.max(...STATE_ORDER.map((s) => displayWidth(stateLabel(s, lang))));
  for (const s of STATE_ORDER) {
    const now = result.stateCounts.current[s];
    const before = result.stateCounts.previous[s];
    const change = now - before;
    const label = stateLabel(s, lang);
    const pad = " ".repeat(width - displayWidth(label));
    lines.push(
      `  ${label}${pad} ${String(now).padStart(7)}  (${t("前月", "last month")} ${before}, ${change >= 0 ? "+" : ""}${change})`,
    );
  }
  lines.push(
    t("行の内訳: ", "Rows: ") +
      BUCKET_ORDER.map((b) => `${bucketLabel(b, lang)} ${result.rowCounts[b]}`).join(" / "),
  );
  const follow = result.followUp.length;
  lines.push(
    t(
      `今月フォローする顧客: ${follow} 人(followup.csv / report.xlsx の「フォロー」にメッセージ案)`,
      `To contact this month: ${follow} customers (followup.csv / the Follow-up sheet, with suggested messages)`,
    ),
  );
  const cycle = result.repurchaseCycle.medianDays;
  if (cycle !== null)
    lines.push(
      t(
        `購入サイクルの中央値: ${Math.round(cycle)} 日`,
        `Median repurchase cycle: ${Math.round(cycle)} days`,
      ),
    );
  if (result.nps && result.nps.nps !== null)
    lines.push(
      `NPS: ${Math.round(result.nps.nps)}${t(`(回答 ${result.nps.valid} 件)`, ` (${result.nps.valid} answers)`)}`,
    );
  lines.push(t(`レポート: ${dir}`, `Report: ${dir}`));
  for (const f of files) lines.push(`  ${resolve(f)}`);
  return lines;
}

/** Columns a label takes in a terminal: Japanese (wide) characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}
