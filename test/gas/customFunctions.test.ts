/**
 * The custom functions through the BUILT bundle, called as Sheets calls them: single values, or columns as rows of
 * one cell, blank cells as "", dates as Date objects (midnight in the sheet's time zone).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  classifyState,
  DEFAULT_SETTINGS,
  dayFromYmd,
  NEXT_ACTIONS,
  predictCustomers,
  stateLabel,
  topMonetaryCut,
  tripleFromDays,
} from "../../src/core/index";
import { sharedPath } from "../support/sharedData";
import { type Bundle, ensureBundle, loadBundle } from "./loadBundle";

beforeAll(ensureBundle);

/** A date cell as Sheets hands it to a custom function: midnight in Tokyo (the default settings' zone). */
const tokyo = (ymd: string) => new Date(`${ymd}T00:00:00+09:00`);
const dayOffset = (base: string, days: number) => {
  const d = tokyo(base);
  return new Date(d.getTime() + days * 86_400_000);
};
const AS_OF = "2026-10-31";
const asOf = tokyo(AS_OF);
const col = (values: unknown[]) => values.map((v) => [v]);
const settingsRange = (pairs: Record<string, unknown>) => Object.entries(pairs).map(([k, v]) => [k, v]);

const loaded: Bundle[] = [];

/** Services a custom function must never touch: any call on them shows up in gas.calls (checked at the end). */
function bundle(): Bundle {
  const untouchable = () => ({ anything: () => null });
  const gas = loadBundle({
    SpreadsheetApp: untouchable(),
    PropertiesService: untouchable(),
    CacheService: untouchable(),
    Session: untouchable(),
  });
  loaded.push(gas);
  return gas;
}

afterAll(() => {
  // Custom functions run without authorization: not one service call in any test of this file.
  expect(loaded.length).toBeGreaterThan(0);
  for (const gas of loaded) expect(gas.calls).toEqual([]);
});

