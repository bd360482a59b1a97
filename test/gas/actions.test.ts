import { beforeAll, describe, expect, it } from "vitest";
import { REPORT_SHEETS } from "../../src/report/layout";
import {
  generatedSheet,
  generatedSheets,
  HOSTILE_NAMES,
  newHarness,
  ORDER_HEADER,
  orderRows,
  preparedShop,
  setSetting,
  sheetValues,
  snapshotOf,
  templateShop,
} from "./actionsHarness";
import { ensureBundle } from "./loadBundle";

beforeAll(ensureBundle);

const OUTPUTS = REPORT_SHEETS.map((s) => s.title.ja);

describe("テンプレートを準備 (setupTemplate)", () => {
  it("creates the input sheets with headers and notes, and 設定 with both named ranges", () => {
    const h = templateShop();
    const names = h.world.ss.sheets.map((s) => s.name);
    for (const n of ["注文", "会員", "関係行動", "来館", "アンケート", "設定"]) expect(names).toContain(n);
    const orders = h.world.ss.sheetNamed("注文");
    expect(orders?.cellAt(1, 1)?.value).toBe("顧客ID");
    expect(orders?.notes.size).toBe(1);
    const settings = h.world.ss.namedRanges.find((n) => n.name === "SODATSU_SETTINGS");
    expect(settings?.numCols).toBe(2);
    expect(settings?.sheet.cellAt(settings.row, 1)?.value).toBe("activeDays");
    expect(settings?.sheet.cellAt(settings.row, 2)?.value).toBe("30");
    expect(h.world.ss.namedRanges.some((n) => n.name === "SODATSU_MAPPING")).toBe(true);
  });

  it("leaves a sheet that already holds data as it is, and keeps edited settings on a second run", () => {
    const h = newHarness();
    const mine = h.world.ss.addSheetWithValues("注文", [
      ["my", "own"],
      ["data", 1],
    ]);
    const before = mine.snapshot();
    h.gas.call("menuSetupTemplate");
    expect(mine.snapshot()).toBe(before);
    setSetting(h.world, "activeDays", "25");
    h.gas.call("menuSetupTemplate");
    const s = h.world.ss.sheetNamed("設定");
    const row = [...Array(40).keys()].find((r) => s?.cellAt(r + 1, 1)?.value === "activeDays");
    expect(s?.cellAt((row ?? 0) + 1, 2)?.value).toBe("25");
  });
});

