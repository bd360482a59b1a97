// The input half of the core on the CLI's hot path: 1,000,000 raw order rows (about 200,000 customers, order
// totals repeated on each line item, text cells as a CSV reader gives them) through cleaning, histories and
// summaries, then through analyzeCleaned (states, scores) for the whole pipeline. Prints rows/s, times and
// peak heap. Run with `npx tsx bench/run.ts core` (node --expose-gc for exact memory figures).
import { analyzeCleaned } from "../src/core/analyze";
import { OrderCleaner } from "../src/core/clean";
import { dayFromYmd, formatDay } from "../src/core/day";
import { detectOrderMapping } from "../src/core/mapping";
import { parseDay } from "../src/core/parseDate";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { buildHistories, summarize } from "../src/core/summary";

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AS_OF = dayFromYmd(2026, 10, 31);
const HEADER = ["注文番号", "顧客ID", "注文日時", "合計金額", "ステータス", "氏名"];

/**
 * Rows as strings, generated in chunks as a CSV reader would hand them over (the CLI never holds all rows):
 * orders of 1–3 lines with the total on every line, ~1% cancelled, ~0.5% unreadable dates.
 */
function* chunks(rowCount: number, customers: number, size: number): Generator<string[][]> {
  const r = rng(7);
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

export async function run(): Promise<void> {
  dateForms();
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
  let pushMs = 0;
  let pushCpu = 0;
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const cpu0 = process.cpuUsage();
  let rowNumber = 2;
  for (const rows of chunks(N, 200_000, 50_000)) {
    const s = performance.now();
    const sc = cpuMs();
    for (const row of rows) cleaner.push(row, rowNumber++);
    pushMs += performance.now() - s;
    pushCpu += cpuMs() - sc;
    sample();
  }
  const f0 = performance.now();
  const fc0 = cpuMs();
  const cleaned = cleaner.finish();
  const cleanCpu = pushCpu + cpuMs() - fc0;
  sample();
  const t1 = performance.now();
  const t0 = t1 - pushMs - (t1 - f0);
  const hc0 = cpuMs();
  const histories = buildHistories(cleaned.orders);
  const summaries = summarize(histories, AS_OF, cleaned.names);
  summarize(histories, AS_OF - 30, cleaned.names);
  sample();
  const t2 = performance.now();
  const histCpu = cpuMs() - hc0;
  const ac0 = cpuMs();
  const result = analyzeCleaned(cleaned, {}, settings, AS_OF);
  sample();
  const t3 = performance.now();
  const analyzeCpu = cpuMs() - ac0;
  // CPU time of the whole run (row generation included): wall times suffer when other processes share the cores.
  const cpu = process.cpuUsage(cpu0);

  const c = cleaned.counts;
  console.log(
    `rows ${N.toLocaleString()}: used ${c.used}, cancelled ${c.cancelled}, bad date ${c.bad_date}, after as-of ${c.after_as_of}; orders ${cleaned.orders.length}, customers ${summaries.length}`,
  );
  console.log(
    `clean            ${(t1 - t0).toFixed(0)} ms, CPU ${cleanCpu.toFixed(0)} ms  (${Math.round(N / ((t1 - t0) / 1000)).toLocaleString()} rows/s)`,
  );
  console.log(`histories+2×summ ${(t2 - t1).toFixed(0)} ms, CPU ${histCpu.toFixed(0)} ms`);
  console.log(
    `analyzeCleaned   ${(t3 - t2).toFixed(0)} ms, CPU ${analyzeCpu.toFixed(0)} ms  (histories, summaries ×2, states, scores; ${result.customers.length} rows)`,
  );
  console.log(
    `core pipeline    ${(t1 - t0 + (t3 - t2)).toFixed(0)} ms, CPU ${(cleanCpu + analyzeCpu).toFixed(0)} ms  (clean + analyzeCleaned; ${Math.round(N / ((t1 - t0 + t3 - t2) / 1000)).toLocaleString()} rows/s)`,
  );
  console.log(
    `process CPU time ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms for row generation + the whole run above (wall ${(t3 - t0).toFixed(0)} ms)`,
  );
  console.log(
    `peak heap above the generated rows: ${mb(peak - base)} (sampled${gc ? "" : "; run node --expose-gc for a clean baseline"})`,
  );
}