describe("CRM_STATE", () => {
  let gas: Bundle;
  beforeAll(() => {
    gas = bundle(); // after ensureBundle: describe bodies run before any beforeAll
  });
  const state = (...args: unknown[]) => gas.call("CRM_STATE", ...args);

  it("follows the rule book on single values", () => {
    expect(state(dayOffset(AS_OF, -10), 1, "", "", asOf)).toBe("新規");
    expect(state(dayOffset(AS_OF, -10), 3, dayOffset(AS_OF, -40), "", asOf)).toBe("継続");
    expect(state(dayOffset(AS_OF, -45), 3, dayOffset(AS_OF, -80), "", asOf)).toBe("休眠予備軍");
    expect(state(dayOffset(AS_OF, -61), 9, dayOffset(AS_OF, -70), "", asOf)).toBe("休眠");
    expect(state(dayOffset(AS_OF, -5), 2, dayOffset(AS_OF, -100), "", asOf)).toBe("復活");
    expect(state(dayOffset(AS_OF, -5), 4, dayOffset(AS_OF, -20), "", asOf)).toBe("優良");
    expect(gas.calls).toEqual([]);
  });

  it("reads dates written as text and Sheets serial numbers", () => {
    expect(state("2026/10/21", 3, "", "", "2026-10-31")).toBe("継続");
    expect(state(46_316, 3, "", "", asOf)).toBe(state("2026-10-21", 3, "", "", asOf)); // 46316 = 2026-10-21
  });

  it("answers a column with a column, blank rows blank, bad cells with a message in that cell", () => {
    const out = state(
      col([dayOffset(AS_OF, -10), "", "いつか", dayOffset(AS_OF, -10), dayOffset(AS_OF, 5)]),
      col([1, "", 2, "三回", 1]),
      undefined,
      undefined,
      asOf,
    );
    expect(out).toEqual([
      ["新規"],
      [""],
      ["日付を読めません(最終購入日): いつか"],
      ["購入回数を読めません(0以上の整数): 三回"],
      ["最終購入日が基準日より後です"],
    ]);
  });

  it("takes the top-1% cut within the range of totals, and not from a single total", () => {
    const n = 200;
    const last = col(Array.from({ length: n }, () => dayOffset(AS_OF, -10)));
    const totals = col(Array.from({ length: n }, (_, i) => (i + 1) * 1000));
    const out = state(last, col(Array(n).fill(1)), undefined, totals, asOf) as string[][];
    // k = ceil(200 × 1%) = 2: the two largest totals are VIP, everyone else is new.
    expect(out.filter(([s]) => s === "優良")).toHaveLength(2);
    expect(out[n - 1][0]).toBe("優良");
    expect(out[n - 2][0]).toBe("優良");
    expect(out[n - 3][0]).toBe("新規");
    expect(state(dayOffset(AS_OF, -10), 1, "", 1_000_000, asOf)).toBe("新規");
  });

  it("changes with the settings range, and speaks English when language is en", () => {
    const last = dayOffset(AS_OF, -20);
    expect(state(last, 3, "", "", asOf)).toBe("継続");
    expect(state(last, 3, "", "", asOf, settingsRange({ activeDays: 10 }))).toBe("休眠予備軍");
    expect(state(last, 3, "", "", asOf, settingsRange({ language: "en" }))).toBe("Active");
  });

  it("refuses invalid settings and ranges of different heights for the whole call, naming them", () => {
    expect(() => state(asOf, 1, "", "", asOf, settingsRange({ activeDays: 90, atRiskDays: 60 }))).toThrow(
      /activeDays/,
    );
    expect(() => state(col([asOf, asOf]), col([1, 1, 1]), undefined, undefined, asOf)).toThrow(
      /purchases.*last_purchase/,
    );
    expect(() => state([[asOf, asOf]], 1, "", "", asOf)).toThrow(/1列/);
  });

  it("agrees with the core's classifyState on any column of customers", () => {
    const row = fc.record({
      f: fc.integer({ min: 1, max: 8 }),
      r: fc.integer({ min: 0, max: 150 }),
      gap: fc.integer({ min: 1, max: 150 }),
      m: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const out = state(
          col(rows.map((x) => dayOffset(AS_OF, -x.r))),
          col(rows.map((x) => x.f)),
          col(rows.map((x) => (x.f >= 2 ? dayOffset(AS_OF, -x.r - x.gap) : ""))),
          col(rows.map((x) => x.m)),
          asOf,
        ) as string[][];
        const end = dayFromYmd(2026, 10, 31);
        const topCut = topMonetaryCut(
          rows.map((x) => x.m),
          DEFAULT_SETTINGS.vipTopPercent,
        );
        const expected = rows.map((x) => [
          stateLabel(
            classifyState(
              {
                purchases: x.f,
                recencyDays: x.r,
                monetary: x.m,
                lastPurchase: end - x.r,
                previousPurchase: x.f >= 2 ? end - x.r - x.gap : null,
              },
              { settings: DEFAULT_SETTINGS, topCut, engagementLoaded: false },
            ),
            "ja",
          ),
        ]);
        expect(out).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it("handles 50,000 rows in one call", () => {
    const n = 50_000;
    const last = col(Array.from({ length: n }, (_, i) => dayOffset(AS_OF, -(i % 120))));
    const counts = col(Array.from({ length: n }, (_, i) => 1 + (i % 6)));
    const totals = col(Array.from({ length: n }, (_, i) => (i * 7919) % 100_000));
    const out = state(last, counts, undefined, totals, asOf, settingsRange({ language: "en" })) as string[][];
    expect(out).toHaveLength(n);
    const labels = new Set(out.map(([s]) => s));
    for (const s of labels) expect(["New", "Active", "At risk", "Dormant", "VIP"]).toContain(s);
    expect(labels.size).toBe(5);
  });
});

describe("VIP_SCORE", () => {
  let gas: Bundle;
  beforeAll(() => {
    gas = bundle(); // after ensureBundle: describe bodies run before any beforeAll
  });
  const score = (...args: unknown[]) => gas.call("VIP_SCORE", ...args);

  it("gives 100 to the strongest customer and scales the purchase axes without relationship points", () => {
    const totals = col([1000, 5000, 90_000]);
    const out = score(
      col([4, 2, 6]),
      col([dayOffset(AS_OF, -3), dayOffset(AS_OF, -50), dayOffset(AS_OF, -1)]),
      totals,
      undefined,
      asOf,
    );
    expect((out as number[][])[2][0]).toBe(100);
    for (const [s] of out as number[][]) expect(s).toBeGreaterThanOrEqual(0);
    // With relationship points given (all zero), the 40 relationship points are out of reach.
    const withPoints = score(
      col([6]),
      col([dayOffset(AS_OF, -1)]),
      col([90_000]),
      col([0]),
      asOf,
    ) as number[][];
    expect(withPoints[0][0]).toBe(60);
  });

  it("never falls when purchases rise or the last purchase is more recent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 120 }), (f, r) => {
        const base = score(f, dayOffset(AS_OF, -r - 1), 5000, 2, asOf) as number;
        expect(score(f + 1, dayOffset(AS_OF, -r - 1), 5000, 2, asOf)).toBeGreaterThanOrEqual(base);
        expect(score(f, dayOffset(AS_OF, -r), 5000, 2, asOf)).toBeGreaterThanOrEqual(base);
        expect(base).toBeLessThanOrEqual(100);
      }),
      { numRuns: 40 },
    );
  });

  it("writes a message into a row it cannot read", () => {
    const out = score(
      col([3, "", 2]),
      col([asOf, "", "2026-13-45"]),
      col([100, "", "¥abc"]),
      undefined,
      asOf,
    );
    expect(out).toEqual([[expect.any(Number)], [""], ["日付を読めません(最終購入日): 2026-13-45"]]);
  });
});

