/**
 * Cleaning the order export (DOMAIN §2): every row lands in exactly one bucket — used, missing_customer,
 * bad_date, bad_amount, cancelled, after_as_of (checked in that order) — and every skipped row keeps its row
 * number and a ja/en reason naming the column and the value.
 *
 * Line items: rows with the same order id (and customer) are one order. Its amount is
 *   - order_total: the amount column holds the order's total, repeated on every row or only on the first; it is
 *     taken once — the largest non-blank value, which is the total whatever the row order (blank rows add nothing);
 *   - line_amount: the rows' amounts (or quantity × unit price) are summed.
 * The order's day is its earliest row date; rows of an order that carry no date of their own take the order's.
 * A row with an order id but a blank customer belongs to the order with that id (Shopify writes order-level
 * fields on the first line only); if no row of that order names the customer, it is a missing customer.
 * A cancellation marker on any row cancels the whole order, and all its rows count as cancelled.
 * Without an order id every row is an order of its own. An order whose net amount is negative is a refund;
 * summary.ts subtracts it from M without counting a purchase.
 *
 * Streaming: the CLI pushes rows one at a time; memory grows with orders, never with raw rows.
 */
import { customerKeyOf, orderIdOf } from "./cells";
import { rememberCustomerIndex } from "./customerIndex";
import { NO_CANCEL, OrderCells, type Problem, type Reason } from "./orderCells";
import type { OrderMappingEx } from "./orderPresets";
import { isBlank } from "./parseAmount";
import { parseDay } from "./parseDate";
import { RowChain } from "./rowChain";
import type { CleanOptions, CleanResult, OrderMapping, OrderRecord, RowBucket, SkippedRow } from "./types";

export interface CleanOptionsEx extends CleanOptions {
  /** Keep at most this many skipped rows in the list (counts stay complete); default: all. */
  maxSkippedRows?: number;
}

/** One order being assembled from its rows. */
interface OrderAcc {
  orderId: string;
  customer: string;
  /** The cleaner's number for the customer (see customerIndex.ts). */
  customerId: number;
  day: number; // +Infinity until a row brings a date
  total: number | null;
  sum: number;
  cancel: Reason | null;
  cancelField: string | undefined;
  /** The row that carried the cancellation marker (its reason is quoted there; other rows point to it). */
  cancelRow: number;
  /** Last link of the order's rows in the RowChain, and how many rows it has. */
  lastRow: number;
  rowCount: number;
  /** Another customer's order with the same id (ids are not always unique across customers). */
  next: OrderAcc | null;
}

/** A row with an order id but no customer, waiting for finish() to find its order. */
interface PendingRow {
  row: number;
  day: number;
  amount: number | null;
  cancel: Reason | null;
  cancelField: string | undefined;
  problem: Problem | null;
}

const NO_DAY = Number.POSITIVE_INFINITY;

export class OrderCleaner {
  private readonly mapping: OrderMappingEx;
  private readonly opts: CleanOptionsEx;
  private readonly orders: OrderRecord[] = [];
  private readonly counts: Record<RowBucket, number> = {
    used: 0,
    missing_customer: 0,
    bad_date: 0,
    bad_amount: 0,
    cancelled: 0,
    after_as_of: 0,
  };
  private readonly skipped: SkippedRow[] = [];
  /** Customers numbered in order of first appearance: one lookup per order serves names and buildHistories. */
  private readonly customerIds = new Map<string, number>();
  private readonly customerKeys: string[] = [];
  private readonly nameOf: (string | undefined)[] = [];
  /** Customer id of each entry of `orders`. */
  private orderCustomer = new Int32Array(1024);
  /** Orders by order id; orders of other customers with the same id hang off `next`. */
  private readonly accs = new Map<string, OrderAcc>();
  private readonly chain = new RowChain();
  private lastAcc: OrderAcc | null = null;
  private readonly pending = new Map<string, PendingRow[]>();
  private readonly maxSkipped: number;
  private readonly cells: OrderCells;
  private finished = false;

  constructor(mapping: OrderMapping | OrderMappingEx, opts: CleanOptions | CleanOptionsEx) {
    this.mapping = mapping;
    this.opts = opts;
    this.maxSkipped = (opts as CleanOptionsEx).maxSkippedRows ?? Number.POSITIVE_INFINITY;
    this.cells = new OrderCells(this.mapping, opts.headers);
  }

  private skip(row: number, bucket: SkippedRow["bucket"], field: string | undefined, reason: Reason): void {
    this.counts[bucket]++;
    if (this.skipped.length >= this.maxSkipped) return;
    const s: SkippedRow = { row, bucket, reason };
    if (field !== undefined) s.field = field;
    this.skipped.push(s);
  }

