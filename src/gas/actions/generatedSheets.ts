import type { GeneratedIndex, GeneratedPart } from "./generatedIndex";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface OutputSheet {
  sheet: Sheet;
  /** True when this action created the sheet: its one-time formatting (bold header, frozen row) is still to do. */
  created: boolean;
  /** Set when a user sheet already bore the wanted name, so the new output went to another name. */
  avoided: { wanted: string; used: string } | null;
}

/**
 * The sheet a part is written to: the one the index names (so a renamed output is still reused), else a new sheet
 * under the part's title — or, when a sheet of the user's already bears that title, under "顧客 (Sodatsu)": a user
 * sheet is never written. Sheets itself refuses a name in use (whatever its case), so a new name is simply tried,
 * and only a refusal costs a look-up; a re-run makes one call here.
 */
export function outputSheet(index: GeneratedIndex, part: GeneratedPart, title: string): OutputSheet {
  const existing = index.sheet(part);
  if (existing) return { sheet: existing, created: false, avoided: null };
  for (let n = 0; ; n++) {
    const name = n === 0 ? title : n === 1 ? `${title} (Sodatsu)` : `${title} (Sodatsu ${n})`;
    const sheet = insertUnlessTaken(index.spreadsheet, name);
    if (!sheet) continue;
    index.record(part, sheet);
    return { sheet, created: true, avoided: n === 0 ? null : { wanted: title, used: name } };
  }
}

/** A new sheet named `name`, or null when a sheet already bears the name; any other failure is thrown. */
function insertUnlessTaken(ss: Spreadsheet, name: string): Sheet | null {
  try {
    return ss.insertSheet(name);
  } catch (error) {
    if (nameTaken(ss, name)) return null;
    throw error;
  }
}

/** Sheets compares sheet names without case ("customers" clashes with "Customers"). */
function nameTaken(ss: Spreadsheet, name: string): boolean {
  if (ss.getSheetByName(name)) return true;
  const lower = name.toLowerCase();
  return ss.getSheets().some((s) => s.getName().toLowerCase() === lower);
}

/** The toast/log line for outputs that had to avoid a user sheet's name (said on the run that created them). */
export function avoidedNote(outputs: readonly OutputSheet[], lang: "ja" | "en"): string {
  const moved = outputs.flatMap((o) => (o.avoided ? [o.avoided] : []));
  if (moved.length === 0) return "";
  return lang === "ja"
    ? ` 同じ名前のシートがあったため、${moved.map((o) => `「${o.wanted}」は「${o.used}」`).join("、")}に書き出しました(元のシートは変更していません)。`
    : ` Sheets with the same name exist, so ${moved.map((o) => `"${o.wanted}" went to "${o.used}"`).join(", ")} (your sheets are untouched).`;
}
