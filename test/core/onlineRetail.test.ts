// UCI Online Retail (541,909 invoice lines): every row accounted for, and customers, purchase days and monetary
// totals equal to a plain aggregation written here without the core.
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { OrderCleaner } from "../../src/core/clean";
import { dayFromYmd, formatDay } from "../../src/core/day";
import { detectOrderMapping } from "../../src/core/mapping";
import { buildHistories, summarize } from "../../src/core/summary";
import type { CleanResult, CustomerSummary } from "../../src/core/types";
import { sharedPath } from "../support/sharedData";

const FILE = sharedPath("data/online-retail/online_retail.csv.gz");
const AS_OF = dayFromYmd(2011, 12, 9);

interface Plain {
  rows: number;
  noCustomer: number;
  cancelled: number;
  other: number;
  /** customer → invoice → {day, net} */
  invoices: Map<string, Map<string, { day: string; net: number }>>;
}

let header: string[] = [];
let cleaned: CleanResult;
const plain: Plain = { rows: 0, noCustomer: 0, cancelled: 0, other: 0, invoices: new Map() };

beforeAll(async () => {
  const parser = createReadStream(FILE)
    .pipe(createGunzip())
    .pipe(parse({ relax_quotes: true }));
  let cleaner: OrderCleaner | null = null;
  let rowNumber = 1;
  for await (const rec of parser as AsyncIterable<string[]>) {
    if (cleaner === null) {
      header = rec;
      const m = detectOrderMapping(header, "auto");
      if (!m.ok) throw new Error(m.message.en);
      cleaner = new OrderCleaner(m.mapping, {
        timeZone: "Asia/Tokyo",
        dayFirst: false,
        asOf: AS_OF,
        headers: header,
      });
      continue;
    }
    rowNumber++;
    cleaner.push(rec, rowNumber);

    // The plain aggregation: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
    const [invoice, , , quantity, date, price, customerId] = rec;
    plain.rows++;
    if (customerId.trim() === "") {
      plain.noCustomer++;
      continue;
    }
    if (invoice.startsWith("C")) {
      plain.cancelled++;
      continue;
    }
    const customer = customerId.replace(/\.0$/, "");
    let byInvoice = plain.invoices.get(customer);
    if (!byInvoice) {
      byInvoice = new Map();
      plain.invoices.set(customer, byInvoice);
    }
    const inv = byInvoice.get(invoice) ?? { day: date.slice(0, 10), net: 0 };
    inv.net += Number(quantity) * Number(price);
    if (date.slice(0, 10) < inv.day) inv.day = date.slice(0, 10);
    byInvoice.set(invoice, inv);
  }
  cleaned = cleaner!.finish();
}, 300_000);

describe("UCI Online Retail", () => {
  it("accounts for every row: 135,080 without customer, the C-invoices cancelled, the rest used", () => {
    expect(header).toEqual([
      "InvoiceNo",
      "StockCode",
      "Description",
      "Quantity",
      "InvoiceDate",
      "UnitPrice",
      "CustomerID",
      "Country",
    ]);
    expect(plain.rows).toBe(541_909);
    expect(cleaned.counts).toEqual({
      used: plain.rows - plain.noCustomer - plain.cancelled,
      missing_customer: 135_080,
      bad_date: 0,
      bad_amount: 0,
      cancelled: plain.cancelled,
      after_as_of: 0,
    });
    expect(plain.noCustomer).toBe(135_080);
    expect(cleaned.skipped).toHaveLength(135_080 + plain.cancelled);
  });

  it("matches the plain aggregation per customer: purchase days, orders, monetary, first and last day", () => {
    const summaries = summarize(buildHistories(cleaned.orders), AS_OF);
    const expected = new Map<string, Partial<CustomerSummary>>();
    let totalMonetary = 0;
    for (const [customer, byInvoice] of plain.invoices) {
      const days = new Set<string>();
      let orders = 0;
      let monetary = 0;
      for (const { day, net } of byInvoice.values()) {
        monetary += net;
        if (net >= 0) {
          days.add(day);
          orders++;
        }
      }
      totalMonetary += monetary;
      if (days.size === 0) continue; // only refunds: no purchase, no summary
      const sorted = [...days].sort();
      expected.set(customer, {
        purchases: days.size,
        orders,
        monetary,
        firstPurchase: sorted[0] as unknown as number,
        lastPurchase: sorted[sorted.length - 1] as unknown as number,
      });
    }
    expect(summaries.length).toBe(expected.size);
    expect(summaries.length).toBe(4339);
    let ours = 0;
    for (const s of summaries) {
      const e = expected.get(s.customerKey);
      expect(e, s.customerKey).toBeDefined();
      if (!e) continue;
      expect(s.purchases, s.customerKey).toBe(e.purchases);
      expect(s.orders, s.customerKey).toBe(e.orders);
      expect(s.monetary, s.customerKey).toBeCloseTo(e.monetary!, 6);
      expect(formatDay(s.firstPurchase)).toBe(e.firstPurchase);
      expect(formatDay(s.lastPurchase)).toBe(e.lastPurchase);
      ours += s.monetary;
    }
    expect(ours).toBeCloseTo(totalMonetary, 2);
  });
});