  /** Adds one data row; rowNumber is the row as the user sees it (header = 1). */
  push(row: readonly unknown[], rowNumber: number): void {
    if (this.finished) throw new Error("OrderCleaner: push after finish");
    const m = this.mapping;
    const orderId = m.orderId === undefined ? null : orderIdOf(row[m.orderId]);
    const customer = customerKeyOf(row[m.customer]);
    if (customer === null && orderId === null) {
      const c = this.cells.col.customer!;
      this.skip(rowNumber, "missing_customer", c.field, {
        ja: `顧客(${c.ja})が空欄です`,
        en: `customer (${c.en}) is blank`,
      });
      return;
    }

    // Date: blank is allowed on a line of an order (the order's date applies), otherwise it is a bad date.
    const dateCell = row[m.date];
    let day = NO_DAY;
    let problem: PendingRow["problem"] = null;
    if (isBlank(dateCell)) {
      if (orderId === null) problem = this.cells.dateProblem(dateCell);
    } else {
      const d = parseDay(dateCell, this.opts);
      if (d === null) problem = this.cells.dateProblem(dateCell);
      else day = d;
    }

    // Amount: blank is allowed (nothing to add); unreadable is a bad amount.
    let amount: number | null = null;
    if (problem === null) {
      const a = this.cells.readAmount(row);
      if (typeof a === "object" && a !== null) problem = a;
      else amount = a;
    }

    if (customer === null) {
      // A line of an order whose customer is on another row; resolved in finish().
      const { reason, field } = problem === null ? this.cells.cancelReason(row, orderId) : NO_CANCEL;
      let list = this.pending.get(orderId!);
      if (!list) {
        list = [];
        this.pending.set(orderId!, list);
      }
      list.push({ row: rowNumber, day, amount, cancel: reason, cancelField: field, problem });
      return;
    }
    if (problem !== null) {
      this.skip(rowNumber, problem.bucket, problem.field, problem.reason);
      return;
    }
    const cancel = this.cells.cancelReason(row, orderId);

    if (orderId === null) {
      // An order of its own: decided now.
      if (cancel.reason) this.skip(rowNumber, "cancelled", cancel.field, cancel.reason);
      else if (day > this.opts.asOf)
        this.skip(
          rowNumber,
          "after_as_of",
          this.cells.col.date!.field,
          this.cells.afterReason(day, this.opts.asOf),
        );
      else {
        this.counts.used++;
        this.addOrder(
          { customerKey: customer, orderId: "", day, amount: amount ?? 0 },
          this.customerId(customer, row),
        );
      }
      return;
    }

    // Line items of one order are nearly always adjacent: the previous row's order is checked before the Map.
    let acc: OrderAcc | null = null;
    let head: OrderAcc | undefined;
    const last = this.lastAcc;
    if (last !== null && last.orderId === orderId && last.customer === customer) acc = last;
    else {
      head = this.accs.get(orderId);
      acc = head ?? null;
      while (acc !== null && acc.customer !== customer) acc = acc.next;
    }
    if (!acc) {
      acc = {
        orderId,
        customer,
        customerId: this.customerId(customer, row),
        day,
        total: null,
        sum: 0,
        cancel: null,
        cancelField: undefined,
        cancelRow: 0,
        lastRow: this.chain.add(rowNumber, -1),
        rowCount: 1,
        next: null,
      };
      if (head) {
        acc.next = head.next;
        head.next = acc;
      } else this.accs.set(orderId, acc);
    } else {
      acc.lastRow = this.chain.add(rowNumber, acc.lastRow);
      acc.rowCount++;
      if (day < acc.day) acc.day = day;
    }
    this.addAmount(acc, amount);
    if (cancel.reason && !acc.cancel) {
      acc.cancel = cancel.reason;
      acc.cancelField = cancel.field;
      acc.cancelRow = rowNumber;
    }
    this.lastAcc = acc;
  }

  /** The customer's number; the first non-blank name seen for a customer is kept (display only). */
  private customerId(customer: string, row: readonly unknown[]): number {
    let id = this.customerIds.get(customer);
    if (id === undefined) {
      id = this.customerKeys.length;
      this.customerIds.set(customer, id);
      this.customerKeys.push(customer);
      this.nameOf.push(undefined);
    }
    const at = this.mapping.name;
    if (at !== undefined && this.nameOf[id] === undefined) {
      const n = row[at];
      if (!isBlank(n)) this.nameOf[id] = String(n).trim();
    }
    return id;
  }

  private addOrder(order: OrderRecord, customerId: number): void {
    const i = this.orders.length;
    if (i === this.orderCustomer.length) {
      const grown = new Int32Array(i * 2);
      grown.set(this.orderCustomer);
      this.orderCustomer = grown;
    }
    this.orderCustomer[i] = customerId;
    this.orders.push(order);
  }

