import { monetaryShareOf, vipScore } from "../../core/index";
import { type Cell, cellAt, columnOf, isBlankCell, mapRows } from "./cells";
import { readAsOf, readSettings } from "./context";
import {
  amountsOrZero,
  checkNotAfterAsOf,
  LAST_PURCHASE,
  PURCHASES,
  readAmount,
  readCount,
  readDay,
} from "./readers";

const POINTS = { ja: "関係ポイント", en: "relationship points" };

/**
 * =VIP_SCORE(purchases, last_purchase, total_amount, [relationship_points], [as_of], [settings]): the §7 score,
 * rounded to a whole number as the sheets show it. The monetary part ranks each total within the given range.
 * Without relationship_points there is no engagement data, and the three purchase parts are scaled to 100.
 */
export function VIP_SCORE(
  purchases: unknown,
  last_purchase: unknown,
  total_amount: unknown,
  relationship_points?: unknown,
  as_of?: unknown,
  settings?: unknown,
): Cell | Cell[][] {
  const s = readSettings(settings);
  const asOf = readAsOf(as_of, s);
  const count = columnOf(purchases, "purchases");
  const last = columnOf(last_purchase, "last_purchase");
  const totals = columnOf(total_amount, "total_amount");
  const points = columnOf(relationship_points, "relationship_points");
  const engagementLoaded = points.isRange || !isBlankCell(relationship_points);

  const share = monetaryShareOf(amountsOrZero(totals));
  const ctx = { settings: s, engagementLoaded, monetaryShare: share };

  return mapRows([count, last, totals, points], s.language, (row) => {
    const f = readCount(cellAt(count, row), PURCHASES);
    const lastDay = readDay(cellAt(last, row), s, LAST_PURCHASE);
    checkNotAfterAsOf(lastDay, asOf);
    const pointsCell = cellAt(points, row);
    const relationshipPoints = isBlankCell(pointsCell) ? 0 : readCount(pointsCell, POINTS);
    const result = vipScore(
      {
        purchases: f,
        recencyDays: asOf - lastDay,
        monetary: readAmount(cellAt(totals, row)),
        relationshipPoints,
      },
      ctx,
    );
    return Math.round(result.score);
  });
}
