import type { CallLog } from "./callLog";
import { recorded } from "./callLog";

/**
 * What every fake shares: the call log and the vm realm's Date, so Dates handed to the script are Dates of its
 * own realm (`value instanceof Date` holds in the bundle, as in Apps Script).
 */
export interface Env {
  log: CallLog;
  RealmDate: DateConstructor;
  timeZone: () => string;
}

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** Exposes a fake to the script: method calls on the result are recorded as `type.method`. */
export function expose<T extends object>(env: Env, obj: T, type: string, sheetName?: () => string): T {
  return recorded(obj, type, env.log, sheetName);
}

/** Midnight of a calendar day in a time zone, as an instant (how Sheets reads "2026-10-31" typed into a cell). */
export function zonedMidnight(y: number, m: number, d: number, timeZone: string): number {
  const utc = Date.UTC(y, m - 1, d);
  const offset = zoneOffsetMs(utc, timeZone);
  const guess = utc - offset;
  return utc - zoneOffsetMs(guess, timeZone);
}

function zoneOffsetMs(instant: number, timeZone: string): number {
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
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}
