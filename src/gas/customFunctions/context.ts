import {
  type DayNumber,
  DEFAULT_SETTINGS,
  parseDay,
  parseIsoDay,
  type Settings,
  settingsFromPairs,
  todayIn,
} from "../../core/index";
import { argumentError, isBlankCell } from "./cells";

/**
 * The two arguments every custom function shares. Custom functions are recalculated only when their arguments
 * change, so nothing is read behind the user's back: the settings come in as a range (the named range
 * SODATSU_SETTINGS) and the as-of date as a value (TODAY()), never from PropertiesService or the clock alone.
 */

/**
 * The settings range (2 columns: key, value) as validated Settings; omitted → the defaults. Invalid settings fail
 * the whole call with the field's message: silently falling back to defaults would show wrong states.
 */
export function readSettings(arg: unknown): Settings {
  if (isBlankCell(arg)) return DEFAULT_SETTINGS;
  if (!Array.isArray(arg)) {
    throw argumentError({
      ja: "settings には設定シートの2列の範囲(SODATSU_SETTINGS)を指定してください",
      en: "settings must be the 2-column settings range (SODATSU_SETTINGS)",
    });
  }
  // The settings sheet leaves timeZone blank for "the spreadsheet's zone", which a custom function cannot ask
  // for without a service call: a blank zone keeps the default (Asia/Tokyo) here.
  const rows = (arg as unknown[][]).filter((row) => !(row[0] === "timeZone" && isBlankCell(row[1])));
  const checked = settingsFromPairs(rows);
  if (checked.ok) return checked.value;
  const ja = checked.errors.map((e) => `${e.field}: ${e.message.ja}`).join("; ");
  const en = checked.errors.map((e) => `${e.field}: ${e.message.en}`).join("; ");
  throw argumentError({ ja: `設定に誤りがあります。${ja}`, en: `Invalid settings. ${en}` });
}

/**
 * The as-of day: the as_of argument, else the settings' fixed date, else today in the settings' time zone. The
 * last one does not move by itself at midnight (Sheets does not recalculate without an argument change), which is
 * why the help text asks for TODAY().
 */
export function readAsOf(arg: unknown, settings: Settings, nowMs: number = Date.now()): DayNumber {
  if (!isBlankCell(arg)) {
    const day = parseDay(arg, settings);
    if (day === null) {
      throw argumentError({
        ja: `as_of の日付を読めません: ${String(arg)}`,
        en: `Cannot read the as_of date: ${arg}`,
      });
    }
    return day;
  }
  if (settings.asOf) {
    const fixed = parseIsoDay(settings.asOf);
    if (fixed !== null) return fixed;
  }
  return todayIn(settings.timeZone, nowMs);
}
