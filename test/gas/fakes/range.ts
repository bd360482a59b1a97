import { type Cell, fromCell, isEmptyCell, toCell } from "./cell";
import type { Env } from "./env";
import { expose } from "./env";
import type { FakeSheet } from "./sheet";
import type { FakeDataValidation } from "./validation";

/** Column letters as Sheets writes them: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A rectangle of a sheet, 1-based like SpreadsheetApp. Reads and writes go to the sheet's cells; a 2-D array of
 * the wrong shape throws with Sheets' own message, as do coordinates outside the sheet.
 */
export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
    private readonly env: Env,
  ) {
    if (row < 1) throw new Error("Exception: The starting row of the range is too small.");
    if (col < 1) throw new Error("Exception: The starting column of the range is too small.");
    if (numRows < 1) throw new Error("Exception: The number of rows in the range must be at least 1.");
    if (numCols < 1) throw new Error("Exception: The number of columns in the range must be at least 1.");
    if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols)
      throw new Error("Exception: The coordinates of the range are outside the dimensions of the sheet.");
  }

  private each<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.numCols; j++) line.push(fn(this.row + i, this.col + j));
      out.push(line);
    }
    return out;
  }

  private checkShape(data: unknown, what: string): unknown[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r)))
      throw new Error(`Exception: The parameters (${what}) don't match the method signature.`);
    const rows = data as unknown[][];
    if (rows.length !== this.numRows)
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.numRows}.`,
      );
    for (const r of rows)
      if (r.length !== this.numCols)
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.numCols}.`,
        );
    return rows;
  }

  // Geometry
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numCols;
  }
  getLastRow() {
    return this.row + this.numRows - 1;
  }
  getLastColumn() {
    return this.col + this.numCols - 1;
  }
  getA1Notation() {
    const a = `${columnLetters(this.col)}${this.row}`;
    return this.numRows === 1 && this.numCols === 1
      ? a
      : `${a}:${columnLetters(this.getLastColumn())}${this.getLastRow()}`;
  }
  getSheet() {
    return expose(this.env, this.sheet, "Sheet", () => this.sheet.name);
  }
  getCell(r: number, c: number) {
    if (r > this.numRows || c > this.numCols) throw new Error("Exception: Cell reference out of range");
    return this.sheet.exposeRange(this.row + r - 1, this.col + c - 1, 1, 1);
  }
  offset(dr: number, dc: number, nr = this.numRows, nc = this.numCols) {
    return this.sheet.exposeRange(this.row + dr, this.col + dc, nr, nc);
  }

  // Values and formulas
  getValues() {
    return this.each((r, c) => fromCell(this.sheet.cellAt(r, c), this.env, this.sheet.formatAt(r, c)));
  }
  getDisplayValues() {
    return this.each((r, c) => {
      const v = fromCell(this.sheet.cellAt(r, c), this.env);
      return v instanceof Object ? String(v) : String(v);
    });
  }
  getValue() {
    return fromCell(this.sheet.cellAt(this.row, this.col), this.env, this.sheet.formatAt(this.row, this.col));
  }
  setValues(data: unknown) {
    const rows = this.checkShape(data, "number[][]");
    rows.forEach((line, i) => {
      line.forEach((v, j) => {
        const r = this.row + i;
        const c = this.col + j;
        this.sheet.setCell(r, c, toCell(v, this.sheet.formatAt(r, c) === "@", this.env));
      });
    });
    return this;
  }
  setValue(v: unknown) {
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) {
        const r = this.row + i;
        const c = this.col + j;
        this.sheet.setCell(r, c, toCell(v, this.sheet.formatAt(r, c) === "@", this.env));
      }
    return this;
  }
  getFormulas() {
    return this.each((r, c) => this.sheet.cellAt(r, c)?.formula ?? "");
  }
  getFormula() {
    return this.sheet.cellAt(this.row, this.col)?.formula ?? "";
  }
  setFormula(f: string) {
    return this.setFormulas(Array.from({ length: this.numRows }, () => Array(this.numCols).fill(f)));
  }
  setFormulas(data: unknown) {
    const rows = this.checkShape(data, "String[][]");
    rows.forEach((line, i) => {
      line.forEach((f, j) => {
        const cell: Cell = String(f).startsWith("=")
          ? { value: "", formula: String(f) }
          : { value: String(f) };
        this.sheet.setCell(this.row + i, this.col + j, cell);
      });
    });
    return this;
  }
  isBlank() {
    return this.each((r, c) => isEmptyCell(this.sheet.cellAt(r, c))).every((l) => l.every(Boolean));
  }

  // Clearing
  clear() {
    this.sheet.clearRect(this.row, this.col, this.numRows, this.numCols, { content: true, format: true });
    return this;
  }
  clearContent() {
    this.sheet.clearRect(this.row, this.col, this.numRows, this.numCols, { content: true, format: false });
    return this;
  }
  clearFormat() {
    this.sheet.clearRect(this.row, this.col, this.numRows, this.numCols, { content: false, format: true });
    return this;
  }
  clearDataValidations() {
    this.each((r, c) => this.sheet.validations.delete(this.sheet.key(r, c)));
    return this;
  }

  // Formats, validation, notes
  setNumberFormat(fmt: string) {
    this.each((r, c) => this.sheet.setFormat(r, c, String(fmt)));
    return this;
  }
  setNumberFormats(data: unknown) {
    const rows = this.checkShape(data, "String[][]");
    rows.forEach((line, i) => {
      line.forEach((f, j) => {
        this.sheet.setFormat(this.row + i, this.col + j, String(f));
      });
    });
    return this;
  }
  getNumberFormat() {
    return this.sheet.formatAt(this.row, this.col);
  }
  getNumberFormats() {
    return this.each((r, c) => this.sheet.formatAt(r, c));
  }
  setDataValidation(rule: FakeDataValidation | null) {
    this.each((r, c) =>
      rule
        ? this.sheet.validations.set(this.sheet.key(r, c), rule)
        : this.sheet.validations.delete(this.sheet.key(r, c)),
    );
    return this;
  }
  getDataValidation() {
    return this.sheet.validations.get(this.sheet.key(this.row, this.col)) ?? null;
  }
  getDataValidations() {
    return this.each((r, c) => this.sheet.validations.get(this.sheet.key(r, c)) ?? null);
  }
  /** Sheets' checkboxes are a validation plus FALSE in every empty cell. */
  insertCheckboxes() {
    this.each((r, c) => {
      this.sheet.validations.set(this.sheet.key(r, c), { criteria: "CHECKBOX", values: [], helpText: "" });
      if (isEmptyCell(this.sheet.cellAt(r, c))) this.sheet.setCell(r, c, { value: false });
    });
    return this;
  }
  removeCheckboxes() {
    return this.clearDataValidations();
  }
  setNote(note: string) {
    this.each((r, c) => this.sheet.notes.set(this.sheet.key(r, c), String(note)));
    return this;
  }
  getNote() {
    return this.sheet.notes.get(this.sheet.key(this.row, this.col)) ?? "";
  }

  // Appearance: recorded, not rendered.
  setFontWeight(_w: string) {
    return this;
  }
  setFontWeights(_w: unknown) {
    return this;
  }
  setFontColor(_c: string) {
    return this;
  }
  setFontSize(_s: number) {
    return this;
  }
  setBackground(_c: string) {
    return this;
  }
  setWrap(_w: boolean) {
    return this;
  }
  setWrapStrategy(_w: unknown) {
    return this;
  }
  setHorizontalAlignment(_a: string) {
    return this;
  }
  setVerticalAlignment(_a: string) {
    return this;
  }
  setBorder(..._args: unknown[]) {
    return this;
  }
  merge() {
    return this;
  }
  activate() {
    return this;
  }
}
