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
import { LastDayCache } from "./dayCache";
import { cleanResultOf, KeptOrders } from "./keptOrders";
import { NO_CANCEL, OrderCells, type Problem, type Reason } from "./orderCells";
import { OrderIds } from "./orderIds";
import type { OrderMappingEx } from "./orderPresets";
import { NO_DAY, OrderSlots } from "./orderSlots";
import { isBlank } from "./parseAmount";
import { RowChain } from "./rowChain";
import { StringIds } from "./stringIds";
import { grown } from "./typedArrays";
import type { CleanOptions, CleanResult, OrderMapping, RowBucket, SkippedRow } from "./types";

export interface CleanOptionsEx extends CleanOptions {
  /** Keep at most this many skipped rows in the list (counts stay complete); default: all. */
  maxSkippedRows?: number;
  /**
   * Applied to a string from a row only when the cleaner stores it for keeps — a new customer key, a new order
   * id (unless it is a plain decimal number, kept as a number: orderIds.ts), a name, the text of a skipped row's
   * reason — never to a cell it only reads (a date, an amount, a
   * status, a key it has already seen). The CLI's cells are slices of a large read chunk and a kept slice keeps
   * the whole chunk alive, so it passes a copying function here instead of copying every cell of every row.
   * Must return a string equal to its argument. Default: the string itself.
   */
  ownKey?: (s: string) => string;
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

export class OrderCleaner {
  private readonly mapping: OrderMappingEx;
  private readonly opts: CleanOptionsEx;
  /** The orders kept, in columns; CleanResult.orders is made from them only if a caller reads it. */
  private readonly kept = new KeptOrders();
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
  private readonly customers: StringIds;
  private readonly nameOf: (string | undefined)[] = [];
  /**
   * Customer ids in the order their names were found. CleanResult.names (key → name, in that order) is made
   * from these only if a caller reads it: analyzeCleaned aligns nameOf with the histories instead, and a Map of
   * 200k names filled here cost push ~40 ms of hashing and rehashing for nothing (see keptOrders.ts).
   */
  private readonly namedIds: number[] = [];
  /** How many customers have no name yet (see customerId). */
  private unnamed = 0;
  /**
   * Orders being assembled (see orderSlots.ts); order ids numbered as they first appear, and the first slot of
   * each (another customer's order with the same id hangs off `next`). Released by finish().
   */
  private slots = new OrderSlots();
  private orderIds: OrderIds;
  private firstSlot = new Int32Array(1024);
  /**
   * Whether some order id has slots of two customers. Until one does, slot k is the first (only) slot of order
   * number k, so finish() walks the slots as they are, without the firstSlot and next columns.
   */
  private sharedIds = false;
  private chain = new RowChain();
  /** The previous row's slot (−1: none) and the order id and customer text it was found with. */
  private lastSlot = -1;
  private lastOrderId = "";
  private lastCustomer = "";
  /** Line amounts are summed; an order total is taken once (see the top of this file). */
  private readonly summed: boolean;
  private readonly pending = new Map<string, PendingRow[]>();
  private readonly maxSkipped: number;
  private readonly cells: OrderCells;
  private readonly dates: LastDayCache;
  private finished = false;
  /** CleanOptionsEx.ownKey, and whether one was given (then reasons are copied too, see ownReason). */
  private readonly own: (s: string) => string;
  private readonly owning: boolean;

  constructor(mapping: OrderMapping | OrderMappingEx, opts: CleanOptions | CleanOptionsEx) {
    this.mapping = mapping;
    this.opts = opts;
    const ex = opts as CleanOptionsEx;
    this.maxSkipped = ex.maxSkippedRows ?? Number.POSITIVE_INFINITY;
    this.owning = ex.ownKey !== undefined;
    this.own = ex.ownKey ?? ((s: string) => s);
    this.customers = new StringIds(this.own);
    this.orderIds = new OrderIds(this.own);
    this.cells = new OrderCells(this.mapping, opts.headers, this.own);
    this.dates = new LastDayCache(opts);
    this.summed = this.mapping.amountKind !== "order_total";
  }

  private skip(row: number, bucket: SkippedRow["bucket"], field: string | undefined, reason: Reason): void {
    this.counts[bucket]++;
    if (this.skipped.length >= this.maxSkipped) return;
    const s: SkippedRow = { row, bucket, reason: this.ownReason(reason) };
    if (field !== undefined) s.field = field;
    this.skipped.push(s);
  }

