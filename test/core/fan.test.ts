import { describe, expect, it } from "vitest";
import { fanProgress, fanRank, noVisitFlag, visitsInWindow } from "../../src/core/fan";
import { RULE_BOOK } from "./rulesFixtures";

describe("fan ranks (§8, seed 004)", () => {
  it.each([
    [0, "none"],
    [2, "none"],
    [3, "bronze"],
    [4, "bronze"],
    [5, "silver"],
    [7, "silver"],
    [8, "gold"],
    [30, "gold"],
  ])("%i visit days → %s", (v, rank) => {
    expect(fanRank(v, RULE_BOOK)).toBe(rank);
  });

  it("counts distinct days in the 30 days ending on the as-of date", () => {
    const end = 1000;
    expect(visitsInWindow([1000, 1000, 971, 970, 1001, 990], end, 30)).toBe(3);
    expect(visitsInWindow([], end, 30)).toBe(0);
  });

  it("progress speaks the seed's line", () => {
    expect(fanProgress(2, null, RULE_BOOK, "ja").message).toBe("今月あと1回来館でブロンズファンに昇格!");
    expect(fanProgress(0, 0, RULE_BOOK, "ja").message).toBe("今月あと3回来館でブロンズファンに昇格!");
    expect(fanProgress(3, 3, RULE_BOOK, "ja").message).toBe("今月あと2回来館でシルバーファンに昇格!");
    expect(fanProgress(2, null, RULE_BOOK, "en").message).toBe(
      "1 more visit this month to become a Bronze fan!",
    );
    const top = fanProgress(9, 9, RULE_BOOK, "ja");
    expect(top.kind).toBe("top");
    expect(top.needed).toBe(0);
  });

  it("a fallen rank gets the way back: あと N 回で{rank}に復活", () => {
    const p = fanProgress(3, 6, RULE_BOOK, "ja");
    expect(p).toMatchObject({
      kind: "recover",
      rank: "bronze",
      previousRank: "silver",
      target: "silver",
      needed: 2,
    });
    expect(p.message).toBe("あと2回でシルバーファンに復活しますよ!");
    expect(fanProgress(0, 8, RULE_BOOK, "en").message).toBe("8 more visits to get back to Gold fan!");
    // Rising or staying is not a drop.
    expect(fanProgress(5, 3, RULE_BOOK, "ja").kind).toBe("promote");
  });

  it("flags no visit for more than fanAtRiskDays", () => {
    expect(noVisitFlag(1000 - 60, 1000, RULE_BOOK)).toBe(false);
    expect(noVisitFlag(1000 - 61, 1000, RULE_BOOK)).toBe(true);
    expect(noVisitFlag(null, 1000, RULE_BOOK)).toBe(false);
  });
});
