import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { AnalysisResult, Lang } from "../core/index";
import { type Audience, REPORT_SHEETS, type ReportPart, reportGrid, tableOf } from "../report/layout";
import { gridCsvChunks, tableCsvChunks, writeCsvFile } from "./csvFile";
import { CliError, oneLine } from "./errors";

/** Excel's hard limit of rows per sheet. */
const XLSX_MAX_ROWS = 1_048_576;

const CSV_AUDIENCE: Partial<Record<ReportPart, Audience>> = { customers: "codes", followUp: "codes" };

/**
 * Writes the report files into the output folder. The tables meant for programs (customers.csv, followup.csv)
 * keep stable ids and codes; the free-form grids (summary, run log) are for people and use the labels.
 */
export async function writeReport(
  result: AnalysisResult,
  lang: Lang,
  format: "csv" | "xlsx" | "both",
  dir: string,
): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      `出力先フォルダーを作れません (${code}): ${oneLine(dir)}`,
      `Cannot create the output folder (${code}): ${oneLine(dir)}`,
    );
  }
  // Checked before anything is written, so a refused run leaves no half of a report behind.
  const longest = Math.max(result.customers.length, result.followUp.length, result.skipped.length) + 20;
  if (format !== "csv" && longest > XLSX_MAX_ROWS)
    throw new CliError(
      `report.xlsx の1シートに入る行数(${XLSX_MAX_ROWS.toLocaleString("en-US")} 行)を超えます。--format csv で出力してください`,
      `report.xlsx would exceed Excel's ${XLSX_MAX_ROWS.toLocaleString("en-US")} rows per sheet; use --format csv`,
    );
  const written: string[] = [];
  try {
    if (format !== "xlsx")
      for (const sheet of REPORT_SHEETS) {
        const file = join(dir, sheet.file);
        await writeCsvFile(file, csvChunks(result, sheet.part, lang));
        written.push(file);
      }
    if (format !== "csv") {
      const file = join(dir, "report.xlsx");
      // exceljs takes half a second to load; a CSV-only run never pays for it.
      const { writeReportXlsx } = await import("./writeXlsx");
      await writeReportXlsx(result, lang, file);
      written.push(file);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (!err.code) throw e;
    const path = oneLine(err.path ?? dir);
    throw new CliError(
      `レポートを書き込めません (${err.code}): ${path}(Excel で開いたままなら閉じてください)`,
      `Cannot write the report (${err.code}): ${path} (close it if it is open in Excel)`,
    );
  }
  return written;
}

/** One CSV file's bytes: the big tables straight from the rows, the small grids through the shared layout. */
function csvChunks(result: AnalysisResult, part: ReportPart, lang: Lang): Iterable<Uint8Array> {
  const audience = CSV_AUDIENCE[part] ?? "labels";
  const table = tableOf(result, part);
  return table
    ? tableCsvChunks(table, lang, audience)
    : gridCsvChunks(reportGrid(result, part, lang, audience));
}
