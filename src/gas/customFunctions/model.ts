import {
  type BgNbdParams,
  type DayNumber,
  DEFAULT_PREDICT_OPTIONS,
  expectedPurchasesOf,
  fitShop,
  pAliveOf,
  type RfmTriple,
  type Settings,
  tripleFromDays,
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
  type Text,
} from "./cells";
import { readAsOf, readSettings } from "./context";
import {
  checkHasPurchases,
  checkNotAfterAsOf,
  FIRST_PURCHASE,
  LAST_PURCHASE,
  PURCHASES,
  readCount,
  readDay,
} from "./readers";

const DAYS = { ja: "日数", en: "days" };
const SINGLE_PURCHASE: Text = { ja: "購入1回のため予測しません", en: "No prediction for a single purchase" };
const CANNOT_COMPUTE = { ja: "計算できません", en: "Cannot compute" };

/**
 * A row's (x, t_x, T) in days, as the model's definitions (docs/model.md) take them. The cells are read here, with a
 * message for each way a cell can be wrong; whether the three fit together is the core's tripleFromDays, the rule
 * the sheet-row helpers share.
 */
function readTriple(count: Column, first: Column, last: Column, row: number, s: Settings, asOf: DayNumber) {
  const f = readCount(cellAt(count, row), PURCHASES);
  const firstDay = readDay(cellAt(first, row), s, FIRST_PURCHASE);
  const lastDay = readDay(cellAt(last, row), s, LAST_PURCHASE);
  // The two inconsistencies with a message of their own; tripleFromDays refuses them too.
  checkHasPurchases(f);
  checkNotAfterAsOf(lastDay, asOf);
  const triple = tripleFromDays(f, firstDay, lastDay, asOf);
  if (triple === null) {
    throw new CellError({
      ja: "購入回数と初回・最終購入日が合いません",
      en: "Purchases do not match the first and last purchase dates",
    });
  }
  return triple;
}

/** The range read once: each row's (x, t_x, T), or the message its cell gets, and the parameters fitted on it. */
interface FittedRange {
  params: BgNbdParams;
  rows: (RfmTriple | CellError)[];
}

/**
 * Fits the shop's BG/NBD parameters on the rows of the range (the population is the range, as for the top-1% cut).
 * Only the fit: predicting every customer's next purchase day as the customer sheet does would cost a search per
 * customer that these functions then throw away. The fit itself works on distinct (x, t_x, T) and, past 20,000 of
 * them, starts from a fit on a sample (src/core/model/fit.ts), so a range of tens of thousands stays well inside
 * the 30 s limit. Too few customers or no repeat buyer fails the whole call with the model's own explanation (a
 * per-row message would repeat it thousands of times).
 */
function fitRange(count: Column, first: Column, last: Column, s: Settings, asOf: DayNumber): FittedRange {
  const n = rowCount([count, first, last]);
  const rows: (RfmTriple | CellError)[] = new Array(n);
  const triples: RfmTriple[] = [];
  for (let row = 0; row < n; row++) {
    try {
      const t = readTriple(count, first, last, row, s, asOf);
      rows[row] = t;
      triples.push(t);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      rows[row] = error;
    }
  }
  const model = fitShop(triples, DEFAULT_PREDICT_OPTIONS.minCustomers);
  if (model.params === null) {
    throw argumentError(
      model.note ?? { ja: "予測モデルを推定できません", en: "The model could not be fitted" },
    );
  }
  return { params: model.params, rows };
}

/**
 * A row's value from its triple, computed once per distinct (x, t_x, T): a range of customers repeats the same
 * histories many times over (the same purchases on the same days), and E[Y] costs a hypergeometric series.
 */
function perTriple(fitted: FittedRange, value: (t: RfmTriple) => Cell): (row: number) => Cell {
  const memo = new Map<string, Cell>();
  return (row) => {
    const t = fitted.rows[row];
    if (t instanceof CellError) throw t;
    const key = `${t.x},${t.tx},${t.T}`;
    let v = memo.get(key);
    if (v === undefined) {
      v = value(t);
      memo.set(key, v);
    }
    return v;
  };
}

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
  const fitted = fitRange(count, first, last, s, asOf);
  const lang = s.language;
  const value = perTriple(fitted, (t) => {
    // An expected outcome rather than a problem: returned, not thrown (a throw per row costs a stack trace).
    if (t.x === 0) return SINGLE_PURCHASE[lang];
    return pAliveOf(t.x, t.tx, t.T, fitted.params) ?? CANNOT_COMPUTE[lang];
  });
  return mapRows([count, first, last], lang, value);
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
  const fitted = fitRange(count, first, last, s, asOf);
  const lang = s.language;
  const value = perTriple(fitted, (t) => {
    return expectedPurchasesOf(horizon, t.x, t.tx, t.T, fitted.params) ?? CANNOT_COMPUTE[lang];
  });
  return mapRows([count, first, last], lang, value);
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