  private addAmount(acc: OrderAcc, amount: number | null): void {
    if (amount === null) return;
    if (this.mapping.amountKind === "order_total") {
      if (acc.total === null || amount > acc.total) acc.total = amount;
    } else acc.sum += amount;
  }

  /** Resolves orders and returns the result. The cleaner cannot be used afterwards. */
  finish(): CleanResult {
    if (this.finished) throw new Error("OrderCleaner: finish called twice");
    this.finished = true;
    this.resolvePending();
    const dateField = this.cells.col.date!.field;
    for (const head of this.accs.values()) {
      for (let acc: OrderAcc | null = head; acc !== null; acc = acc.next) this.settle(acc, dateField);
    }
    this.accs.clear();
    this.skipped.sort((a, b) => a.row - b.row);
    const names = new Map<string, string>();
    for (let id = 0; id < this.nameOf.length; id++) {
      const name = this.nameOf[id];
      if (name !== undefined) names.set(this.customerKeys[id], name);
    }
    rememberCustomerIndex(this.orders, {
      keys: this.customerKeys,
      customerOf: this.orderCustomer.slice(0, this.orders.length),
    });
    return { orders: this.orders, counts: this.counts, skipped: this.skipped, names };
  }

  /** Puts a finished order's rows in their bucket. */
  private settle(acc: OrderAcc, dateField: string): void {
    if (acc.day !== NO_DAY && !acc.cancel && acc.day <= this.opts.asOf) {
      this.counts.used += acc.rowCount;
      const amount = this.mapping.amountKind === "order_total" ? (acc.total ?? 0) : acc.sum;
      this.addOrder(
        { customerKey: acc.customer, orderId: acc.orderId, day: acc.day, amount },
        acc.customerId,
      );
      return;
    }
    const rows = this.chain.list(acc.lastRow);
    if (acc.day === NO_DAY) {
      const c = this.cells.col.date!;
      for (const r of rows)
        this.skip(r, "bad_date", dateField, {
          ja: `注文日(${c.ja})が注文 ${acc.orderId} のどの行にもありません`,
          en: `no row of order ${acc.orderId} has an order date (${c.en})`,
        });
    } else if (acc.cancel) {
      for (const r of rows) {
        if (r === acc.cancelRow) this.skip(r, "cancelled", acc.cancelField, acc.cancel);
        else
          this.skip(r, "cancelled", acc.cancelField, {
            ja: `キャンセル扱い: 同じ注文 ${acc.orderId} が${acc.cancelRow}行目でキャンセルされています(${acc.cancel.ja})`,
            en: `cancelled: order ${acc.orderId} is cancelled on row ${acc.cancelRow} (${acc.cancel.en})`,
          });
      }
    } else {
      const reason = this.cells.afterReason(acc.day, this.opts.asOf);
      for (const r of rows) this.skip(r, "after_as_of", dateField, reason);
    }
  }

  /** Lines without a customer join the one order with their id; otherwise they are missing a customer. */
  private resolvePending(): void {
    if (this.pending.size === 0) return;
    const c = this.cells.col.customer!;
    for (const [orderId, rows] of this.pending) {
      const head = this.accs.get(orderId);
      const several = head?.next != null;
      for (const p of rows) {
        if (!head || several) {
          this.skip(
            p.row,
            "missing_customer",
            c.field,
            several
              ? {
                  ja: `顧客(${c.ja})が空欄で、注文 ${orderId} には複数の顧客がいるため決められません`,
                  en: `customer (${c.en}) is blank and order ${orderId} has several customers`,
                }
              : { ja: `顧客(${c.ja})が空欄です`, en: `customer (${c.en}) is blank` },
          );
          continue;
        }
        if (p.problem) {
          this.skip(p.row, p.problem.bucket, p.problem.field, p.problem.reason);
          continue;
        }
        const acc = head;
        acc.lastRow = this.chain.add(p.row, acc.lastRow);
        acc.rowCount++;
        if (p.day < acc.day) acc.day = p.day;
        this.addAmount(acc, p.amount);
        if (p.cancel && !acc.cancel) {
          acc.cancel = p.cancel;
          acc.cancelField = p.cancelField;
          acc.cancelRow = p.row;
        }
      }
    }
    this.pending.clear();
  }
}

/** Cleans a whole table at once (the add-on's getValues() rows, without the header). */
export function cleanOrders(
  rows: readonly (readonly unknown[])[],
  mapping: OrderMapping | OrderMappingEx,
  opts: CleanOptions | CleanOptionsEx,
  firstRowNumber = 2,
): CleanResult {
  const cleaner = new OrderCleaner(mapping, opts);
  for (let i = 0; i < rows.length; i++) cleaner.push(rows[i], firstRowNumber + i);
  return cleaner.finish();
}
