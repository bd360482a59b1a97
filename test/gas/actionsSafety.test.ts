/**
 * Issue 4's safety promises through the built bundle, where the first tests left them unchecked: re-runs leave
 * nothing of an earlier month behind, a user sheet under an output's name in any case is never written, the
 * optional tables' unusable rows reach the run log, a blank time zone means the spreadsheet's, and an input sheet
 * too large for a run is refused before it is read.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  generatedSheet,
  generatedSheets,
  type Harness,
  orderRows,
  preparedShop,
  setSetting,
  sheetValues,
  snapshotOf,
} from "./actionsHarness";
import { ensureBundle } from "./loadBundle";

beforeAll(ensureBundle);

/** The newest 最終購入日 on the customer sheet, as the calendar day Sheets shows in `timeZone`. */
function latestPurchase(h: Harness, timeZone: string): string | undefined {
  const values = h.world.ss.exposed().getSheetByName("顧客")?.getDataRange().getValues() ?? [];
  const col = values[0].indexOf("最終購入日");
  const ymd = new Intl.DateTimeFormat("en-CA", { timeZone });
  return values
    .slice(1)
    .map((r) => ymd.format(r[col] as Date))
    .sort()
    .at(-1);
}

describe("re-runs", () => {
  it("give the same sheets for a month after another month was run in between (nothing left behind)", () => {
    const h = preparedShop();
    h.gas.call("menuRunAnalysis");
    const october = snapshotOf(generatedSheets(h.world));
    setSetting(h.world, "asOf", "2025-06-30"); // fewer customers, shorter sheets
    h.gas.call("menuRunAnalysis");
    expect(snapshotOf(generatedSheets(h.world))).not.toEqual(october);
    setSetting(h.world, "asOf", "2026-10-31");
    h.gas.call("menuRunAnalysis");
    expect(snapshotOf(generatedSheets(h.world))).toEqual(october);
    expect(h.world.ui.alerts).toEqual([]);
  });

  it("write into the same sheets when the user renamed them, and redraw a chart the user deleted", () => {
    const h = preparedShop();
    h.gas.call("menuRunAnalysis");
    const customers = generatedSheet(h.world, "customers");
    if (!customers) throw new Error("no customer sheet");
    customers.name = "顧客 2026年10月";
    const dashboard = generatedSheet(h.world, "dashboard");
    dashboard?.charts.splice(0);
    h.gas.call("menuRunAnalysis");
    expect(generatedSheet(h.world, "customers")).toBe(customers);
    expect(h.world.ss.sheetNamed("顧客")).toBeUndefined();
    expect(dashboard?.charts).toHaveLength(1);
  });
});

describe("the index of generated sheets", () => {
  it("makes a new output when the user deleted one, under its own name", () => {
    const h = preparedShop();
    h.gas.call("menuRunAnalysis");
    const followUp = generatedSheet(h.world, "followUp");
    if (!followUp) throw new Error("no follow-up sheet");
    h.world.ss.deleteSheet(followUp);
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts).toEqual([]);
    expect(generatedSheet(h.world, "followUp")?.name).toBe("フォロー");
    expect(generatedSheets(h.world)).toHaveLength(4);
  });

  it("read as empty when damaged: new outputs go beside the old sheets, which are left alone", () => {
    const h = preparedShop();
    h.gas.call("menuRunAnalysis");
    const old = h.world.ss.sheetNamed("顧客");
    const before = old?.snapshot();
    const index = h.world.ss.metadata.find((m) => m.key === "sodatsu.sheets");
    index?.setValue("not json");
    h.gas.call("menuRunAnalysis");
    expect(old?.snapshot()).toBe(before);
    expect(generatedSheet(h.world, "customers")?.name).toBe("顧客 (Sodatsu)");
  });
});

