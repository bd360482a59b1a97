import { type Cell, isEmptyCell } from "./cell";
import { CHART_TYPES, type FakeChart, FakeChartBuilder } from "./chart";
import { type Env, expose, isDate } from "./env";
import { addMetadata, type FakeMetadata, FakeMetadataFinder } from "./metadata";
import { FakeRange } from "./range";
import type { FakeSpreadsheet } from "./spreadsheet";
import type { FakeDataValidation } from "./validation";

const GENERAL = "General";

/**
 * A sheet: a grid of cells with a fixed size (new sheets are 1000 × 26, as in Sheets; writing outside throws, so
 * the add-on must grow the sheet itself), number formats, data validations, notes, developer metadata, charts.
 */
export class FakeSheet {
  private rows: (Cell | undefined)[][] = [];
  /** Number formats per cell, row by row like the cells (unset = "General"). */
  private fmtRows: (string | undefined)[][] = [];
  readonly validations = new Map<number, FakeDataValidation>();
  readonly notes = new Map<number, string>();
  readonly metadata: FakeMetadata[] = [];
  readonly charts: FakeChart[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;

  constructor(
    readonly parent: FakeSpreadsheet,
    public name: string,
    readonly id: number,
    public maxRows: number,
    public maxCols: number,
    private readonly env: Env,
  ) {}

  key(r: number, c: number): number {
    return r * 100_000 + c;
  }
  cellAt(r: number, c: number): Cell | undefined {
    return this.rows[r - 1]?.[c - 1];
  }
  setCell(r: number, c: number, cell: Cell): void {
    const line = this.rows[r - 1] ?? [];
    this.rows[r - 1] = line;
    line[c - 1] = isEmptyCell(cell) ? undefined : cell;
  }
  /**
   * Test setup (not recorded): pastes rows from A1 as text/number/date cells, growing the sheet as a paste does.
   * Strings stay text exactly (an exported name "=HYPERLINK(…)" or "-2" is data, as after an import as text).
   */
  paste(rows: readonly (readonly unknown[])[]): this {
    this.maxRows = Math.max(this.maxRows, rows.length);
    this.maxCols = Math.max(
      this.maxCols,
      rows.reduce((w, r) => Math.max(w, r.length), 0),
    );
    rows.forEach((line, i) => {
      line.forEach((v, j) => {
        if (v === null || v === undefined || v === "") return;
        const value = isDate(v)
          ? { date: v.getTime() }
          : typeof v === "number" || typeof v === "boolean"
            ? v
            : String(v);
        this.setCell(i + 1, j + 1, { value });
      });
    });
    return this;
  }
  formatAt(r: number, c: number): string {
    return this.fmtRows[r - 1]?.[c - 1] ?? GENERAL;
  }
  setFormat(r: number, c: number, format: string): void {
    const line = this.fmtRows[r - 1] ?? [];
    this.fmtRows[r - 1] = line;
    line[c - 1] = format === GENERAL ? undefined : format;
  }
  clearRect(
    row: number,
    col: number,
    nr: number,
    nc: number,
    what: { content: boolean; format: boolean },
  ): void {
    for (let r = row; r < row + nr; r++)
      for (let c = col; c < col + nc; c++) {
        if (what.content && this.rows[r - 1]) this.rows[r - 1][c - 1] = undefined;
        if (what.format && this.fmtRows[r - 1]) this.fmtRows[r - 1][c - 1] = undefined;
        if (what.content) this.validations.delete(this.key(r, c));
      }
  }
  /** A cell-by-cell copy of everything the user could see or edit, for "byte-identical" checks. */
  snapshot(): string {
    const lines: string[] = [];
    this.rows.forEach((line, r) => {
      line?.forEach((cell, c) => {
        if (cell) lines.push(`${r + 1},${c + 1}=${JSON.stringify(cell)}`);
      });
    });
    this.fmtRows.forEach((line, r) => {
      line?.forEach((f, c) => {
        if (f !== undefined) lines.push(`${r + 1},${c + 1}#${f}`);
      });
    });
    const maps = [...this.notes].map(([k, v]) => `${k}:${v}`).sort();
    const vals = [...this.validations].map(([k, v]) => `${k}:${JSON.stringify(v)}`).sort();
    const meta = this.metadata.map((m) => `${m.key}=${m.value}`).sort();
    return JSON.stringify({
      name: this.name,
      size: [this.maxRows, this.maxCols],
      lines,
      maps,
      vals,
      meta,
      charts: this.charts.length,
    });
  }
  exposeRange(row: number, col: number, nr: number, nc: number): FakeRange {
    return expose(this.env, new FakeRange(this, row, col, nr, nc, this.env), "Range", () => this.name);
  }
  /** Cells in use, as Sheets counts them for getLastRow/getLastColumn (values or formulas, not formats). */
  private extent(): { lastRow: number; lastCol: number } {
    let lastRow = 0;
    let lastCol = 0;
    this.rows.forEach((line, r) => {
      if (!line) return;
      for (let c = line.length - 1; c >= 0; c--)
        if (!isEmptyCell(line[c])) {
          lastRow = r + 1;
          lastCol = Math.max(lastCol, c + 1);
          break;
        }
    });
    return { lastRow, lastCol };
  }

  // --- SpreadsheetApp.Sheet ---
  getName() {
    return this.name;
  }
  setName(name: string) {
    this.parent.checkNewName(String(name), this);
    this.name = String(name);
    return this;
  }
  getSheetId() {
    return this.id;
  }
  getIndex() {
    return this.parent.sheets.indexOf(this) + 1;
  }
  getParent() {
    return this.parent.exposed();
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxCols;
  }
  getLastRow() {
    return this.extent().lastRow;
  }
  getLastColumn() {
    return this.extent().lastCol;
  }
  getRange(a: number | string, b?: number, c?: number, d?: number) {
    if (typeof a === "string") {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a.toUpperCase());
      if (!m) throw new Error(`Exception: Range not found`);
      const col = lettersToColumn(m[1]);
      const row = Number(m[2]);
      const col2 = m[3] ? lettersToColumn(m[3]) : col;
      const row2 = m[4] ? Number(m[4]) : row;
      return this.exposeRange(row, col, row2 - row + 1, col2 - col + 1);
    }
    if (b === undefined)
      throw new Error("Exception: The parameters (number) don't match the method signature.");
    return this.exposeRange(a, b, c ?? 1, d ?? 1);
  }
  getDataRange() {
    const { lastRow, lastCol } = this.extent();
    return this.exposeRange(1, 1, Math.max(1, lastRow), Math.max(1, lastCol));
  }
  insertRowsAfter(after: number, howMany: number) {
    if (after < 0 || after > this.maxRows) throw new Error("Exception: Those rows are out of bounds.");
    this.parent.checkCells(howMany * this.maxCols);
    // Rows below `after` move down by howMany (concat, not splice(...spread): a spread of 100k args overflows).
    const shift = <T>(grid: T[][]) =>
      grid.length > after ? grid.slice(0, after).concat(new Array(howMany), grid.slice(after)) : grid;
    this.rows = shift(this.rows);
    this.fmtRows = shift(this.fmtRows);
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number) {
    if (after < 0 || after > this.maxCols) throw new Error("Exception: Those columns are out of bounds.");
    this.parent.checkCells(howMany * this.maxRows);
    for (const line of [...this.rows, ...this.fmtRows] as unknown[][])
      if (line && line.length > after) line.splice(after, 0, ...Array(howMany));
    this.maxCols += howMany;
    return this;
  }
  deleteRows(start: number, howMany: number) {
    if (start < 1 || start + howMany - 1 > this.maxRows)
      throw new Error("Exception: Those rows are out of bounds.");
    if (howMany >= this.maxRows)
      throw new Error("Exception: Sorry, it is not possible to delete all non-frozen rows.");
    this.rows.splice(start - 1, howMany);
    this.fmtRows.splice(start - 1, howMany);
    this.maxRows -= howMany;
    return this;
  }
  deleteColumns(start: number, howMany: number) {
    if (start < 1 || start + howMany - 1 > this.maxCols)
      throw new Error("Exception: Those columns are out of bounds.");
    for (const line of [...this.rows, ...this.fmtRows] as unknown[][]) line?.splice(start - 1, howMany);
    this.maxCols -= howMany;
    return this;
  }
  clear() {
    this.rows = [];
    this.fmtRows = [];
    this.validations.clear();
    this.notes.clear();
    return this;
  }
  clearContents() {
    this.rows = [];
    return this;
  }
  clearFormats() {
    this.fmtRows = [];
    return this;
  }
  setFrozenRows(n: number) {
    this.frozenRows = n;
    return this;
  }
  setFrozenColumns(n: number) {
    this.frozenColumns = n;
    return this;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  getFrozenColumns() {
    return this.frozenColumns;
  }
  autoResizeColumns(_start: number, _n: number) {
    return this;
  }
  setColumnWidth(_c: number, _w: number) {
    return this;
  }
  setColumnWidths(_c: number, _n: number, _w: number) {
    return this;
  }
  setTabColor(_c: string | null) {
    return this;
  }
  activate() {
    this.parent.active = this;
    return this;
  }
  hideSheet() {
    this.hidden = true;
    return this;
  }
  showSheet() {
    this.hidden = false;
    return this;
  }
  isSheetHidden() {
    return this.hidden;
  }

  addDeveloperMetadata(key: string, value?: string) {
    addMetadata(this.env, this.metadata, { spreadsheet: this.parent, sheet: this }, key, value);
    return this;
  }
  getDeveloperMetadata() {
    return this.metadata.map((m) => expose(this.env, m, "DeveloperMetadata"));
  }
  createDeveloperMetadataFinder() {
    return expose(this.env, new FakeMetadataFinder(this.env, () => this.metadata), "DeveloperMetadataFinder");
  }

  newChart() {
    return expose(this.env, new FakeChartBuilder(this.env), "EmbeddedChartBuilder");
  }
  insertChart(chart: FakeChart) {
    this.charts.push(chart);
  }
  updateChart(chart: FakeChart) {
    const i = this.charts.findIndex((c) => c.id === chart.id);
    if (i < 0) throw new Error("Exception: The chart is not on this sheet.");
    this.charts[i] = chart;
  }
  removeChart(chart: FakeChart) {
    const i = this.charts.findIndex((c) => c.id === chart.id);
    if (i >= 0) this.charts.splice(i, 1);
  }
  getCharts() {
    return this.charts.map((c) => expose(this.env, c, "EmbeddedChart"));
  }
}

export { CHART_TYPES };

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
