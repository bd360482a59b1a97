/**
 * Every call the add-on makes on a fake Apps Script service, in order. Tests count them (a run must not make more
 * calls for more data) and look for particular ones (no setValues on an input sheet).
 */
export interface Call {
  /** "Service.method", e.g. "Range.setValues" or "SpreadsheetApp.getActiveSpreadsheet". */
  name: string;
  /** For sheet-bound objects, the sheet's name at the time of the call. */
  sheet?: string;
  args: unknown[];
}

export class CallLog {
  readonly calls: Call[] = [];

  record(name: string, args: unknown[], sheet?: string): void {
    this.calls.push({ name, args, sheet });
  }

  count(filter?: (c: Call) => boolean): number {
    return filter ? this.calls.filter(filter).length : this.calls.length;
  }

  named(name: string): Call[] {
    return this.calls.filter((c) => c.name === name);
  }

  reset(): void {
    this.calls.length = 0;
  }
}

const RAW = Symbol("raw");
const cache = new WeakMap<object, object>();

/**
 * Wraps a fake so that each method call the script makes is recorded under `Type.method`. The fakes call each
 * other through the raw objects, so only the script's own calls count — as quotas and latency in Apps Script do.
 */
export function recorded<T extends object>(
  target: T,
  type: string,
  log: CallLog,
  sheetName?: () => string,
): T {
  const hit = cache.get(target);
  if (hit) return hit as T;
  const proxy = new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === RAW) return obj;
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== "function" || typeof prop !== "string" || prop === "constructor") return value;
      return (...args: unknown[]) => {
        log.record(`${type}.${prop}`, args, sheetName?.());
        const out = value.apply(obj, args.map(unwrap));
        return out === obj ? proxy : out; // chained calls (range.setValues(...).setNumberFormat(...)) stay recorded
      };
    },
  });
  cache.set(target, proxy);
  return proxy;
}

/** The raw fake behind a recorded proxy (the script passes ranges back, e.g. to setNamedRange). */
export function unwrap<T>(value: T): T {
  if (value && typeof value === "object" && (value as Record<symbol, unknown>)[RAW])
    return (value as Record<symbol, unknown>)[RAW] as T;
  return value;
}
