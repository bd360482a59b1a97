import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AnalysisExtras, analyze, analyzeCleaned } from "../../src/core/analyze";
import { cleanOrders } from "../../src/core/clean";
import { plainRow } from "../../src/core/customerTable";
import { addMonths, dayFromYmd, formatDay } from "../../src/core/day";
import { diagnosisEvidence } from "../../src/core/diagnosis";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { AnalysisResult, OrderMapping, Settings } from "../../src/core/types";

const settings: Settings = { ...DEFAULT_SETTINGS, timeZone: "Asia/Tokyo" };
const AS_OF = dayFromYmd(2026, 10, 31);
const mapping: OrderMapping = { customer: 0, date: 1, amount: 2, amountKind: "order_total", orderId: 3 };
/** An order row `daysAgo` days before the as-of date. */
const order = (key: string, daysAgo: number, amount = 1000, id = `${key}-${daysAgo}-${amount}`) => [
  key,
  formatDay(AS_OF - daysAgo),
  amount,
  id,
];
const run = (rows: unknown[][], extras: AnalysisExtras = {}, s: Settings = settings) =>
  analyzeCleaned(
    cleanOrders(rows, mapping, { timeZone: s.timeZone, dayFirst: false, asOf: AS_OF }),
    extras,
    s,
    AS_OF,
  );
const byKey = (r: AnalysisResult, key: string) => {
  const c = r.customers.find((x) => x.customerKey === key);
  if (!c) throw new Error(`no customer ${key}`);
  return c;
};

