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
