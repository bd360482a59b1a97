/**
 * Spreadsheet-ready wrappers of the BG/NBD formulas for custom functions (=P_ALIVE, =EXPECTED_PURCHASES):
 * they take what a sheet row has (purchase days, first and last purchase day, as-of day), never throw,
 * and return null where a formula would give NaN, so the adapter can show its own message.
 */
import type { DayNumber } from "../types";
import { type BgNbdParams, expectedPurchases, pAlive } from "./bgnbd";
import { daysUntilOneExpectedPurchase } from "./predict";

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** P(alive) from (x, t_x, T); null for impossible input. */
export function pAliveOf(x: number, tx: number, T: number, params: BgNbdParams): number | null {
  const p = finite(pAlive(x, tx, T, params));
  return p === null ? null : Math.min(1, Math.max(0, p));
}

/** E[Y(t) | x, t_x, T]; null for impossible input. */
export function expectedPurchasesOf(
  t: number,
  x: number,
  tx: number,
  T: number,
  params: BgNbdParams,
): number | null {
  return finite(expectedPurchases(t, x, tx, T, params));
}

/** (x, t_x, T) in days from a row: purchase days F ≥ 1 and first ≤ last ≤ as-of; null when inconsistent. */
export function tripleFromDays(
  purchases: number,
  firstDay: DayNumber,
  lastDay: DayNumber,
  asOf: DayNumber,
): { x: number; tx: number; T: number } | null {
  if (![purchases, firstDay, lastDay, asOf].every(Number.isFinite)) return null;
  if (!Number.isInteger(purchases) || purchases < 1 || firstDay > lastDay || lastDay > asOf) return null;
  if ((purchases === 1) !== (firstDay === lastDay)) return null;
  return { x: purchases - 1, tx: lastDay - firstDay, T: asOf - firstDay };
}

/** P(alive) of a sheet row; null for single-purchase rows (the model always says 1 for them). */
export function pAliveFromDays(
  purchases: number,
  firstDay: DayNumber,
  lastDay: DayNumber,
  asOf: DayNumber,
  params: BgNbdParams,
): number | null {
  const t = tripleFromDays(purchases, firstDay, lastDay, asOf);
  if (!t || t.x === 0) return null;
  return pAliveOf(t.x, t.tx, t.T, params);
}

/** Expected purchases of a sheet row in the next `days` days. */
export function expectedPurchasesFromDays(
  days: number,
  purchases: number,
  firstDay: DayNumber,
  lastDay: DayNumber,
  asOf: DayNumber,
  params: BgNbdParams,
): number | null {
  const t = tripleFromDays(purchases, firstDay, lastDay, asOf);
  return t ? expectedPurchasesOf(days, t.x, t.tx, t.T, params) : null;
}

/** The expected next purchase day of a sheet row (see predict.ts for the definition), or null. */
export function nextPurchaseDayFromDays(
  purchases: number,
  firstDay: DayNumber,
  lastDay: DayNumber,
  asOf: DayNumber,
  params: BgNbdParams,
  maxDays = 730,
): DayNumber | null {
  const t = tripleFromDays(purchases, firstDay, lastDay, asOf);
  if (!t) return null;
  const d = daysUntilOneExpectedPurchase(t, params, maxDays);
  return d === null ? null : asOf + d;
}
