/**
 * Shared set-up of the menu-action tests: a fake spreadsheet world (test/gas/fakes) with the BUILT bundle loaded
 * into it (test/gas/loadBundle.ts), and a deterministic order export that looks like a real one.
 */

import { mulberry32 } from "../support/seededRandom";
import { createGasWorld, type GasOptions, type GasWorld } from "./fakes/index";
import type { FakeSheet } from "./fakes/sheet";
import { type Bundle, loadBundle } from "./loadBundle";

export interface Harness {
  world: GasWorld;
  gas: Bundle;
}

export function newHarness(options: GasOptions = {}): Harness {
  const world = createGasWorld(options);
  // The fakes record their own calls (per object type), so the loader's recording stays off.
  const gas = loadBundle(world.globals, { record: false });
  return { world, gas };
}

export const ORDER_HEADER = ["顧客ID", "注文番号", "注文日時", "合計金額", "ステータス", "氏名"];
export const HOSTILE_NAMES = ['=HYPERLINK("https://example.com","x")', "+1", "-2", "@x"];

/**
 * `n` order rows (plus the header) over two years ending 2026-10-31: customers who buy once, regulars on a
 * monthly rhythm, lapsed ones; dates mostly as Sheets Dates (10:00 in Tokyo), some as text; a few cancellations,
 * unreadable dates and missing customers; the first customers carry names that look like formulas.
 */
export function orderRows(n: number, seed = 7): unknown[][] {
  const rand = mulberry32(seed);
  const rows: unknown[][] = [ORDER_HEADER];
  const customers = Math.max(10, Math.floor(n / 4));
  const end = Date.UTC(2026, 9, 31, 1); // 10:00 JST
  const day = 86_400_000;
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rand() ** 1.6 * customers);
    const key = `C${String(c).padStart(6, "0")}`;
    const name = c < HOSTILE_NAMES.length ? HOSTILE_NAMES[c] : `顧客${c}`;
    const ageDays = Math.floor(rand() * 730 * (c % 3 === 0 ? 0.3 : 1));
    const when = new Date(end - ageDays * day);
    const r = rand();
    const date: unknown =
      r < 0.005
        ? "not a date"
        : r < 0.1
          ? `${when.getUTCFullYear()}/${when.getUTCMonth() + 1}/${when.getUTCDate()}`
          : when;
    const status = rand() < 0.03 ? "キャンセル" : "発送済み";
    const amount = Math.round(1000 + rand() * 9000);
    rows.push([rand() < 0.003 ? "" : key, `O${i + 1}`, date, amount, status, name]);
  }
  return rows;
}

/** A new spreadsheet (its one blank sheet, シート1) after テンプレートを準備: the input sheets and 設定, no data yet. */
export function templateShop(options: GasOptions = {}): Harness {
  const h = newHarness(options);
  h.world.ss.addSheetWithValues("シート1", []);
  h.gas.call("menuSetupTemplate");
  return h;
}

/**
 * A shop right before its monthly run: the template set up (its input sheets in the locale's language), `rows`
 * pasted into the orders sheet, and the as-of date fixed to the end of orderRows so no test depends on today.
 */
export function preparedShop(rows: unknown[][] = orderRows(400), options: GasOptions = {}): Harness {
  const h = templateShop(options);
  const orders = h.world.ss.sheetNamed("注文") ?? h.world.ss.sheetNamed("Orders");
  if (!orders) throw new Error("the template did not create the orders sheet");
  orders.paste(rows);
  setSetting(h.world, "asOf", "2026-10-31");
  return h;
}

/** Puts a value into the 設定 sheet's row for `key` (as a user would type it). */
export function setSetting(world: GasWorld, key: string, value: unknown): void {
  const sheet = world.ss.sheetNamed("設定") ?? world.ss.sheetNamed("Settings");
  if (!sheet) throw new Error("no settings sheet");
  for (let r = 1; r <= sheet.getLastRow(); r++)
    if (sheet.cellAt(r, 1)?.value === key) {
      sheet.setCell(r, 2, { value: value as string });
      return;
    }
  throw new Error(`no setting ${key}`);
}

/** Every cell of a sheet as [row][col] values (raw, unrecorded). */
export function sheetValues(sheet: FakeSheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= sheet.getLastRow(); r++) {
    const line: unknown[] = [];
    for (let c = 1; c <= sheet.getLastColumn(); c++) line.push(sheet.cellAt(r, c)?.value ?? "");
    out.push(line);
  }
  return out;
}

/** The add-on's index of generated sheets (spreadsheet-level developer metadata): part → sheet id. */
export function generatedIds(world: GasWorld): Record<string, number> {
  const meta = world.ss.metadata.find((m) => m.key === "sodatsu.sheets");
  return meta ? (JSON.parse(meta.value ?? "{}").sheets ?? {}) : {};
}

/** The sheets the index marks as generated, in tab order. */
export function generatedSheets(world: GasWorld): FakeSheet[] {
  const ids = Object.values(generatedIds(world));
  return world.ss.sheets.filter((s) => ids.includes(s.id));
}

/** The sheet the index holds for one part ("customers", "diagnosis", …). */
export function generatedSheet(world: GasWorld, part: string): FakeSheet | undefined {
  const id = generatedIds(world)[part];
  return world.ss.sheets.find((s) => s.id === id);
}

export function snapshotOf(sheets: readonly FakeSheet[]): string[] {
  return sheets.map((s) => s.snapshot());
}