describe("analyze: shapes and edge cases", () => {
  it("an empty shop gives an empty, well-formed result", () => {
    const r = analyze({ orders: { rows: [], mapping }, settings, asOf: AS_OF });
    expect(r.customers).toEqual([]);
    expect(r.topCut).toBeNull();
    expect(r.vipLtvMultiple).toBeNull();
    expect(r.nps).toBeNull();
    expect(r.previousAsOf).toBe(addMonths(AS_OF, -1));
    expect(Object.values(r.stateCounts.current).every((n) => n === 0)).toBe(true);
    expect(r.followUp).toEqual([]);
    expect(r.repurchaseCycle.medianDays).toBeNull();
    const ev = diagnosisEvidence(r);
    expect(ev.customers).toBe(0);
    expect(ev.items.every((i) => i.value === null)).toBe(true);
    expect(ev.items.map((i) => i.question)).toEqual(["Q1", "Q2", "Q3", "Q3", "Q4", "Q6", "Q9", null]);
  });

  it("one customer: new, top 1% of one is themselves, so VIP", () => {
    const r = run([order("a", 3, 5000)]);
    expect(r.customers).toHaveLength(1);
    const a = r.customers[0];
    expect(a.state).toBe("vip"); // the single customer is the top 1% of the shop
    expect(r.topCut).toBe(5000);
    expect(a.previousState).toBeNull();
    expect(a.stage).toBe("first");
    expect(a.nextAction).toBe("referral_community");
    expect(r.transitions.none.vip).toBe(1);
  });

  it("fills every CustomerRow field; model columns stay null without the hook", () => {
    const r = run([order("a", 3), order("a", 50), order("b", 40, 300)]);
    for (const c of r.customers) {
      for (const [k, v] of Object.entries(c)) if (k !== "name") expect(v, k).not.toBeUndefined();
      expect(c.pAlive).toBeNull();
      expect(c.expectedPurchases90d).toBeNull();
      expect(c.expectedNextPurchase).toBeNull();
      expect(c.riskNote).toBeNull();
      expect(c.membership).toBeNull();
      expect(c.engaged).toBe(false);
      expect(c.fanMessage).toBeNull(); // no visit log
    }
    expect(r.modelNote).toBeNull();
    expect(byKey(r, "a").secondPurchase).toBe(AS_OF - 3);
    expect(byKey(r, "b").secondPurchase).toBeNull();
  });

  it("a row has a name key only when the customer has a name, always as the last key (as JSON gives it)", () => {
    const named: OrderMapping = { ...mapping, name: 4 };
    const rows = [
      ["a", formatDay(AS_OF - 3), 1000, "1", "山田"],
      ["b", formatDay(AS_OF - 4), 1000, "2", ""],
    ];
    const cleaned = cleanOrders(rows, named, { timeZone: settings.timeZone, dayFirst: false, asOf: AS_OF });
    const r = analyzeCleaned(cleaned, {}, settings, AS_OF);
    const json = (key: string) => JSON.parse(JSON.stringify(byKey(r, key))) as Record<string, unknown>;
    expect(Object.keys(json("a")).at(-1)).toBe("name");
    expect(byKey(r, "a").name).toBe("山田");
    expect(byKey(r, "b").name).toBeUndefined();
    expect("name" in json("b")).toBe(false);
    expect(Object.keys(json("b"))).toEqual(Object.keys(json("a")).slice(0, -1));
    expect(Object.keys(plainRow(byKey(r, "a")))).toEqual(Object.keys(json("a")));
  });

  it("sorts customers by key in code-unit order", () => {
    const keys = ["b", "B", "a", "10", "9", "é", "Z"];
    const r = run(keys.map((k) => order(k, 5)));
    expect(r.customers.map((c) => c.customerKey)).toEqual([...keys].sort());
  });

  it("previous state is the state a calendar month earlier, from the same data", () => {
    // Bought 100 and 5 days ago: now back from dormancy; a month ago 70 days since the last purchase.
    const r = run([order("w", 100), order("w", 5), order("n", 3), order("d", 200)]);
    const w = byKey(r, "w");
    expect(w.state).toBe("winback");
    expect(w.previousState).toBe("dormant");
    expect(byKey(r, "n").previousState).toBeNull();
    expect(byKey(r, "d").previousState).toBe("dormant");
    expect(r.transitions.dormant.winback).toBe(1);
    expect(r.transitions.none.new + r.transitions.none.vip).toBe(1);
    expect(r.stateCounts.previous.dormant).toBe(2);
    // Idempotent: a re-run gives the same result.
    expect(run([order("w", 100), order("w", 5), order("n", 3), order("d", 200)])).toEqual(r);
  });

  it("VIP LTV multiple and follow-up list", () => {
    const rows = [
      ...[3, 10, 20, 30].map((d) => order("v", d, 5000)),
      order("r", 40, 1000),
      order("r", 45, 1000),
      order("r", 50, 1000),
      order("s", 90, 1000),
    ];
    const r = run(rows);
    expect(byKey(r, "v").state).toBe("vip");
    expect(byKey(r, "r").state).toBe("at_risk");
    expect(byKey(r, "s").state).toBe("dormant");
    expect(r.vipLtvMultiple).toBeCloseTo(20000 / ((3000 + 1000) / 2), 10);
    // Days between consecutive purchases: v 10, 10, 7 and r 5, 5 → median 7, with thresholds offered from it.
    expect(r.repurchaseCycle.medianDays).toBe(7);
    expect(r.repurchaseCycle.suggested).not.toBeNull();
    const even = run([order("a", 10), order("a", 4), order("b", 20), order("b", 12)]);
    expect(even.repurchaseCycle.medianDays).toBe(7);
    expect(r.followUp.map((f) => [f.customerKey, f.reason])).toEqual([
      ["r", "at_risk"],
      ["s", "dormant"],
    ]);
  });
});

