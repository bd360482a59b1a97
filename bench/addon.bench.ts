// The add-on's menu run on the fake Apps Script services, through the built bundle in a vm: service calls for
// 1,000 and 100,000 order rows (they must be equal), by kind so the count is explained, and the time of runAnalysis
// itself (fixture set-up excluded), wall and CPU (the machine may be shared: CPU time is the steadier figure).
import { existsSync } from "node:fs";
import { orderRows, preparedShop } from "../test/gas/actionsHarness";
import { countByKind, kindsText } from "../test/gas/callKinds";
import { BUNDLE_PATH, ensureBundle } from "../test/gas/loadBundle";

/** A prepared shop whose call log starts empty: only the run's own calls are counted. */
function shop(rows: unknown[][]) {
  const h = preparedShop(rows);
  h.world.log.reset();
  return h;
}

/** Runs `fn` and returns its wall and CPU (user + system) milliseconds. */
function timed(fn: () => void): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const ms = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)} ms)`;

export async function run(): Promise<void> {
  if (!existsSync(BUNDLE_PATH)) ensureBundle();
  for (const n of [1_000, 100_000]) {
    const h = shop(orderRows(n));
    const first = timed(() => h.gas.call("menuRunAnalysis"));
    const firstCalls = [...h.world.log.calls];
    h.world.log.reset();
    const again = timed(() => h.gas.call("menuRunAnalysis"));
    const againCalls = [...h.world.log.calls];
    h.world.log.reset();
    h.gas.call("menuCreateDiagnosis");
    const diagnosisCalls = [...h.world.log.calls];
    const customers = (h.world.ss.sheetNamed("顧客")?.getLastRow() ?? 1) - 1;
    console.log(
      `runAnalysis ${n.toLocaleString("en-US")} order rows (${customers.toLocaleString("en-US")} customers): ` +
        `first run ${firstCalls.length} service calls [${kindsText(countByKind(firstCalls))}] in ${ms(first)}; ` +
        `re-run ${againCalls.length} [${kindsText(countByKind(againCalls))}] in ${ms(again)}; ` +
        `diagnosis ${diagnosisCalls.length} [${kindsText(countByKind(diagnosisCalls))}]`,
    );
  }
}
