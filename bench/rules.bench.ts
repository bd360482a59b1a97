// The rules half of the core: what one custom-function call costs (classifyState over 50,000 customers) and the
// whole analysis after cleaning (analyzeCleaned over ~200,000 customers / 1,000,000 orders).
import { analyzeCleaned } from "../src/core/analyze";
import { dayFromYmd } from "../src/core/day";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { classifyState, topMonetaryCut } from "../src/core/state";
import { buildHistories } from "../src/core/summary";
import { emptyFigures, figuresOf } from "../src/core/summaryFigures";
import type {
  CleanResult,
  CustomerSummary,
  EngagementRecord,
  OrderRecord,
  RowBucket,
} from "../src/core/types";
import { mulberry32 } from "../test/support/seededRandom";
import { timed } from "./measure";

const AS_OF = dayFromYmd(2026, 10, 31);

function summaries(n: number): CustomerSummary[] {
  const r = mulberry32(1);
  const out: CustomerSummary[] = [];
  for (let i = 0; i < n; i++) {
    const F = 1 + Math.floor(-Math.log(1 - r()) * 2);
    const last = AS_OF - Math.floor(r() * 400);
    const prev = F >= 2 ? last - 1 - Math.floor(r() * 90) : null;
    const first = F >= 2 ? (prev as number) - Math.floor(r() * 200) : last;
    out.push({
      customerKey: `C${i}`,
      purchases: F,
      orders: F,
      monetary: Math.round(F * (1000 + r() * 9000)),
      firstPurchase: first,
      lastPurchase: last,
      previousPurchase: prev,
      recencyDays: AS_OF - last,
      tenureDays: last - first,
      avgIntervalDays: F >= 2 ? (last - first) / (F - 1) : null,
    });
  }
  return out;
}

function cleaned(customers: number, orders: number): CleanResult {
  const r = mulberry32(2);
  const list: OrderRecord[] = new Array(orders);
  for (let i = 0; i < orders; i++) {
    // A skewed customer choice: some customers buy often, most once or twice.
    const c = Math.floor(customers * r() ** 1.6);
    list[i] = {
      customerKey: `C${String(c).padStart(6, "0")}`,
      orderId: `O${i}`,
      day: AS_OF - Math.floor(r() * 730),
      amount: r() < 0.01 ? -500 : Math.round(500 + r() * 20_000),
    };
  }
  const counts: Record<RowBucket, number> = {
    used: orders,
    missing_customer: 0,
    bad_date: 0,
    bad_amount: 0,
    cancelled: 0,
    after_as_of: 0,
  };
  return { orders: list, counts, skipped: [], names: new Map() };
}

export async function run(): Promise<void> {
  const settings = { ...DEFAULT_SETTINGS };

  const people = summaries(50_000);
  const { wall: tState } = timed(() => {
    const topCut = topMonetaryCut(
      people.map((p) => p.monetary),
      settings.vipTopPercent,
    );
    const ctx = { settings, topCut, engagementLoaded: false };
    let vip = 0;
    for (const p of people) if (classifyState(p, ctx) === "vip") vip++;
    return vip;
  });
  console.log(`classifyState, 50,000 customers (incl. the top-1% cut): ${tState.toFixed(1)} ms`);

  const input = cleaned(200_000, 1_000_000);
  const r = mulberry32(3);
  const engagement: EngagementRecord[] = [];
  for (let i = 0; i < 100_000; i++)
    engagement.push({
      customerKey: `C${String(Math.floor(200_000 * r() ** 1.6)).padStart(6, "0")}`,
      day: AS_OF - Math.floor(r() * 365),
      action: r() < 0.5 ? "review" : "survey",
    });
  const gc = () => (globalThis as { gc?: () => void }).gc?.(); // npm run bench exposes gc: clean heap per run
  // The input half inside analyzeCleaned (grouping orders into histories, each customer's figures as of both
  // dates, read into one reusable object as analyzeCleaned does), timed
  // alone so the rules' own share can be read off. Minimums are the least disturbed by other jobs on the machine.
  const inputRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    gc();
    inputRuns.push(
      timed(() => {
        const h = buildHistories(input.orders);
        const f = emptyFigures();
        for (const day of [AS_OF, AS_OF - 30])
          for (let r = 0; r < h.keys.length; r++) figuresOf(h, r, day, f);
      }).wall,
    );
  }
  const inputMin = Math.min(...inputRuns);
  console.log(
    `  input half alone (buildHistories + figures as of both dates): min ${inputMin.toFixed(0)} ms`,
  );
  for (const [label, extras] of [
    ["orders only", {}],
    ["with 100,000 engagement rows", { engagement }],
  ] as const) {
    analyzeCleaned(input, extras, settings, AS_OF); // warm-up
    const runs: number[] = [];
    let customers = 0;
    for (let i = 0; i < 3; i++) {
      gc();
      const { value: res, wall: ms } = timed(() => analyzeCleaned(input, extras, settings, AS_OF));
      customers = res.customers.length;
      runs.push(ms);
    }
    runs.sort((a, b) => a - b);
    gc();
    const { cpu } = timed(() => analyzeCleaned(input, extras, settings, AS_OF));
    console.log(
      `analyzeCleaned, ${customers.toLocaleString("en-US")} customers / 1,000,000 orders, ${label}: ` +
        `min ${runs[0].toFixed(0)} ms, median ${runs[1].toFixed(0)} ms; CPU ${cpu.toFixed(0)} ms; ` +
        `rules share ≈ ${(runs[0] - inputMin).toFixed(0)} ms (min − input half)`,
    );
  }
}
