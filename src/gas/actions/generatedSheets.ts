import { GENERATED_KEY, type GeneratedPart, type SheetDirectory } from "./sheetDirectory";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface OutputSheet {
  sheet: Sheet;
  name: string;
  /** Set when a user sheet already bears the wanted name, so the output went to another name. */
  avoided: string | null;
}

/**
 * The sheet a part is written to. The add-on only ever writes sheets it marked itself (developer metadata
 * "sodatsu.generated" = part), found by the mark, not by the name, so a renamed output is still reused and a user
 * sheet that happens to be called 顧客 is never touched: the output then goes to "顧客 (Sodatsu)".
 */
export function outputSheet(dir: SheetDirectory, part: GeneratedPart, title: string): OutputSheet {
  const existing = dir.generated(part);
  if (existing) {
    const name = existing.getName();
    // Still say so on later runs: the user looks for 顧客 and should learn where the output is.
    return { sheet: existing, name, avoided: name !== title && dir.has(title) ? title : null };
  }
  let name = title;
  for (let n = 1; dir.has(name); n++) name = n === 1 ? `${title} (Sodatsu)` : `${title} (Sodatsu ${n})`;
  const sheet = dir.ss.insertSheet(name);
  sheet.addDeveloperMetadata(GENERATED_KEY, part);
  dir.add(sheet, name, part);
  return { sheet, name, avoided: name === title ? null : title };
}

/** The toast/log line for outputs that had to avoid a user sheet's name. */
export function avoidedNote(outputs: readonly OutputSheet[], lang: "ja" | "en"): string {
  const moved = outputs.filter((o) => o.avoided !== null);
  if (moved.length === 0) return "";
  return lang === "ja"
    ? ` 同じ名前のシートがあったため、${moved.map((o) => `「${o.avoided}」は「${o.name}」`).join("、")}に書き出しました(元のシートは変更していません)。`
    : ` Sheets with the same name exist, so ${moved.map((o) => `"${o.avoided}" went to "${o.name}"`).join(", ")} (your sheets are untouched).`;
}