describe("analyze: optional tables", () => {
  const rows = [...[3, 10, 20, 30].map((d) => order("v", d, 5000)), order("p", 5), order("x", 8)];

  it("membership: paused and cancelled members, with the since date deciding a month ago", () => {
    const r = run(rows, {
      members: [
        { customerKey: "p", status: "paused", since: AS_OF - 10 },
        { customerKey: "x", status: "cancelled", since: AS_OF - 100 },
        { customerKey: "v", status: "active", since: null },
      ],
    });
    expect(r.membershipLoaded).toBe(true);
    expect(byKey(r, "p")).toMatchObject({ state: "paused", membership: "paused", segment: "paused" });
    expect(byKey(r, "p").previousState).toBeNull(); // had not bought a month ago
    expect(byKey(r, "x")).toMatchObject({
      state: "cancelled",
      segment: null,
      nextAction: "careful_followup",
    });
    expect(byKey(r, "v").state).toBe("vip");
    const r2 = run([...rows, order("p", 40)], {
      members: [{ customerKey: "p", status: "paused", since: AS_OF - 10 }],
    });
    expect(byKey(r2, "p").previousState).not.toBe("paused"); // paused only since 10 days ago
  });

  it("without a members table nobody is paused or cancelled", () => {
    const r = run(rows);
    expect(r.membershipLoaded).toBe(false);
    expect(r.customers.every((c) => c.membership === null)).toBe(true);
  });

  it("engagement: points gate VIP, give the relationship axis and the engaged flag", () => {
    const few = run(rows, {
      engagement: [
        { customerKey: "v", day: AS_OF - 5, action: "review" },
        { customerKey: "v", day: AS_OF - 95, action: "survey" },
      ],
    });
    expect(few.engagementLoaded).toBe(true);
    expect(byKey(few, "v").state).toBe("active");
    expect(byKey(few, "v").relationshipPoints).toBe(2);
    expect(byKey(few, "v").relationshipScore).toBe(50);
    expect(byKey(few, "v").engaged).toBe(true);
    expect(byKey(few, "p").engaged).toBe(false);
    const enough = run(rows, {
      engagement: ["review", "review", "survey", "referral"].map((action, i) => ({
        customerKey: "v",
        day: AS_OF - 100 - i,
        action: action as "review",
      })),
    });
    expect(byKey(enough, "v").state).toBe("vip");
    expect(byKey(enough, "v").engaged).toBe(false); // all more than 90 days ago
    // Engagement after the as-of date does not count.
    const future = run(rows, { engagement: [{ customerKey: "v", day: AS_OF + 1, action: "review" }] });
    expect(byKey(future, "v").relationshipPoints).toBe(0);
  });

  it("visits: fan rank, previous rank, progress line, drop and no-visit follow-ups", () => {
    const visits = [
      // f: 6 visit days in the 30 days before this window (silver), 3 in it (bronze) → dropped.
      ...[31, 33, 35, 37, 39, 41].map((d) => ({ customerKey: "p", day: AS_OF - d })),
      ...[1, 2, 3].map((d) => ({ customerKey: "p", day: AS_OF - d })),
      { customerKey: "x", day: AS_OF - 61 },
      { customerKey: "x", day: AS_OF - 61 },
    ];
    const r = run(rows, { visits });
    expect(r.visitsLoaded).toBe(true);
    const p = byKey(r, "p");
    expect(p).toMatchObject({
      visits30d: 3,
      fanRank: "bronze",
      previousFanRank: "silver",
      lastVisit: AS_OF - 1,
    });
    expect(p.fanMessage?.ja).toBe("あと2回でシルバーファンに復活しますよ!");
    const x = byKey(r, "x");
    expect(x).toMatchObject({ visits30d: 0, fanRank: "none", lastVisit: AS_OF - 61 });
    expect(x.fanMessage?.ja).toBe("今月あと3回来館でブロンズファンに昇格!");
    expect(byKey(r, "v")).toMatchObject({ visits30d: 0, lastVisit: null });
    expect(r.followUp.map((f) => [f.customerKey, f.reason])).toEqual([
      ["p", "fan_rank_drop"],
      ["x", "no_visit"],
    ]);
  });

  it("without a visit log, purchase days stand in for visits", () => {
    const r = run(rows);
    // Purchases 3, 10, 20 and 30 days ago: the 30-day window is as-of − 29 … as-of, so three of them.
    expect(byKey(r, "v")).toMatchObject({ visits30d: 3, fanRank: "bronze", lastVisit: AS_OF - 3 });
    const r2 = run([
      order("q", 2),
      order("q", 5),
      order("q", 5, 300, "same-day"),
      order("q", 31),
      order("q", 32),
      order("q", 33),
    ]);
    expect(byKey(r2, "q")).toMatchObject({ visits30d: 2, fanRank: "none", previousFanRank: "bronze" });
    // A quiet month of a mail-order customer is not a fan-rank drop to follow up.
    expect(r2.followUp).toEqual([]);
  });

  it("survey scores give the NPS", () => {
    const r = run(rows, { surveyScores: [10, 9, 3, "8", "x"] });
    expect(r.nps).toMatchObject({ promoters: 2, passives: 1, detractors: 1, invalid: 1, nps: 25 });
  });

  it("the model hook merges predictions and risk notes", () => {
    const r = analyzeCleaned(
      cleanOrders(rows, mapping, { timeZone: "Asia/Tokyo", dayFirst: false, asOf: AS_OF }),
      {},
      settings,
      AS_OF,
      {
        predict: (summaries, asOf) => {
          const answer = {
            byIndex: summaries.map((s) => ({
              pAlive: 0.5,
              expectedPurchases90d: s.purchases / 10,
              expectedNextPurchase: asOf + 7,
            })),
            note: { ja: "テスト", en: "test" },
          };
          return { collect: () => answer };
        },
        explainRisk: (row) => (row.state === "vip" ? { ja: `優良 ${row.pAlive}`, en: "vip" } : null),
      },
    );
    expect(byKey(r, "v")).toMatchObject({
      pAlive: 0.5,
      expectedPurchases90d: 0.4,
      expectedNextPurchase: AS_OF + 7,
    });
    expect(byKey(r, "v").riskNote?.ja).toBe("優良 0.5");
    expect(byKey(r, "p").riskNote).toBeNull();
    expect(r.modelNote?.ja).toBe("テスト");
  });
});

