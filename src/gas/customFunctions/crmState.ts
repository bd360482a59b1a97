import { classifyState, stateLabel, topMonetaryCut } from "../../core/index";
import { type Cell, CellError, cellAt, columnOf, isBlankCell, mapRows } from "./cells";
import { readAsOf, readSettings } from "./context";
import { readAmount, readCount, readDay } from "./readers";

const LAST = { ja: "最終購入日", en: "last purchase" };
const PREVIOUS = { ja: "前回購入日", en: "previous purchase" };
const PURCHASES = { ja: "購入回数", en: "purchases" };

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

  // Unreadable totals are reported in their own row; for the cut they count as no spend.
  const monetary = totals.values.map((v) => {
    try {
      return readAmount(v);
    } catch {
      return 0;
    }
  });
  const topCut = totals.isRange ? topMonetaryCut(monetary, s.vipTopPercent) : null;

  return mapRows([last, count, previous, totals], s.language, (row) => {
    const lastDay = readDay(cellAt(last, row), s, LAST);
    const f = readCount(cellAt(count, row), PURCHASES);
    if (f < 1) throw new CellError({ ja: "購入回数が0です", en: "No purchases" });
    const previousCell = cellAt(previous, row);
    const previousDay = f >= 2 && !isBlankCell(previousCell) ? readDay(previousCell, s, PREVIOUS) : null;
    if (lastDay > asOf) {
      throw new CellError({
        ja: "最終購入日が基準日より後です",
        en: "Last purchase is after the as-of date",
      });
    }
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
