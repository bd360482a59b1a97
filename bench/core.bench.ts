// The core on the CLI's hot path (issue 3's target: ≤ 1.0 s and ≤ 500 MB): 1,000,000 raw order rows (about 200,000
// customers, order totals repeated on each line item, text cells as a CSV reader gives them) through cleaning and
// analyzeCleaned (histories, summaries, states, scores, follow-up list). Prints rows/s, wall and CPU time per
// phase, and peak heap. Run with `npm run build && node --expose-gc --import tsx bench/run.ts core`.
import { analyzeCleaned } from "../src/core/analyze";
import { OrderCleaner } from "../src/core/clean";
import { addMonths, dayFromYmd, formatDay } from "../src/core/day";
import { followUpList } from "../src/core/followUp";
import { detectOrderMapping } from "../src/core/mapping";
import { parseDay } from "../src/core/parseDate";
import { medianOrderValue } from "../src/core/segment";
import { medianInPlace } from "../src/core/select";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { topMonetaryCut, topMonetaryCutOfSorted } from "../src/core/state";
import {
  cleanedNamesInKeyOrder,
  historiesOfCleaned,
  repurchaseIntervalArray,
  salesBetween,
} from "../src/core/summary";
import { figuresAtTwoDates } from "../src/core/summaryFigures";
import type { CleanResult, Settings } from "../src/core/types";
import { monetaryRanks } from "../src/core/vipScore";
import { mulberry32 } from "../test/support/seededRandom";

const AS_OF = dayFromYmd(2026, 10, 31);
const HEADER = ["注文番号", "顧客ID", "注文日時", "合計金額", "ステータス", "氏名"];

/**
 * Rows as strings, generated in chunks as a CSV reader would hand them over (the CLI never holds all rows):
 * orders of 1–3 lines with the total on every line, ~1% cancelled, ~0.5% unreadable dates.
 */
function* chunks(rowCount: number, customers: number, size: number): Generator<string[][]> {
  const r = mulberry32(7);
  let order = 100000;
  let made = 0;
  const start = dayFromYmd(2023, 1, 1);
  let rows: string[][] = [];
  while (made < rowCount) {
    const c = Math.floor(customers * r() ** 1.4);
    const key = `C${String(c).padStart(6, "0")}`;
    const day = start + Math.floor(r() * (AS_OF - start + 30));
    const hh = String(Math.floor(r() * 24)).padStart(2, "0");
    const mm = String(Math.floor(r() * 60)).padStart(2, "0");
    const date = r() < 0.005 ? "不明" : flat(`${formatDay(day)} ${hh}:${mm}:00`);
    const total = String(Math.round(1000 + r() * 20000));
    const status = r() < 0.01 ? "キャンセル" : "発送済み";
    const lines = 1 + Math.floor(r() * 3);
    order++;
    for (let l = 0; l < lines && made < rowCount; l++) {
      rows.push([String(order), key, date, total, status, `顧客${c}`]);
      made++;
      if (rows.length === size) {
        yield rows;
        rows = [];
      }
    }
  }
  if (rows.length > 0) yield rows;
}

/**
 * A flat copy of a string. Template literals of 13+ characters are V8 "cons" strings whose first character read
 * flattens them, a cost a CSV reader's cells (built from the input buffer) never have; the bench should not time it.
 */
