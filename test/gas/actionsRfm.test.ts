import { beforeAll, describe, expect, it } from "vitest";
import { RFM_SEGMENT_LABELS } from "../../src/core/model/rfm";
import { preparedShop, setSetting, sheetValues, templateShop } from "./actionsHarness";
import { ensureBundle } from "./loadBundle";

beforeAll(ensureBundle);

/** The RFM lens in the add-on: showRfm on the 設定 sheet adds the columns and the dashboard table, through the bundle. */
function run(showRfm: string | null) {
  const h = preparedShop();
  if (showRfm !== null) setSetting(h.world, "showRfm", showRfm);
  h.gas.call("menuRunAnalysis");
  expect(h.world.ui.alerts).toEqual([]);
  const sheet = (name: string) => {
    const s = h.world.ss.sheetNamed(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return sheetValues(s);
  };
  const customers = sheet("顧客");
  // Number formats of the first data row, column by column: what the layout's column formats made of it.
  const firstRowFormats = customers[0].map((_, j) => h.world.ss.sheetNamed("顧客")?.formatAt(2, j + 1));
  return { customers, dashboard: sheet("ダッシュボード"), firstRowFormats };
}

describe("showRfm on the 設定 sheet", () => {
  it("is listed there, off, after the template is set up", () => {
    const h = templateShop();
    const rows = sheetValues(h.world.ss.sheetNamed("設定") as never);
    const row = rows.find((r) => r[0] === "showRfm");
    expect(row?.[1]).toBe("false");
    expect(String(row?.[2])).toContain("RFM");
  });

  it("TRUE adds the four RFM columns last and the segment table to the dashboard", () => {
    const { customers, dashboard } = run("TRUE");
    expect(customers[0].slice(-4)).toEqual(["RFM 最近さ(R)", "RFM 回数(F)", "RFM 金額(M)", "RFMセグメント"]);
    const names = new Set(Object.values(RFM_SEGMENT_LABELS).map((g) => g.name.ja));
    for (const row of customers.slice(1)) {
      for (const score of row.slice(-4, -1)) expect([1, 2, 3, 4, 5]).toContain(score);
      expect(names.has(String(row.at(-1)))).toBe(true);
    }
    const title = dashboard.findIndex((r) => r[0] === "RFM分析(もうひとつの見方)");
    expect(title).toBeGreaterThan(0);
    expect(dashboard[title + 3][0]).toBe("最優良顧客");
    const counted = dashboard.slice(title + 3, title + 14).reduce((sum, r) => sum + Number(r[4]), 0);
    expect(counted).toBe(customers.length - 1);
  });

  it("TRUE formats the RFM scores as whole numbers and the segment as plain", () => {
    const { firstRowFormats } = run("TRUE");
    expect(firstRowFormats.slice(-4)).toEqual(["#,##0", "#,##0", "#,##0", "General"]);
  });

  it("left as it is, the customer sheet and dashboard have no RFM at all", () => {
    const { customers, dashboard } = run(null);
    expect(customers[0]).not.toContain("RFMセグメント");
    expect(customers[0].at(-1)).toBe("離脱の兆し");
    expect(dashboard.some((r) => r[0] === "RFM分析(もうひとつの見方)")).toBe(false);
  });
});
