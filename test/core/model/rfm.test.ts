import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STATE_LABELS } from "../../../src/core/labels";
import {
  RFM_SEGMENT_LABELS,
  RFM_SEGMENT_ORDER,
  RFM_SEGMENT_RULES,
  rfmBins,
  rfmInputsFromSummaries,
  rfmOfSummaries,
  rfmScores,
  rfmSegmentLabel,
  rfmSegmentOf,
} from "../../../src/core/model/rfm";
import type { CustomerSummary } from "../../../src/core/types";
import { packageInputs, README_SCORES } from "./rfmData";

describe("RFM on the rfm package's rfm_data_orders (analysis date 2006-12-31)", () => {
  const result = rfmScores(packageInputs());
  const byKey = new Map(result.customers.map((c) => [c.customerKey, c]));

  it("scores the customers the package's README prints exactly as the package does", () => {
    expect(result.customers).toHaveLength(995);
    for (const [key, score, segment] of README_SCORES) {
      const c = byKey.get(key);
      expect(c?.rfmScore).toBe(score);
      expect(RFM_SEGMENT_LABELS[c?.segment ?? "others"].name.en).toBe(segment);
    }
  });

  it("uses the package's cut points (its documented custom-threshold example repeats them rounded)", () => {
    // rfm_table_order docs: recency_bins = c(115, 181, 297, 482), frequency_bins = c(4, 5, 6, 8),
    // monetary_bins = c(256, 382, 506, 666)
    const near = (got: number[], want: number[]) => {
      expect(got).toHaveLength(want.length);
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(0.5);
    };
    near(result.thresholds.recency.lower.slice(1), [115, 181, 297, 482]);
    near(result.thresholds.frequency.lower.slice(1), [4, 5, 6, 8]);
    near(result.thresholds.monetary.lower.slice(1), [256, 382, 506, 666]);
    expect(result.thresholds.recency.lower[0]).toBe(1);
    expect(result.thresholds.monetary.upper[4]).toBe(1489);
  });

  it("has the package's score distribution", () => {
    // Counts from an independent implementation (numpy.quantile, linear = R type 7) of the same rules.
    const count = (pick: (c: (typeof result.customers)[number]) => number) =>
      [1, 2, 3, 4, 5].map((s) => result.customers.filter((c) => pick(c) === s).length);
    expect(count((c) => c.recencyScore)).toEqual([197, 200, 199, 199, 200]);
    expect(count((c) => c.frequencyScore)).toEqual([268, 187, 176, 244, 120]);
    expect(count((c) => c.monetaryScore)).toEqual([200, 200, 198, 202, 195]);
  });
});

describe("RFM rules", () => {
  it("applies the first matching rule of the table", () => {
    expect(rfmSegmentOf(5, 5, 5)).toBe("champions");
    expect(rfmSegmentOf(5, 5, 4)).toBe("potential_loyalist"); // also matches later rules
    expect(rfmSegmentOf(4, 1, 2)).toBe("new_customers");
    expect(rfmSegmentOf(1, 3, 4)).toBe("cant_lose_them"); // before At Risk
    expect(rfmSegmentOf(1, 1, 1)).toBe("lost");
    expect(rfmSegmentOf(2, 5, 1)).toBe("others");
  });

  it("gives each score the same meaning as the table, for every combination", () => {
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) {
          const seg = rfmSegmentOf(r, f, m);
          const first = RFM_SEGMENT_RULES.find(
            (x) =>
              r >= x.recency[0] &&
              r <= x.recency[1] &&
              f >= x.frequency[0] &&
              f <= x.frequency[1] &&
              m >= x.monetary[0] &&
              m <= x.monetary[1],
          );
          expect(seg).toBe(first?.segment ?? "others");
        }
  });

  it("scores 1–5, higher value never lower score, recency reversed", () => {
    const input = fc.array(
      fc.record({
        recencyDays: fc.integer({ min: 0, max: 2000 }),
        frequency: fc.integer({ min: 1, max: 40 }),
        monetary: fc.integer({ min: -500, max: 100_000 }),
      }),
      { minLength: 1, maxLength: 200 },
    );
    fc.assert(
      fc.property(input, (rows) => {
        const res = rfmScores(rows.map((r, i) => ({ customerKey: `k${i}`, ...r })));
        expect(res.customers).toHaveLength(rows.length);
        res.customers.forEach((a, i) => {
          for (const s of [a.recencyScore, a.frequencyScore, a.monetaryScore])
            expect(s >= 1 && s <= 5).toBe(true);
          res.customers.forEach((b, j) => {
            if (rows[i].monetary < rows[j].monetary)
              expect(a.monetaryScore).toBeLessThanOrEqual(b.monetaryScore);
            if (rows[i].recencyDays < rows[j].recencyDays)
              expect(a.recencyScore).toBeGreaterThanOrEqual(b.recencyScore);
          });
        });
      }),
      { numRuns: 50 },
    );
  });

  it("cuts where a sort-based R type-7 quantile does (selection instead of a sort changes nothing)", () => {
    const sortedQuantile = (xs: number[], p: number) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const index = 1 + (sorted.length - 1) * p;
      const lo = Math.floor(index);
      const h = index - lo;
      const a = sorted[lo - 1];
      const b = sorted[Math.ceil(index) - 1];
      return h > 0 && a !== b ? (1 - h) * a + h * b : a;
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 60 }), { minLength: 1, maxLength: 120 }), (xs) => {
        const bins = rfmBins(xs);
        const cuts = [1, 2, 3, 4].map((k) => sortedQuantile(xs, k * (1 / 5)) + 1);
        expect(bins.lower).toEqual([Math.min(...xs), ...cuts]);
        expect(bins.upper).toEqual([...cuts, Math.max(...xs) + 1]);
      }),
      { numRuns: 300 },
    );
  });

  it("puts the minimum in bin 1 and the maximum in the top bin", () => {
    const bins = rfmBins([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(bins.lower[0]).toBe(1);
    expect(bins.upper[4]).toBe(10);
    expect(rfmScores([]).customers).toEqual([]);
  });
});

