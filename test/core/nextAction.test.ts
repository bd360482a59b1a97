import { describe, expect, it } from "vitest";
import { NEXT_ACTIONS, nextActionOf } from "../../src/core/nextAction";

describe("next step (§6)", () => {
  it.each([
    ["new", "first", "start_using", "experience"],
    ["new", "nurturing", "start_using", "experience"],
    ["active", "nurturing", "reason_to_continue", "continuation"],
    ["active", "established", "review_survey", "co_creation"],
    ["vip", "established", "referral_community", "spread"],
    ["at_risk", "nurturing", "reassure_remind", "experience"],
    ["winback", "nurturing", "welcome_back", "continuation"],
    ["dormant", "first", "reactivation_offer", "reactivation"],
    ["paused", "established", "ask_reason", "listening"],
    ["cancelled", "first", "careful_followup", "reacquisition"],
  ] as const)("%s / %s → %s (%s)", (state, stage, code, type) => {
    expect(nextActionOf(state, stage)).toBe(code);
    expect(NEXT_ACTIONS[code].type).toBe(type);
  });
  it("has customer-facing wording in both languages that speaks to the customer, not the shop", () => {
    for (const a of Object.values(NEXT_ACTIONS)) {
      expect(a.ja).toMatch(/[。!]$/);
      expect(a.en).toMatch(/[.!?]$/);
      // Never the shop's gain: no sales talk in what the customer reads.
      expect(a.ja).not.toMatch(/売上|購入率|LTV|割引/);
      expect(a.step.ja.length).toBeGreaterThan(0);
    }
    expect(NEXT_ACTIONS.reactivation_offer.ja).toContain("お久しぶりです");
  });
});
