import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKLIST, QUESTIONS, RATING_LEVELS, rateDiagnosis, readAnswer } from "../../src/core/diagnosis";
import { sharedPath } from "../support/sharedData";

const seedDir = sharedPath("seeds");
const seed = (prefix: string) => {
  const file = readdirSync(seedDir).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} missing`);
  return readFileSync(join(seedDir, file), "utf8");
};
/** Line breaks in the article are layout, not text; punctuation added to join lines is ignored. */
const flat = (s: string) => s.replace(/[\s、]/g, "");

describe("diagnosis questions (seed 003)", () => {
  const text = seed("003_");
  const flatText = flat(text);

  it("has the ten questions with their A–D answers exactly as the seed", () => {
    expect(QUESTIONS.map((q) => q.id)).toEqual(["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10"]);
    for (const q of QUESTIONS) {
      expect(flatText).toContain(flat(`${q.id}\n${q.ja}`));
      for (const letter of ["A", "B", "C", "D"] as const) {
        expect(text).toContain(`\n${letter}:${q.answers[letter].ja}\n`);
        expect(q.answers[letter].en.length).toBeGreaterThan(0);
      }
      expect(q.en.length).toBeGreaterThan(0);
    }
  });

  it("explains each rating level in the seed's words", () => {
    for (const level of RATING_LEVELS) {
      const start = text.indexOf(`【${level.rating}評価】`);
      const end = text.indexOf("【", start + 1);
      const section = flat(text.slice(start, end > 0 ? end : undefined));
      // Every sentence of the explanation is in the seed's section for that level.
      for (const sentence of level.explanation.ja.split("。").filter(Boolean))
        expect(section).toContain(flat(sentence));
    }
  });
});

describe("rateDiagnosis", () => {
  const answers = (a: number, others = "B", total = 10) =>
    Array.from({ length: total }, (_, i) => (i < a ? "A" : others));
  it.each([
    [10, "A"],
    [9, "A"],
    [8, "B"],
    [7, "B"],
    [6, "C"],
    [0, "C"],
  ])("%i A answers → %s評価", (a, rating) => {
    const r = rateDiagnosis(answers(a));
    expect(r.rating).toBe(rating);
    expect(r.countA).toBe(a);
    expect(r.message.ja).toBe(`${rating}評価`);
    expect(r.level?.explanation.ja.length).toBeGreaterThan(10);
  });
  it("fewer than ten answers: no rating, 未回答 N 問", () => {
    const r = rateDiagnosis(answers(9, "A", 9));
    expect(r.rating).toBeNull();
    expect(r.message.ja).toBe("未回答 1 問");
    expect(rateDiagnosis([]).message.ja).toBe("未回答 10 問");
    expect(rateDiagnosis(["A", "", null, "X", ...answers(6, "D", 6)]).message.ja).toBe("未回答 3 問");
  });
  it("reads a letter, a full-width letter or the dropdown's full text", () => {
    expect(readAnswer("A")).toBe("A");
    expect(readAnswer(" b ")).toBe("B");
    expect(readAnswer("ａ")).toBe("A");
    expect(readAnswer(`A:${QUESTIONS[0].answers.A.ja}`)).toBe("A");
    expect(readAnswer("D:設計していない")).toBe("D");
    expect(readAnswer("Always")).toBeNull();
    expect(readAnswer("E")).toBeNull();
    expect(readAnswer(1)).toBeNull();
  });
});

describe("checklist 66–70 (seed 002)", () => {
  const text = seed("002_");
  it("has the five items with the seed's wording and why each matters", () => {
    expect(CHECKLIST.map((c) => c.no)).toEqual([66, 67, 68, 69, 70]);
    for (const item of CHECKLIST) {
      expect(text).toContain(`${item.no} ${item.ja}`);
      expect(text).toContain(`→ ${item.risk.ja}`);
      expect(text).toContain(`→ ${item.benefit.ja}`);
      expect(text).toContain(`・${item.firstStep.ja}`);
      expect(item.en && item.risk.en && item.benefit.en && item.firstStep.en).toBeTruthy();
    }
  });
});