describe("RFM from Sodatsu's customer summaries", () => {
  const summary = (i: number, recencyDays: number, orders: number, monetary: number): CustomerSummary => ({
    customerKey: `k${String(i).padStart(4, "0")}`,
    purchases: orders,
    orders,
    monetary,
    firstPurchase: 1000 - recencyDays - 10,
    lastPurchase: 1000 - recencyDays,
    previousPurchase: null,
    recencyDays,
    tenureDays: 10,
    avgIntervalDays: null,
  });

  it("scores each summary as rfmScores does on the same measures, with the segment table looked up", () => {
    const rows = fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: -1000, max: 50_000, noNaN: true }),
      ),
      { minLength: 1, maxLength: 300 },
    );
    fc.assert(
      fc.property(rows, (rs) => {
        const summaries = rs.map(([r, f, m], i) => summary(i, r, f, m));
        const fast = rfmOfSummaries(summaries);
        // A copy of the rules makes rfmScores scan them rule by rule instead of using the lookup table.
        const slow = rfmScores(rfmInputsFromSummaries(summaries), [...RFM_SEGMENT_RULES]);
        expect(fast.thresholds).toEqual(slow.thresholds);
        expect(fast.scores).toEqual(
          slow.customers.map((c) => ({
            r: c.recencyScore,
            f: c.frequencyScore,
            m: c.monetaryScore,
            segment: c.segment,
          })),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("gives no scores rather than wrong ones for an empty shop or a figure that is not finite", () => {
    expect(rfmOfSummaries([])).toEqual({ scores: [], thresholds: null });
    const broken = rfmOfSummaries([summary(1, 3, 1, 100), summary(2, 5, 2, Number.NaN)]);
    expect(broken).toEqual({ scores: [null, null], thresholds: null });
  });
});

describe("RFM segment guide", () => {
  it("names, explains and suggests an action for every segment in both languages", () => {
    expect([...RFM_SEGMENT_ORDER].sort()).toEqual(Object.keys(RFM_SEGMENT_LABELS).sort());
    expect(RFM_SEGMENT_ORDER.slice(0, -1)).toEqual(RFM_SEGMENT_RULES.map((r) => r.segment));
    for (const segment of RFM_SEGMENT_ORDER) {
      const g = RFM_SEGMENT_LABELS[segment];
      for (const text of [g.name, g.meaning, g.action]) {
        expect(text.ja).toMatch(/[ぁ-んァ-ヶ一-龯]/);
        expect(text.en.length).toBeGreaterThan(0);
      }
      expect(rfmSegmentLabel(segment, "ja")).toBe(g.name.ja);
      expect(rfmSegmentLabel(segment, "en")).toBe(g.name.en);
    }
    expect(RFM_SEGMENT_LABELS.champions.name.ja).toBe("最優良顧客");
    expect(RFM_SEGMENT_LABELS.cant_lose_them.name.ja).toBe("失いたくない顧客");
  });

  it("never reuses a lifecycle state's name, so the two lenses cannot be mistaken for each other", () => {
    const names = RFM_SEGMENT_ORDER.map((s) => RFM_SEGMENT_LABELS[s].name.ja);
    expect(new Set(names).size).toBe(names.length);
    for (const state of Object.values(STATE_LABELS)) expect(names).not.toContain(state.ja);
  });

  it("is the table docs/model.md shows, word for word (ja first, then en)", () => {
    const doc = readFileSync(new URL("../../../docs/model.md", import.meta.url), "utf8");
    const rowOf = (text: string) => doc.split("\n").find((line) => line.startsWith(`| ${text} `)) ?? "";
    for (const segment of RFM_SEGMENT_ORDER) {
      const g = RFM_SEGMENT_LABELS[segment];
      const rule = RFM_SEGMENT_RULES.find((r) => r.segment === segment);
      const ranges = rule
        ? [rule.recency, rule.frequency, rule.monetary].map(([lo, hi]) =>
            lo === hi ? `${lo}` : `${lo}–${hi}`,
          )
        : ["", "", ""];
      for (const lang of ["ja", "en"] as const) {
        const cells = rowOf(`${g.name[lang]} \`${segment}\``)
          .split("|")
          .map((c) => c.trim());
        expect(cells.slice(2, 7), `${segment} (${lang})`).toEqual([
          ...ranges,
          g.meaning[lang],
          g.action[lang],
        ]);
      }
    }
    expect(doc.indexOf("最優良顧客 `champions`")).toBeLessThan(doc.indexOf("Champions `champions`"));
  });
});