describe("a user sheet with an output's name", () => {
  it("is never written, whatever the case of its name (Sheets compares names without case)", () => {
    const h = preparedShop(undefined, { locale: "en_US" });
    const rows = orderRows(300);
    rows[0] = ["customer_id", "order_id", "order_date", "amount", "status", "name"];
    h.world.ss.sheetNamed("Orders")?.clearContents().paste(rows);
    const mine = h.world.ss.addSheetWithValues("customers", [["my own list"]]);
    const before = mine.snapshot();
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts).toEqual([]);
    expect(mine.snapshot()).toBe(before);
    expect(generatedSheet(h.world, "customers")?.name).toBe("Customers (Sodatsu)");
    expect(h.world.ss.toasts.at(-1)?.message).toContain('"Customers" went to "Customers (Sodatsu)"');
  });

  it("is never written by the diagnosis either", () => {
    const h = preparedShop();
    const mine = h.world.ss.addSheetWithValues("CRM診断", [["前回の診断メモ"]]);
    const before = mine.snapshot();
    h.gas.call("menuCreateDiagnosis");
    h.gas.call("menuCreateDiagnosis");
    expect(mine.snapshot()).toBe(before);
    expect(generatedSheet(h.world, "diagnosis")?.name).toBe("CRM診断 (Sodatsu)");
  });
});

describe("the run log", () => {
  it("lists rows of the optional sheets that could not be used, with their row number and reason", () => {
    const h = preparedShop();
    h.world.ss.sheetNamed("会員")?.paste([
      ["顧客ID", "会員状態", "変更日"],
      ["C000010", "継続", "2026-01-01"],
      ["C000011", "たぶん続ける", "2026-01-01"],
    ]);
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts).toEqual([]);
    const log = sheetValues(h.world.ss.sheetNamed("実行ログ") as never);
    const line = log.find((r) => r[0] === 3 && String(r[3]).includes("たぶん続ける"));
    expect(line).toBeDefined();
    expect(String(line?.[3])).toMatch(/会員/);
    expect(String(line?.[3])).toMatch(/継続・休会・退会/);
  });
});

describe("a run", () => {
  it("shows its progress before the long read, and the result at the end", () => {
    const h = preparedShop();
    h.world.log.reset();
    const shown = h.world.ss.toasts.length; // the template's own toast
    h.gas.call("menuRunAnalysis");
    const order = h.world.log.calls.map((c) => `${c.name}@${c.sheet ?? ""}`);
    const firstToast = order.indexOf("Spreadsheet.toast@");
    expect(firstToast).toBeGreaterThanOrEqual(0);
    expect(firstToast).toBeLessThan(order.indexOf("Range.getValues@注文"));
    expect(h.world.ss.toasts.slice(shown).map((t) => t.message)).toEqual([
      expect.stringMatching(/読み込んで分析しています/),
      expect.stringMatching(/分析が終わりました/),
    ]);
  });

  it("takes today in the spreadsheet's time zone as the as-of date when the settings give none", () => {
    const h = preparedShop(orderRows(300), { timeZone: "Pacific/Auckland" });
    setSetting(h.world, "asOf", "");
    const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(new Date());
    const before = today();
    h.gas.call("menuRunAnalysis");
    const after = today();
    expect(h.world.ui.alerts).toEqual([]);
    const log = sheetValues(h.world.ss.sheetNamed("実行ログ") as never);
    expect([before, after]).toContain(String(log[0][2]).replace(/^'/, ""));
  });
});

describe("time zone", () => {
  // The fixture's newest order is 2026-10-31 10:00 in Tokyo, which is still 2026-10-30 in Los Angeles.
  it("a blank time zone in the settings means the spreadsheet's", () => {
    const h = preparedShop(orderRows(300), { timeZone: "America/Los_Angeles" });
    setSetting(h.world, "timeZone", "");
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts).toEqual([]);
    expect(latestPurchase(h, "America/Los_Angeles")).toBe("2026-10-30");
  });

  it("a time zone in the settings wins over the spreadsheet's", () => {
    const h = preparedShop(orderRows(300), { timeZone: "America/Los_Angeles" });
    setSetting(h.world, "timeZone", "Asia/Tokyo");
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts).toEqual([]);
    expect(latestPurchase(h, "America/Los_Angeles")).toBe("2026-10-31");
  });
});

describe("input beyond what a run can hold", () => {
  it("is refused before its cells are read, with a message that points to the command line", () => {
    const h = preparedShop(orderRows(10));
    const visits = h.world.ss.sheetNamed("来館");
    if (!visits) throw new Error("no 来館");
    visits.maxRows = 300_002;
    visits.setCell(300_002, 1, { value: "C000001" }); // one row past the limit (sparse: no memory needed)
    h.world.log.reset();
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts[0]?.message).toMatch(/「来館」シートが 300,001 行.*コマンドライン/s);
    expect(h.world.log.calls.filter((c) => c.name === "Range.getValues" && c.sheet === "来館")).toEqual([]);
    expect(generatedSheets(h.world)).toEqual([]);
  });
});