describe("analyze: the model hook is started before the rows and collected after them", () => {
  const rows = [
    order("a", 3),
    order("a", 40),
    order("b", 10),
    order("c", 400),
    order("d", -5),
    order("e", 200),
  ];
  const prediction = (s: { customerKey: string; purchases: number }, i: number) =>
    s.customerKey === "b"
      ? undefined
      : { pAlive: i / 10, expectedPurchases90d: s.purchases, expectedNextPurchase: i };
  /** Every customer a member, each record noting in `log` when the rows loop reads its status. */
  const membersLogging = (log: string[]) =>
    ["a", "b", "c", "e"].map((customerKey) => ({
      customerKey,
      since: null,
      get status() {
        log.push(`row ${customerKey}`);
        return "active" as const;
      },
    }));
  const withHook = (deferred: boolean, log: string[] = []) =>
    analyzeCleaned(
      cleanOrders(rows, mapping, { timeZone: "Asia/Tokyo", dayFirst: false, asOf: AS_OF }),
      { members: membersLogging(log) },
      settings,
      AS_OF,
      {
        predict: (summaries) => {
          log.push("predict");
          // Synchronous: the answer exists when predict returns. Deferred: computed only when collected (as a
          // model on another thread hands its answer over), from summaries kept since predict was called.
          const now = deferred ? null : { byIndex: summaries.map(prediction), note: null };
          return {
            collect: () => {
              log.push("collect");
              return now ?? { byIndex: summaries.map(prediction), note: { ja: "後で", en: "later" } };
            },
          };
        },
        explainRisk: (row) => {
          log.push(`explain ${row.customerKey}`);
          return { ja: `${row.pAlive}`, en: `${row.expectedNextPurchase}` };
        },
      },
    );

  it("a hook whose answer arrives only at collect time gives the same rows as a synchronous one", () => {
    const deferred = withHook(true);
    const synchronous = withHook(false);
    expect(deferred.customers).toEqual(synchronous.customers);
    expect(deferred.modelNote).toEqual({ ja: "後で", en: "later" });
    expect(synchronous.modelNote).toBeNull();
    expect(byKey(deferred, "a")).toMatchObject({
      pAlive: 0,
      expectedPurchases90d: 2,
      expectedNextPurchase: 0,
    });
    expect(byKey(deferred, "b")).toMatchObject({ pAlive: null, expectedPurchases90d: null });
    expect(byKey(deferred, "c").pAlive).toBe(0.2);
    // explainRisk read the filled model columns, not the nulls the rows were built with.
    expect(byKey(deferred, "c").riskNote).toEqual({ ja: "0.2", en: "2" });
    expect(byKey(deferred, "b").riskNote).toEqual({ ja: "null", en: "null" });
  });

  it("predict runs before any row is built, collect once after every row, explainRisk after collect", () => {
    const log: string[] = [];
    const r = withHook(true, log);
    const keys = r.customers.map((c) => c.customerKey);
    expect(keys).toEqual(["a", "b", "c", "e"]);
    const rowReads = log.filter((e) => e.startsWith("row "));
    expect(new Set(rowReads)).toEqual(new Set(keys.map((k) => `row ${k}`)));
    expect(log.filter((e) => e === "predict" || e === "collect")).toEqual(["predict", "collect"]);
    const firstRow = log.indexOf(rowReads[0]);
    const lastRow = log.lastIndexOf(rowReads[rowReads.length - 1]);
    expect(log.indexOf("predict")).toBeLessThan(firstRow);
    expect(log.indexOf("collect")).toBeGreaterThan(lastRow);
    expect(log.slice(log.indexOf("collect") + 1)).toEqual(keys.map((k) => `explain ${k}`));
  });

  it("without predict, explainRisk still runs on every row and the model columns stay null", () => {
    const r = analyzeCleaned(
      cleanOrders(rows, mapping, { timeZone: "Asia/Tokyo", dayFirst: false, asOf: AS_OF }),
      {},
      settings,
      AS_OF,
      { explainRisk: (row) => ({ ja: row.customerKey, en: `${row.pAlive}` }) },
    );
    expect(r.customers.map((c) => c.riskNote)).toEqual(
      ["a", "b", "c", "e"].map((k) => ({ ja: k, en: "null" })),
    );
    expect(r.modelNote).toBeNull();
  });
});

