import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FollowUpBuilder, followUpList } from "../../src/core/followUp";
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

  it("sorts days that are not whole days too (the comparison sort, stable, same order)", () => {
    const list = followUpList(
      [
        row("a", "at_risk", 50, { recencyDays: 50.5 }),
        row("b", "at_risk", 50),
        row("c", "dormant", 70, { recencyDays: 70.25 }),
        row("d", "dormant", 70.25),
        row("e", "dormant", 70),
      ],
      opts,
    );
    expect(list.map((r) => [r.customerKey, r.recencyDays])).toEqual([
      ["b", 50],
      ["a", 50.5],
      ["e", 70],
      ["c", 70.25],
      ["d", 70.25],
    ]);
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

describe("FollowUpBuilder (what analyzeCleaned fills row by row)", () => {
  it("added in key order and finished as such, gives exactly followUpList's rows", () => {
    const states: CustomerState[] = ["at_risk", "dormant", "active", "paused", "vip"];
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            key: fc.string({ maxLength: 4 }),
            state: fc.constantFrom(...states),
            R: fc.integer({ min: 0, max: 400 }),
            named: fc.boolean(),
            fan: fc.constantFrom<FanRank | null>(null, "none", "bronze", "gold"),
            lastVisit: fc.option(fc.integer({ min: AS_OF - 200, max: AS_OF }), { nil: null }),
          }),
          { selector: (x) => x.key, maxLength: 60 },
        ),
        fc.boolean(),
        (items, visitsLoaded) => {
          const rows = [...items]
            .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
            .map((x) =>
              row(x.key, x.state, x.R, {
                ...(x.named ? { name: `名${x.key}` } : {}),
                fanRank: x.fan === null ? null : "none",
                previousFanRank: x.fan,
                visits30d: x.fan === null ? null : 1,
                lastVisit: x.lastVisit,
              }),
            );
          const o = { ...opts, visitsLoaded };
          const builder = new FollowUpBuilder(o);
          for (const r of rows) builder.add(r);
          expect(builder.finish(true)).toEqual(followUpList(rows, o));
        },
      ),
    );
  });
});

