/**
 * The orders the cleaner keeps, in columns (customer number, day, amount, order id) rather than one OrderRecord
 * each. A large export keeps half a million orders; as objects they cost finish() their allocation, every
 * later collection their tracing, and buildHistories a pass reading them back into typed arrays. analyzeCleaned
 * groups straight from the columns (see historiesOfCleaned in summary.ts); CleanResult.orders is made from them
 * only when a caller reads it, and from then on the objects are the truth (the caller may change them).
 */
import { type CleanerNames, type CustomerIndex, rememberCustomerIndex } from "./customerIndex";
import type { OrderIds } from "./orderIds";
import { grown } from "./typedArrays";
import type { CleanResult, OrderRecord } from "./types";

export class KeptOrders {
  size = 0;
  /** The cleaner's customer number of each order (see customerIndex.ts). */
  customerOf = new Int32Array(1024);
  day = new Int32Array(1024);
  amount = new Float64Array(1024);
  /** The cleaner's order number of each order (−1: a row that is an order of its own, order id ""). */
  orderNo = new Int32Array(1024);
  /** The order ids by number, set by the cleaner when it is done adding (orderIds.ts keeps numeric ids as numbers). */
  orderIds: OrderIds | null = null;

  add(customerId: number, orderNo: number, day: number, amount: number): void {
    const i = this.size;
    if (i === this.day.length) this.grow();
    this.customerOf[i] = customerId;
    this.day[i] = day;
    this.amount[i] = amount;
    this.orderNo[i] = orderNo;
    this.size = i + 1;
  }

  /** The order id of order i, as the cleaner read it ("" for none). */
  orderIdAt(i: number): string {
    const no = this.orderNo[i];
    return no < 0 ? "" : this.orderIds!.textOf(no);
  }

  /**
   * Room for `more` orders at once: finish() knows how many slots it may keep, and half a million orders added
   * one by one would otherwise grow the four columns nine times, copying them each time.
   */
  reserve(more: number): void {
    if (this.size + more > this.day.length) this.grow(this.size + more);
  }

  private grow(n = this.day.length * 2): void {
    this.orderNo = grown(this.orderNo, n);
    this.customerOf = grown(this.customerOf, n);
    this.day = grown(this.day, n);
    this.amount = grown(this.amount, n);
  }
}

/** Kept orders with what is needed to read them: customer keys and names by customer number. */
export interface KeptColumns {
  days: Int32Array;
  amounts: Float64Array;
  index: CustomerIndex;
}

/** Columns of a CleanResult whose orders no caller has read yet. */
const unread = new WeakMap<CleanResult, KeptColumns>();
/** The cleaner's names behind a CleanResult whose `names` no caller has read yet. */
const unreadNames = new WeakMap<CleanResult, CleanerNames>();

/**
 * A CleanResult whose `orders` and `names` are made on first read (own enumerable properties, so spreading,
 * JSON and deep equality see them as before, in the same key order). Assigning either replaces it, as on a
 * plain object.
 */
export function cleanResultOf(
  kept: KeptOrders,
  index: Omit<CustomerIndex, "customerOf"> & { names: CleanerNames },
  rest: Omit<CleanResult, "orders" | "names">,
): CleanResult {
  const n = kept.size;
  const columns: KeptColumns = {
    days: kept.day.subarray(0, n),
    amounts: kept.amount.subarray(0, n),
    index: { ...index, customerOf: kept.customerOf.subarray(0, n) },
  };
  let orders: OrderRecord[] | null = null;
  let names: Map<string, string> | null = null;
  const result: CleanResult = {
    get orders(): OrderRecord[] {
      if (orders === null) {
        orders = recordsOf(kept, columns.index);
        unread.delete(result);
      }
      return orders;
    },
    set orders(value: OrderRecord[]) {
      orders = value;
      unread.delete(result);
    },
    ...rest,
    get names(): Map<string, string> {
      if (names === null) {
        names = mapOfNames(index.keys, index.names);
        unreadNames.delete(result);
      }
      return names;
    },
    set names(value: Map<string, string>) {
      names = value;
      unreadNames.delete(result);
    },
  };
  unread.set(result, columns);
  unreadNames.set(result, index.names);
  return result;
}

/** Key → name in the order the names were found (first non-blank name of each customer), as it always was. */
function mapOfNames(keys: readonly string[], names: CleanerNames): Map<string, string> {
  const map = new Map<string, string>();
  for (const id of names.found) map.set(keys[id], names.byId[id]!);
  return map;
}

/** The cleaner's names behind `cleaned` while no caller has read its `names` (then they say exactly what it would). */
export function unreadCleanerNames(cleaned: CleanResult): CleanerNames | null {
  return unreadNames.get(cleaned) ?? null;
}

/** The columns behind `cleaned` while its orders are unread (then they are exactly what the orders would say). */
export function unreadColumns(cleaned: CleanResult): KeptColumns | null {
  return unread.get(cleaned) ?? null;
}

/**
 * The OrderRecords, in the order they were kept; the cleaner's numbering (`index`, whose customerOf is already
 * the kept part of the column, and the cleaner is done with it) is left for buildHistories as it is.
 */
function recordsOf(kept: KeptOrders, index: CustomerIndex): OrderRecord[] {
  const { keys } = index;
  const out: OrderRecord[] = new Array(kept.size);
  for (let i = 0; i < kept.size; i++)
    out[i] = {
      customerKey: keys[kept.customerOf[i]],
      orderId: kept.orderIdAt(i),
      day: kept.day[i],
      amount: kept.amount[i],
    };
  rememberCustomerIndex(out, index);
  return out;
}
