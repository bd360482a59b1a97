import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  RFM_SEGMENT_LABELS,
  RFM_SEGMENT_RULES,
  type RfmInput,
  rfmBins,
  rfmScores,
  rfmSegmentOf,
} from "../../../src/core/model/rfm";
import { sharedData } from "./cdnow";

/** rfm_data_orders aggregated as rfm_table_order does: last date, sum of revenue, number of rows. */
function packageInputs(): RfmInput[] {
  const lines = readFileSync(sharedData("rfm/rfm_data_orders.csv"), "utf8").trim().split("\n");
  expect(lines[0]).toBe("customer_id,order_date,revenue,first_name,last_name,email");
  const analysis = Date.UTC(2006, 11, 31);
  const by = new Map<string, RfmInput>();
  for (const line of lines.slice(1)) {
    const [id, date, revenue] = line.split(",");
    const [y, m, d] = date.split("-").map(Number);
    const recency = Math.round((analysis - Date.UTC(y, m - 1, d)) / 86_400_000);
    const c = by.get(id) ?? {
      customerKey: id,
      recencyDays: Number.POSITIVE_INFINITY,
      frequency: 0,
      monetary: 0,
    };
    c.recencyDays = Math.min(c.recencyDays, recency);
    c.frequency += 1;
    c.monetary += Number(revenue);
    by.set(id, c);
  }
  return [...by.values()];
}

describe("RFM on the rfm package's rfm_data_orders (analysis date 2006-12-31)", () => {
  const result = rfmScores(packageInputs());
  const byKey = new Map(result.customers.map((c) => [c.customerKey, c]));

  it("scores the customers the package's README prints exactly as the package does", () => {
    // rfm 0.3.0 README: customer, rfm_score, segment
    const readme: [string, number, string][] = [
      ["Abbey O'Reilly", 343, "Potential Loyalist"],
      ["Add Senger", 412, "New Customers"],
      ["Aden Lesch", 323, "Loyal Customers"],
      ["Aden Murphy", 544, "Potential Loyalist"],
      ["Admiral Senger", 433, "Potential Loyalist"],
    ];
    expect(result.customers).toHaveLength(995);
    for (const [key, score, segment] of readme) {
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

  it("puts the minimum in bin 1 and the maximum in the top bin", () => {
    const bins = rfmBins([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(bins.lower[0]).toBe(1);
    expect(bins.upper[4]).toBe(10);
    expect(rfmScores([]).customers).toEqual([]);
  });
});
