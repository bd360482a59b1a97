import type { NpsResult } from "./types";

/** What a survey cell holds: a whole score 0–10, no answer (blank), or something else (invalid). */
export function readNpsScore(value: unknown): number | "blank" | null {
  if (value === null || value === undefined) return "blank";
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 && value <= 10 ? value : null;
  if (typeof value !== "string") return null;
  // CSV and sheets hand over text, often with full-width digits: 「９」 and " 9 " are the answer 9.
  const text = value.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (text === "") return "blank";
  if (!/^\d{1,2}$/.test(text)) return null;
  const n = Number(text);
  return n <= 10 ? n : null;
}

/**
 * §9 NPS (seed 002, item 70): promoters 9–10, passives 7–8, detractors 0–6; NPS = %promoters − %detractors.
 * Only whole scores 0–10 count (numbers or digit strings such as "9"); anything else (9.5, 11, "9点", true) is
 * counted as invalid, never guessed. Blank cells are unanswered and counted in neither. NPS is null with no
 * valid score.
 */
export function computeNps(scores: Iterable<unknown>): NpsResult & { blank: number } {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  let invalid = 0;
  let blank = 0;
  for (const value of scores) {
    const score = readNpsScore(value);
    if (score === "blank") blank++;
    else if (score === null) invalid++;
    else if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  }
  const valid = promoters + passives + detractors;
  const nps = valid === 0 ? null : ((promoters - detractors) * 100) / valid;
  return { nps, promoters, passives, detractors, valid, invalid, blank };
}
