import { afterEach, describe, expect, it, vi } from "vitest";
import { analyze, DEFAULT_SETTINGS, parseIsoDay, suggestThresholds } from "../../src/core/index";
import { MAX_INPUT_ROWS } from "../../src/gas/actions/sizeLimits";
import { readMapping, readSettings } from "../../src/gas/settingsSheet";
import {
  applySuggestedThresholdsOf,
  getSidebarState,
  previewSettingsOf,
  saveMappingOf,
  saveSettingsOf,
  sidebarStateOf,
} from "../../src/gas/sidebarServer";
import { serverWorld } from "./serverWorld";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("sidebar server", () => {
  it("getSidebarState: settings in force, the orders sheet's headers, detected columns and a preview", () => {
    const { ss, settings } = serverWorld();
    const state = sidebarStateOf(ss);
    expect(state.settings).toEqual(settings);
    expect(state.settingsErrors).toEqual([]);
    expect(state.orders.sheetName).toBe("注文");
    expect(state.orders.headers).toEqual([
      "顧客ID",
      "注文番号",
      "注文日時",
      "合計金額",
      "ステータス",
      "氏名",
    ]);
    expect(state.orders.detected["orders.customer"]).toBe("顧客ID");
    expect(state.orders.detected["orders.date"]).toBe("注文日時");
    expect(state.orders.rows).toBe(400);
    expect(state.preview?.asOf).toBe("2026-10-31");
    const total = Object.values(state.preview?.counts ?? {}).reduce((a, b) => a + b, 0);
    expect(total).toBe(state.preview?.customers);
    expect(state.preview?.customers).toBeGreaterThan(0);
    // The top-level entry point (what google.script.run calls) reads the active spreadsheet: the same answer.
    expect(getSidebarState()).toEqual(state);
  });

  it("previewSettings counts exactly what a run under those settings would, and writes nothing", () => {
    const { world, ss, settings } = serverWorld();
    const wider = { ...settings, activeDays: 90, atRiskDays: 180, vipRecencyDays: 120 };
    const before = readSettings(ss);
    const result = previewSettingsOf(ss, wider);
    if (!result.ok) throw new Error("refused");
    const rows = world.ss.sheetNamed("注文")?.getDataRange().getValues() ?? [];
    const header = rows[0];
    const run = analyze({
      orders: {
        rows: rows.slice(1),
        headers: header.map(String),
        mapping: {
          customer: 0,
          orderId: 1,
          date: 2,
          amount: 3,
          amountKind: "order_total",
          status: 4,
          name: 5,
        },
      },
      settings: wider,
      asOf: parseIsoDay("2026-10-31") ?? 0,
    });
    expect(result.preview?.counts).toEqual(run.stateCounts.current);
    const narrow = previewSettingsOf(ss, settings);
    if (!narrow.ok) throw new Error("refused");
    expect(result.preview?.counts.dormant).toBeLessThan(narrow.preview?.counts.dormant ?? 0);
    expect(readSettings(ss)).toEqual(before);
  });

  it("refuses invalid settings with a message that names the field, on preview and on save", () => {
    const { ss, settings } = serverWorld();
    const bad = { ...settings, activeDays: 80, atRiskDays: 60 };
    const preview = previewSettingsOf(ss, bad);
    expect(preview.ok).toBe(false);
    const saved = saveSettingsOf(ss, bad);
    expect(saved).toMatchObject({ ok: false, errors: [{ field: "atRiskDays" }] });
    if (!saved.ok) expect(saved.errors[0].message.ja).toContain("休眠とみなす日数");
    expect(readSettings(ss).settings).toEqual(settings);
  });

  it("saveSettings writes the 設定 sheet that the next run reads", () => {
    const { ss, settings } = serverWorld();
    const edited = { ...settings, activeDays: 21, vipTopPercent: 2.5, language: "en" as const };
    expect(saveSettingsOf(ss, edited)).toEqual({ ok: true, settings: edited });
    expect(readSettings(ss)).toEqual({ settings: edited, errors: [] });
  });

  it("saveSettings under a running analysis (document lock held) answers with a message, not a crash", () => {
    const { world, ss, settings } = serverWorld();
    world.lock.heldByOther = true;
    const result = saveSettingsOf(ss, { ...settings, activeDays: 20 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message.ja).toContain("別の分析が実行中");
    world.lock.heldByOther = false;
  });

  it("applySuggestedThresholds applies suggestThresholds of the shop's median interval, not saved", () => {
    const { ss, settings } = serverWorld();
    const result = applySuggestedThresholdsOf(ss, settings);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const median = result.cycle.medianDays;
    expect(median).not.toBeNull();
    expect(result.cycle.suggested).toEqual(suggestThresholds(median));
    expect(result.settings).toEqual({ ...settings, ...suggestThresholds(median) });
    expect(sidebarStateOf(ss).preview?.cycle.medianDays).toBe(median);
    expect(readSettings(ss).settings).toEqual(settings);
  });

  it("applySuggestedThresholds without orders says why", () => {
    const { ss, settings } = serverWorld(0);
    const result = applySuggestedThresholdsOf(ss, settings);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message.ja).toContain("注文");
    expect(sidebarStateOf(ss).orders.sheetName).toBeNull();
    expect(sidebarStateOf(ss).previewNote?.ja).toContain("注文");
  });

  it("saveMapping stores chosen headers, leaves blanks automatic and checks the headers exist", () => {
    const { ss } = serverWorld();
    const ok = saveMappingOf(ss, { "orders.customer": "氏名", "orders.name": "顧客ID", "orders.status": "" });
    expect(ok).toEqual({ ok: true, mapping: { "orders.customer": "氏名", "orders.name": "顧客ID" } });
    expect(readMapping(ss)).toEqual({ "orders.customer": "氏名", "orders.name": "顧客ID" });
    const bad = saveMappingOf(ss, { "orders.date": "購入日", "orders.amountKind": "sum" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map((e) => e.field)).toEqual(["orders.date", "orders.amountKind"]);
      expect(bad.errors[0].message.ja).toContain("購入日");
    }
    // A refused mapping leaves the stored one as it was.
    expect(readMapping(ss)).toEqual({ "orders.customer": "氏名", "orders.name": "顧客ID" });
  });

  it("saveMapping keeps corrections for the other input sheets", () => {
    const { ss } = serverWorld();
    expect(saveMappingOf(ss, { "orders.customer": "顧客ID" }).ok).toBe(true);
    // A correction typed on the 設定 sheet for the Visits sheet survives a save from the sidebar.
    const named = ss.getRangeByName("SODATSU_MAPPING");
    const values = named?.getValues() ?? [];
    const row = values.findIndex((r) => r[0] === "visits.date");
    named?.getCell(row + 1, 2).setValue("来館日");
    expect(saveMappingOf(ss, { "orders.customer": "" }).ok).toBe(true);
    expect(readMapping(ss)).toEqual({ "visits.date": "来館日" });
  });

  it("an orders sheet too large for the sidebar is counted, not read, and the note points to the command line", () => {
    const { world, ss, settings } = serverWorld(10);
    const sheet = world.ss.sheetNamed("注文");
    if (!sheet) throw new Error("no orders sheet");
    sheet.maxRows = MAX_INPUT_ROWS + 2;
    sheet.setCell(MAX_INPUT_ROWS + 2, 1, { value: "C999999" }); // one row past the limit (sparse)
    const before = world.log.named("Sheet.getDataRange").length;
    const result = previewSettingsOf(ss, settings);
    expect(result).toMatchObject({ ok: true, preview: null });
    if (result.ok) expect(result.note?.ja).toContain("コマンドライン");
    expect(world.log.named("Sheet.getDataRange").length).toBe(before);
  });

  it("finds the orders sheet and asks its size once per call, whatever else it reads", () => {
    const { world, ss, settings } = serverWorld();
    const callsOf = (run: () => unknown) => {
      world.log.reset();
      run();
      return {
        total: world.log.calls.length,
        lastRow: world.log.count((c) => c.name === "Sheet.getLastRow" && c.sheet === "注文"),
        lookups: world.log.count((c) => c.name === "Spreadsheet.getSheetByName" && c.args[0] === "注文"),
        headerReads: world.log.count((c) => c.name === "Sheet.getLastColumn" && c.sheet === "注文"),
      };
    };
    const state = callsOf(() => sidebarStateOf(ss));
    const preview = callsOf(() => previewSettingsOf(ss, settings));
    // getSidebarState sized the orders sheet for its header and again for the preview's read (21 calls, now 19);
    // previewSettings counted the rows and then readInputs looked the sheet up anew (16, now 14).
    // Its header comes from the preview's read of the whole sheet, not from a second read of row 1.
    expect(state).toMatchObject({ lastRow: 1, lookups: 1, headerReads: 0 });
    expect(preview).toMatchObject({ lastRow: 1, lookups: 1 });
  });

  it("the defaults are what a fresh spreadsheet shows", () => {
    const { ss } = serverWorld(0);
    expect(sidebarStateOf(ss).settings.activeDays).toBe(DEFAULT_SETTINGS.activeDays);
  });
});
