import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, newHarness, orderRows, setSetting } from "./actionsHarness";
import { ensureBundle } from "./loadBundle";

beforeAll(ensureBundle);

function shopWith(rows: unknown[][]): Harness {
  const h = newHarness();
  h.world.ss.addSheetWithValues("シート1", []);
  h.gas.call("menuSetupTemplate");
  const orders = h.world.ss.sheetNamed("注文");
  if (!orders) throw new Error("no 注文");
  orders.paste(rows);
  setSetting(h.world, "asOf", "2026-10-31");
  h.world.log.reset();
  return h;
}

/** The calls of one run, by name in order: what Apps Script would bill in latency and quota. */
function runCalls(rows: unknown[][]): string[] {
  const h = shopWith(rows);
  h.gas.call("menuRunAnalysis");
  expect(h.world.ui.alerts).toEqual([]);
  return h.world.log.calls.map((c) => `${c.name}@${c.sheet ?? ""}`);
}

describe("service calls do not grow with the data", () => {
  it("makes the same calls for 1,000 and for 100,000 order rows", () => {
    const small = runCalls(orderRows(1_000));
    const large = runCalls(orderRows(100_000));
    console.log(`service calls of a run: ${small.length} (1,000 rows), ${large.length} (100,000 rows)`);
    expect(large).toEqual(small);
    // One read per input sheet (the template made all five), plus the settings and the mapping ranges.
    const reads = small.filter((c) => c.startsWith("Range.getValues@")).map((c) => c.split("@")[1]);
    expect(reads.sort()).toEqual(["アンケート", "来館", "会員", "注文", "設定", "設定", "関係行動"].sort());
  }, 240_000);

  it("points to the command line when the orders are more than a run can hold", () => {
    const header = orderRows(1)[0];
    const rows: unknown[][] = [header];
    for (let i = 0; i < 300_001; i++) rows.push([`C${i % 5000}`, `O${i}`, "2026-01-01", 1000, "", ""]);
    const h = shopWith(rows);
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts[0]?.message).toMatch(/コマンドライン/);
    expect(h.world.ss.sheets.some((s) => s.metadata.length > 0)).toBe(false);
  }, 120_000);
});
