import type { Lang } from "../core/index";

/** "ja", "ja_JP" → Japanese; any other readable locale → English; unreadable → Japanese (the product's default). */
export function langOfLocale(locale: string | null | undefined): Lang {
  if (!locale) return "ja";
  return /^ja([_-]|$)/i.test(locale) ? "ja" : "en";
}

/**
 * The language of the add-on's own UI (menu, sidebar title). In AuthMode.NONE the add-on may not open the
 * spreadsheet, so it asks Session for the user's locale, which needs no authorization; otherwise the spreadsheet's
 * locale decides, as the issue asks. Any failure falls back to Japanese rather than breaking the menu.
 */
export function uiLang(authorized: boolean): Lang {
  try {
    const locale = authorized
      ? SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale()
      : Session.getActiveUserLocale();
    return langOfLocale(locale);
  } catch {
    return "ja";
  }
}
