import { describe, expect, it } from "vitest";
import { countStates, emptyStateCounts, transitionMatrix } from "../../src/core/transitions";

describe("month over month (§11)", () => {
  it("counts states, skipping customers who were not yet customers", () => {
    expect(countStates(["new", "new", "vip", null])).toEqual({ ...emptyStateCounts(), new: 2, vip: 1 });
  });
  it("builds the matrix previous → current, with none for newcomers", () => {
    const m = transitionMatrix([
      [null, "new"],
      [null, "new"],
      ["new", "active"],
      ["active", "at_risk"],
      ["at_risk", "dormant"],
      ["dormant", "winback"],
    ]);
    expect(m.none.new).toBe(2);
    expect(m.new.active).toBe(1);
    expect(m.active.at_risk).toBe(1);
    expect(m.at_risk.dormant).toBe(1);
    expect(m.dormant.winback).toBe(1);
    const total = Object.values(m).reduce((s, row) => s + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(6);
  });
});
