/**
 * Reading the cells of one order row as the mapping says — the date, the amount (or quantity × unit price) and
 * the cancellation markers — and wording what is wrong with them: each reason names the column as the user
 * sees it and the value (ja/en). The cleaner (clean.ts) decides what to do with the row.
 */
import { isCancelledStatus } from "./cancellation";
import { columnName, showValue } from "./cells";
import { formatDay } from "./day";
import type { OrderMappingEx } from "./orderPresets";
import { isBlank, parseAmount } from "./parseAmount";
import type { DayNumber } from "./types";

export type Reason = { ja: string; en: string };
export type Problem = { bucket: "bad_date" | "bad_amount"; field: string; reason: Reason };
export type CancelMark = { reason: Reason | null; field: string | undefined };
export const NO_CANCEL: CancelMark = { reason: null, field: undefined };

type Column = ReturnType<typeof columnName>;
type Role = "customer" | "date" | "amount" | "quantity" | "unitPrice" | "status" | "orderId" | "cancelledAt";

export class OrderCells {
  readonly col: Record<Role, Column | null>;
  /** afterReason's reasons by day, for the as-of date `afterAsOf`. */
  private readonly afterReasons = new Map<DayNumber, Reason>();
  private afterAsOf = Number.NaN;

  /**
   * @param own applied to the column names, which every skipped row's reason and field quote (header cells
   *   may be slices of the CLI's read chunk; see CleanOptionsEx.ownKey).
   */
  constructor(
    private readonly mapping: OrderMappingEx,
    headers: readonly string[] | undefined,
    own: (s: string) => string = (s) => s,
  ) {
    const name = (i: number | undefined): Column | null => {
      if (i === undefined) return null;
      const c = columnName(headers, i);
      return { ja: own(c.ja), en: own(c.en), field: own(c.field) };
    };
    const m = mapping;
    this.col = {
      customer: name(m.customer),
      date: name(m.date),
      amount: name(m.amount),
      quantity: name(m.quantity),
      unitPrice: name(m.unitPrice),
      status: name(m.status),
      orderId: name(m.orderId),
      cancelledAt: name(m.cancelledAt),
    };
  }

  dateProblem(value: unknown): Problem {
    const c = this.col.date!;
    const blank = isBlank(value);
    return {
      bucket: "bad_date",
      field: c.field,
      reason: blank
        ? { ja: `注文日(${c.ja})が空欄です`, en: `order date (${c.en}) is blank` }
        : {
            ja: `注文日(${c.ja})の「${showValue(value)}」を日付として読めません`,
            en: `cannot read "${showValue(value)}" in ${c.en} as a date`,
          },
    };
  }

  /** The row's amount (null = blank), or the problem when a value cannot be read. */
  readAmount(row: readonly unknown[]): number | null | Problem {
    const m = this.mapping;
    if (m.amount !== undefined) {
      const v = row[m.amount];
      if (isBlank(v)) return null;
      const a = parseAmount(v);
      return a === null ? this.amountProblem(this.col.amount!, v) : a;
    }
    if (m.quantity !== undefined && m.unitPrice !== undefined) {
      const q = row[m.quantity];
      const p = row[m.unitPrice];
      const qBlank = isBlank(q);
      const pBlank = isBlank(p);
      if (qBlank && pBlank) return null;
      const qa = qBlank ? null : parseAmount(q);
      if (qa === null) return this.amountProblem(this.col.quantity!, q);
      const pa = pBlank ? null : parseAmount(p);
      if (pa === null) return this.amountProblem(this.col.unitPrice!, p);
      return qa * pa;
    }
    return null;
  }

  amountProblem(c: ReturnType<typeof columnName>, value: unknown): Problem {
    const blank = isBlank(value);
    return {
      bucket: "bad_amount",
      field: c.field,
      reason: blank
        ? {
            ja: `金額の計算に必要な${c.ja}が空欄です`,
            en: `${c.en} is blank, so the amount cannot be computed`,
          }
        : {
            ja: `${c.ja}の「${showValue(value)}」を金額として読めません`,
            en: `cannot read "${showValue(value)}" in ${c.en} as an amount`,
          },
    };
  }

  /** The last status cell read and whether it cancels: an export repeats a handful of statuses row after row. */
  private lastStatus: unknown;
  private lastStatusCancels = false;

  private statusCancels(v: unknown): boolean {
    if (v === this.lastStatus) return this.lastStatusCancels;
    let cancels = false;
    if (!isBlank(v)) {
      const text = String(v).trim();
      cancels = isCancelledStatus(text) || this.mapping.cancelStatuses?.includes(text) === true;
    }
    this.lastStatus = v;
    this.lastStatusCancels = cancels;
    return cancels;
  }

  /** Why this row cancels its order (status, cancel date or a platform marker), or null. */
  cancelReason(row: readonly unknown[], orderId: string | null): CancelMark {
    const m = this.mapping;
    if (m.status !== undefined) {
      const v = row[m.status];
      if (this.statusCancels(v)) {
        const c = this.col.status!;
        return {
          reason: {
            ja: `キャンセル扱い: ${c.ja}が「${showValue(v)}」`,
            en: `cancelled: ${c.en} is "${showValue(v)}"`,
          },
          field: c.field,
        };
      }
    }
    if (m.cancelledAt !== undefined) {
      const v = row[m.cancelledAt];
      if (!isBlank(v)) {
        const c = this.col.cancelledAt!;
        return {
          reason: {
            ja: `キャンセル扱い: ${c.ja}に「${showValue(v)}」の記入があります`,
            en: `cancelled: ${c.en} holds "${showValue(v)}"`,
          },
          field: c.field,
        };
      }
    }
    if (m.cancelRule === "uci_invoice_c" && orderId !== null && (orderId[0] === "C" || orderId[0] === "c")) {
      const c = this.col.orderId!;
      return {
        reason: {
          ja: `キャンセル扱い: ${c.ja}の「${showValue(orderId)}」が C で始まります(取消伝票)`,
          en: `cancelled: ${c.en} "${showValue(orderId)}" starts with C (a cancellation invoice)`,
        },
        field: c.field,
      };
    }
    return NO_CANCEL;
  }

  /**
   * Why an order dated after the as-of date is skipped. One reason per day, made once: orders after the as-of
   * date fall on a few days (the export's last weeks), and making the two sentences anew for each of them was
   * most of finish()'s time (1M rows, ~10k such orders: ~35 of ~60 ms).
   */
  afterReason(day: DayNumber, asOf: DayNumber): Reason {
    if (asOf !== this.afterAsOf) {
      this.afterReasons.clear();
      this.afterAsOf = asOf;
    }
    let reason = this.afterReasons.get(day);
    if (reason === undefined) {
      reason = {
        ja: `注文日 ${formatDay(day)} が基準日 ${formatDay(asOf)} より後です`,
        en: `order date ${formatDay(day)} is after the as-of date ${formatDay(asOf)}`,
      };
      this.afterReasons.set(day, reason);
    }
    return reason;
  }
}
