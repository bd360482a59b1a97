import { describe, expect, it } from "vitest";
import {
  BUCKET_LABELS,
  FAN_RANK_LABELS,
  parseStateLabel,
  SEGMENT_LABELS,
  STAGE_LABELS,
  STATE_LABELS,
  stateLabel,
} from "../../src/core/labels";
import type { CustomerState } from "../../src/core/types";

describe("labels", () => {
  it("names the states as the rule book does", () => {
    expect(Object.fromEntries(Object.entries(STATE_LABELS).map(([k, v]) => [k, v.ja]))).toEqual({
      new: "新規",
      active: "継続",
      at_risk: "休眠予備軍",
      dormant: "休眠",
      winback: "復活",
      vip: "優良",
      paused: "休会",
      cancelled: "退会",
    });
    expect(Object.values(STAGE_LABELS).map((l) => l.ja)).toEqual(["新規", "育成", "定着"]);
  });
  it("has Japanese and English for every code", () => {
    for (const table of [STATE_LABELS, STAGE_LABELS, SEGMENT_LABELS, FAN_RANK_LABELS, BUCKET_LABELS])
      for (const l of Object.values(table)) {
        expect(l.ja.length).toBeGreaterThan(0);
        expect(l.en.length).toBeGreaterThan(0);
      }
    expect(Object.keys(SEGMENT_LABELS)).toHaveLength(6);
  });
  it("parses ja, en and codes back to the code", () => {
    for (const code of Object.keys(STATE_LABELS) as CustomerState[]) {
      expect(parseStateLabel(code)).toBe(code);
      expect(parseStateLabel(stateLabel(code, "ja"))).toBe(code);
      expect(parseStateLabel(stateLabel(code, "en"))).toBe(code);
      expect(parseStateLabel(` ${stateLabel(code, "en").toUpperCase()} `)).toBe(code);
    }
    expect(parseStateLabel("At Risk")).toBe("at_risk");
    expect(parseStateLabel("ＶＩＰ")).toBe("vip");
    expect(parseStateLabel("離脱予備軍")).toBe("at_risk");
    expect(parseStateLabel("よくわからない")).toBeNull();
    expect(parseStateLabel(3)).toBeNull();
  });
});
