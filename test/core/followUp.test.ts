import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { followUpList } from "../../src/core/followUp";
import type { CustomerRow, CustomerState, FanRank } from "../../src/core/types";
import { AS_OF, customer, RULE_BOOK } from "./rulesFixtures";

function row(key: string, state: CustomerState, R: number, over: Partial<CustomerRow> = {}): CustomerRow {
  return {
    ...customer(3, R, 1000, 10, key),
    state,
    previousState: null,
    stage: "nurturing",
    segment: null,
    vip: false,
    vipScore: 0,
    continuationScore: 0,
    relationshipScore: 0,
    relationshipPoints: 0,
    nextAction: "reassure_remind",
    engaged: false,
    membership: null,
    fanRank: null,
    previousFanRank: null,
    visits30d: null,
    lastVisit: null,
    pAlive: null,
    expectedPurchases90d: null,
    expectedNextPurchase: null,
    riskNote: null,
    ...over,
  };
}
const opts = { settings: RULE_BOOK, visitsLoaded: false, asOf: AS_OF };

describe("follow-up list", () => {
  it("lists at-risk and dormant customers with a ready message, not the others", () => {
    const list = followUpList(
      [
        row("a", "active", 5),
        row("b", "at_risk", 40),
        row("c", "dormant", 100, { name: "山田花子" }),
        row("d", "paused", 100),
        row("e", "cancelled", 100),
        row("f", "vip", 3),
      ],
      opts,
    );
    expect(list.map((r) => [r.customerKey, r.reason])).toEqual([
      ["b", "at_risk"],
      ["c", "dormant"],
    ]);
    expect(list[1].name).toBe("山田花子");
    expect(list[1].message.ja).toMatch(/^お久しぶりです!山田花子さま、/);
    expect(list[1].message.en).toMatch(/^It's been a while, 山田花子! We hope/);
    expect(list[0].message.ja).not.toContain("undefined");
    // Without a name the English still starts a sentence properly.
    expect(list[0].message.en).toMatch(/^How is everything going\?/);
    for (const r of list) expect(r.message.en).not.toMatch(/[!?.] [a-z]/);
  });

  it("a fan-rank drop comes first, with the way back", () => {
    const fan = (rank: FanRank, prev: FanRank, visits: number) => ({
      fanRank: rank,
      previousFanRank: prev,
      visits30d: visits,
      lastVisit: AS_OF - 2,
    });
    const list = followUpList([row("x", "dormant", 90), row("y", "active", 3, fan("bronze", "silver", 3))], {
      ...opts,
      visitsLoaded: true,
    });
    expect(list[0]).toMatchObject({ customerKey: "y", reason: "fan_rank_drop" });
    expect(list[0].message.ja).toContain("あと2回でシルバーファンに復活しますよ!");
  });

  it("no-visit flags only with a visit log, after more than fanAtRiskDays", () => {
    const customers = [
      row("p", "active", 3, {
        lastVisit: AS_OF - 61,
        fanRank: "none",
        previousFanRank: "none",
        visits30d: 0,
      }),
      row("q", "active", 3, {
        lastVisit: AS_OF - 60,
        fanRank: "none",
        previousFanRank: "none",
        visits30d: 0,
      }),
    ];
    const withLog = followUpList(customers, { ...opts, visitsLoaded: true });
    expect(withLog.map((r) => [r.customerKey, r.reason])).toEqual([["p", "no_visit"]]);
    expect(withLog[0].message.ja).toMatch(/^お久しぶりです!/);
    expect(followUpList(customers, opts)).toEqual([]);
  });

  it("sorts by reason, then the most recently lapsed, then key", () => {
    const list = followUpList(
      [row("z", "dormant", 200), row("b", "at_risk", 50), row("a", "dormant", 70), row("c", "at_risk", 50)],
      opts,
    );
    expect(list.map((r) => r.customerKey)).toEqual(["b", "c", "a", "z"]);
  });

  it("orders any list like a plain sort by reason, recency and key (key-ordered input or not)", () => {
    const order = ["fan_rank_drop", "no_visit", "at_risk", "dormant"];
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            key: fc.string({ maxLength: 4 }),
            R: fc.integer({ min: 31, max: 400 }),
          }),
          { selector: (x) => x.key, maxLength: 40 },
        ),
        fc.boolean(),
        (items, keyOrdered) => {
          const input = keyOrdered
            ? [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
            : items;
          const rows = input.map((x) => row(x.key, x.R > 60 ? "dormant" : "at_risk", x.R));
          const got = followUpList(rows, opts).map((r) => r.customerKey);
          const want = [...rows]
            .sort(
              (a, b) =>
                order.indexOf(a.state) - order.indexOf(b.state) ||
                a.recencyDays - b.recencyDays ||
                (a.customerKey < b.customerKey ? -1 : a.customerKey > b.customerKey ? 1 : 0),
            )
            .map((r) => r.customerKey);
          expect(got).toEqual(want);
        },
      ),
    );
  });
});
