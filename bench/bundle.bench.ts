// The Apps Script bundle: every custom-function call loads and evaluates the whole of dist/Code.js, so its size
// and start-up time are paid per recalculation (targets: ≤ 200 KB, ≤ 20 ms). The menu actions and the sidebar's
// server functions also evaluate dist/actions.html on their first call (src/gas/lazyActions.ts): that is what a
// menu click or a sidebar request pays on top. Then the big custom-function calls.
import { readFileSync } from "node:fs";
import { createContext, Script } from "node:vm";
import { ACTIONS_PATH, BUNDLE_PATH, bundleSource, ensureBundle, loadBundle } from "../test/gas/loadBundle";
import { sharedPath } from "../test/support/sharedData";
import { median, timed } from "./measure";

/**
 * Bytes of dist/Code.js (or dist/actions.html) per area, read from the file itself: esbuild starts each module's
 * code with a `// src/...` line at column 0, and everything after "// ---- Entry points" (Code.js only) is the
 * generated wrappers and JSDoc.
 */
export function sizeByArea(code: string): { areas: Map<string, number>; files: Map<string, number> } {
  const areas = new Map<string, number>();
  const files = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, bytes: number) =>
    map.set(key, (map.get(key) ?? 0) + bytes);
  const marked = code.lastIndexOf("\n// ---- Entry points");
  const entries = marked < 0 ? code.length : marked;
  let current = "header";
  for (const line of code.slice(0, entries).split("\n")) {
    const marker = /^\/\/ (src\/\S+\.ts)$/.exec(line);
    if (marker) current = marker[1];
    add(files, current, Buffer.byteLength(line) + 1);
  }
  if (marked >= 0) add(files, "entry points (wrappers + JSDoc)", Buffer.byteLength(code.slice(entries)));
  for (const [file, bytes] of files) {
    const area = file.startsWith("src/core/model/") ? "model" : (/^src\/(\w+)\//.exec(file)?.[1] ?? file);
    add(areas, area, bytes);
  }
  return { areas, files };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const DAY_MS = 86_400_000;
const AS_OF = new Date("2026-10-31T00:00:00+09:00");

/** Sizes of one built file: total, Japanese text, indentation, by area and the biggest modules. */
function printSizes(label: string, code: string, target: string): void {
  console.log(`${label}: ${kb(Buffer.byteLength(code))}${target}`);
  const { areas, files } = sizeByArea(code);
  // Japanese is 3 bytes a character in UTF-8: the share of the file that is user-facing Japanese text.
  const japanese = Buffer.byteLength(code.replace(/\p{ASCII}/gu, ""));
  const indentation = Buffer.byteLength(code.match(/^[\t ]+/gm)?.join("") ?? "");
  console.log(`  of which non-ASCII (Japanese) text ${kb(japanese)}, indentation ${kb(indentation)}`);
  const byArea = [...areas].sort((a, b) => b[1] - a[1]);
  console.log(`  by area: ${byArea.map(([area, n]) => `${area} ${kb(n)}`).join(", ")}`);
  const biggest = [...files].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(
    `  biggest: ${biggest.map(([file, n]) => `${file.replace(/^src\//, "")} ${kb(n)}`).join(", ")}`,
  );
}

/**
 * A fresh context that has run Code.js, then (with `withActions`) what a menu click pays before its own work: the
 * HtmlService read of actions.html and its evaluation. The action itself then stops at its first other service
 * (none exists here), which is checked so that the figure cannot silently leave the actions out.
 */
function evaluate(source: string, actions: string, withActions: boolean, name: string): void {
  const html = { createHtmlOutputFromFile: () => ({ getContent: () => actions }) };
  const context = createContext({ Date, HtmlService: html });
  new Script(source, { filename: name }).runInContext(context);
  if (!withActions) return;
  try {
    (context as { getSidebarState: () => unknown }).getSidebarState();
  } catch (error) {
    if (/SpreadsheetApp is not defined/.test(String(error))) return;
    throw error;
  }
  throw new Error("getSidebarState ran without SpreadsheetApp: the actions were not what was measured");
}

export async function run(): Promise<void> {
  ensureBundle();
  const code = readFileSync(BUNDLE_PATH, "utf8");
  const actions = readFileSync(ACTIONS_PATH, "utf8");
  printSizes("dist/Code.js", code, " (target ≤ 200 KB; loaded on every custom-function call)");
  printSizes("dist/actions.html", actions, " (read by menu actions and sidebar requests only)");
  const both = Buffer.byteLength(code) + Buffer.byteLength(actions);
  console.log(`Code.js + actions.html (what a menu click or sidebar request loads): ${kb(both)}`);

  // Parse + evaluate in a fresh context, as each custom-function call does (no code cache).
  const { source } = bundleSource();
  const parses: number[] = [];
  const evals: number[] = [];
  const clicks: number[] = [];
  for (let i = 0; i < 41; i++) {
    parses.push(timed(() => new Script(source, { filename: `Parse${i}.js` })).wall);
    evals.push(timed(() => evaluate(source, actions, false, `Code${i}.js`)).wall);
    clicks.push(timed(() => evaluate(source, actions, true, `Click${i}.js`)).wall);
  }
  console.log(
    `evaluate Code.js in a vm (parse + run): median ${median(evals).toFixed(2)} ms of ${evals.length}, parse alone ${median(parses).toFixed(2)} ms (target ≤ 20 ms)`,
  );
  console.log(
    `evaluate Code.js + actions.html (what a menu click or sidebar request pays before its work): median ${median(clicks).toFixed(2)} ms`,
  );
  const cpu: number[] = [];
  const cpuClicks: number[] = [];
  for (let i = 0; i < 41; i++) {
    cpu.push(timed(() => evaluate(source, actions, false, `Cpu${i}.js`)).cpu);
    cpuClicks.push(timed(() => evaluate(source, actions, true, `CpuClick${i}.js`)).cpu);
  }
  console.log(
    `  CPU time: Code.js median ${median(cpu).toFixed(2)} ms, Code.js + actions.html ${median(cpuClicks).toFixed(2)} ms, of ${cpu.length}`,
  );

  const gas = loadBundle();
  const n = 50_000;
  const last = Array.from({ length: n }, (_, i) => [new Date(AS_OF.getTime() - (i % 120) * DAY_MS)]);
  const counts = Array.from({ length: n }, (_, i) => [1 + (i % 6)]);
  const totals = Array.from({ length: n }, (_, i) => [(i * 7919) % 100_000]);
  const stateRuns: number[] = [];
  for (let i = 0; i < 5; i++)
    stateRuns.push(timed(() => gas.call("CRM_STATE", last, counts, "", totals, AS_OF)).wall);
  console.log(
    `CRM_STATE on ${n.toLocaleString()} rows: median ${median(stateRuns).toFixed(0)} ms of 5 (limit 30 s)`,
  );

  const scoreRuns: number[] = [];
  for (let i = 0; i < 5; i++)
    scoreRuns.push(timed(() => gas.call("VIP_SCORE", counts, last, totals, "", AS_OF)).wall);
  console.log(`VIP_SCORE on ${n.toLocaleString()} rows: median ${median(scoreRuns).toFixed(0)} ms of 5`);

  const keys = Array.from({ length: n }, (_, i) => [`c${i % 12_000}`]);
  const customerRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    customerRuns.push(timed(() => gas.call("CRM_CUSTOMERS", keys, last, totals, AS_OF)).wall);
  }
  console.log(
    `CRM_CUSTOMERS on ${n.toLocaleString()} order rows (12,000 customers): median ${median(customerRuns).toFixed(0)} ms of 5`,
  );

  // The model functions fit BG/NBD on the range: CDNOW's 2,357 customers (weeks turned into days), then the same
  // customers 21 times over (each copy a few days older) for a 50,000-row range.
  const cdnow = readFileSync(sharedPath("data/cdnow/cdnow_customers_summary.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",").map(Number));
  const modelColumns = (rows: number) => {
    const columns: unknown[][][] = [[], [], []];
    for (let i = 0; i < rows; i++) {
      const [, x, tx, T] = cdnow[i % cdnow.length];
      const older = Math.floor(i / cdnow.length) % 7;
      const first = AS_OF.getTime() - (Math.round(T * 7) + older) * DAY_MS;
      columns[0].push([x + 1]);
      columns[1].push([new Date(first)]);
      columns[2].push([new Date(first + Math.round(tx * 7) * DAY_MS)]);
    }
    return columns;
  };
  const small = modelColumns(cdnow.length);
  const pAliveSmall = timed(() => gas.call("P_ALIVE", ...small, AS_OF));
  console.log(
    `P_ALIVE on ${cdnow.length.toLocaleString()} CDNOW customers (fit + rows): ${pAliveSmall.wall.toFixed(0)} ms, CPU ${pAliveSmall.cpu.toFixed(0)} ms`,
  );
  const large = modelColumns(n);
  const pAliveLarge = timed(() => gas.call("P_ALIVE", ...large, AS_OF));
  const expectedLarge = timed(() => gas.call("EXPECTED_PURCHASES", ...large, 90, AS_OF));
  console.log(
    `P_ALIVE on ${n.toLocaleString()} rows: ${pAliveLarge.wall.toFixed(0)} ms, CPU ${pAliveLarge.cpu.toFixed(0)} ms; EXPECTED_PURCHASES: ${expectedLarge.wall.toFixed(0)} ms, CPU ${expectedLarge.cpu.toFixed(0)} ms (limit 30 s)`,
  );
}