describe("NEXT_ACTION", () => {
  let gas: Bundle;
  beforeAll(() => {
    gas = bundle(); // after ensureBundle: describe bodies run before any beforeAll
  });
  const next = (...args: unknown[]) => gas.call("NEXT_ACTION", ...args);

  it("gives the one next step for a state label in either language", () => {
    expect(next("休眠")).toBe(NEXT_ACTIONS.reactivation_offer.step.ja);
    expect(next("At risk")).toBe(NEXT_ACTIONS.reassure_remind.step.ja);
    expect(next("継続", 5)).toBe(NEXT_ACTIONS.review_survey.step.ja);
    expect(next("継続", 3)).toBe(NEXT_ACTIONS.reason_to_continue.step.ja);
    expect(next("優良", "", settingsRange({ language: "en" }))).toBe(NEXT_ACTIONS.referral_community.step.en);
  });

  it("answers a column of states, with a message for an unknown state", () => {
    expect(next(col(["新規", "", "そのほか"]))).toEqual([
      [NEXT_ACTIONS.start_using.step.ja],
      [""],
      ["顧客状態を読めません: そのほか"],
    ]);
  });
});

describe("FAN_RANK and FAN_PROGRESS", () => {
  let gas: Bundle;
  beforeAll(() => {
    gas = bundle(); // after ensureBundle: describe bodies run before any beforeAll
  });

  it("ranks visits by the fan thresholds, which the settings can change", () => {
    expect(gas.call("FAN_RANK", col([0, 3, 5, 8, ""]))).toEqual([
      ["なし"],
      ["ブロンズ"],
      ["シルバー"],
      ["ゴールド"],
      [""],
    ]);
    expect(
      gas.call("FAN_RANK", 4, settingsRange({ fanBronze: 4, fanSilver: 6, fanGold: 9, language: "en" })),
    ).toBe("Bronze");
  });

  it("says how many visits to the next rank, or back to the rank that fell", () => {
    expect(gas.call("FAN_PROGRESS", 2)).toBe("今月あと1回来館でブロンズファンに昇格!");
    expect(gas.call("FAN_PROGRESS", 2, 5)).toBe("あと3回でシルバーファンに復活しますよ!");
    expect(gas.call("FAN_PROGRESS", col([1, -1]))).toEqual([
      ["今月あと2回来館でブロンズファンに昇格!"],
      ["来館日数を読めません(0以上の整数): -1"],
    ]);
  });
});

describe("NPS", () => {
  let gas: Bundle;
  beforeAll(() => {
    gas = bundle(); // after ensureBundle: describe bodies run before any beforeAll
  });

  it("is %promoters − %detractors over the answered cells", () => {
    // 2 promoters, 1 passive, 1 detractor of 4 valid answers: (2 − 1) / 4 = 25.
    expect(gas.call("NPS", col([10, 9, 8, 0, ""]))).toBe(25);
    expect(
      gas.call("NPS", [
        [10, 10],
        [0, "x"],
      ]),
    ).toBe(33.3);
  });

  it("says so when there is nothing to score", () => {
    expect(gas.call("NPS", col(["", ""]))).toMatch(/回答がありません/);
    expect(gas.call("NPS", col(["とても良い"]))).toMatch(/無効 1 件/);
  });
});

