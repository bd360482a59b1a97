import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SETTING_HELP, settingsFromPairs, settingsToPairs } from "../../src/core/index";
import {
  defaultSettingsFor,
  MAPPING_FIELDS,
  readMapping,
  readSettings,
  writeMapping,
  writeSettings,
} from "../../src/gas/settingsSheet";
import { FIELDS } from "../../src/ui/fields";
import { createGasWorld } from "./fakes/index";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function spreadsheet(timeZone = "Asia/Tokyo") {
  const world = createGasWorld({ timeZone });
  const ss = (world.globals.SpreadsheetApp as { getActiveSpreadsheet(): Spreadsheet }).getActiveSpreadsheet();
  return { world, ss };
}

describe("設定 sheet", () => {
  it("round-trips every setting, and SODATSU_SETTINGS is exactly the key/value cells the core reads", () => {
    const { world, ss } = spreadsheet();
    const edited = {
      ...defaultSettingsFor(ss),
      activeDays: 21,
      atRiskDays: 75,
      vipTopPercent: 2.5,
      dayFirst: true,
      asOf: "2026-10-31",
      language: "en" as const,
      actionPoints: { ...DEFAULT_SETTINGS.actionPoints, referral: 3 },
    };
    expect(writeSettings(ss, edited)).toEqual([]);
    expect(readSettings(ss)).toEqual({ settings: edited, errors: [] });
    const named = world.ss.namedRanges.find((n) => n.name === "SODATSU_SETTINGS");
    expect(named?.numCols).toBe(2);
    expect(named?.numRows).toBe(settingsToPairs(edited).length);
    // What a custom function receives for the SODATSU_SETTINGS argument:
    const range = ss.getRangeByName("SODATSU_SETTINGS");
    expect(settingsFromPairs(range?.getValues() ?? [])).toEqual({ ok: true, value: edited });
  });

  it("explains each setting in the sidebar's words, Japanese then English, with how to write it on the sheet", () => {
    const { world, ss } = spreadsheet();
    writeSettings(ss, defaultSettingsFor(ss));
    const sheet = world.ss.sheetNamed("設定");
    const rows = [...Array(40).keys()].map((i) => [1, 2, 3, 4].map((c) => sheet?.cellAt(i + 1, c)?.value));
    expect(rows[0].slice(2)).toEqual(["説明", "Explanation"]);
    // Every field the sidebar shows: the help under it there is the start of the help beside it here (the two
    // tables once explained the same setting in different words).
    for (const f of FIELDS) {
      const row = rows.find((r) => r[0] === f.key);
      expect(String(row?.[2]).startsWith(SETTING_HELP[f.key].ja), f.key).toBe(true);
      expect(String(row?.[3]).startsWith(SETTING_HELP[f.key].en), f.key).toBe(true);
    }
    // A yes/no value has no checkbox on the sheet: the help says what to write.
    expect(rows.find((r) => r[0] === "showRfm")?.[2]).toContain("TRUE");
    // The engagement points, which only the sheet edits, are explained too.
    expect(rows.find((r) => r[0] === "actionPoints.review")?.[2]).toContain("review");
    for (const row of rows.filter((r) => typeof r[0] === "string" && r[0] !== "")) {
      expect(String(row[2]).length, String(row[0])).toBeGreaterThan(0);
      expect(String(row[3]).length, String(row[0])).toBeGreaterThan(0);
    }
  });

  it("keeps the as-of date as text (Sheets would turn 2026-10-31 into a date otherwise)", () => {
    const { world, ss } = spreadsheet();
    writeSettings(ss, { ...defaultSettingsFor(ss), asOf: "2026-10-31" });
    const sheet = world.ss.sheetNamed("設定");
    const row =
      [...Array(40).keys()].map((i) => i + 1).find((r) => sheet?.cellAt(r, 1)?.value === "asOf") ?? 0;
    expect(sheet?.cellAt(row, 2)?.value).toBe("2026-10-31");
  });

  it("without a settings sheet, the defaults apply in the spreadsheet's own time zone", () => {
    const { ss } = spreadsheet("America/Los_Angeles");
    expect(readSettings(ss)).toEqual({
      settings: { ...DEFAULT_SETTINGS, timeZone: "America/Los_Angeles" },
      errors: [],
    });
  });

  it("refuses an invalid value with a message naming the field, and the defaults stay in force", () => {
    const { world, ss } = spreadsheet();
    writeSettings(ss, defaultSettingsFor(ss));
    const sheet = world.ss.sheetNamed("設定");
    const row =
      [...Array(40).keys()].map((i) => i + 1).find((r) => sheet?.cellAt(r, 1)?.value === "atRiskDays") ?? 0;
    sheet?.setCell(row, 2, { value: "10" }); // below activeDays (30)
    const read = readSettings(ss);
    expect(read.errors.map((e) => e.field)).toContain("atRiskDays");
    expect(read.settings).toEqual(defaultSettingsFor(ss));
  });

  it("a blank time zone means the spreadsheet's", () => {
    const { world, ss } = spreadsheet("Europe/Berlin");
    writeSettings(ss, defaultSettingsFor(ss));
    const sheet = world.ss.sheetNamed("設定");
    const row =
      [...Array(40).keys()].map((i) => i + 1).find((r) => sheet?.cellAt(r, 1)?.value === "timeZone") ?? 0;
    sheet?.setCell(row, 2, { value: "" });
    world.ss.timeZone = "Asia/Tokyo";
    expect(readSettings(ss).settings.timeZone).toBe("Asia/Tokyo");
  });

  it("never writes refused settings to the sheet", () => {
    const { world, ss } = spreadsheet();
    const errors = writeSettings(ss, { ...defaultSettingsFor(ss), activeDays: 0 });
    expect(errors.map((e) => e.field)).toEqual(["activeDays"]);
    expect(world.ss.sheetNamed("設定")).toBeUndefined();
  });

  it("never writes into a user's own sheet called 設定 that holds data", () => {
    const { world, ss } = spreadsheet();
    const mine = world.ss.addSheetWithValues("設定", [["私の設定メモ", "大事"]]);
    const before = mine.snapshot();
    writeSettings(ss, defaultSettingsFor(ss));
    writeMapping(ss, {});
    expect(mine.snapshot()).toBe(before);
    expect(world.ss.namedRanges.map((n) => n.sheet.name)).toEqual(["設定 (Sodatsu)", "設定 (Sodatsu)"]);
    expect(readSettings(ss)).toEqual({ settings: defaultSettingsFor(ss), errors: [] });
  });

  it("round-trips the column mapping; blank rows mean automatic detection", () => {
    const { world, ss } = spreadsheet();
    expect(readMapping(ss)).toEqual({});
    writeMapping(ss, { "orders.customer": "会員番号", "orders.amountKind": "line_amount" });
    expect(readMapping(ss)).toEqual({ "orders.customer": "会員番号", "orders.amountKind": "line_amount" });
    const named = world.ss.namedRanges.find((n) => n.name === "SODATSU_MAPPING");
    expect(named?.numRows).toBe(MAPPING_FIELDS.length);
    expect(named?.numCols).toBe(2);
  });
});
