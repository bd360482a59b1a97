// The fakes the add-on tests rely on behave as Sheets does where it matters (test/gas/fakes).
import { describe, expect, it } from "vitest";
import { createGasWorld } from "./fakes/index";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function world() {
  const w = createGasWorld();
  const ss = (w.globals.SpreadsheetApp as { getActiveSpreadsheet(): Spreadsheet }).getActiveSpreadsheet();
  const sheet = ss.insertSheet("表");
  return { w, ss, sheet };
}

describe("fake SpreadsheetApp", () => {
  it("round-trips values; = makes a formula, an apostrophe keeps text, number-like text becomes a number", () => {
    const { sheet } = world();
    const when = new Date(Date.UTC(2026, 9, 31, 1));
    sheet.getRange(1, 1, 1, 6).setValues([["abc", 12, "=SUM(1,2)", "'=x", "00123", when]]);
    const [row] = sheet.getRange(1, 1, 1, 6).getValues();
    expect(row.slice(0, 5)).toEqual(["abc", 12, "", "=x", 123]);
    expect(row[5]).toBeInstanceOf(Date);
    expect(row[5]).not.toBe(when);
    expect((row[5] as Date).getTime()).toBe(when.getTime());
    expect(sheet.getRange(1, 3).getFormula()).toBe("=SUM(1,2)");
    expect(sheet.getRange(1, 4).getFormula()).toBe("");
  });

  it("keeps text in a plain-text (@) cell", () => {
    const { sheet } = world();
    sheet
      .getRange("A1:B1")
      .setNumberFormat("@")
      .setValues([["00123", "2026-10-31"]]);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["00123", "2026-10-31"]]);
  });

  it("throws Sheets' messages for a wrong shape and for a range outside the sheet", () => {
    const { sheet } = world();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(/number of columns in the data/);
    expect(() => sheet.getRange(1001, 1)).toThrow(/outside the dimensions of the sheet/);
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getRange(1005, 1).getValue()).toBe("");
  });

  it("reports the data range, last row and last column of what is filled", () => {
    const { sheet } = world();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
    sheet.getRange("B3").setValue("x");
    sheet.getRange("D2").setValue(1);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 4]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:D3");
  });

  it("refuses duplicate sheet names and spreadsheets beyond 10 million cells", () => {
    const { ss, sheet } = world();
    expect(() => ss.insertSheet("表")).toThrow(/already exists/);
    expect(() => sheet.insertRowsAfter(1000, 400_000)).toThrow(/10000000/);
  });

  it("records each call the script makes, with the sheet it went to", () => {
    const { w, sheet } = world();
    w.log.reset();
    sheet.getRange(1, 1).setValue(1);
    expect(w.log.calls.map((c) => `${c.name}@${c.sheet}`)).toEqual([
      "Sheet.getRange@表",
      "Range.setValue@表",
    ]);
  });

  it("keeps named ranges, developer metadata and one document lock at a time", () => {
    const { w, ss, sheet } = world();
    ss.setNamedRange("MY_RANGE", sheet.getRange("A1:B2"));
    expect(ss.getRangeByName("MY_RANGE")?.getA1Notation()).toBe("A1:B2");
    sheet.addDeveloperMetadata("k", "v");
    expect(sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([["k", "v"]]);
    const lockService = w.globals.LockService as GoogleAppsScript.Lock.LockService;
    const a = lockService.getDocumentLock();
    const b = lockService.getDocumentLock();
    expect(a.tryLock(1)).toBe(true);
    expect(b.tryLock(1)).toBe(false);
    a.releaseLock();
    expect(b.tryLock(1)).toBe(true);
  });

  it("finds developer metadata by key across the spreadsheet and its sheets, with where it is attached", () => {
    const { w, ss, sheet } = world();
    ss.addDeveloperMetadata("app.index", "{}");
    sheet.addDeveloperMetadata("app.index", "on a sheet");
    sheet.addDeveloperMetadata("other", "x");
    expect(ss.getDeveloperMetadata().map((m) => m.getValue())).toEqual(["{}"]);
    const found = ss.createDeveloperMetadataFinder().withKey("app.index").find();
    expect(found.map((m) => m.getValue())).toEqual(["{}", "on a sheet"]);
    expect(found.map((m) => m.getLocation().getLocationType())).toEqual(["SPREADSHEET", "SHEET"]);
    expect(found[1].getLocation().getSheet()?.getName()).toBe("表");
    const onlySheets = ss
      .createDeveloperMetadataFinder()
      .withLocationType(SpreadsheetAppOf(w).DeveloperMetadataLocationType.SHEET)
      .find();
    expect(onlySheets.map((m) => m.getKey())).toEqual(["app.index", "other"]);
    found[0].setValue('{"a":1}');
    expect(ss.getDeveloperMetadata()[0].getValue()).toBe('{"a":1}');
    expect(ss.getSheetById(sheet.getSheetId())?.getName()).toBe("表");
  });
});

const SpreadsheetAppOf = (w: ReturnType<typeof createGasWorld>) =>
  w.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
