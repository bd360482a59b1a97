import type { Lang } from "../../core/index";
import { CELL_LIMIT_HINT, isCellLimitError } from "./sizeLimits";

export type Text = { ja: string; en: string };

/**
 * A problem the shop owner can fix (a missing column, a sheet too large, a run already going). Menu actions catch
 * it and show the message in the sheet's language; anything else is a bug and keeps its stack trace for the log.
 */
export class UserError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = "UserError";
  }
}

export const pick = (lang: Lang, text: Text): string => (lang === "ja" ? text.ja : text.en);

/** The add-on's name as the title of every toast it shows. */
export const TOAST_TITLE: Text = { ja: "育つ", en: "Sodatsu" };

/** Shows a user error as an alert (the action stops), or rethrows a bug. */
export function reportFailure(error: unknown, lang: Lang): void {
  if (isCellLimitError(error)) error = new UserError(CELL_LIMIT_HINT);
  if (!(error instanceof UserError)) throw error;
  const title = lang === "ja" ? "育つ (Sodatsu)" : "Sodatsu";
  SpreadsheetApp.getUi().alert(title, pick(lang, error.text), SpreadsheetApp.getUi().ButtonSet.OK);
}