function flat(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** parseDay alone on a million texts of each common form (the brief: well under a second, no Intl for plain dates). */
function dateForms(): void {
  const N = 1_000_000;
  const start = dayFromYmd(2024, 1, 1);
  const forms: [string, (day: string, i: number) => string][] = [
    ["2026-05-29", (d) => d],
    ["2026-05-29 10:39:00", (d, i) => `${d} ${String(i % 24).padStart(2, "0")}:39:00`],
    ["2026-05-29 01:39:00 +0000", (d, i) => `${d} ${String(i % 24).padStart(2, "0")}:39:00 +0000`],
    ["2026年5月29日", (d) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`],
  ];
  const opts = { timeZone: "Asia/Tokyo", dayFirst: false };
  for (const [label, make] of forms) {
    const texts: string[] = new Array(N);
    for (let i = 0; i < N; i++) texts[i] = flat(make(formatDay(start + ((i * 7919) % 900)), i));
    const t = performance.now();
    let sum = 0;
    for (let i = 0; i < N; i++) sum += parseDay(texts[i], opts) ?? 0;
    const ms = performance.now() - t;
    if (sum === 0) throw new Error("no dates read");
    console.log(`parseDay ×1M ${label.padEnd(26)} ${ms.toFixed(0)} ms`);
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** CPU time of the process (all threads, GC helpers included), in ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall and CPU time of one phase; the machine is shared, so CPU is the steadier figure. */
interface Phase {
  label: string;
  wall: number;
  cpu: number;
}

function timed<T>(phases: Phase[], label: string, fn: () => T): T {
  const w = performance.now();
  const c = cpuMs();
  const value = fn();
  phases.push({ label, wall: performance.now() - w, cpu: cpuMs() - c });
  return value;
}

function show(p: Phase, note = ""): void {
  console.log(
    `${p.label.padEnd(28)} ${p.wall.toFixed(0).padStart(5)} ms, CPU ${p.cpu.toFixed(0).padStart(5)} ms${note ? `  ${note}` : ""}`,
  );
}

/**
 * The parts analyzeCleaned is made of, each timed on its own over the same cleaned orders and from a collected
 * heap, so that a collection owed to earlier work does not land in a small part (the rows loop — states,
 * scores, segments, one CustomerRow each — and the collections are what remains of analyzeCleaned's time).
 */
function analysisParts(cleaned: CleanResult, settings: Settings, phases: Phase[]): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const part = <T>(label: string, fn: () => T): T => {
    gc?.();
    return timed(phases, label, fn);
  };
  const histories = part("  histories", () => historiesOfCleaned(cleaned));
  // analyzeCleaned reads every customer's figures as of both dates in one pass (no summary objects without a
  // model or RFM), and the names in key order.
  const { later: monetaries, earlier } = part("  figures (both dates)", () => {
    cleanedNamesInKeyOrder(cleaned, histories);
    const both = figuresAtTwoDates(histories, AS_OF, addMonths(AS_OF, -1));
    return { later: both.later.monetaries, earlier: both.earlier.monetaries };
  });
  part("  ranks (cut, share, medians)", () => {
    // As analyzeCleaned ranks: one argsort gives the cut and every share; the month-earlier cut by selection.
    topMonetaryCutOfSorted(monetaryRanks(monetaries).sorted, settings.vipTopPercent);
    topMonetaryCut(earlier, settings.vipTopPercent);
    medianOrderValue(histories.days, histories.amounts, AS_OF);
    salesBetween(histories, addMonths(AS_OF, -12) + 1, AS_OF);
    medianInPlace(repurchaseIntervalArray(histories, AS_OF));
  });
}

export async function run(options: { forms?: boolean } = {}): Promise<void> {
  if (options.forms !== false) dateForms();
  const N = 1_000_000;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };

  const found = detectOrderMapping(HEADER, "auto");
  if (!found.ok) throw new Error(found.message.en);
  const settings = { ...DEFAULT_SETTINGS };
  const cleaner = new OrderCleaner(found.mapping, {
    timeZone: settings.timeZone,
    dayFirst: false,
    asOf: AS_OF,
    headers: HEADER,
  });
  // Only the pushes are timed; generating the text rows is the CSV reader's work, not the core's.
  const push: Phase = { label: "clean: push", wall: 0, cpu: 0 };
  const cpu0 = process.cpuUsage();
  let rowNumber = 2;
  for (const rows of chunks(N, 200_000, 50_000)) {
    const s = performance.now();
    const sc = cpuMs();
    for (const row of rows) cleaner.push(row, rowNumber++);
    push.wall += performance.now() - s;
    push.cpu += cpuMs() - sc;
    sample();
  }
  const phases: Phase[] = [push];
  const cleaned = timed(phases, "clean: finish", () => cleaner.finish());
  sample();
  const result = timed(phases, "analyzeCleaned", () => analyzeCleaned(cleaned, {}, settings, AS_OF));
  sample();
  // CPU time of the whole run (row generation included): wall times suffer when other processes share the cores.
  const cpu = process.cpuUsage(cpu0);
  const pipelinePeak = peak;
  const [pushed, finished, analyzed] = phases;
  const parts: Phase[] = [];
  analysisParts(cleaned, settings, parts);
  (globalThis as { gc?: () => void }).gc?.();
  timed(parts, "  follow-up list", () =>
    followUpList(result.customers, { settings, visitsLoaded: false, asOf: AS_OF }),
  );
  const partsOf = (key: "wall" | "cpu") => parts.reduce((sum, p) => sum + p[key], 0);
  const rowsLoop: Phase = {
    label: "  rows loop + GC (remainder)",
    wall: analyzed.wall - partsOf("wall"),
    cpu: analyzed.cpu - partsOf("cpu"),
  };

  const c = cleaned.counts;
  console.log(
    `rows ${N.toLocaleString()}: used ${c.used}, cancelled ${c.cancelled}, bad date ${c.bad_date}, after as-of ${c.after_as_of}; orders ${cleaned.orders.length}, customers ${result.customers.length}`,
  );
  const cleanWall = pushed.wall + finished.wall;
  show(pushed);
  show(finished);
  show(
    { label: "clean", wall: cleanWall, cpu: pushed.cpu + finished.cpu },
    `(${Math.round(N / (cleanWall / 1000)).toLocaleString()} rows/s)`,
  );
  show(analyzed, `(${result.customers.length} customer rows; its parts, timed again one by one:)`);
  for (const p of parts) show(p);
  show(rowsLoop);
  const wall = cleanWall + analyzed.wall;
  show(
    { label: "core pipeline", wall, cpu: pushed.cpu + finished.cpu + analyzed.cpu },
    `(clean + analyzeCleaned; ${Math.round(N / (wall / 1000)).toLocaleString()} rows/s)`,
  );
  console.log(
    `process CPU time ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms for row generation + clean + analyzeCleaned`,
  );
  console.log(
    `peak heap above the generated rows: ${mb(pipelinePeak - base)} (sampled${gc ? "" : "; run node --expose-gc for a clean baseline"}); peak RSS of the process ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}
