import { describe, expect, it } from "vitest";
import { computeNps, readNpsScore } from "../../src/core/nps";

describe("NPS (§9)", () => {
  it("promoters 9–10, passives 7–8, detractors 0–6", () => {
    const r = computeNps([10, 9, 8, 7, 6, 0]);
    expect(r).toMatchObject({ promoters: 2, passives: 2, detractors: 2, valid: 6, invalid: 0, nps: 0 });
  });
  it("is %promoters − %detractors", () => {
    expect(computeNps([10, 10, 10, 5]).nps).toBe(50);
    expect(computeNps([9, 9]).nps).toBe(100);
    expect(computeNps([0, 6]).nps).toBe(-100);
    expect(computeNps([9, 8, 7]).nps).toBeCloseTo(100 / 3, 10);
  });
  it("counts anything but whole scores 0–10 as invalid, and blanks as unanswered", () => {
    const r = computeNps([9.5, 11, -1, "9点", true, {}, Number.NaN, "", null, undefined, "  "]);
    expect(r).toMatchObject({ valid: 0, invalid: 7, blank: 4, nps: null });
  });
  it("accepts digit strings, full-width too (CSV and sheets hand over text)", () => {
    expect(readNpsScore("9")).toBe(9);
    expect(readNpsScore(" 10 ")).toBe(10);
    expect(readNpsScore("９")).toBe(9);
    expect(readNpsScore(9.0)).toBe(9);
    expect(readNpsScore("9.0")).toBeNull();
    expect(readNpsScore("12")).toBeNull();
  });
  it("has no NPS without a valid score", () => {
    expect(computeNps([]).nps).toBeNull();
  });
});
