// What the RFM lens costs the core pipeline: analyzeCleaned on the same cleaned 1,000,000 order rows (about
// 180,000 customers, the core bench's shape) with showRfm off and on, alternated so a busy machine slows both
// alike; then the scoring alone (rfmOfSummaries). Prints wall and CPU times (the machine may be shared).
import { analyzeCleaned } from "../src/core/analyze";
import { cleanOrders } from "../src/core/clean";
import { dayFromYmd, formatDay } from "../src/core/day";
import { rfmOfSummaries } from "../src/core/model/rfm";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { buildHistories, summarize } from "../src/core/summary";
import type { OrderMapping } from "../src/core/types";
import { mulberry32 } from "../test/support/seededRandom";
import { median, timed } from "./measure";

const AS_OF = dayFromYmd(2026, 10, 31);

/** 1M order rows of 200,000 potential customers, skewed as the core bench's (a few buy often, most once). */
function rows(n: number): string[][] {
  const r = mulberry32(7);
  const start = dayFromYmd(2023, 1, 1);
  const out: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(200_000 * r() ** 1.4);
    const day = start + Math.floor(r() * (AS_OF - start + 1));
    out[i] = [`C${String(c).padStart(6, "0")}`, formatDay(day), String(Math.round(1000 + r() * 20000))];
  }
  return out;
}

export async function run(): Promise<void> {
  const mapping: OrderMapping = { customer: 0, date: 1, amount: 2, amountKind: "order_total" };
  const cleaned = cleanOrders(rows(1_000_000), mapping, {
    timeZone: "Asia/Tokyo",
    dayFirst: false,
    asOf: AS_OF,
  });
  const off = { ...DEFAULT_SETTINGS, showRfm: false };
  const on = { ...DEFAULT_SETTINGS, showRfm: true };
  const times = {
    off: { wall: [] as number[], cpu: [] as number[] },
    on: { wall: [] as number[], cpu: [] as number[] },
  };
  let customers = 0;
  analyzeCleaned(cleaned, {}, off, AS_OF); // warm-up: both runs below meet compiled code
  for (let round = 0; round < 5; round++) {
    for (const [name, settings] of [
      ["off", off],
      ["on", on],
    ] as const) {
      (globalThis as { gc?: () => void }).gc?.();
      const t = timed(() => analyzeCleaned(cleaned, {}, settings, AS_OF));
      customers = t.value.customers.length;
      if (name === "on" && t.value.customers.some((c) => !c.rfm))
        throw new Error("a customer without RFM scores");
      times[name].wall.push(t.wall);
      times[name].cpu.push(t.cpu);
    }
  }
  const line = (name: "off" | "on") =>
    `analyzeCleaned showRfm ${name.padEnd(3)} median of 5: ${median(times[name].wall).toFixed(0)} ms wall, ${median(times[name].cpu).toFixed(0)} ms CPU`;
  console.log(`orders ${cleaned.orders.length}, customers ${customers}`);
  console.log(line("off"));
  console.log(line("on"));
  const cost = median(times.on.cpu) - median(times.off.cpu);
  console.log(
    `difference on − off: ${cost >= 0 ? "+" : ""}${cost.toFixed(0)} ms CPU (${((cost / median(times.off.cpu)) * 100).toFixed(1)} %; within the noise of a shared machine when it is below the scoring alone)`,
  );

  const summaries = summarize(buildHistories(cleaned.orders), AS_OF, cleaned.names);
  const alone: number[] = [];
  const aloneCpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = timed(() => rfmOfSummaries(summaries));
    alone.push(t.wall);
    aloneCpu.push(t.cpu);
  }
  console.log(
    `rfmOfSummaries alone on ${summaries.length} customers, median of 5: ${median(alone).toFixed(0)} ms wall, ${median(aloneCpu).toFixed(0)} ms CPU`,
  );
}
