import { fanRankLabel } from "./labels";
import type { DayNumber, FanRank, Lang, Settings } from "./types";

/** §8: visits are counted over the 30 days ending on the as-of date (as-of − 29 … as-of). */
export const FAN_WINDOW_DAYS = 30;

type FanSettings = Pick<Settings, "fanBronze" | "fanSilver" | "fanGold">;

const RANK_ORDER: readonly FanRank[] = ["none", "bronze", "silver", "gold"];
const rankIndex = (rank: FanRank) => RANK_ORDER.indexOf(rank);

/** Distinct visit days in the `windowDays` days ending on `endDay` (endDay − windowDays < day ≤ endDay). */
export function visitsInWindow(days: Iterable<DayNumber>, endDay: DayNumber, windowDays: number): number {
  const seen = new Set<DayNumber>();
  for (const d of days) if (d <= endDay && d > endDay - windowDays) seen.add(d);
  return seen.size;
}

/** §8 rank from visit days in the last 30 days: Gold ≥ fanGold, Silver ≥ fanSilver, Bronze ≥ fanBronze. */
export function fanRank(visits30d: number, s: FanSettings): FanRank {
  if (visits30d >= s.fanGold) return "gold";
  if (visits30d >= s.fanSilver) return "silver";
  if (visits30d >= s.fanBronze) return "bronze";
  return "none";
}

/** Visit days needed for a rank (0 for none). */
export function fanThreshold(rank: FanRank, s: FanSettings): number {
  return rank === "gold" ? s.fanGold : rank === "silver" ? s.fanSilver : rank === "bronze" ? s.fanBronze : 0;
}

export interface FanProgress {
  rank: FanRank;
  /** Rank over the 30 days before the current window; null when not known. */
  previousRank: FanRank | null;
  /** "recover": the rank fell and `target` is the rank to win back; "promote": next rank up; "top": gold. */
  kind: "recover" | "promote" | "top";
  target: FanRank | null;
  /** Visits still needed for `target` (≥ 1); 0 at the top. */
  needed: number;
  /** The customer-facing line (seed 004), e.g. 「今月あと1回来館でブロンズファンに昇格!」. */
  message: string;
}

/**
 * §8 progress line. A customer whose rank fell is shown the way back to the rank they had
 * ("あと2回でシルバーファンに復活しますよ!"); otherwise the next rank up ("今月あと1回来館でブロンズファンに昇格!").
 */
export function fanProgress(
  visits30d: number,
  previousVisits30d: number | null,
  s: FanSettings,
  lang: Lang,
): FanProgress {
  const rank = fanRank(visits30d, s);
  const previousRank = previousVisits30d === null ? null : fanRank(previousVisits30d, s);
  if (previousRank !== null && rankIndex(previousRank) > rankIndex(rank)) {
    const needed = fanThreshold(previousRank, s) - visits30d;
    const message = fanRecoveryMessage(previousRank, needed, lang);
    return { rank, previousRank, kind: "recover", target: previousRank, needed, message };
  }
  if (rank === "gold") {
    const message =
      lang === "ja"
        ? "ゴールドファンです。いつも通ってくださり、ありがとうございます!"
        : "You're a Gold fan. Thank you for coming so often!";
    return { rank, previousRank, kind: "top", target: null, needed: 0, message };
  }
  const target = RANK_ORDER[rankIndex(rank) + 1];
  const needed = fanThreshold(target, s) - visits30d;
  const name = fanRankLabel(target, lang);
  const message =
    lang === "ja"
      ? `今月あと${needed}回来館で${name}ファンに昇格!`
      : `${needed} more ${needed === 1 ? "visit" : "visits"} this month to become a ${name} fan!`;
  return { rank, previousRank, kind: "promote", target, needed, message };
}

/** 「あと2回でシルバーファンに復活しますよ!」: the way back to a rank the customer had (seed 004). */
export function fanRecoveryMessage(target: FanRank, needed: number, lang: Lang): string {
  const name = fanRankLabel(target, lang);
  return lang === "ja"
    ? `あと${needed}回で${name}ファンに復活しますよ!`
    : `${needed} more ${needed === 1 ? "visit" : "visits"} to get back to ${name} fan!`;
}

/** §8 follow-up flag: no visit for more than fanAtRiskDays (same "more than" as R > atRiskDays for dormancy). */
export function noVisitFlag(
  lastVisit: DayNumber | null,
  asOf: DayNumber,
  s: Pick<Settings, "fanAtRiskDays">,
): boolean {
  return lastVisit !== null && asOf - lastVisit > s.fanAtRiskDays;
}
