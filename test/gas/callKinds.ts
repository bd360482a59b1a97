import type { Call } from "./fakes/index";

/**
 * The calls of an action by kind, to explain its count: "data" moves cell contents between the script and a sheet
 * (the round trips that grow heavy with the data, though never more numerous), "lookup" finds the spreadsheet, its
 * sheets, ranges, sizes and the add-on's index, "layout" creates and sizes sheets and sets their look (header,
 * chart, dropdowns, the index), "ui" talks to the user, "lock" is the document lock.
 */
export type CallKind = "data" | "lookup" | "layout" | "ui" | "lock";
export const CALL_KINDS: readonly CallKind[] = ["data", "lookup", "layout", "ui", "lock"];

const DATA = new Set(["Range.getValues", "Range.setValues", "Range.setNumberFormats"]);

export function callKind(name: string): CallKind {
  if (DATA.has(name)) return "data";
  if (/^(Lock|LockService)\./.test(name)) return "lock";
  if (/\.toast$|^Ui\.|\.getUi$/.test(name)) return "ui";
  if (/\.(get\w*|find|with\w+|createDeveloperMetadataFinder)$/.test(name)) return "lookup";
  return "layout";
}

export function countByKind(calls: readonly Call[]): Record<CallKind, number> {
  const out: Record<CallKind, number> = { data: 0, lookup: 0, layout: 0, ui: 0, lock: 0 };
  for (const c of calls) out[callKind(c.name)]++;
  return out;
}

export const kindsText = (counts: Record<CallKind, number>): string =>
  CALL_KINDS.map((k) => `${k} ${counts[k]}`).join(", ");
