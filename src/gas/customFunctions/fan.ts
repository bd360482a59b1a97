import { fanProgress, fanRank, fanRankLabel } from "../../core/index";
import { type Cell, cellAt, columnOf, isBlankCell, mapRows } from "./cells";
import { readSettings } from "./context";
import { readCount } from "./readers";

const VISITS = { ja: "来館日数", en: "visits" };
const PREVIOUS_VISITS = { ja: "前の30日の来館日数", en: "previous visits" };

/** =FAN_RANK(visits_30d, [settings]): §8 rank label (なし・ブロンズ・シルバー・ゴールド). */
export function FAN_RANK(visits_30d: unknown, settings?: unknown): Cell | Cell[][] {
  const s = readSettings(settings);
  const visits = columnOf(visits_30d, "visits_30d");
  return mapRows([visits], s.language, (row) =>
    fanRankLabel(fanRank(readCount(cellAt(visits, row), VISITS), s), s.language),
  );
}

/**
 * =FAN_PROGRESS(visits_30d, [previous_visits_30d], [settings]): §8 line for the customer — the way back to a rank
 * that fell ("あと N 回で…に復活しますよ!"), else the visits to the next rank.
 */
export function FAN_PROGRESS(
  visits_30d: unknown,
  previous_visits_30d?: unknown,
  settings?: unknown,
): Cell | Cell[][] {
  const s = readSettings(settings);
  const visits = columnOf(visits_30d, "visits_30d");
  const previous = columnOf(previous_visits_30d, "previous_visits_30d");
  return mapRows([visits, previous], s.language, (row) => {
    const previousCell = cellAt(previous, row);
    const before = isBlankCell(previousCell) ? null : readCount(previousCell, PREVIOUS_VISITS);
    return fanProgress(readCount(cellAt(visits, row), VISITS), before, s, s.language).message;
  });
}
