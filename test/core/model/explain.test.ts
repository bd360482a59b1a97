import { describe, expect, it } from "vitest";
import { explainRisk, type RiskInput } from "../../../src/core/model/explain";

const settings = { atRiskDays: 60 };
const base: RiskInput = {
  state: "dormant",
  recencyDays: 72,
  purchases: 5,
  avgIntervalDays: 30,
  pAlive: 0.38,
  expectedPurchases90d: 0.9,
};

describe("explainRisk", () => {
  it("writes the issue's example sentence for a dormant regular", () => {
    const note = explainRisk(base, settings);
    expect(note?.ja).toBe(
      "前回のご購入から72日。いつもの購入間隔(約30日)の2.4倍です。休眠の目安(60日)を超えています。継続している確率 38%。",
    );
    expect(note?.en).toBe(
      "72 days since the last purchase, 2.4 times the usual interval (about 30 days). Past the 60-day dormancy line. Probability still active: 38%.",
    );
  });

  it("counts the days left before dormancy for an at-risk customer", () => {
    const note = explainRisk({ ...base, state: "at_risk", recencyDays: 45, avgIntervalDays: 50 }, settings);
    expect(note?.ja).toContain("いつもの購入間隔(約50日)の範囲内です。");
    expect(note?.ja).toContain("休眠の目安(60日)まであと15日です。");
    expect(note?.en).toContain("15 days before the 60-day dormancy line");
  });

  it("explains single-purchase customers without quoting the model's 100 %", () => {
    const note = explainRisk(
      { ...base, purchases: 1, avgIntervalDays: null, pAlive: null, expectedPurchases90d: 0.25 },
      settings,
    );
    expect(note?.ja).toContain("まだ2回目のご購入がありません");
    expect(note?.ja).toContain("90日以内のご購入見込み 0.3回");
    expect(note?.ja).not.toContain("継続している確率");
  });

  it("leaves the model out when the shop has too little history", () => {
    const note = explainRisk({ ...base, pAlive: null, expectedPurchases90d: null }, settings);
    expect(note?.ja).not.toContain("確率");
    expect(note?.ja).not.toContain("見込み");
    expect(note?.ja).toContain("72日");
  });

  it("says 'under 1 %' rather than 0 % for a tiny but positive probability", () => {
    expect(explainRisk({ ...base, pAlive: 0.001 }, settings)?.ja).toContain("1%未満");
  });

  it("is null for customers who are not at risk", () => {
    for (const state of ["new", "active", "vip", "winback", "paused", "cancelled"] as const) {
      expect(explainRisk({ ...base, state }, settings)).toBeNull();
    }
  });
});
