import { formatDay } from "../core/day";
import { bucketLabel, stateLabel } from "../core/labels";
import type { AnalysisResult, CustomerState, Lang, RowBucket } from "../core/types";
import type { Cell } from "./cell";
import { rfmGuideGrid } from "./rfmGuide";

/** Fixed order of states on the dashboard: the path a customer grows along, then the exits. */
export const STATE_ORDER: readonly CustomerState[] = [
  "new",
  "active",
  "vip",
  "winback",
  "at_risk",
  "dormant",
  "paused",
  "cancelled",
];
/** The order the run log and the command line list the row buckets in. */
export const BUCKET_ORDER: readonly RowBucket[] = [
  "used",
  "missing_customer",
  "bad_date",
  "bad_amount",
  "cancelled",
  "after_as_of",
];

const t = (lang: Lang, ja: string, en: string) => (lang === "ja" ? ja : en);
const round = (x: number | null, digits: number): Cell =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The dashboard (ダッシュボード / summary.csv) as one grid of blocks separated by a blank row: the headline
 * (counts this month and last), the transition matrix (rows = a month ago, columns = now), and the shop's figures.
 */
export function dashboardGrid(result: AnalysisResult, lang: Lang): Cell[][] {
  const grid: Cell[][] = [];
  grid.push([t(lang, "顧客の状態(基準日)", "Customer states (as of)"), { date: result.asOf }]);
  grid.push([
    t(lang, "状態", "State"),
    t(lang, "今月", "This month"),
    t(lang, "前月", "Last month"),
    t(lang, "増減", "Change"),
  ]);
  for (const state of STATE_ORDER) {
    const now = result.stateCounts.current[state];
    const before = result.stateCounts.previous[state];
    grid.push([stateLabel(state, lang), now, before, now - before]);
  }
  grid.push([]);
  grid.push([
    t(
      lang,
      "状態の移り変わり(行=前月 → 列=今月)",
      "Movement between states (rows = last month → columns = now)",
    ),
  ]);
  grid.push([t(lang, "前月 \\ 今月", "Last month \\ now"), ...STATE_ORDER.map((s) => stateLabel(s, lang))]);
  for (const from of ["none", ...STATE_ORDER] as const) {
    const label =
      from === "none" ? t(lang, "(前月は未購入)", "(not yet a customer)") : stateLabel(from, lang);
    grid.push([label, ...STATE_ORDER.map((to) => result.transitions[from][to])]);
  }
  grid.push([]);
  grid.push([t(lang, "お店の数字", "Shop figures")]);
  grid.push([t(lang, "顧客数", "Customers"), result.customers.length]);
  grid.push([
    t(lang, "購入サイクルの中央値(日)", "Median repurchase cycle (days)"),
    round(result.repurchaseCycle.medianDays, 1),
  ]);
  grid.push([
    t(lang, "優良顧客のLTV(他の顧客の何倍か)", "VIP LTV (× the others')"),
    round(result.vipLtvMultiple, 2),
  ]);
  if (result.nps) grid.push(["NPS", round(result.nps.nps, 1)]);
  if (result.modelNote) grid.push([t(lang, "予測モデル", "Prediction model"), result.modelNote[lang]]);
  const rfm = rfmGuideGrid(result, lang); // empty unless the RFM lens is on
  if (rfm.length > 0) grid.push([], ...rfm);
  return grid;
}

/**
 * The run log (実行ログ / run-log.csv): every input row in one bucket, then each skipped row with its reason. A
 * cleaner may list only the first skipped rows it finds (the command line keeps 200,000, see
 * src/cli/skippedDetail.ts) and count the rest: the log then ends with a note saying how many it does not list.
 */
export function runLogGrid(result: AnalysisResult, lang: Lang): Cell[][] {
  const grid: Cell[][] = [];
  grid.push([t(lang, "基準日", "As of"), { date: result.asOf }, formatDay(result.asOf)]);
  grid.push([t(lang, "区分", "Bucket"), t(lang, "行数", "Rows")]);
  for (const bucket of BUCKET_ORDER) grid.push([bucketLabel(bucket, lang), result.rowCounts[bucket]]);
  grid.push([]);
  grid.push([
    t(lang, "行", "Row"),
    t(lang, "区分", "Bucket"),
    t(lang, "列", "Column"),
    t(lang, "理由", "Reason"),
  ]);
  // The orders' skipped rows, then the optional tables'; each of those reasons starts with its table (会員:, 関係行動:…).
  const tables = result.tableSkipped ?? {};
  for (const rows of [result.skipped, tables.members, tables.engagement, tables.visits, tables.survey])
    for (const s of rows ?? [])
      grid.push([s.row, bucketLabel(s.bucket, lang), s.field ?? null, s.reason[lang]]);
  const unlisted = skippedNotListed(result);
  if (unlisted > 0) {
    const listed = result.skipped.length.toLocaleString("en-US");
    const rest = unlisted.toLocaleString("en-US");
    grid.push(
      [],
      [
        t(
          lang,
          `除外した行が多いため、理由は最初に見つかった ${listed} 行だけ載せています。ほかの ${rest} 行は上の件数にだけ含まれます。`,
          `Too many skipped rows to list: the reasons above are for the first ${listed} found; the other ${rest} are in the counts only.`,
        ),
      ],
    );
  }
  return grid;
}

/** Skipped order rows the run log does not list one by one: every row counted, less the used and the listed. */
function skippedNotListed(result: AnalysisResult): number {
  let rows = 0;
  for (const n of Object.values(result.rowCounts)) rows += n;
  return Math.max(0, rows - result.rowCounts.used - result.skipped.length);
}