describe("analyze from raw rows with every optional table", () => {
  it("reads members, engagement, visits and survey rows through their mappings", () => {
    const day = (d: number) => formatDay(AS_OF - d);
    const r = analyze({
      orders: {
        rows: [...[3, 10, 20, 25].map((d) => order("v", d, 5000)), order("p", 5), order("x", 8)],
        mapping,
      },
      members: {
        rows: [
          ["p", "休会", day(10)],
          ["x", "退会", day(20)],
          ["v", "継続", ""],
        ],
        mapping: { customer: 0, status: 1, since: 2 },
      },
      engagement: {
        rows: [
          ["v", day(1), "レビュー"],
          ["v", day(2), "review"],
          ["v", day(3), "アンケート"],
          ["v", day(4), "紹介"],
          ["", day(4), "紹介"],
        ],
        mapping: { customer: 0, date: 1, action: 2 },
      },
      visits: {
        rows: [
          ["v", day(1)],
          ["v", day(2)],
          ["v", day(3)],
        ],
        mapping: { customer: 0, date: 1 },
      },
      survey: { rows: [[10], [9], [2], ["abc"]], mapping: { score: 0 } },
      settings,
      asOf: AS_OF,
    });
    expect(r.membershipLoaded && r.engagementLoaded && r.visitsLoaded).toBe(true);
    expect(byKey(r, "v")).toMatchObject({
      state: "vip",
      relationshipPoints: 4,
      engaged: true,
      fanRank: "bronze",
    });
    expect(byKey(r, "p").state).toBe("paused");
    expect(byKey(r, "x")).toMatchObject({ state: "cancelled", segment: "just_left" });
    expect(r.nps).toMatchObject({ promoters: 2, detractors: 1, invalid: 1 });
    expect(r.rowCounts.used).toBe(6);
    // The engagement row without a customer is reported for the run log, under its table.
    expect(r.tableSkipped?.engagement).toHaveLength(1);
    expect(r.tableSkipped?.engagement?.[0].row).toBe(6);
    expect(r.tableSkipped?.members).toEqual([]);
  });
});

describe("analyze: properties", () => {
  const arbRows = fc.array(
    fc.tuple(
      fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"),
      fc.integer({ min: 0, max: 500 }),
      fc.integer({ min: -2000, max: 30_000 }),
    ),
    { maxLength: 60 },
  );

  it("shuffled rows give identical results", () => {
    fc.assert(
      fc.property(
        arbRows.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        ([rows, shuffled]) => {
          const toRows = (rs: typeof rows) => rs.map(([k, d, m]) => order(k, d, m));
          expect(run(toRows(shuffled))).toEqual(run(toRows(rows)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("every customer is counted once per month in the matrix, and states agree with their counts", () => {
    fc.assert(
      fc.property(arbRows, (rs) => {
        const r = run(rs.map(([k, d, m]) => order(k, d, m)));
        const n = r.customers.length;
        let total = 0;
        for (const row of Object.values(r.transitions)) for (const v of Object.values(row)) total += v;
        expect(total).toBe(n);
        expect(Object.values(r.stateCounts.current).reduce((a, b) => a + b, 0)).toBe(n);
        for (const c of r.customers) {
          if (c.recencyDays > settings.atRiskDays) expect(c.state).toBe("dormant");
          if (c.vip) {
            const strong =
              c.purchases >= settings.vipMinPurchases && c.recencyDays <= settings.vipRecencyDays;
            expect(strong || (r.topCut !== null && c.monetary >= r.topCut)).toBe(true);
          }
          expect(c.vipScore).toBeGreaterThanOrEqual(0);
          expect(c.vipScore).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
      { numRuns: 80 },
    );
  });
});
