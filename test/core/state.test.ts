import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kthLargest } from "../../src/core/select";
import {
  classifyState,
  isVip,
  type StateContext,
  stageOf,
  topMonetaryCut,
  topMonetaryCutOfSorted,
} from "../../src/core/state";
import type { MembershipStatus } from "../../src/core/types";
import { sortedPositiveMonetaries } from "../../src/core/vipScore";
import { customer, RULE_BOOK } from "./rulesFixtures";

const ctx = (over: Partial<StateContext> = {}): StateContext => ({
  settings: RULE_BOOK,
  topCut: null,
  engagementLoaded: false,
  ...over,
});

describe("classifyState: §5 with the rule book's defaults", () => {
  // F = 3 sits between new (F ≤ 2) and VIP (F ≥ 4), so only R decides.
  it.each([
    [0, "active"],
    [30, "active"],
    [31, "at_risk"],
    [45, "at_risk"],
    [46, "at_risk"],
    [60, "at_risk"],
    [61, "dormant"],
    [400, "dormant"],
  ])("F = 3, R = %i → %s", (R, state) => {
    expect(classifyState(customer(3, R), ctx())).toBe(state);
  });

  it.each([
    [1, 0, "new"],
    [1, 60, "new"],
    [1, 61, "dormant"],
    [2, 30, "new"],
    [2, 60, "new"],
    [2, 61, "dormant"],
    [3, 30, "active"],
    [3, 31, "at_risk"],
    [4, 30, "vip"],
    [4, 31, "vip"],
    [4, 45, "vip"],
    [4, 46, "at_risk"],
    [4, 60, "at_risk"],
    [4, 61, "dormant"],
    [5, 45, "vip"],
  ])("F = %i, R = %i → %s", (F, R, state) => {
    expect(classifyState(customer(F, R), ctx())).toBe(state);
  });

  it("winback when the gap before the last purchase exceeds atRiskDays (61), not at exactly 60", () => {
    expect(classifyState(customer(2, 5, 1000, 61), ctx())).toBe("winback");
    expect(classifyState(customer(2, 5, 1000, 60), ctx())).toBe("new");
    expect(classifyState(customer(3, 20, 1000, 60), ctx())).toBe("active");
  });

  it("precedence: dormant beats winback, winback beats VIP, VIP beats new", () => {
    expect(classifyState(customer(2, 61, 1000, 200), ctx())).toBe("dormant");
    expect(classifyState(customer(6, 10, 1000, 61), ctx())).toBe("winback");
    // A single big first purchase in the top 1% is VIP, not new.
    expect(classifyState(customer(1, 3, 5000), ctx({ topCut: 5000 }))).toBe("vip");
    expect(classifyState(customer(1, 3, 4999), ctx({ topCut: 5000 }))).toBe("new");
  });

  it("membership: paused and cancelled win over everything, active changes nothing", () => {
    const m = (membership: MembershipStatus, F: number, R: number) =>
      classifyState({ ...customer(F, R), membership }, ctx());
    expect(m("paused", 5, 3)).toBe("paused");
    expect(m("paused", 1, 300)).toBe("paused");
    expect(m("cancelled", 5, 3)).toBe("cancelled");
    expect(m("cancelled", 1, 300)).toBe("cancelled");
    expect(m("active", 5, 3)).toBe("vip");
    expect(m("active", 3, 40)).toBe("at_risk");
    // No members table: the same rules without membership.
    expect(classifyState({ ...customer(5, 3), membership: null }, ctx())).toBe("vip");
  });

  it("engagement loaded: VIP needs vipMinPoints relationship points; absent data asks for none", () => {
    const loaded = ctx({ engagementLoaded: true });
    expect(classifyState({ ...customer(5, 3), relationshipPoints: 3 }, loaded)).toBe("active");
    expect(classifyState({ ...customer(5, 3), relationshipPoints: 4 }, loaded)).toBe("vip");
    expect(classifyState({ ...customer(5, 3), relationshipPoints: 0 }, ctx())).toBe("vip");
    // A top-1% first-timer without points falls back to new.
    expect(
      classifyState({ ...customer(1, 3, 9000), relationshipPoints: 0 }, { ...loaded, topCut: 9000 }),
    ).toBe("new");
  });

  it("paused and cancelled members are never VIP", () => {
    expect(isVip({ ...customer(9, 1), membership: "paused" }, ctx())).toBe(false);
    expect(isVip({ ...customer(9, 1), membership: "cancelled" }, ctx())).toBe(false);
    expect(isVip({ ...customer(9, 1), membership: "active" }, ctx())).toBe(true);
  });

  it("follows edited settings", () => {
    const s = { ...RULE_BOOK, activeDays: 10, atRiskDays: 20, vipRecencyDays: 15, newMaxPurchases: 1 };
    expect(classifyState(customer(2, 10), ctx({ settings: s }))).toBe("active");
    expect(classifyState(customer(2, 11), ctx({ settings: s }))).toBe("at_risk");
    expect(classifyState(customer(2, 21), ctx({ settings: s }))).toBe("dormant");
  });
});

