import { classifyState, stateLabel, topMonetaryCut } from "../../core/index";
import { type Cell, CellError, cellAt, columnOf, isBlankCell, mapRows } from "./cells";
import { readAsOf, readSettings } from "./context";
import {
  amountsOrZero,
  checkHasPurchases,
  checkNotAfterAsOf,
  LAST_PURCHASE,
  PURCHASES,
  readAmount,
  readCount,
  readDay,
} from "./readers";

const PREVIOUS = { ja: "前回購入日", en: "previous purchase" };

/**
 * =CRM_STATE(last_purchase, purchases, [previous_purchase], [total_amount], [as_of], [settings]): the §5 state of
 * each row. The top-percent VIP cut needs a population, so it is taken within total_amount only when that is a
 * range (a single total has nothing to be in the top 1% of). No membership or engagement data reaches a custom
 * function, so those rules do not apply here.
 */
export function CRM_STATE(
  last_purchase: unknown,
  purchases: unknown,
  previous_purchase?: unknown,
  total_amount?: unknown,
  as_of?: unknown,
  settings?: unknown,
): Cell | Cell[][] {
  const s = readSettings(settings);
  const asOf = readAsOf(as_of, s);
  const last = columnOf(last_purchase, "last_purchase");
  const count = columnOf(purchases, "purchases");
  const previous = columnOf(previous_purchase, "previous_purchase");
  const totals = columnOf(total_amount, "total_amount");

  const topCut = totals.isRange ? topMonetaryCut(amountsOrZero(totals), s.vipTopPercent) : null;

  return mapRows([last, count, previous, totals], s.language, (row) => {
    const lastDay = readDay(cellAt(last, row), s, LAST_PURCHASE);
    const f = readCount(cellAt(count, row), PURCHASES);
    checkHasPurchases(f);
    const previousCell = cellAt(previous, row);
    const previousDay = f >= 2 && !isBlankCell(previousCell) ? readDay(previousCell, s, PREVIOUS) : null;
    checkNotAfterAsOf(lastDay, asOf);
    if (previousDay !== null && previousDay > lastDay) {
      throw new CellError({
        ja: "前回購入日が最終購入日より後です",
        en: "Previous purchase is after the last one",
      });
    }
    const state = classifyState(
      {
        purchases: f,
        recencyDays: asOf - lastDay,
        monetary: readAmount(cellAt(totals, row)),
        lastPurchase: lastDay,
        previousPurchase: previousDay,
      },
      { settings: s, topCut, engagementLoaded: false },
    );
    return stateLabel(state, s.language);
  });
}
