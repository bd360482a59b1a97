import { type DayNumber, parseAmount, parseDay, type Settings } from "../../core/index";
import { CellError, type Column, isBlankCell, shown, type Text } from "./cells";

/**
 * Reading one cell of a custom-function argument. Each reader either returns the value or throws CellError with
 * the message that goes into that row's cell, naming what could not be read ("日付を読めません: 2024/13/45").
 */

/** What the purchase columns are called in row messages; one copy for every function that reads them. */
export const PURCHASES: Text = { ja: "購入回数", en: "purchases" };
export const FIRST_PURCHASE: Text = { ja: "初回購入日", en: "first purchase" };
export const LAST_PURCHASE: Text = { ja: "最終購入日", en: "last purchase" };

/** A customer row needs at least one purchase day. */
export function checkHasPurchases(purchases: number): void {
  if (purchases < 1) throw new CellError({ ja: "購入回数が0です", en: "No purchases" });
}

/** A last purchase after the as-of day is a typo or the wrong as_of: no state or score is meaningful then. */
export function checkNotAfterAsOf(lastDay: DayNumber, asOf: DayNumber): void {
  if (lastDay > asOf) {
    throw new CellError({ ja: "最終購入日が基準日より後です", en: "Last purchase is after the as-of date" });
  }
}

export function readDay(value: unknown, settings: Settings, what: { ja: string; en: string }): DayNumber {
  const day = isBlankCell(value) ? null : parseDay(value, settings);
  if (day === null) {
    throw new CellError({
      ja: isBlankCell(value) ? `${what.ja}がありません` : `日付を読めません(${what.ja}): ${shown(value)}`,
      en: isBlankCell(value) ? `Missing ${what.en}` : `Cannot read the date (${what.en}): ${shown(value)}`,
    });
  }
  return day;
}

/** Whole numbers ≥ 0 such as purchases or visits; "３" (full-width) and "3" (text) are read too. */
export function readCount(value: unknown, what: { ja: string; en: string }): number {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string"
        ? Number(value.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
        : Number.NaN;
  if (isBlankCell(value) || !Number.isInteger(n) || n < 0) {
    throw new CellError({
      ja: isBlankCell(value)
        ? `${what.ja}がありません`
        : `${what.ja}を読めません(0以上の整数): ${shown(value)}`,
      en: isBlankCell(value)
        ? `Missing ${what.en}`
        : `Cannot read ${what.en} (a whole number ≥ 0): ${shown(value)}`,
    });
  }
  return n;
}

/** Yen amounts in any of the forms of DOMAIN §2 (¥1,234, 1,234円, full-width digits). Blank is 0. */
export function readAmount(value: unknown): number {
  if (isBlankCell(value)) return 0;
  const amount = parseAmount(value);
  if (amount === null) {
    throw new CellError({
      ja: `金額を読めません: ${shown(value)}`,
      en: `Cannot read the amount: ${shown(value)}`,
    });
  }
  return amount;
}

/** Every total of a column for a range-wide figure (top-percent cut, spend rank): unreadable ones count as 0 there
 * and are reported in their own row. */
export function amountsOrZero(column: Column): number[] {
  return column.values.map((v) => {
    try {
      return readAmount(v);
    } catch {
      return 0;
    }
  });
}
