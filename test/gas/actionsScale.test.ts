import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, orderRows, preparedShop } from "./actionsHarness";
import { ensureBundle } from "./loadBundle";

beforeAll(ensureBundle);

/** A prepared shop whose call log starts empty: only the run's own calls are counted. */
function shopWith(rows: unknown[][]): Harness {
  const h = preparedShop(rows);
  h.world.log.reset();
  return h;
}

/**
 * The calls of a first run and of a re-run, by name in order: what Apps Script would bill in latency and quota.
 * Whether a sheet grows or shrinks to fit depends on the data (insertRowsAfter or deleteRows: one call either way),
 * and removals go before additions: the direction is left out, and the calls are compared as a sorted list.
 */
function runCalls(rows: unknown[][]): { first: string[]; again: string[] } {
  const h = shopWith(rows);
  const names = () =>
    h.world.log.calls.map((c) => `${c.name.replace(RESIZE, "Sheet.resize$2")}@${c.sheet ?? ""}`);
  h.gas.call("menuRunAnalysis");
  expect(h.world.ui.alerts).toEqual([]);
  const first = names().sort();
  h.world.log.reset();
  h.gas.call("menuRunAnalysis");
  return { first, again: names().sort() };
}
const RESIZE = /^Sheet\.(insert|delete)(Rows|Columns)(After)?$/;

describe("service calls do not grow with the data", () => {
  it("makes the same calls for 1,000 and for 100,000 order rows, first run and re-run", () => {
    const small = runCalls(orderRows(1_000));
    const large = runCalls(orderRows(100_000));
    console.log(
      `service calls of a run: ${small.first.length} (1,000 rows), ${large.first.length} (100,000 rows); ` +
        `re-run ${small.again.length}, ${large.again.length}`,
    );
    expect(large).toEqual(small);
    // One read per filled input sheet, plus the settings and the mapping ranges: the template's four other input
    // sheets hold only their header, which getLastRow() tells without reading them.
    const reads = small.first.filter((c) => c.startsWith("Range.getValues@")).map((c) => c.split("@")[1]);
    expect(reads.sort()).toEqual(["注文", "設定", "設定"].sort());
    // One setValues and one setNumberFormats per report sheet, nothing cell by cell.
    for (const write of ["Range.setValues", "Range.setNumberFormats"])
      expect(small.again.filter((c) => c.startsWith(`${write}@`))).toHaveLength(4);
    // A re-run finds its sheets through the index and leaves the look (header, chart) as it is.
    expect(small.again.length).toBeLessThanOrEqual(51);
    expect(small.again.some((c) => /setFontWeight|setFrozenRows|insertChart|insertSheet/.test(c))).toBe(
      false,
    );
  }, 240_000);

  it("points to the command line when the orders are more than a run can hold", () => {
    const header = orderRows(1)[0];
    const rows: unknown[][] = [header];
    for (let i = 0; i < 300_001; i++) rows.push([`C${i % 5000}`, `O${i}`, "2026-01-01", 1000, "", ""]);
    const h = shopWith(rows);
    h.gas.call("menuRunAnalysis");
    expect(h.world.ui.alerts[0]?.message).toMatch(/「注文」シートが 300,001 行.*コマンドライン/s);
    // Refused on its size alone: 300,000 rows are never read just to say they are too many.
    expect(h.world.log.named("Range.getValues").filter((c) => c.sheet === "注文")).toEqual([]);
    expect(h.world.ss.metadata).toEqual([]);
    expect(h.world.ss.sheets.map((s) => s.name)).not.toContain("顧客");
  }, 120_000);
});
