import type { Lang } from "../../core/index";
import type { ReportPart } from "../../report/layout";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** Developer-metadata key of the index of generated sheets, attached to the spreadsheet itself. */
export const INDEX_KEY = "sodatsu.sheets";
export type GeneratedPart = ReportPart | "diagnosis";

/** What the index holds: the sheet id of each generated part, and the language its chart was drawn in. */
export interface IndexValue {
  sheets: Partial<Record<GeneratedPart, number>>;
  chartLang?: Lang;
}

/**
 * The add-on's mark on the sheets it generated: ONE piece of developer metadata on the spreadsheet mapping each
 * part to a sheet id. It is found in one search, whatever the number of sheets (marks on each sheet would cost
 * calls per sheet), travels with a copy of the file (sheet ids survive the copy), and only the sheet it names
 * counts as ours: a user sheet that bears the same name, or a duplicate of an output, is never written.
 */
export class GeneratedIndex {
  private constructor(
    readonly spreadsheet: Spreadsheet,
    private readonly meta: DeveloperMetadata | null,
    private readonly value: IndexValue,
    private changed = false,
  ) {}

  /**
   * Runs an action's writes with the index loaded, then saves it, also when the action fails: sheets created
   * before a failure are still ours, recorded so the next run reuses them.
   */
  static using<T>(ss: Spreadsheet, work: (index: GeneratedIndex) => T): T {
    const [meta] = ss.createDeveloperMetadataFinder().withKey(INDEX_KEY).find();
    const index = new GeneratedIndex(ss, meta ?? null, meta ? parseIndex(meta.getValue()) : { sheets: {} });
    try {
      return work(index);
    } finally {
      index.save();
    }
  }

  /** The sheet of a part, or null when there is none yet (or the user deleted it). */
  sheet(part: GeneratedPart): Sheet | null {
    const id = this.value.sheets[part];
    return id === undefined ? null : this.spreadsheet.getSheetById(id);
  }

  record(part: GeneratedPart, sheet: Sheet): void {
    this.value.sheets[part] = sheet.getSheetId();
    this.changed = true;
  }

  get chartLang(): Lang | undefined {
    return this.value.chartLang;
  }

  set chartLang(lang: Lang) {
    if (this.value.chartLang === lang) return;
    this.value.chartLang = lang;
    this.changed = true;
  }

  /** Writes the index back, in one call, and only when a sheet was created or the chart redrawn. */
  private save(): void {
    if (!this.changed) return;
    const text = JSON.stringify(this.value);
    if (this.meta) this.meta.setValue(text);
    else this.spreadsheet.addDeveloperMetadata(INDEX_KEY, text);
    this.changed = false;
  }
}

/** A damaged or foreign value reads as an empty index: the add-on then creates new sheets beside the old ones. */
export function parseIndex(text: string | null): IndexValue {
  try {
    const parsed: unknown = JSON.parse(text ?? "");
    if (!parsed || typeof parsed !== "object") return { sheets: {} };
    const { sheets, chartLang } = parsed as { sheets?: unknown; chartLang?: unknown };
    const out: IndexValue = { sheets: {} };
    if (sheets && typeof sheets === "object")
      for (const [part, id] of Object.entries(sheets))
        if (typeof id === "number" && Number.isInteger(id)) out.sheets[part as GeneratedPart] = id;
    if (chartLang === "ja" || chartLang === "en") out.chartLang = chartLang;
    return out;
  } catch {
    return { sheets: {} };
  }
}