describe("stageOf", () => {
  it.each([
    [1, "first"],
    [2, "nurturing"],
    [3, "nurturing"],
    [4, "established"],
    [40, "established"],
  ])("F = %i → %s", (F, stage) => {
    expect(stageOf(F, RULE_BOOK)).toBe(stage);
  });
  it("uses vipMinPurchases", () => {
    expect(stageOf(4, { vipMinPurchases: 6 })).toBe("nurturing");
    expect(stageOf(6, { vipMinPurchases: 6 })).toBe("established");
  });
});

describe("topMonetaryCut: k = max(1, ceil(N × pct / 100)) among M > 0, ties qualify", () => {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it("an empty shop and a shop where nobody spent have no cut", () => {
    expect(topMonetaryCut([], 1)).toBeNull();
    expect(topMonetaryCut([0, -5, 0], 1)).toBeNull();
  });
  it("one customer is their own top 1%", () => {
    expect(topMonetaryCut([42], 1)).toBe(42);
  });
  it("100 customers: k = 1; 101 customers: k = 2; 200: k = 2; 201: k = 3", () => {
    expect(topMonetaryCut(range(100), 1)).toBe(100);
    expect(topMonetaryCut(range(101), 1)).toBe(100);
    expect(topMonetaryCut(range(200), 1)).toBe(199);
    expect(topMonetaryCut(range(201), 1)).toBe(199);
  });
  it("ties at the cut all qualify", () => {
    const ms = [...range(97), 500, 500, 500];
    const cut = topMonetaryCut(ms, 1);
    expect(cut).toBe(500);
    expect(ms.filter((m) => m >= (cut as number))).toHaveLength(3);
  });
  it("customers with M ≤ 0 do not count in N", () => {
    const ms = [...range(100), ...Array(5000).fill(0), -20];
    expect(topMonetaryCut(ms, 1)).toBe(100);
  });
  it("100% takes everyone with M > 0", () => {
    expect(topMonetaryCut([5, 0, 3, 9], 100)).toBe(3);
  });
  it("exact products stay exact (250 × 64.4% = 161, not 162)", () => {
    expect(topMonetaryCut(range(250), 64.4)).toBe(250 - 161 + 1);
  });
  it("kthLargest agrees with sorting on random arrays", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (xs, r) => {
          const k = (r % xs.length) + 1;
          const sorted = [...xs].sort((a, b) => b - a);
          expect(kthLargest(Float64Array.from(xs), k)).toBe(sorted[k - 1]);
        },
      ),
    );
  });
});

describe("topMonetaryCutOfSorted (analyzeCleaned's cut from the monetary share's sorted M)", () => {
  it("is topMonetaryCut for any monetaries and percent, ties, zeros and refunds included", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.integer({ min: -500, max: 5000 }), fc.double({ min: -10, max: 1e6, noNaN: true })),
          {
            maxLength: 700,
          },
        ),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (ms, pct) => {
          expect(topMonetaryCutOfSorted(sortedPositiveMonetaries(ms), pct)).toBe(topMonetaryCut(ms, pct));
        },
      ),
    );
  });
});

describe("properties of §5", () => {
  const arbCustomer = fc.record({
    F: fc.integer({ min: 1, max: 12 }),
    R: fc.integer({ min: 0, max: 400 }),
    M: fc.integer({ min: -500, max: 100_000 }),
    gap: fc.integer({ min: 1, max: 200 }),
    membership: fc.constantFrom<MembershipStatus | null>(null, "active", "paused", "cancelled"),
    points: fc.integer({ min: 0, max: 10 }),
    engagementLoaded: fc.boolean(),
    topCut: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
  });

  it("R > atRiskDays ⇒ dormant unless paused or cancelled", () => {
    fc.assert(
      fc.property(arbCustomer, (a) => {
        const state = classifyState(
          { ...customer(a.F, a.R, a.M, a.gap), membership: a.membership, relationshipPoints: a.points },
          ctx({ topCut: a.topCut, engagementLoaded: a.engagementLoaded }),
        );
        if (a.membership === "paused") expect(state).toBe("paused");
        else if (a.membership === "cancelled") expect(state).toBe("cancelled");
        else if (a.R > RULE_BOOK.atRiskDays) expect(state).toBe("dormant");
        else expect(state).not.toBe("dormant");
      }),
    );
  });

  it("every VIP has (F ≥ vipMinPurchases and R ≤ vipRecencyDays) or M ≥ the top cut, and enough points when loaded", () => {
    fc.assert(
      fc.property(arbCustomer, (a) => {
        const c = ctx({ topCut: a.topCut, engagementLoaded: a.engagementLoaded });
        const state = classifyState(
          { ...customer(a.F, a.R, a.M, a.gap), membership: a.membership, relationshipPoints: a.points },
          c,
        );
        if (state !== "vip") return;
        const strong = a.F >= RULE_BOOK.vipMinPurchases && a.R <= RULE_BOOK.vipRecencyDays;
        const top = a.topCut !== null && a.M >= a.topCut;
        expect(strong || top).toBe(true);
        if (a.engagementLoaded) expect(a.points).toBeGreaterThanOrEqual(RULE_BOOK.vipMinPoints);
        expect(a.membership === "paused" || a.membership === "cancelled").toBe(false);
      }),
    );
  });
});
