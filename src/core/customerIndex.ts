/**
 * The cleaner already knows which customer each order belongs to (it looks every customer up once per order).
 * It leaves that numbering beside the orders array it returns, so buildHistories can group a million orders
 * without hashing every customer key a second time. The hint is only used for the very array it was made for,
 * and only after checking, order by order, that each order still has the customer the hint says; otherwise
 * buildHistories groups by key as usual. Callers never see any of this.
 */
import type { OrderRecord } from "./types";

export interface CustomerIndex {
  /** Customer keys by id (in order of first appearance; may include customers none of whose orders were kept). */
  keys: readonly string[];
  /** Customer id of each order, aligned with the orders array. */
  customerOf: Int32Array;
  /** The cleaner's display names by customer id, so names can be put in key order without a Map lookup each. */
  names?: CleanerNames;
}

/**
 * The names the cleaner found: by customer id, and the ids in the order their names were found (the order of
 * CleanResult.names, which is made from these only when a caller reads it; see keptOrders.ts).
 */
export interface CleanerNames {
  byId: readonly (string | undefined)[];
  found: readonly number[];
}

const hints = new WeakMap<readonly OrderRecord[], CustomerIndex>();

export function rememberCustomerIndex(orders: readonly OrderRecord[], index: CustomerIndex): void {
  hints.set(orders, index);
}

/**
 * The numbering the cleaner left for this very array, or null. Not checked here: the caller reads every order
 * anyway and must check, order by order, that each still has the customer the index says (see buildHistories).
 */
export function customerIndexHint(orders: readonly OrderRecord[]): CustomerIndex | null {
  const index = hints.get(orders);
  return index && index.customerOf.length === orders.length ? index : null;
}