describe("CRM_CUSTOMERS", () => {
  let gas: Bundle;
  beforeAll(() => {
    gas = bundle(); // after ensureBundle: describe bodies run before any beforeAll
  });

  it("spills a header and one row per customer, sorted by key", () => {
    const keys = col(["b@x", "a@x", "a@x", "", "c@x", "a@x"]);
    const dates = col([
      dayOffset(AS_OF, -3),
      dayOffset(AS_OF, -90),
      dayOffset(AS_OF, -60),
      "",
      dayOffset(AS_OF, -70),
      dayOffset(AS_OF, -5),
    ]);
    const amounts = col([1000, 2000, "¥3,000", "", 500, "1,500円"]);
    const out = gas.call("CRM_CUSTOMERS", keys, dates, amounts, asOf) as unknown[][];
    expect(out).toHaveLength(4);
    expect(out.every((row) => row.length === out[0].length)).toBe(true);
    expect(out[0][0]).toBe("顧客ID");
    expect(out.slice(1).map((r) => r[0])).toEqual(["a@x", "b@x", "c@x"]);
    const a = out[1];
    expect(a.slice(1, 6)).toEqual([3, 6500, "2026-08-02", "2026-10-26", 5]);
    // a@x spends the most: the top 1% of three customers is one customer, so a@x is a VIP.
    expect(a[6]).toBe("優良");
    expect(out[3][6]).toBe("休眠");
    expect(out[2][6]).toBe("新規");
  });

  it("lists unreadable rows in a last row instead of dropping them silently", () => {
    const out = gas.call(
      "CRM_CUSTOMERS",
      col(["a", "", "b"]),
      col([asOf, asOf, "昨日"]),
      undefined,
      asOf,
      settingsRange({ language: "en" }),
    ) as unknown[][];
    expect(out[0][0]).toBe("Customer");
    expect(out.map((r) => r[0])).toEqual([
      "Customer",
      "a",
      expect.stringMatching(/Skipped 2 .*row 2 .*row 3/),
    ]);
  });

  it("ignores orders after the as-of date, so a past month can be re-run", () => {
    const out = gas.call(
      "CRM_CUSTOMERS",
      col(["a", "a"]),
      col([dayOffset(AS_OF, -1), dayOffset(AS_OF, 3)]),
      col([100, 100]),
      asOf,
    ) as unknown[][];
    expect(out[1].slice(1, 3)).toEqual([1, 100]);
  });
});

