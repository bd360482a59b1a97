import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  emptyVipScoreFigures,
  monetaryRanks,
  monetaryShareOf,
  sortedPositiveMonetaries,
  type VipScoreContext,
  vipScore,
  vipScoreInto,
  vipScoreOfShare,
} from "../../src/core/vipScore";
import { RULE_BOOK } from "./rulesFixtures";

const shop = [100, 200, 300, 400, 0, -50];
const ctx = (engagementLoaded: boolean): VipScoreContext => ({
  settings: RULE_BOOK,
  engagementLoaded,
  monetaryShare: monetaryShareOf(shop),
});

describe("monetaryShareOf", () => {
  it("is the share of customers with M > 0 whose M ≤ m", () => {
    const share = monetaryShareOf(shop);
    expect(share(100)).toBe(0.25);
    expect(share(250)).toBe(0.5);
    expect(share(400)).toBe(1);
    expect(share(10_000)).toBe(1);
    expect(share(50)).toBe(0);
    expect(share(0)).toBe(0);
    expect(share(-5)).toBe(0);
  });
  it("counts ties as ≤", () => {
    expect(monetaryShareOf([5, 5, 5, 10])(5)).toBe(0.75);
  });
  it("is 0 for an empty shop", () => {
    expect(monetaryShareOf([])(100)).toBe(0);
  });
});

