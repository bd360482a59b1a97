import { type DayNumber, parseAmount, parseDay, type Settings } from "../../core/index";
import { CellError, isBlankCell, shown } from "./cells";

/**
 * Reading one cell of a custom-function argument. Each reader either returns the value or throws CellError with
 * the message that goes into that row's cell, naming what could not be read ("日付を読めません: 2024/13/45").
 */

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
