import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { plainRow } from "../../src/core/customerTable";
import { dayFromYmd } from "../../src/core/day";
import { RFM_SEGMENT_LABELS, rfmScores } from "../../src/core/model/rfm";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { AnalysisResult, OrderMapping } from "../../src/core/types";
import type { Cell } from "../../src/report/cell";
import { CUSTOMER_COLUMNS, columnFormats, customerColumns, reportGrid } from "../../src/report/layout";
import { packageInputs, RFM_ANALYSIS_DATE, RFM_ORDERS_FILE } from "../core/model/rfmData";

/** The 20 stable ids of customers.csv (issue 5), in order. */
const STABLE =
  "customer_id purchases orders monetary first_purchase last_purchase previous_purchase recency_days tenure_days state stage previous_state vip vip_score continuation_score relationship_score relationship_points next_action segment engaged".split(
    " ",
  );
const RFM_IDS = ["rfm_r", "rfm_f", "rfm_m", "rfm_segment"];

/** rfm_data_orders as the CLI or a sheet would hand it over: every row an order (the file has no order id). */
function run(showRfm: boolean): AnalysisResult {
  const [header, ...lines] = readFileSync(RFM_ORDERS_FILE, "utf8").trim().split("\n");
  const mapping: OrderMapping = { customer: 0, date: 1, amount: 2, amountKind: "line_amount" };
  return analyze({
    orders: { rows: lines.map((l) => l.split(",")), mapping, headers: header.split(",") },
    settings: { ...DEFAULT_SETTINGS, asOf: RFM_ANALYSIS_DATE, showRfm },
    asOf: dayFromYmd(2006, 12, 31),
  });
}

const column = (grid: Cell[][], id: string) => grid.slice(1).map((row) => row[grid[0].indexOf(id)]);

describe("customer columns with the RFM lens", () => {
  it("keeps the twenty stable ids first and in order, and appends the lens at the very end", () => {
    expect(CUSTOMER_COLUMNS.slice(0, 20).map((c) => c.id)).toEqual(STABLE);
    expect(CUSTOMER_COLUMNS.slice(-4).map((c) => c.id)).toEqual(RFM_IDS);
    expect(new Set(CUSTOMER_COLUMNS.map((c) => c.id)).size).toBe(CUSTOMER_COLUMNS.length);
  });

  it("shows the lens only when showRfm is on; the columns in force are a prefix of all of them", () => {
    const off = customerColumns({ showRfm: false });
    expect(off.map((c) => c.id)).toEqual(CUSTOMER_COLUMNS.slice(0, -4).map((c) => c.id));
    expect(customerColumns({ showRfm: true })).toBe(CUSTOMER_COLUMNS);
    // Adapters that pass no settings get every format: still aligned with the narrower grid.
    expect(columnFormats("customers", { showRfm: false })).toEqual(
      columnFormats("customers")?.slice(0, off.length),
    );
  });
});

describe("the report with the lens on and off (rfm_data_orders as of 2006-12-31)", () => {
  const on = run(true);
  const off = run(false);
  const reference = new Map(rfmScores(packageInputs()).customers.map((c) => [c.customerKey, c]));

  it("writes the package's scores and the segment code for programs", () => {
    const grid = reportGrid(on, "customers", "ja", "codes");
    expect(grid[0].slice(0, 20)).toEqual(STABLE);
    expect(grid[0].slice(-4)).toEqual(RFM_IDS);
    const [keys, r, f, m, segment] = ["customer_id", ...RFM_IDS].map((id) => column(grid, id));
    expect(keys).toHaveLength(995);
    keys.forEach((key, i) => {
      const want = reference.get(String(key));
      expect(want, String(key)).toBeDefined();
      expect([r[i], f[i], m[i], segment[i]]).toEqual([
        want?.recencyScore,
        want?.frequencyScore,
        want?.monetaryScore,
        want?.segment,
      ]);
    });
  });

  it("shows the segment's name to people, in their language", () => {
    for (const lang of ["ja", "en"] as const) {
      const grid = reportGrid(on, "customers", lang, "labels");
      const title = lang === "ja" ? "RFMセグメント" : "RFM segment";
      const i = grid[0].indexOf(title);
      expect(i).toBe(grid[0].length - 1);
      const abbey = grid.find((row) => row[0] === "Abbey O'Reilly");
      expect(abbey?.[i]).toBe(RFM_SEGMENT_LABELS.potential_loyalist.name[lang]);
    }
  });

  it("leaves the customer sheet, the dashboard and the results as they were when the lens is off", () => {
    const grid = reportGrid(off, "customers", "ja", "codes");
    for (const id of RFM_IDS) expect(grid[0]).not.toContain(id);
    expect(off.customers.every((c) => c.rfm === null)).toBe(true);
    expect(off.rfmBins).toBeNull();
    const dashOff = reportGrid(off, "dashboard", "ja", "labels");
    const dashOn = reportGrid(on, "dashboard", "ja", "labels");
    expect(dashOn.slice(0, dashOff.length)).toEqual(dashOff);
    expect(dashOff.flat()).not.toContain("RFM分析(もうひとつの見方)");
    const strip = (r: AnalysisResult) => ({
      ...r,
      settings: null,
      rfmBins: null,
      customers: r.customers.map((c) => ({ ...plainRow(c), rfm: null })),
    });
    expect(strip(on)).toEqual(strip(off));
  });

  it("puts the rules table on the dashboard: ranges, customers per segment, meaning and action", () => {
    for (const lang of ["ja", "en"] as const) {
      const dash = reportGrid(on, "dashboard", lang, "labels");
      const title = lang === "ja" ? "RFM分析(もうひとつの見方)" : "RFM analysis (another lens)";
      const start = dash.findIndex((row) => row[0] === title);
      expect(start).toBeGreaterThan(0);
      const table = dash.slice(start + 3, start + 14);
      expect(table.map((row) => row[0])).toEqual(Object.values(RFM_SEGMENT_LABELS).map((g) => g.name[lang]));
      const champions = table[0];
      expect(champions.slice(1, 4)).toEqual([5, 5, 5]);
      expect(champions[5]).toBe(RFM_SEGMENT_LABELS.champions.meaning[lang]);
      expect(champions[6]).toBe(RFM_SEGMENT_LABELS.champions.action[lang]);
      expect(table[1].slice(1, 4)).toEqual(lang === "ja" ? ["3〜5", "3〜5", "2〜5"] : ["3–5", "3–5", "2–5"]);
      // Every customer is counted in exactly one segment.
      expect(table.reduce((sum, row) => sum + Number(row[4]), 0)).toBe(995);
      const counted = on.customers.filter((c) => c.rfm?.segment === "champions").length;
      expect(champions[4]).toBe(counted);
    }
  });

  it("says what each score means in days, orders and money, from the package's cut points", () => {
    const dash = reportGrid(on, "dashboard", "ja", "labels");
    const start = dash.findIndex((row) => row[0] === "このお店での点数の目安");
    const scores = dash.slice(start + 2, start + 7);
    expect(scores.map((row) => row[0])).toEqual([5, 4, 3, 2, 1]);
    // Cut points of the package on this data: recency 115, 181, 297, 482 (+1 quirk included), frequency 4…8.
    expect(scores[0][1]).toBe("1〜114日");
    expect(scores[4][1]).toBe("482〜976日");
    expect(scores.map((row) => row[2])).toEqual(["8〜14回", "6〜7回", "5回", "4回", "1〜3回"]);
    expect(scores[0][3]).toBe("666以上 1,489未満");
  });
});