describe("vipScore (§7)", () => {
  it("with engagement: the four parts 25 + 20 + 15 + 40", () => {
    const full = vipScore({ purchases: 4, recencyDays: 45, monetary: 400, relationshipPoints: 4 }, ctx(true));
    expect(full.parts).toEqual({ frequency: 25, recency: 20, monetary: 15, relationship: 40 });
    expect(full.score).toBe(100);
    expect(full.continuation).toBe(100);
    expect(full.relationship).toBe(100);

    const half = vipScore(
      { purchases: 2, recencyDays: 52.5, monetary: 200, relationshipPoints: 2 },
      ctx(true),
    );
    expect(half.parts.frequency).toBeCloseTo(12.5, 10);
    expect(half.parts.recency).toBeCloseTo(10, 10);
    expect(half.parts.monetary).toBeCloseTo(7.5, 10);
    expect(half.parts.relationship).toBeCloseTo(20, 10);
    expect(half.score).toBeCloseTo(50, 10);
    expect(half.continuation).toBeCloseTo(50, 10);
    expect(half.relationship).toBeCloseTo(50, 10);
  });

  it("without engagement: the first three scaled to 100, no relationship axis", () => {
    const s = vipScore({ purchases: 4, recencyDays: 0, monetary: 400, relationshipPoints: 9 }, ctx(false));
    expect(s.score).toBeCloseTo(100, 10);
    expect(s.relationship).toBe(0);
    expect(s.parts.relationship).toBe(0);
    const t = vipScore({ purchases: 1, recencyDays: 61, monetary: 100, relationshipPoints: 0 }, ctx(false));
    // 25/4 + 0 + 15 × 0.25 = 10 of 60 points → 16.67
    expect(t.score).toBeCloseTo((10 * 100) / 60, 10);
  });

  it.each([
    [45, 20],
    [46, 20 * (14 / 15)],
    [60, 0],
    [61, 0],
  ])("recency part at R = %i is %f", (R, part) => {
    expect(
      vipScore({ purchases: 1, recencyDays: R, monetary: 0, relationshipPoints: 0 }, ctx(true)).parts.recency,
    ).toBeCloseTo(part, 10);
  });

  it("refunded-out customers (M ≤ 0) get no monetary part", () => {
    expect(
      vipScore({ purchases: 3, recencyDays: 5, monetary: -10, relationshipPoints: 0 }, ctx(true)).parts
        .monetary,
    ).toBe(0);
  });

  it("never falls when F, M or points rise or R falls", () => {
    const arb = fc.record({
      F: fc.integer({ min: 1, max: 20 }),
      R: fc.integer({ min: 0, max: 200 }),
      M: fc.integer({ min: -100, max: 1000 }),
      P: fc.integer({ min: 0, max: 12 }),
    });
    const step = fc.record({
      dF: fc.nat(5),
      dR: fc.nat(80),
      dM: fc.nat(600),
      dP: fc.nat(6),
    });
    const shopMs = fc.array(fc.integer({ min: -100, max: 1000 }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, step, shopMs, fc.boolean(), (a, d, ms, loaded) => {
        const c: VipScoreContext = {
          settings: RULE_BOOK,
          engagementLoaded: loaded,
          monetaryShare: monetaryShareOf(ms),
        };
        const before = vipScore(
          { purchases: a.F, recencyDays: a.R + d.dR, monetary: a.M, relationshipPoints: a.P },
          c,
        );
        const after = vipScore(
          { purchases: a.F + d.dF, recencyDays: a.R, monetary: a.M + d.dM, relationshipPoints: a.P + d.dP },
          c,
        );
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.continuation).toBeGreaterThanOrEqual(before.continuation);
        expect(after.relationship).toBeGreaterThanOrEqual(before.relationship);
        expect(after.score).toBeLessThanOrEqual(100 + 1e-9);
        expect(before.score).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("monetaryRanks (every customer's share at once)", () => {
  it("gives each customer the share monetaryShareOf gives its M, and the sorted M > 0", () => {
    const m = fc.oneof(
      fc.constantFrom(0, -50, 100, 100, 2500),
      fc.integer({ min: -1000, max: 30_000 }),
      fc.double({ min: -10, max: 1e7, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(m, { maxLength: 1500 }), (ms) => {
        const { sorted, shares } = monetaryRanks(ms);
        const share = monetaryShareOf(ms);
        expect(Array.from(shares)).toEqual(ms.map((x) => (x > 0 ? share(x) : 0)));
        expect(sorted).toEqual(sortedPositiveMonetaries(ms));
      }),
      { numRuns: 150 },
    );
  });

  it("scores with the share as vipScoreInto scores with the binary search", () => {
    const ms = [0, 100, 100, 250, -20, 9000, 100];
    const { shares } = monetaryRanks(ms);
    const own: VipScoreContext = {
      settings: RULE_BOOK,
      engagementLoaded: true,
      monetaryShare: monetaryShareOf(ms),
    };
    for (const [i, monetary] of ms.entries()) {
      const a = vipScoreInto(3, 20, monetary, 1, own, emptyVipScoreFigures());
      const b = vipScoreOfShare(3, 20, shares[i], 1, own, emptyVipScoreFigures());
      expect(b).toEqual(a);
      if (monetary > 0) expect(b.monetaryPart).toBeGreaterThan(0);
    }
  });
});

describe("vipScoreInto (analyzeCleaned's scores, one object reused)", () => {
  it("gives vipScore's figures for customer after customer written into the same object", () => {
    const reused = emptyVipScoreFigures();
    fc.assert(
      fc.property(
        fc.record({
          purchases: fc.integer({ min: 1, max: 20 }),
          recencyDays: fc.integer({ min: 0, max: 500 }),
          monetary: fc.oneof(
            fc.constant(0),
            fc.integer({ min: -100, max: 1000 }),
            fc.double({ min: 0, max: 999 }),
          ),
          relationshipPoints: fc.integer({ min: 0, max: 10 }),
        }),
        fc.boolean(),
        (c, engaged) => {
          const want = vipScore(c, ctx(engaged));
          const got = vipScoreInto(
            c.purchases,
            c.recencyDays,
            c.monetary,
            c.relationshipPoints,
            ctx(engaged),
            reused,
          );
          expect(got).toBe(reused);
          expect({
            score: got.score,
            continuation: got.continuation,
            relationship: got.relationship,
            parts: {
              frequency: got.frequency,
              recency: got.recency,
              monetary: got.monetaryPart,
              relationship: got.relationshipPart,
            },
          }).toEqual(want);
        },
      ),
    );
  });
});