describe("follow-up messages, word for word", () => {
  // Every reason with and without a name, as the shop will send them (visit log loaded, as of day 300).
  const expected: [string, string, string, string][] = [
    [
      "a1",
      "fan_rank_drop",
      "山田花子さま、いつもありがとうございます。あと4回でシルバーファンに復活しますよ!またお会いできるのを楽しみにしています。",
      "Hi 山田花子, thank you for being with us. 4 more visits to get back to Silver fan! We look forward to seeing you again.",
    ],
    [
      "a2",
      "fan_rank_drop",
      "いつもありがとうございます。あと4回でシルバーファンに復活しますよ!またお会いできるのを楽しみにしています。",
      "Thank you for being with us. 4 more visits to get back to Silver fan! We look forward to seeing you again.",
    ],
    [
      "b1",
      "no_visit",
      "お久しぶりです!山田花子さま、お変わりありませんか。またお顔を見られる日を、スタッフ一同楽しみにお待ちしています。",
      "It's been a while, 山田花子! We hope you're well. Everyone here is looking forward to seeing you again.",
    ],
    [
      "b2",
      "no_visit",
      "お久しぶりです!お変わりありませんか。またお顔を見られる日を、スタッフ一同楽しみにお待ちしています。",
      "It's been a while! We hope you're well. Everyone here is looking forward to seeing you again.",
    ],
    [
      "c1",
      "at_risk",
      "山田花子さま、その後いかがですか?使い方や続け方で気になることがあれば、どんな小さなことでもお気軽にご相談ください。",
      "Hi 山田花子, how is everything going? If anything about using it is unclear, however small, just ask us.",
    ],
    [
      "c2",
      "at_risk",
      "その後いかがですか?使い方や続け方で気になることがあれば、どんな小さなことでもお気軽にご相談ください。",
      "How is everything going? If anything about using it is unclear, however small, just ask us.",
    ],
    [
      "d1",
      "dormant",
      "お久しぶりです!山田花子さま、お変わりありませんか。あなたのために、今の季節のおすすめをご用意しました。",
      "It's been a while, 山田花子! We hope you're well. We've picked this season's favourites with you in mind.",
    ],
    [
      "d2",
      "dormant",
      "お久しぶりです!お変わりありませんか。あなたのために、今の季節のおすすめをご用意しました。",
      "It's been a while! We hope you're well. We've picked this season's favourites with you in mind.",
    ],
  ];

  it("reads the same for every reason, named or not", () => {
    const named = (key: string) => (key.endsWith("1") ? { name: "山田花子" } : {});
    // An active customer who is no fan now, with the rank of a month ago and the visits since.
    const fan = (k: string, previousFanRank: FanRank, visits30d: number, lastVisit: number) =>
      row(k, "active", 1, { ...named(k), fanRank: "none", previousFanRank, visits30d, lastVisit });
    const rows = [
      ...["a1", "a2"].map((k) => fan(k, "silver", 1, 299)),
      ...["b1", "b2"].map((k) => fan(k, "none", 0, 100)),
      ...["c1", "c2"].map((k) => row(k, "at_risk", 50, { ...named(k), lastVisit: 299 })),
      ...["d1", "d2"].map((k) => row(k, "dormant", 90, { ...named(k), lastVisit: 299 })),
    ];
    const list = followUpList(rows, { settings: RULE_BOOK, visitsLoaded: true, asOf: 300 });
    expect(list.map((r) => [r.customerKey, r.reason, r.message.ja, r.message.en])).toEqual(expected);
    expect(list.map((r) => r.name)).toEqual(expected.map(([k]) => named(k).name));
    // Worded when read, but copied as the plain { ja, en } it stands for (JSON, as the equivalence hashes read it).
    expect(list.map((r) => JSON.parse(JSON.stringify(r.message)))).toEqual(
      expected.map(([, , ja, en]) => ({ ja, en })),
    );
    // Each row as JSON is, to the character, the plain row literal the list held before (same keys in the same
    // order, name last and only when known): the equivalence hashes and saved results read this.
    const plain = expected.map(([customerKey, reason, ja, en]) => {
      const { state, recencyDays } = rows.find((c) => c.customerKey === customerKey) as CustomerRow;
      const name = named(customerKey).name;
      const message = { ja, en };
      return name === undefined
        ? { customerKey, reason, state, recencyDays, message }
        : { customerKey, reason, state, recencyDays, message, name };
    });
    expect(JSON.stringify(list)).toBe(JSON.stringify(plain));
    expect(list.map((r) => JSON.stringify(r))).toEqual(plain.map((r) => JSON.stringify(r)));
  });

  it("words the message with the name as it is when read (a name set or cleared afterwards)", () => {
    const list = followUpList([row("c", "at_risk", 50), row("d", "dormant", 90, { name: "山田花子" })], {
      settings: RULE_BOOK,
      visitsLoaded: false,
      asOf: 300,
    });
    const [atRisk, dormant] = list;
    atRisk.name = "佐藤一郎";
    expect(atRisk.message.ja).toBe(
      "佐藤一郎さま、その後いかがですか?使い方や続け方で気になることがあれば、どんな小さなことでもお気軽にご相談ください。",
    );
    expect(atRisk.message.en).toBe(
      "Hi 佐藤一郎, how is everything going? If anything about using it is unclear, however small, just ask us.",
    );
    expect(Object.keys(JSON.parse(JSON.stringify(atRisk)))).toEqual([
      "customerKey",
      "reason",
      "state",
      "recencyDays",
      "message",
      "name",
    ]);
    dormant.name = undefined;
    expect(dormant.message.ja).toBe(expected[7][2]);
    expect(dormant.message.en).toBe(expected[7][3]);
    expect(JSON.parse(JSON.stringify(dormant))).toEqual({
      customerKey: "d",
      reason: "dormant",
      state: "dormant",
      recencyDays: 90,
      message: { ja: expected[7][2], en: expected[7][3] },
    });
    expect("name" in JSON.parse(JSON.stringify(dormant))).toBe(false);
  });
});