describe("P_ALIVE and EXPECTED_PURCHASES", () => {
  let gas: Bundle;
  beforeAll(() => {
    gas = bundle();
  });
  const end = dayFromYmd(2026, 10, 31);
  // The CDNOW customers (Fader, Hardie & Lee's data set; weeks turned into days), a shop the model fits well.
  const cdnow = readFileSync(sharedPath("data/cdnow/cdnow_customers_summary.csv"), "utf8");
  const rows = cdnow
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [, x, tx, T] = line.split(",").map(Number);
      const first = end - Math.round(T * 7);
      return { f: x + 1, first, last: first + Math.round(tx * 7) };
    });
  const asDate = (day: number) => dayOffset(AS_OF, day - end);
  const args = [
    col(rows.map((r) => r.f)),
    col(rows.map((r) => asDate(r.first))),
    col(rows.map((r) => asDate(r.last))),
  ];
  const summaries = rows.map((r, i) => ({
    customerKey: String(i),
    purchases: r.f,
    orders: r.f,
    monetary: 0,
    firstPurchase: r.first,
    lastPurchase: r.last,
    previousPurchase: null,
    recencyDays: end - r.last,
    tenureDays: r.last - r.first,
    avgIntervalDays: null,
  }));
  const expected = predictCustomers(summaries, end);

  it("gives the core model's P(alive), fitted on the range, and no figure for single purchases", () => {
    const out = gas.call("P_ALIVE", ...args, asOf) as unknown[][];
    expect(out).toHaveLength(rows.length);
    rows.forEach((r, i) => {
      if (r.f === 1) expect(out[i][0]).toBe("購入1回のため予測しません");
      else expect(out[i][0]).toBeCloseTo(expected.predictions.get(String(i))?.pAlive ?? Number.NaN, 9);
    });
  });

  it("gives the expected purchases in the next 90 days by default, more over a longer horizon", () => {
    const out = gas.call("EXPECTED_PURCHASES", ...args, "", asOf) as number[][];
    const longer = gas.call("EXPECTED_PURCHASES", ...args, 365, asOf) as number[][];
    rows.forEach((_, i) => {
      expect(out[i][0]).toBeCloseTo(
        expected.predictions.get(String(i))?.expectedPurchases90d ?? Number.NaN,
        9,
      );
      expect(longer[i][0]).toBeGreaterThanOrEqual(out[i][0]);
    });
  });

  it("writes each unreadable row's reason in its cell, in the settings' language, and fits on the rest", () => {
    const bad = args.map((c) => [...c]);
    bad[0][0] = ["three"]; // purchases
    bad[2][1] = [dayOffset(AS_OF, 5)]; // last purchase after the as-of date
    bad[1][2] = [""]; // no first purchase
    const en = settingsRange({ language: "en" });
    const out = gas.call("P_ALIVE", ...bad, asOf, en) as unknown[][];
    expect(out[0][0]).toBe("Cannot read purchases (a whole number ≥ 0): three");
    expect(out[1][0]).toBe("Last purchase is after the as-of date");
    expect(out[2][0]).toBe("Missing first purchase");
    const single = rows.findIndex((r, i) => i > 2 && r.f === 1);
    expect(out[single][0]).toBe("No prediction for a single purchase");
    const expectedOut = gas.call("EXPECTED_PURCHASES", ...bad, 90, asOf) as unknown[][];
    expect(expectedOut[1][0]).toBe("最終購入日が基準日より後です");
    expect(typeof expectedOut[single][0]).toBe("number");
  });

  it("refuses exactly the rows the core's tripleFromDays refuses (one rule for a consistent row)", () => {
    // Rows of every kind, consistent or not (0 purchases, one purchase spanning days, last before first, last
    // after the as-of day), after the CDNOW rows so that the fit has a shop to work on.
    const odd = fc.sample(
      fc.record({
        f: fc.integer({ min: 0, max: 4 }),
        first: fc.integer({ min: end - 400, max: end }),
        span: fc.integer({ min: -3, max: 6 }),
      }),
      { numRuns: 300, seed: 11 },
    );
    const extra = odd.map(({ f, first, span }) => ({ f, first, last: Math.min(first + span, end + 2) }));
    const all = [...rows, ...extra];
    const out = gas.call(
      "P_ALIVE",
      col(all.map((r) => r.f)),
      col(all.map((r) => asDate(r.first))),
      col(all.map((r) => asDate(r.last))),
      asOf,
    ) as unknown[][];
    let refused = 0;
    extra.forEach((r, i) => {
      const cell = out[rows.length + i][0];
      const t = tripleFromDays(r.f, r.first, r.last, end);
      if (t === null) refused++;
      // A refused row gets its reason (a text); a kept one a probability or, for a single purchase, the note.
      if (t === null)
        expect(typeof cell === "string" && cell !== "購入1回のため予測しません", String(cell)).toBe(true);
      else if (t.x === 0) expect(cell).toBe("購入1回のため予測しません");
      else expect(typeof cell).toBe("number");
    });
    expect(refused).toBeGreaterThan(50);
    expect(refused).toBeLessThan(extra.length);
  });

  it("gives rows with the same history the same figures", () => {
    const twice = args.map((c) => [...c, ...c]);
    const out = gas.call("P_ALIVE", ...twice, asOf) as unknown[][];
    expect(out.slice(rows.length)).toEqual(out.slice(0, rows.length));
  });

  it("refuses to fit on too few customers, saying why", () => {
    const few = args.map((c) => c.slice(0, 10));
    expect(() => gas.call("P_ALIVE", ...few, asOf)).toThrow(/10人/);
  });
});
