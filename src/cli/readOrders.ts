import {
  type CleanResult,
  type DayNumber,
  detectOrderMapping,
  OrderCleaner,
  type PresetName,
  type Settings,
} from "../core/index";
import { detach } from "./csvTokenizer";
import { CliError, clip, oneLine } from "./errors";
import { progressBar } from "./progress";
import { readTableFast } from "./readInWorker";
import { MAX_SKIPPED_DETAIL } from "./skippedDetail";

/**
 * Streams one order export into the core's OrderCleaner: the header picks the column mapping (a preset, or
 * "auto" from the header), then every row is pushed as it is read, so memory grows with orders and customers,
 * never with raw rows. The chosen preset and columns are reported on stderr.
 */
export async function cleanOrderFile(
  file: string,
  preset: PresetName | "auto",
  settings: Settings,
  asOf: DayNumber,
  say: (line: string) => void,
): Promise<CleanResult> {
  const lang = settings.language;
  const t = (ja: string, en: string) => (lang === "ja" ? ja : en);
  let cleaner: OrderCleaner | null = null;
  const bar = progressBar(t("読み込み中", "Reading"));
  try {
    await readTableFast(file, {
      header(fields) {
        const found = detectOrderMapping(fields, preset);
        if (!found.ok)
          throw new CliError(
            `${oneLine(file)}: ${clip(found.message.ja)}`,
            `${oneLine(file)}: ${clip(found.message.en)}`,
          );
        const columns = Object.entries(found.columns)
          .map(([role, header]) => `${role}=${oneLine(String(header))}`)
          .join(", ");
        const how = preset === "auto" ? t("自動判定", "auto-detected") : t("指定", "as given");
        say(
          t(`プリセット: ${found.preset}(${how}) ${columns}`, `Preset: ${found.preset} (${how}) ${columns}`),
        );
        const c = new OrderCleaner(found.mapping, {
          timeZone: settings.timeZone,
          dayFirst: settings.dayFirst,
          asOf,
          headers: fields,
          maxSkippedRows: MAX_SKIPPED_DETAIL,
          // Cells are slices of a megabyte of file text: what the cleaner keeps (a new customer key or order
          // id, a name, a reason) is copied out of it (see detach), and only that, not every row's key cells.
          ownKey: detach,
        });
        cleaner = c;
        // The cleaner reads a row's cells while it is pushed and keeps none of the array (OrderCleaner.push).
        return { columns: mappedColumns(found.mapping), row: (row, n) => c.push(row, n), reusesRow: true };
      },
      progress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.done();
  }
  return (cleaner as OrderCleaner | null)!.finish();
}

/** Several exports of one shop (say one per year) as one history: orders, row buckets and skipped rows add up. */
export function mergeCleaned(parts: readonly CleanResult[]): CleanResult {
  if (parts.length === 1) return parts[0];
  const merged: CleanResult = {
    orders: [],
    counts: { used: 0, missing_customer: 0, bad_date: 0, bad_amount: 0, cancelled: 0, after_as_of: 0 },
    skipped: [],
    names: new Map(),
  };
  for (const p of parts) {
    for (const o of p.orders) merged.orders.push(o);
    for (const k of Object.keys(merged.counts) as (keyof CleanResult["counts"])[])
      merged.counts[k] += p.counts[k];
    for (const s of p.skipped) merged.skipped.push(s);
    for (const [k, v] of p.names) if (!merged.names.has(k)) merged.names.set(k, v);
  }
  return merged;
}

/**
 * The columns the cleaner reads: every column index of the mapping (customer, date, order id, amount, quantity,
 * unit price, status, name, a platform's cancellation column). The others are never cut out of the file text.
 * test/cli/readOrders.test.ts checks that the cleaner gives the same result with and without this on every
 * preset's sample, so a column the cleaner starts to read elsewhere shows up there.
 */
export function mappedColumns(mapping: object): number[] {
  return Object.values(mapping).filter((v): v is number => typeof v === "number" && Number.isInteger(v));
}
