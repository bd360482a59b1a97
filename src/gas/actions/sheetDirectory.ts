import type { ReportPart } from "../../report/layout";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer-metadata key that marks a sheet the add-on generated; the value says which part it holds. */
export const GENERATED_KEY = "sodatsu.generated";
export type GeneratedPart = ReportPart | "diagnosis";

/**
 * The spreadsheet's sheets, looked up once per action: names, and which part each generated sheet holds. The
 * number of calls depends on the number of sheets, never on the data, and every action needs the list anyway.
 */
export class SheetDirectory {
  private readonly sheets: { sheet: Sheet; name: string; part: string | null }[];

  constructor(readonly ss: Spreadsheet) {
    this.sheets = ss.getSheets().map((sheet) => {
      const mark = sheet.getDeveloperMetadata().find((m) => m.getKey() === GENERATED_KEY);
      return { sheet, name: sheet.getName(), part: mark ? mark.getValue() : null };
    });
  }

  byName(name: string): Sheet | null {
    return this.sheets.find((s) => s.name === name)?.sheet ?? null;
  }

  /** The first sheet with one of these names, preferring the order given (e.g. 注文 before Orders). */
  firstNamed(names: readonly string[]): Sheet | null {
    for (const n of names) {
      const s = this.byName(n);
      if (s) return s;
    }
    return null;
  }

  generated(part: GeneratedPart): Sheet | null {
    return this.sheets.find((s) => s.part === part)?.sheet ?? null;
  }

  isGenerated(name: string): boolean {
    return this.sheets.some((s) => s.name === name && s.part !== null);
  }

  has(name: string): boolean {
    return this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Registers a sheet the action just inserted, so later lookups in the same action see it. */
  add(sheet: Sheet, name: string, part: string | null): void {
    this.sheets.push({ sheet, name, part });
  }
}
