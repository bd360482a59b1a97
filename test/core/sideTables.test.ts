import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core/day";
import {
  parseEngagement,
  parseEngagementAction,
  parseMembers,
  parseMembershipStatus,
  parseSurvey,
  parseVisits,
} from "../../src/core/sideTables";

const OPTS = { timeZone: "Asia/Tokyo", dayFirst: false, asOf: dayFromYmd(2026, 5, 31) };

describe("membership status", () => {
  it.each([
    ["継続", "active"],
    ["active", "active"],
    [" Active ", "active"],
    ["休会", "paused"],
    ["paused", "paused"],
    ["一時停止", "paused"],
    ["退会", "cancelled"],
    ["cancelled", "cancelled"],
    ["Canceled", "cancelled"],
    ["解約済み", "cancelled"],
  ])("%s → %s", (text, status) => {
    expect(parseMembershipStatus(text)).toBe(status);
  });
  it("refuses anything else", () => {
    for (const v of ["", null, "VIP", "保留", 1]) expect(parseMembershipStatus(v)).toBeNull();
  });
});

describe("engagement actions", () => {
  it.each([
    ["review", "review"],
    ["レビュー", "review"],
    ["口コミ", "review"],
    ["アンケート", "survey"],
    ["SNS投稿", "sns"],
    ["ＳＮＳ投稿", "sns"],
    ["sns", "sns"],
    ["紹介", "referral"],
    ["友人紹介", "referral"],
    ["イベント参加", "event"],
    ["event", "event"],
    ["コミュニティ", "community"],
    ["問い合わせ", "inquiry"],
    ["改善提案", "inquiry"],
    ["Inquiry", "inquiry"],
  ])("%s → %s", (text, action) => {
    expect(parseEngagementAction(text)).toBe(action);
  });
  it("refuses anything else", () => {
    for (const v of ["", "購入", "like", null]) expect(parseEngagementAction(v)).toBeNull();
  });
});

describe("parsing the tables", () => {
  it("members: unknown status and a bad since date are skipped with the row and value", () => {
    const r = parseMembers(
      [
        ["c1", "継続", ""],
        ["c2", "休会", "2026-04-01"],
        ["", "退会", ""],
        ["c3", "VIP", ""],
        ["c4", "退会", "先月"],
        ["c5", "退会", "2026-07-01"],
      ],
      { customer: 0, status: 1, since: 2 },
      { ...OPTS, headers: ["会員ID", "ステータス", "変更日"] },
    );
    expect(r.records).toEqual([
      { customerKey: "c1", status: "active", since: null },
      { customerKey: "c2", status: "paused", since: dayFromYmd(2026, 4, 1) },
      // A since date after the as-of date is kept: the member was active until then.
      { customerKey: "c5", status: "cancelled", since: dayFromYmd(2026, 7, 1) },
    ]);
    expect(r.skipped.map((s) => [s.row, s.bucket, s.field])).toEqual([
      [4, "missing_customer", "会員ID"],
      [5, "unreadable_value", "ステータス"],
      [6, "bad_date", "変更日"],
    ]);
    expect(r.skipped[1].reason.ja).toContain("VIP");
    expect(r.skipped[2].reason.ja).toContain("先月");
  });

  it("engagement: dates required, after the as-of date skipped, unknown actions named", () => {
    const r = parseEngagement(
      [
        ["c1", "2026-05-01", "レビュー"],
        ["c1", "2026-06-01", "紹介"],
        ["c1", "", "紹介"],
        ["c2", "2026-05-02", "いいね"],
      ],
      { customer: 0, date: 1, action: 2 },
      { ...OPTS, headers: ["顧客ID", "日付", "行動"] },
      5,
    );
    expect(r.records).toEqual([{ customerKey: "c1", day: dayFromYmd(2026, 5, 1), action: "review" }]);
    expect(r.skipped.map((s) => [s.row, s.bucket])).toEqual([
      [6, "after_as_of"],
      [7, "bad_date"],
      [8, "unreadable_value"],
    ]);
    expect(r.skipped[2].reason.ja).toContain("いいね");
  });

  it("visits", () => {
    const r = parseVisits(
      [
        ["17850.0", "2026/05/01 10:00"],
        ["x", "junk"],
      ],
      { customer: 0, date: 1 },
      OPTS,
    );
    expect(r.records).toEqual([{ customerKey: "17850", day: dayFromYmd(2026, 5, 1) }]);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0].bucket).toBe("bad_date");
  });

  it("survey: scores stay raw for computeNps; optional customer and date", () => {
    const r = parseSurvey(
      [
        ["10", "c1", "2026-05-01"],
        ["abc", "", ""],
        [7, "c2", "2026-06-01"],
      ],
      { score: 0, customer: 1, date: 2 },
      OPTS,
    );
    expect(r.records).toEqual([
      { score: "10", customerKey: "c1", day: dayFromYmd(2026, 5, 1) },
      { score: "abc", customerKey: null, day: null },
    ]);
    expect(r.skipped.map((s) => s.bucket)).toEqual(["after_as_of"]);
  });
});
