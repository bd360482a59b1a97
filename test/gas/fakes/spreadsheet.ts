import { type Env, expose } from "./env";
import { addMetadata, type FakeMetadata, FakeMetadataFinder } from "./metadata";
import type { FakeRange } from "./range";
import { FakeSheet } from "./sheet";

/** Sheets' limit on a spreadsheet's cells (all sheets, used or not). */
export const CELL_LIMIT = 10_000_000;

interface NamedRange {
  name: string;
  sheet: FakeSheet;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number | undefined;
}

/**
 * A spreadsheet: ordered sheets with unique names, named ranges, developer metadata, its time zone and locale,
 * and the toasts shown on it (kept for tests).
 */
export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly namedRanges: NamedRange[] = [];
  readonly toasts: Toast[] = [];
  /** Developer metadata attached to the spreadsheet itself (each sheet keeps its own). */
  readonly metadata: FakeMetadata[] = [];
  active: FakeSheet | null = null;
  private nextSheetId = 0;

  constructor(
    private readonly env: Env,
    public timeZone = "Asia/Tokyo",
    public locale = "ja_JP",
    readonly id = "fake-spreadsheet-id",
  ) {}

  exposed(): FakeSpreadsheet {
    return expose(this.env, this, "Spreadsheet");
  }
  private exposeSheet(sheet: FakeSheet): FakeSheet {
    return expose(this.env, sheet, "Sheet", () => sheet.name);
  }

  checkNewName(name: string, self?: FakeSheet): void {
    if (name.trim() === "") throw new Error("Exception: Invalid argument: sheetName");
    if (this.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
  }
  checkCells(extra: number): void {
    const used = this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
    if (used + extra > CELL_LIMIT)
      throw new Error(
        `Exception: This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
      );
  }

  /**
   * Test setup (not recorded): a sheet holding exactly these rows, as after a paste of text. Strings are stored
   * as text as they are (a name "=HYPERLINK(…)" or "-2" stays text, as with File > Import "as text"), Dates as
   * dates, numbers as numbers.
   */
  addSheetWithValues(name: string, rows: unknown[][]): FakeSheet {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
    const sheet = this.newSheet(name, Math.max(1000, rows.length), Math.max(26, width));
    sheet.paste(rows);
    return sheet;
  }
  newSheet(name: string, rows = 1000, cols = 26, index?: number): FakeSheet {
    this.checkNewName(name);
    this.checkCells(rows * cols);
    const sheet = new FakeSheet(this, name, this.nextSheetId++, rows, cols, this.env);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, index), 0, sheet);
    this.active ??= sheet;
    return sheet;
  }
  sheetNamed(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  // --- SpreadsheetApp.Spreadsheet ---
  getId() {
    return this.id;
  }
  getName() {
    return "Sodatsu test";
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(tz: string) {
    this.timeZone = tz;
  }
  getSpreadsheetLocale() {
    return this.locale;
  }
  getSheets() {
    return this.sheets.map((s) => this.exposeSheet(s));
  }
  getNumSheets() {
    return this.sheets.length;
  }
  getSheetByName(name: string) {
    const s = this.sheets.find((x) => x.name === String(name));
    return s ? this.exposeSheet(s) : null;
  }
  getSheetById(id: number) {
    const s = this.sheets.find((x) => x.id === id);
    return s ? this.exposeSheet(s) : null;
  }
  insertSheet(nameOrIndex?: string | number, index?: number) {
    const name = typeof nameOrIndex === "string" ? nameOrIndex : `Sheet${this.sheets.length + 1}`;
    const at = typeof nameOrIndex === "number" ? nameOrIndex : index;
    const sheet = this.newSheet(name, 1000, 26, at);
    this.active = sheet;
    return this.exposeSheet(sheet);
  }
  deleteSheet(sheet: FakeSheet) {
    if (this.sheets.length === 1)
      throw new Error("Exception: You can't remove all the sheets in a document.");
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error("Exception: Sheet not found");
    this.sheets.splice(i, 1);
    for (let j = this.namedRanges.length - 1; j >= 0; j--)
      if (this.namedRanges[j].sheet === sheet) this.namedRanges.splice(j, 1);
    if (this.active === sheet) this.active = this.sheets[0];
  }
  getActiveSheet() {
    return this.active ? this.exposeSheet(this.active) : null;
  }
  setActiveSheet(sheet: FakeSheet) {
    this.active = sheet;
    return this.exposeSheet(sheet);
  }
  toast(message: string, title = "", timeoutSeconds?: number) {
    this.toasts.push({ message: String(message), title: String(title), timeoutSeconds });
  }

  addDeveloperMetadata(key: string, value?: string) {
    addMetadata(this.env, this.metadata, { spreadsheet: this, sheet: null }, key, value);
    return this.exposed();
  }
  /** Only the spreadsheet's own metadata, as in Sheets (a sheet's is found with a finder or on the sheet). */
  getDeveloperMetadata() {
    return this.metadata.map((m) => expose(this.env, m, "DeveloperMetadata"));
  }
  createDeveloperMetadataFinder() {
    const everything = () => [...this.metadata, ...this.sheets.flatMap((s) => s.metadata)];
    return expose(this.env, new FakeMetadataFinder(this.env, everything), "DeveloperMetadataFinder");
  }

  setNamedRange(name: string, range: FakeRange) {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new Error(`Exception: Named range name "${name}" is not valid.`);
    const entry = {
      name,
      sheet: range.sheet,
      row: range.row,
      col: range.col,
      numRows: range.numRows,
      numCols: range.numCols,
    };
    const i = this.namedRanges.findIndex((n) => n.name === name);
    if (i >= 0) this.namedRanges[i] = entry;
    else this.namedRanges.push(entry);
  }
  getRangeByName(name: string) {
    const n = this.namedRanges.find((x) => x.name === name);
    return n ? n.sheet.exposeRange(n.row, n.col, n.numRows, n.numCols) : null;
  }
  removeNamedRange(name: string) {
    const i = this.namedRanges.findIndex((n) => n.name === name);
    if (i < 0) throw new Error(`Exception: Named range "${name}" not found.`);
    this.namedRanges.splice(i, 1);
  }
  getNamedRanges() {
    return this.namedRanges.map((n) =>
      expose(
        this.env,
        {
          getName: () => n.name,
          getRange: () => n.sheet.exposeRange(n.row, n.col, n.numRows, n.numCols),
          remove: () => this.removeNamedRange(n.name),
        },
        "NamedRange",
      ),
    );
  }
}
