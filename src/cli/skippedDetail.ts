import type { AnalysisResult, Lang } from "../core/index";
import type { Cell } from "../report/cell";
import { type Audience, type ReportPart, reportGrid } from "../report/layout";

/**
 * The run log lists skipped order rows one by one, but a file where most rows are skipped (the wrong preset,
 * a year of cancellations) would keep a million reasons in memory and overflow report.xlsx. So the cleaner
 * keeps the first MAX_SKIPPED_DETAIL it finds and only counts the rest; the bucket counts stay exact and the
 * run log says how many rows it does not list. The limit is above what real exports skip (UCI Online Retail:
 * 144k of 542k rows, listed in full), so it only bites on files that are mostly not orders.
 */
export const MAX_SKIPPED_DETAIL = 200_000;

/** Skipped order rows the run log does not list one by one: every row counted, less the used and the listed. */
function skippedNotListed(result: AnalysisResult): number {
  let rows = 0;
  for (const n of Object.values(result.rowCounts)) rows += n;
  return Math.max(0, rows - result.rowCounts.used - result.skipped.length);
}

/**
 * The shared layout's grid of a report part, as both CLI writers (CSV, xlsx) render it: the run log ends with a
 * note when some skipped rows are only counted.
 */
export function cliReportGrid(
  result: AnalysisResult,
  part: ReportPart,
  lang: Lang,
  audience: Audience,
): Cell[][] {
  const grid = reportGrid(result, part, lang, audience);
  if (part === "runLog") grid.push(...skippedNotListedRows(result, lang));
  return grid;
}

/** Rows appended to the run log when some skipped rows are only counted; none otherwise. */
function skippedNotListedRows(result: AnalysisResult, lang: Lang): Cell[][] {
  const n = skippedNotListed(result);
  if (n === 0) return [];
  const listed = result.skipped.length.toLocaleString("en-US");
  const rest = n.toLocaleString("en-US");
  return [
    [],
    [
      lang === "ja"
        ? `除外した行が多いため、理由は最初に見つかった ${listed} 行だけ載せています。ほかの ${rest} 行は上の件数にだけ含まれます。`
        : `Too many skipped rows to list: the reasons above are for the first ${listed} found; the other ${rest} are in the counts only.`,
    ],
  ];
}
