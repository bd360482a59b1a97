/** Shared inputs of the cleaner property tests: a named orders mapping over the columns below, as of 20 March. */
import { dayFromYmd } from "../../src/core/day";

/** Customer, date, amount (an order total), order id and name, in that order. */
export const NAMED_ORDERS_MAPPING = {
  customer: 0,
  date: 1,
  amount: 2,
  orderId: 3,
  name: 4,
  amountKind: "order_total" as const,
};

export const MARCH_20_OPTIONS = { timeZone: "Asia/Tokyo", dayFirst: false, asOf: dayFromYmd(2026, 3, 20) };
