import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { RFM_SEGMENT_LABELS, rfmScores } from "../../src/core/model/rfm";
import type { RfmSegment } from "../../src/core/types";
import { packageInputs, README_SCORES, RFM_ANALYSIS_DATE, RFM_ORDERS_FILE } from "../core/model/rfmData";
import { ensureBuilt, records, sodatsu, tempDir } from "./run";

/**
 * The RFM lens through the command line, on the R package rfm's own sample orders as of its analysis date:
 * customers.csv carries the package's scores and segment codes, report.xlsx the segment names, summary.csv the
 * rules table. The lens is asked for in settings.json, as a consultant would.
 */
const dir = tempDir();
let run: Awaited<ReturnType<typeof sodatsu>>;

beforeAll(async () => {
  await ensureBuilt();
  const settings = join(dir, "settings.json");
  writeFileSync(settings, JSON.stringify({ showRfm: true }));
  run = await sodatsu([
    "analyze",
    RFM_ORDERS_FILE,
    "--as-of",
    RFM_ANALYSIS_DATE,
    "--settings",
    settings,
    "--format",
    "both",
    "--out",
    join(dir, "out"),
  ]);
});

const out = (file: string) => readFileSync(join(dir, "out", file), "utf8");

describe("RFM lens from the command line (rfm_data_orders, as of 2006-12-31)", () => {
  it("runs cleanly", () => {
    expect(run.stderr).not.toMatch(/error|エラー/i);
    expect(run.code).toBe(0);
  });

  it("writes rfm_r, rfm_f, rfm_m and rfm_segment last in customers.csv, equal to the package's method", () => {
    const rows = records(out("customers.csv"));
    expect(Object.keys(rows[0]).slice(-4)).toEqual(["rfm_r", "rfm_f", "rfm_m", "rfm_segment"]);
    const want = new Map(rfmScores(packageInputs()).customers.map((c) => [c.customerKey, c]));
    expect(rows).toHaveLength(want.size);
    for (const row of rows) {
      const c = want.get(row.customer_id);
      expect([row.rfm_r, row.rfm_f, row.rfm_m, row.rfm_segment], row.customer_id).toEqual([
        String(c?.recencyScore),
        String(c?.frequencyScore),
        String(c?.monetaryScore),
        c?.segment,
      ]);
    }
    // And the customers the package's README prints, score and segment as it prints them.
    const byId = new Map(rows.map((r) => [r.customer_id, r]));
    for (const [id, score, segment] of README_SCORES) {
      const r = byId.get(id);
      expect(`${r?.rfm_r}${r?.rfm_f}${r?.rfm_m}`).toBe(String(score));
      expect(RFM_SEGMENT_LABELS[r?.rfm_segment as RfmSegment].name.en).toBe(segment);
    }
  });

  it("shows the segment names in report.xlsx and the rules table in summary.csv", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "out", "report.xlsx"));
    const sheet = wb.worksheets[0];
    const header = sheet.getRow(1).values as unknown[];
    const col = header.indexOf("RFMセグメント");
    expect(col).toBe(header.length - 1);
    const names = new Set<unknown>();
    sheet.eachRow((row, n) => {
      if (n > 1) names.add(row.getCell(col).value);
    });
    for (const name of names)
      expect(Object.values(RFM_SEGMENT_LABELS).some((g) => g.name.ja === name)).toBe(true);
    expect(names).toContain("常連候補");

    const summary = out("summary.csv");
    expect(summary).toContain("RFM分析(もうひとつの見方)");
    expect(summary).toContain("最優良顧客,5,5,5,");
    expect(summary).toContain(RFM_SEGMENT_LABELS.cant_lose_them.action.ja);
  });
});
