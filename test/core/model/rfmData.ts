// The R package rfm's sample orders (rsquaredacademy/rfm, MIT) and what its README prints for them; shared by the
// core test of the method and the command-line test of the product.
import { readFileSync } from "node:fs";
import type { RfmInput } from "../../../src/core/model/rfm";
import { sharedData } from "./cdnow";

export const RFM_ORDERS_FILE = sharedData("rfm/rfm_data_orders.csv");
export const RFM_ANALYSIS_DATE = "2006-12-31";

/** rfm_data_orders aggregated as rfm_table_order does: last date, sum of revenue, number of rows. */
export function packageInputs(): RfmInput[] {
  const lines = readFileSync(RFM_ORDERS_FILE, "utf8").trim().split("\n");
  if (lines[0] !== "customer_id,order_date,revenue,first_name,last_name,email")
    throw new Error(`unexpected header ${lines[0]}`);
  const analysis = Date.UTC(2006, 11, 31);
  const by = new Map<string, RfmInput>();
  for (const line of lines.slice(1)) {
    const [id, date, revenue] = line.split(",");
    const [y, m, d] = date.split("-").map(Number);
    const recency = Math.round((analysis - Date.UTC(y, m - 1, d)) / 86_400_000);
    const c = by.get(id) ?? {
      customerKey: id,
      recencyDays: Number.POSITIVE_INFINITY,
      frequency: 0,
      monetary: 0,
    };
    c.recencyDays = Math.min(c.recencyDays, recency);
    c.frequency += 1;
    c.monetary += Number(revenue);
    by.set(id, c);
  }
  return [...by.values()];
}

/** rfm 0.3.0 README: customer, rfm_score, segment. */
export const README_SCORES: readonly [string, number, string][] = [
  ["Abbey O'Reilly", 343, "Potential Loyalist"],
  ["Add Senger", 412, "New Customers"],
  ["Aden Lesch", 323, "Loyal Customers"],
  ["Aden Murphy", 544, "Potential Loyalist"],
  ["Admiral Senger", 433, "Potential Loyalist"],
];
