import {
  type BgNbdParams,
  type CustomerSummary,
  type DayNumber,
  expectedPurchases,
  pAlive,
  predictCustomers,
  type Settings,
} from "../../core/index";
import {
  argumentError,
  type Cell,
  CellError,
  type Column,
  cellAt,
  columnOf,
  mapRows,
  rowCount,
} from "./cells";
import { readAsOf, readSettings } from "./context";
import { readCount, readDay } from "./readers";

const FIRST = { ja: "初回購入日", en: "first purchase" };
const LAST = { ja: "最終購入日", en: "last purchase" };
const PURCHASES = { ja: "購入回数", en: "purchases" };
const DAYS = { ja: "日数", en: "days" };

/** One row's history as the BG/NBD model sees it (purchase days, first and last), checked for consistency. */
interface RowHistory {
  purchases: number;
  first: DayNumber;
  last: DayNumber;
}

function readHistory(count: Column, first: Column, last: Column, row: number, s: Settings, asOf: DayNumber) {
  const f = readCount(cellAt(count, row), PURCHASES);
  const firstDay = readDay(cellAt(first, row), s, FIRST);
  const lastDay = readDay(cellAt(last, row), s, LAST);
  if (f < 1) throw new CellError({ ja: "購入回数が0です", en: "No purchases" });
  if (lastDay > asOf) {
    throw new CellError({ ja: "最終購入日が基準日より後です", en: "Last purchase is after the as-of date" });
  }
  if (firstDay > lastDay || (f === 1) !== (firstDay === lastDay)) {
    throw new CellError({
      ja: "購入回数と初回・最終購入日が合いません",
      en: "Purchases do not match the first and last purchase dates",
    });
  }
  return { purchases: f, first: firstDay, last: lastDay };
}

/**
 * Fits the shop's BG/NBD parameters on the rows of the range (the population is the range, as for the top-1% cut)
 * and returns a reader of each row's history. Too few customers or no repeat buyer fails the whole call with the
 * model's own explanation (a per-row message would repeat it thousands of times).
 */
function fitRange(count: Column, first: Column, last: Column, s: Settings, asOf: DayNumber) {
  const n = rowCount([count, first, last]);
  const histories: (RowHistory | null)[] = new Array(n).fill(null);
  const summaries: CustomerSummary[] = [];
  for (let row = 0; row < n; row++) {
    try {
      const h = readHistory(count, first, last, row, s, asOf);
      histories[row] = h;
      summaries.push({
        customerKey: String(row),
        purchases: h.purchases,
        orders: h.purchases,
        monetary: 0,
        firstPurchase: h.first,
        lastPurchase: h.last,
        previousPurchase: null,
        recencyDays: asOf - h.last,
        tenureDays: h.last - h.first,
        avgIntervalDays: null,
      });
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
    }
  }
  const fitted = predictCustomers(summaries, asOf);
  if (fitted.params === null) {
    throw argumentError(
      fitted.note ?? { ja: "予測モデルを推定できません", en: "The model could not be fitted" },
    );
  }
  const params: BgNbdParams = fitted.params;
  return {
    params,
    history: (row: number): RowHistory => readHistory(count, first, last, row, s, asOf),
  };
}

/** x, t_x, T in days, as the model's definitions (docs/model.md) take them. */
const triple = (h: RowHistory, asOf: DayNumber) => ({
  x: h.purchases - 1,
  tx: h.last - h.first,
  T: asOf - h.first,
});

/**
 * =P_ALIVE(purchases, first_purchase, last_purchase, [as_of], [settings]): the BG/NBD probability (0–1) that the
 * customer is still active, with the model fitted on the given range. Customers with a single purchase get a
 * message instead: the model always says 100 % for them, which would mislead.
 */
export function P_ALIVE(
  purchases: unknown,
  first_purchase: unknown,
  last_purchase: unknown,
  as_of?: unknown,
  settings?: unknown,
): Cell | Cell[][] {
  const s = readSettings(settings);
  const asOf = readAsOf(as_of, s);
  const count = columnOf(purchases, "purchases");
  const first = columnOf(first_purchase, "first_purchase");
  const last = columnOf(last_purchase, "last_purchase");
  const model = fitRange(count, first, last, s, asOf);
  return mapRows([count, first, last], s.language, (row) => {
    const h = model.history(row);
    if (h.purchases === 1) {
      throw new CellError({ ja: "購入1回のため予測しません", en: "No prediction for a single purchase" });
    }
    const t = triple(h, asOf);
    const p = pAlive(t.x, t.tx, t.T, model.params);
    if (!Number.isFinite(p)) throw new CellError({ ja: "計算できません", en: "Cannot compute" });
    return Math.min(1, Math.max(0, p));
  });
}

/**
 * =EXPECTED_PURCHASES(purchases, first_purchase, last_purchase, [days], [as_of], [settings]): purchases the
 * BG/NBD model expects from the customer in the next `days` days (default 90), fitted on the given range.
 */
export function EXPECTED_PURCHASES(
  purchases: unknown,
  first_purchase: unknown,
  last_purchase: unknown,
  days?: unknown,
  as_of?: unknown,
  settings?: unknown,
): Cell | Cell[][] {
  const s = readSettings(settings);
  const asOf = readAsOf(as_of, s);
  const horizon = days === undefined || days === null || days === "" ? 90 : readHorizon(days);
  const count = columnOf(purchases, "purchases");
  const first = columnOf(first_purchase, "first_purchase");
  const last = columnOf(last_purchase, "last_purchase");
  const model = fitRange(count, first, last, s, asOf);
  return mapRows([count, first, last], s.language, (row) => {
    const t = triple(model.history(row), asOf);
    const e = expectedPurchases(horizon, t.x, t.tx, t.T, model.params);
    if (!Number.isFinite(e)) throw new CellError({ ja: "計算できません", en: "Cannot compute" });
    return e;
  });
}

function readHorizon(days: unknown): number {
  try {
    const n = readCount(days, DAYS);
    if (n >= 1) return n;
  } catch {
    // reported below
  }
  throw argumentError({
    ja: `days は1以上の整数で指定してください: ${String(days)}`,
    en: `days must be a whole number ≥ 1`,
  });
}
