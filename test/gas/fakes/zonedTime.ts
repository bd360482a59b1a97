/**
 * Calendar time in a time zone, as the fakes need it: Sheets reads a typed date as midnight in the spreadsheet's
 * zone, and Utilities.formatDate prints an instant's fields in a given zone. Both rest on the same wall clock.
 */

/** The wall-clock fields of an instant in a time zone, two digits each (year four), 00–23 hours. */
export function wallClock(
  instant: number,
  timeZone: string,
): Record<"year" | "month" | "day" | "hour" | "minute" | "second", string> {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** Midnight of a calendar day in a time zone, as an instant (how Sheets reads "2026-10-31" typed into a cell). */
export function zonedMidnight(y: number, m: number, d: number, timeZone: string): number {
  const utc = Date.UTC(y, m - 1, d);
  const offset = zoneOffsetMs(utc, timeZone);
  const guess = utc - offset;
  return utc - zoneOffsetMs(guess, timeZone);
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(+w.year, +w.month - 1, +w.day, +w.hour, +w.minute, +w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}