  /**
   * The reason as it is to be kept: its texts may quote a cell (a slice of the CLI's read chunk, see ownKey).
   * Without ownKey, the reason itself.
   */
  private ownReason(r: Reason): Reason {
    return this.owning ? { ja: this.own(r.ja), en: this.own(r.en) } : r;
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
    // A readable date is never blank, so blankness is asked only of a cell that gives no date.
    const dateCell = row[m.date];
    let day = NO_DAY;
    let problem: PendingRow["problem"] = null;
    const d = this.dates.read(dateCell);
    if (d !== null) day = d;
    else if (orderId === null || !isBlank(dateCell)) problem = this.cells.dateProblem(dateCell);

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
        this.pending.set(this.own(orderId!), list);
      }
      list.push({
        row: rowNumber,
        day,
        amount,
        cancel: reason && this.ownReason(reason),
        cancelField: field,
        problem: problem && { ...problem, reason: this.ownReason(problem.reason) },
      });
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
        const id = this.customerId(customer, row);
        this.kept.add(id, -1, day, amount ?? 0);
      }
      return;
    }

    // Line items of one order are nearly always adjacent: the previous row's order is checked before the table.
    const slots = this.slots;
    let slot = -1;
    if (this.lastSlot >= 0 && this.lastOrderId === orderId && this.lastCustomer === customer)
      slot = this.lastSlot;
    else {
      const known = this.orderIds.size;
      const no = this.orderIds.idOf(orderId);
      const head = no < known ? this.firstSlot[no] : -1;
      const keys = this.customers.keys;
      slot = head;
      while (slot >= 0 && keys[slots.customerId[slot]] !== customer) slot = slots.next[slot];
      if (slot < 0) {
        slot = slots.add(no, this.customerId(customer, row));
        if (head < 0) {
          if (no === this.firstSlot.length) this.firstSlot = grown(this.firstSlot, 2 * no);
          this.firstSlot[no] = slot;
        } else {
          this.sharedIds = true;
          slots.next[slot] = slots.next[head];
          slots.next[head] = slot;
        }
      }
    }
    this.addRow(slot, rowNumber, day, amount, cancel.reason, cancel.field);
    this.lastSlot = slot;
    this.lastOrderId = orderId;
    this.lastCustomer = customer;
  }

  /** The customer's number; the first non-blank name seen for a customer is kept (display only). */
  private customerId(customer: string, row: readonly unknown[]): number {
    const id = this.customers.idOf(customer);
    const isNew = id === this.nameOf.length;
    if (isNew) this.nameOf.push(undefined);
    // A known customer can lack a name only while some customer does: nameOf[id] of a random known customer is a
    // cache miss in a large export, and when every customer has a name there is nothing to read it for.
    const at = this.mapping.name;
    if (at !== undefined && (isNew || (this.unnamed > 0 && this.nameOf[id] === undefined))) {
      const n = row[at];
      if (!isBlank(n)) {
        const name = this.own(String(n).trim());
        this.nameOf[id] = name;
        this.namedIds.push(id);
        if (!isNew) this.unnamed--;
      } else if (isNew) this.unnamed++;
    }
    return id;
  }

  /** Adds a row to its order: its row number, date, amount and cancellation marker (the first one is quoted). */
  private addRow(
    slot: number,
    rowNumber: number,
    day: number,
    amount: number | null,
    cancel: Reason | null,
    cancelField: string | undefined,
  ): void {
    const s = this.slots;
    // The run of adjacent rows grows until a row breaks it; from then on rows are chained (see orderSlots.ts).
    const count = s.rowCount[slot];
    if (count === 0) s.firstRow[slot] = rowNumber;
    else if (s.lastRow[slot] >= 0 || rowNumber !== s.firstRow[slot] + count)
      s.lastRow[slot] = this.chain.add(rowNumber, s.lastRow[slot]);
    s.rowCount[slot] = count + 1;
    if (day < s.day[slot]) s.day[slot] = day;
    if (amount !== null) {
      if (this.summed) s.amount[slot] += amount;
      else if (s.hasAmount[slot] === 0 || amount > s.amount[slot]) s.amount[slot] = amount;
      s.hasAmount[slot] = 1;
    }
    // Only the first marker is kept, so only it is owned.
    if (cancel && !s.isCancelled(slot))
      s.markCancelled(slot, { reason: this.ownReason(cancel), field: cancelField, row: rowNumber });
  }

  /** Resolves orders and returns the result. The cleaner cannot be used afterwards. */
  finish(): CleanResult {
    if (this.finished) throw new Error("OrderCleaner: finish called twice");
    this.finished = true;
    this.resolvePending();
    const dateField = this.cells.col.date!.field;
    this.kept.reserve(this.slots.size);
    // Orders in the order their ids first appeared, as they always were.
    if (!this.sharedIds) {
      for (let slot = 0; slot < this.slots.size; slot++) this.settle(slot, dateField);
    } else {
      const next = this.slots.next;
      for (let no = 0; no < this.orderIds.size; no++) {
        for (let slot = this.firstSlot[no]; slot >= 0; slot = next[slot]) this.settle(slot, dateField);
      }
    }
    // The caller may keep the cleaner while it analyses the result: let the assembly state go (the kept orders
    // keep the order ids, whose text is made only if a caller reads CleanResult.orders).
    this.orderIds.release();
    this.kept.orderIds = this.orderIds;
    this.slots = new OrderSlots();
    this.orderIds = new OrderIds();
    this.firstSlot = new Int32Array(0);
    this.chain = new RowChain();
    // Nor keep the last row's cells (with ownKey they may be slices of a read chunk).
    this.lastOrderId = "";
    this.lastCustomer = "";
    this.skipped.sort((a, b) => a.row - b.row);
    // Each order's customer key is the customer's first key string, not a row's copy: one string per customer.
    return cleanResultOf(
      this.kept,
      { keys: this.customers.keys, names: { byId: this.nameOf, found: this.namedIds } },
      { counts: this.counts, skipped: this.skipped },
    );
  }

  /** Puts a finished order's rows in their bucket. */
  private settle(slot: number, dateField: string): void {
    const s = this.slots;
    const day = s.day[slot];
    const cancel = s.cancelOf(slot);
    if (day !== NO_DAY && !cancel && day <= this.opts.asOf) {
      this.counts.used += s.rowCount[slot];
      this.kept.add(s.customerId[slot], s.orderNo[slot], day, s.amount[slot]);
      return;
    }
    const orderId = this.orderIds.textOf(s.orderNo[slot]);
    const rows = this.rowsOf(slot);
    if (day === NO_DAY) {
      const c = this.cells.col.date!;
      for (const r of rows)
        this.skip(r, "bad_date", dateField, {
          ja: `注文日(${c.ja})が注文 ${orderId} のどの行にもありません`,
          en: `no row of order ${orderId} has an order date (${c.en})`,
        });
    } else if (cancel) {
      for (const r of rows) {
        if (r === cancel.row) this.skip(r, "cancelled", cancel.field, cancel.reason);
        else
          this.skip(r, "cancelled", cancel.field, {
            ja: `キャンセル扱い: 同じ注文 ${orderId} が${cancel.row}行目でキャンセルされています(${cancel.reason.ja})`,
            en: `cancelled: order ${orderId} is cancelled on row ${cancel.row} (${cancel.reason.en})`,
          });
      }
    } else {
      const reason = this.cells.afterReason(day, this.opts.asOf);
      for (const r of rows) this.skip(r, "after_as_of", dateField, reason);
    }
  }

  /** The slot's row numbers in the order they were added: the run of adjacent rows, then the chained ones. */
  private rowsOf(slot: number): number[] {
    const s = this.slots;
    const chained = this.chain.list(s.lastRow[slot]);
    const run = s.rowCount[slot] - chained.length;
    const rows: number[] = [];
    for (let i = 0; i < run; i++) rows.push(s.firstRow[slot] + i);
    for (const r of chained) rows.push(r);
    return rows;
  }

  /** Lines without a customer join the one order with their id; otherwise they are missing a customer. */
  private resolvePending(): void {
    if (this.pending.size === 0) return;
    const c = this.cells.col.customer!;
    const s = this.slots;
    for (const [orderId, rows] of this.pending) {
      const no = this.orderIds.find(orderId);
      const slot = no < 0 ? -1 : this.firstSlot[no];
      const several = slot >= 0 && s.next[slot] >= 0;
      for (const p of rows) {
        if (slot < 0 || several) {
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
        this.addRow(slot, p.row, p.day, p.amount, p.cancel, p.cancelField);
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
