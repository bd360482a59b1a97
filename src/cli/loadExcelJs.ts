import type ExcelJS from "exceljs";

/**
 * exceljs takes about a third of a second to load, so it is loaded only by the runs that write a workbook
 * (a static import would be hoisted into the bundle's start-up and slow every CSV-only run).
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}
