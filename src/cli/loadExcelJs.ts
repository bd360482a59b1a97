import { createRequire } from "node:module";
import type ExcelJS from "exceljs";

/**
 * exceljs is loaded only by the runs that write a workbook (a static import would be hoisted into the bundle's
 * start-up and slow every CSV-only run), and only the class the run needs: the package entry loads the reader,
 * the in-memory workbook and the streaming writer together (~0.2 s), one of them alone takes ~0.09 s.
 * exceljs 4 has no "exports" map, so its files can be required by path; the xlsx tests cover both.
 */
const require = createRequire(import.meta.url);

/** The streaming writer (report.xlsx). */
export function loadWorkbookWriter(): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  return require("exceljs/lib/stream/xlsx/workbook-writer.js") as typeof ExcelJS.stream.xlsx.WorkbookWriter;
}

/** The in-memory workbook (the diagnosis workbook, small). */
export function loadWorkbook(): typeof ExcelJS.Workbook {
  return require("exceljs/lib/doc/workbook.js") as typeof ExcelJS.Workbook;
}