describe("顧客分析を実行 (runAnalysis)", () => {
  it("writes the four report sheets, marked as generated, with one setValues each and a state chart", () => {
    const h = preparedShop();
    h.world.log.reset();
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts).toEqual([]);
    const generated = generatedSheets(h.world).map((s) => s.name);
    expect(generated).toEqual(OUTPUTS);
    expect(h.world.log.named("Range.setValues").map((c) => c.sheet)).toEqual(OUTPUTS);
    const customers = sheetValues(h.world.ss.sheetNamed("顧客") as never);
    expect(customers[0]).toContain("顧客ID");
    expect(customers.length).toBeGreaterThan(50);
    const dashboard = h.world.ss.sheetNamed("ダッシュボード");
    expect(dashboard?.charts).toHaveLength(1);
    expect(dashboard?.charts[0].ranges[0]).toBe("ダッシュボード!A2:C10");
    expect(h.world.ss.toasts.at(-1)?.message).toMatch(/分析が終わりました/);
    expect(h.world.lock.acquisitions).toBe(h.world.lock.releases);
  });

  it("counts each state on the dashboard as many times as the customer sheet shows it", () => {
    const h = preparedShop();
    h.gas.call("menuRunAnalysis");
    const customers = sheetValues(h.world.ss.sheetNamed("顧客") as never);
    const stateCol = customers[0].indexOf("状態");
    expect(stateCol).toBeGreaterThanOrEqual(0);
    const dash = sheetValues(h.world.ss.sheetNamed("ダッシュボード") as never);
    for (const row of dash.slice(2, 10)) {
      const shown = customers.slice(1).filter((c) => c[stateCol] === row[0]).length;
      expect(row[1]).toBe(shown);
    }
  });

  it("reads the input sheets only: every input sheet is byte-identical after every action and sidebar call", () => {
    const h = preparedShop();
    const inputs = ["注文", "会員", "関係行動", "来館", "アンケート"].map((n) => h.world.ss.sheetNamed(n));
    const before = inputs.map((s) => s?.snapshot());
    h.world.log.reset();
    for (const action of ["menuRunAnalysis", "menuCreateDiagnosis", "menuRunAnalysis", "menuSetupTemplate"]) {
      h.gas.call(action);
      expect(inputs.map((s) => s?.snapshot())).toEqual(before);
    }
    // The sidebar's server functions too: reading the state, previewing, applying the suggestion, saving.
    const state = h.gas.call("getSidebarState") as { settings: Record<string, unknown> };
    const edited = { ...state.settings, activeDays: 25 };
    for (const [fn, arg] of [
      ["previewSettings", edited],
      ["applySuggestedThresholds", edited],
      ["saveSettings", edited],
      ["saveMapping", { "orders.customer": "顧客ID" }],
    ] as const) {
      h.gas.call(fn, arg);
      expect(inputs.map((s) => s?.snapshot())).toEqual(before);
    }
    const writes = h.world.log.calls.filter(
      (c) => /set|insert|delete|clear/i.test(c.name) && c.sheet !== undefined,
    );
    expect(
      writes.filter((c) => ["注文", "会員", "関係行動", "来館", "アンケート"].includes(c.sheet ?? "")),
    ).toEqual([]);
  });

  it("writes purchase days as real dates of the right calendar day in the spreadsheet's zone", () => {
    const h = preparedShop();
    h.gas.call("menuRunAnalysis");
    const sheet = h.world.ss.sheetNamed("顧客");
    if (!sheet) throw new Error("no 顧客");
    const values = h.world.ss.exposed().getSheetByName("顧客")?.getDataRange().getValues() ?? [];
    const col = values[0].indexOf("最終購入日");
    const days = values.slice(1).map((r) => r[col]);
    expect(days.every((d) => d instanceof Date)).toBe(true);
    const ymd = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(d);
    const latest = days
      .map((d) => ymd(d as Date))
      .sort()
      .at(-1);
    expect(latest).toBe("2026-10-31"); // the fixture's newest order, 10:00 in Tokyo on the as-of day
  });

  it("keeps names that look like formulas as text", () => {
    const h = preparedShop();
    h.gas.call("menuRunAnalysis");
    const sheet = h.world.ss.sheetNamed("顧客");
    if (!sheet) throw new Error("no 顧客");
    const values = sheetValues(sheet);
    const nameCol = values[0].indexOf("氏名");
    expect(nameCol).toBeGreaterThanOrEqual(0);
    const names = values.map((r) => r[nameCol]);
    for (const hostile of HOSTILE_NAMES) expect(names).toContain(hostile);
    // No cell of any report sheet is a formula: nothing from the data can run.
    for (const out of generatedSheets(h.world))
      for (let r = 1; r <= out.getLastRow(); r++)
        for (let c = 1; c <= out.getLastColumn(); c++) expect(out.cellAt(r, c)?.formula).toBeUndefined();
  });

  it("gives identical sheets when run again for the same month", () => {
    const h = preparedShop();
    h.gas.call("menuRunAnalysis");
    const first = snapshotOf(generatedSheets(h.world));
    h.gas.call("menuRunAnalysis");
    expect(snapshotOf(generatedSheets(h.world))).toEqual(first);
    expect(h.world.ss.sheets.length).toBe(new Set(h.world.ss.sheets.map((s) => s.name)).size);
  });

  it("never touches a user sheet called 顧客: the output goes to 顧客 (Sodatsu) and the toast says so", () => {
    const h = preparedShop();
    const mine = h.world.ss.addSheetWithValues("顧客", [["私のメモ"], ["大事な顧客リスト"]]);
    const before = mine.snapshot();
    h.gas.call("menuRunAnalysis");
    expect(h.world.ss.toasts.at(-1)?.message).toContain("「顧客」は「顧客 (Sodatsu)」");
    h.gas.call("menuRunAnalysis");
    expect(mine.snapshot()).toBe(before);
    expect(generatedSheet(h.world, "customers")?.name).toBe("顧客 (Sodatsu)");
    expect(h.world.ss.sheets.filter((s) => s.name.startsWith("顧客"))).toHaveLength(2);
  });

  it("waits for a run in progress instead of interleaving, and writes nothing", () => {
    const h = preparedShop();
    h.world.lock.heldByOther = true;
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts[0]?.message).toMatch(/別の分析が実行中/);
    expect(generatedSheets(h.world)).toEqual([]);
  });

  it("explains an empty orders sheet and a header it cannot read, naming the headers it saw", () => {
    const empty = templateShop();
    empty.gas.call("menuRunAnalysis");
    expect(empty.world.ui.alerts[0]?.message).toMatch(/注文.*データがありません/);
    expect(empty.world.lock.held).toBe(false); // released although the run stopped inside the lock

    const bad = newHarness();
    bad.world.ss.addSheetWithValues("注文", [
      ["foo", "bar"],
      ["x", "y"],
    ]);
    bad.gas.call("menuRunAnalysis");
    expect(bad.world.ui.alerts[0]?.message).toMatch(/foo/);
    expect(generatedSheets(bad.world)).toEqual([]);
  });

  it("says when the results would pass the spreadsheet's 10 million cells, pointing to the command line", () => {
    const h = preparedShop();
    const used = h.world.ss.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
    const big = h.world.ss.addSheetWithValues("大きな表", [["x"]]);
    big.maxRows = Math.floor((9_999_000 - used) / big.maxCols);
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts[0]?.message).toMatch(/1,000万セル.*コマンドライン/);
  });

  it("uses the column mapping from the settings sheet when the header is unusual", () => {
    const h = templateShop();
    const rows = orderRows(200).map((r, i) =>
      i === 0 ? ["お客さま", "伝票", "いつ", "いくら", "状況", "おなまえ"] : r,
    );
    const orders = h.world.ss.sheetNamed("注文");
    orders?.clearContents();
    orders?.paste(rows);
    setSetting(h.world, "asOf", "2026-10-31");
    const mapping = h.world.ss.namedRanges.find((n) => n.name === "SODATSU_MAPPING");
    if (!mapping) throw new Error("no mapping range");
    const put = (key: string, header: string) => {
      for (let r = mapping.row; r < mapping.row + mapping.numRows; r++)
        if (mapping.sheet.cellAt(r, mapping.col)?.value === key)
          mapping.sheet.setCell(r, mapping.col + 1, { value: header });
    };
    put("orders.customer", "お客さま");
    put("orders.date", "いつ");
    put("orders.amount", "いくら");
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts).toEqual([]);
    expect(sheetValues(h.world.ss.sheetNamed("顧客") as never).length).toBeGreaterThan(10);
  });

  it("refuses invalid settings with a message naming the field", () => {
    const h = preparedShop();
    setSetting(h.world, "activeDays", "abc");
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts[0]?.message).toMatch(/activeDays/);
    expect(generatedSheets(h.world)).toEqual([]);
  });

  it("works in English end to end when the spreadsheet's locale is English", () => {
    const h = newHarness({ locale: "en_US", timeZone: "America/Los_Angeles" });
    h.world.ss.addSheetWithValues("Sheet1", []);
    h.gas.call("menuSetupTemplate");
    for (const n of ["Orders", "Members", "Engagement", "Visits", "Survey", "設定"])
      expect(h.world.ss.sheets.map((s) => s.name)).toContain(n);
    const rows = orderRows(300);
    rows[0] = ["customer_id", "order_id", "order_date", "amount", "status", "name"];
    h.world.ss.sheetNamed("Orders")?.paste(rows);
    setSetting(h.world, "asOf", "2026-10-31");
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts).toEqual([]);
    expect(generatedSheets(h.world).map((s) => s.name)).toEqual(REPORT_SHEETS.map((s) => s.title.en));
    expect(h.world.ss.toasts.at(-1)?.message).toMatch(/Analysis finished/);
  });

  it("keeps the header of the template in the fixture (guards the tests above)", () => {
    expect(orderRows(3)[0]).toEqual(ORDER_HEADER);
  });
});
