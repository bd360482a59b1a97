// The add-on's menu run on the fake Apps Script services, through the built bundle in a vm: service calls for
// 1,000 and 100,000 order rows (they must be equal) and the time of runAnalysis itself (fixture set-up excluded).
import { existsSync } from "node:fs";
import { newHarness, orderRows, setSetting } from "../test/gas/actionsHarness";
import { BUNDLE_PATH, ensureBundle } from "../test/gas/loadBundle";

function shop(rows: unknown[][]) {
  const h = newHarness();
  h.world.ss.addSheetWithValues("シート1", []);
  h.gas.call("menuSetupTemplate");
  h.world.ss.sheetNamed("注文")?.paste(rows);
  setSetting(h.world, "asOf", "2026-10-31");
  h.world.log.reset();
  return h;
}

/** Calls that move data between the script and the sheet (the round trips that cost in Apps Script). */
const DATA_CALLS = new Set(["Range.getValues", "Range.setValues", "Range.setNumberFormats"]);

export async function run(): Promise<void> {
  if (!existsSync(BUNDLE_PATH)) ensureBundle();
  for (const n of [1_000, 100_000]) {
    const rows = orderRows(n);
    const first = shop(rows);
    const t0 = performance.now();
    first.gas.call("menuRunAnalysis");
    const ms = performance.now() - t0;
    const calls = [...first.world.log.calls];
    const data = calls.filter((c) => DATA_CALLS.has(c.name)).length;
    const again = performance.now();
    first.world.log.reset();
    first.gas.call("menuRunAnalysis");
    const rerunMs = performance.now() - again;
    const customers = (first.world.ss.sheetNamed("顧客")?.getLastRow() ?? 1) - 1;
    console.log(
      `runAnalysis ${n.toLocaleString("en-US")} order rows (${customers.toLocaleString("en-US")} customers): ` +
        `${calls.length} service calls (${data} reading/writing data), first run ${ms.toFixed(0)} ms, ` +
        `re-run ${rerunMs.toFixed(0)} ms (${first.world.log.calls.length} calls: the sheets exist, the chart is replaced)`,
    );
  }
}
