import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanOrders } from "../../src/core/clean";
import { dayFromYmd } from "../../src/core/day";
import {
  buildHistories,
  type CustomerHistories,
  median,
  repurchaseIntervals,
  salesBetween,
  summariesNamed,
  summarize,
} from "../../src/core/summary";
import {
  emptyFigures,
  figuresAtTwoDates,
  figuresOf,
  readFigures,
  type SummaryFigures,
} from "../../src/core/summaryFigures";
import type { DayNumber, OrderRecord } from "../../src/core/types";
import { MARCH_20_OPTIONS, NAMED_ORDERS_MAPPING } from "./cleanerFixtures";

const d = (m: number, day: number) => dayFromYmd(2026, m, day);
const o = (customerKey: string, day: number, amount: number, orderId = ""): OrderRecord => ({
  customerKey,
  orderId,
  day,
  amount,
});

describe("summarize (DOMAIN §3)", () => {
  const orders = [
    o("b", d(1, 10), 1000),
    o("b", d(1, 10), 500), // same day: one purchase day, two orders
    o("b", d(2, 20), 2000),
    o("b", d(3, 5), -700), // refund: lowers M, not a purchase
    o("b", d(4, 1), 3000),
    o("a", d(3, 1), 800),
    o("c", d(5, 1), -100), // only a refund: not a customer
    o("d", d(6, 15), 900), // after the as-of date
  ];
  const h = buildHistories(orders);
  const asOf = d(5, 31);

  it("computes F, orders, M, first/last/previous, R, tenure and the average interval", () => {
    const s = summarize(h, asOf, new Map([["b", "佐藤"]]));
    expect(s.map((c) => c.customerKey)).toEqual(["a", "b"]);
    expect(s[1]).toEqual({
      customerKey: "b",
      name: "佐藤",
      purchases: 3,
      orders: 4,
      monetary: 1000 + 500 + 2000 - 700 + 3000,
      firstPurchase: d(1, 10),
      lastPurchase: d(4, 1),
      previousPurchase: d(2, 20),
      secondPurchase: d(2, 20),
      recencyDays: asOf - d(4, 1),
      tenureDays: d(4, 1) - d(1, 10),
      avgIntervalDays: (d(4, 1) - d(1, 10)) / 2,
    });
    expect(s[0]).toMatchObject({
      purchases: 1,
      orders: 1,
      monetary: 800,
      previousPurchase: null,
      secondPurchase: null,
      tenureDays: 0,
      avgIntervalDays: null,
      recencyDays: asOf - d(3, 1),
    });
  });

  it("is as of a date: later orders do not count, and earlier dates can be asked again from the same histories", () => {
    const early = summarize(h, d(2, 1));
    expect(early).toHaveLength(1);
    expect(early[0]).toMatchObject({
      customerKey: "b",
      purchases: 1,
      orders: 2,
      monetary: 1500,
      recencyDays: d(2, 1) - d(1, 10),
    });
    const late = summarize(h, d(12, 31));
    expect(late.map((c) => c.customerKey)).toEqual(["a", "b", "d"]);
    expect(summarize(h, asOf)).toEqual(summarize(buildHistories(orders), asOf));
  });

  it("a refund on the as-of boundary counts; a purchase the day after does not", () => {
    const x = buildHistories([o("a", d(5, 1), 100), o("a", d(5, 31), -40), o("a", d(6, 1), 999)]);
    expect(summarize(x, d(5, 31))[0]).toMatchObject({ monetary: 60, purchases: 1, recencyDays: 30 });
  });

  it("an empty shop has no summaries", () => {
    expect(summarize(buildHistories([]), asOf)).toEqual([]);
    expect(repurchaseIntervals(buildHistories([]), asOf)).toEqual([]);
  });

  it("sorts customers by code units (shuffled input, same output)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            customerKey: fc.constantFrom("a", "B", "b", "顧客1", "10", "9"),
            orderId: fc.constant(""),
            day: fc.integer({ min: d(1, 1), max: d(12, 31) }),
            amount: fc.integer({ min: -500, max: 5000 }),
          }),
          { maxLength: 60 },
        ),
        fc.integer({ min: d(1, 1), max: d(12, 31) }),
        (list, at) => {
          const reversed = [...list].reverse();
          const a = summarize(buildHistories(list), at);
          expect(summarize(buildHistories(reversed), at)).toEqual(a);
          const keys = a.map((c) => c.customerKey);
          expect(keys).toEqual([...keys].sort());
          for (const c of a) {
            expect(c.purchases).toBeGreaterThanOrEqual(1);
            expect(c.orders).toBeGreaterThanOrEqual(c.purchases);
            expect(c.lastPurchase).toBeLessThanOrEqual(at);
            expect(c.recencyDays).toBe(at - c.lastPurchase);
          }
        },
      ),
    );
  });

  it("groups any orders by key in code-unit order, each customer's by (day, amount)", () => {
    // Many customers (the radix key sort), short and long keys, histories either side of the insertion limit.
    const key = fc.oneof(
      fc.nat({ max: 300 }).map((n) => `C${String(n).padStart(6, "0")}`),
      fc.nat({ max: 50 }).map((n) => `customer.${n}@example.jp`),
      fc.constantFrom("", "\0", "C", "é", "Z"),
    );
    const order = fc.tuple(key, fc.nat({ max: 60 }), fc.integer({ min: -50, max: 50 }));
    const heavy = fc.array(fc.tuple(fc.nat({ max: 60 }), fc.integer({ min: -50, max: 50 })), {
      minLength: 20,
      maxLength: 90,
    });
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 600 }), heavy, (list, heavyOrders) => {
        const orders = [
          ...list.map(([k, day, amount]) => o(k, d(1, 1) + day, amount)),
          ...heavyOrders.map(([day, amount]) => o("heavy", d(1, 1) + day, amount)),
        ];
        const byKey = new Map<string, [number, number][]>();
        for (const x of orders) {
          const list = byKey.get(x.customerKey) ?? [];
          list.push([x.day, x.amount]);
          byKey.set(x.customerKey, list);
        }
        const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const h = buildHistories(orders);
        expect(h.keys).toEqual(keys);
        keys.forEach((k, r) => {
          const want = byKey.get(k)!.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
          const got = Array.from({ length: h.start[r + 1] - h.start[r] }, (_, j) => [
            h.days[h.start[r] + j],
            h.amounts[h.start[r] + j],
          ]);
          expect(got).toEqual(want);
        });
      }),
      { numRuns: 100 },
    );
  });

  it("keeps long histories sorted (more than the insertion-sort limit)", () => {
    const many = Array.from({ length: 100 }, (_, i) => o("a", d(1, 1) + ((i * 37) % 100), 10));
    const [s] = summarize(buildHistories(many), d(12, 31));
    expect(s).toMatchObject({
      purchases: 100,
      firstPurchase: d(1, 1),
      lastPurchase: d(1, 1) + 99,
      previousPurchase: d(1, 1) + 98,
    });
  });
});

describe("repurchase cycle", () => {
  it("lists the days between consecutive purchase days, ignoring refunds and same-day orders", () => {
    const h = buildHistories([
      o("a", d(1, 1), 1),
      o("a", d(1, 1), 1),
      o("a", d(1, 11), 1),
      o("a", d(1, 15), -5),
      o("a", d(2, 10), 1),
      o("b", d(1, 5), 1),
      o("b", d(1, 12), 1),
      o("b", d(9, 1), 1),
    ]);
    expect(repurchaseIntervals(h, d(5, 31)).sort((x, y) => x - y)).toEqual([7, 10, 30]);
  });

  it("median", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe("salesBetween", () => {
  it("sums net sales and counts buyers in the window", () => {
    const h = buildHistories([
      o("a", d(1, 1), 100),
      o("a", d(3, 1), -30),
      o("b", d(3, 2), -10),
      o("c", d(6, 1), 50),
    ]);
    expect(salesBetween(h, d(2, 1), d(5, 31))).toEqual({ revenue: -40, buyers: 0 });
    expect(salesBetween(h, d(1, 1), d(6, 1))).toEqual({ revenue: 110, buyers: 2 });
  });
});

describe("summarize with the cleaner's names", () => {
  it("names customers exactly as looking each key up in the names Map does", () => {
    const row = fc.tuple(
      fc.constantFrom("c1", "c2", "C3", "c10", "x@Example.jp", " c1 "),
      fc.integer({ min: 1, max: 28 }).map((day) => `2026-03-${String(day).padStart(2, "0")}`),
      fc.constantFrom("1000", "-200", ""),
      fc.constantFrom("", "A1", "A2", "A3"),
      fc.constantFrom("", "山田", "佐藤 ", "  "),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const cleaned = cleanOrders(rows, NAMED_ORDERS_MAPPING, MARCH_20_OPTIONS);
        const h = buildHistories(cleaned.orders);
        const aligned = summarize(h, d(3, 20), cleaned.names);
        // A copy of the Map is not the cleaner's: summarize looks every key up in it.
        expect(aligned).toEqual(summarize(h, d(3, 20), new Map(cleaned.names)));
        expect(aligned.map((c) => c.name)).toEqual(aligned.map((c) => cleaned.names.get(c.customerKey)));
      }),
      { numRuns: 200 },
    );
  });

  it("reads a name the caller changed in the cleaner's Map after grouping", () => {
    const cleaned = cleanOrders(
      [["c1", "2026-03-01", "100", "A1", "山田"]],
      NAMED_ORDERS_MAPPING,
      MARCH_20_OPTIONS,
    );
    const h = buildHistories(cleaned.orders);
    cleaned.names.set("c1", "佐藤");
    expect(summarize(h, d(3, 20), cleaned.names)[0].name).toBe("佐藤");
  });
});

describe("buildHistories over the cleaner's orders", () => {
  const mapping = { customer: 0, date: 1, amount: 2, orderId: 3, amountKind: "order_total" as const };
  const rows = [
    ["c2", "2026-03-01", "1000", "A1"],
    ["c1", "2026-03-02", "500", "A2"],
    ["c2", "2026-03-05", "700", "A3"],
    ["c3", "2026-03-04", "300", "A4"],
  ];
  const clean = () => cleanOrders(rows, mapping, { timeZone: "Asia/Tokyo", dayFirst: false, asOf: d(3, 31) });

  it("groups exactly as a plain copy of the orders is grouped", () => {
    const { orders } = clean();
    expect(buildHistories(orders)).toEqual(buildHistories([...orders]));
  });

  it("follows orders changed after cleaning (customer, day or amount), not the cleaner's numbering", () => {
    const { orders } = clean();
    orders[0].customerKey = "c9";
    orders[1].day = d(3, 20);
    orders[2].amount = 42;
    const h = buildHistories(orders);
    expect(h).toEqual(buildHistories(orders.map((o) => ({ ...o }))));
    expect(h.keys).toContain("c9");
    expect([...h.days]).toContain(d(3, 20));
    expect([...h.amounts]).toContain(42);
  });
});

describe("repurchaseIntervals", () => {
  it("are the gaps between each customer's distinct purchase days, refunds and later days left out", () => {
    const order = fc.record({
      customerKey: fc.constantFrom("a", "b", "c"),
      orderId: fc.constant(""),
      day: fc.integer({ min: -40, max: 40 }),
      amount: fc.constantFrom(100, 0, -50),
    });
    fc.assert(
      fc.property(fc.array(order, { maxLength: 40 }), fc.integer({ min: -40, max: 40 }), (orders, asOf) => {
        const expected: number[] = [];
        for (const key of ["a", "b", "c"]) {
          const days = [
            ...new Set(
              orders.filter((o) => o.customerKey === key && o.day <= asOf && o.amount >= 0).map((o) => o.day),
            ),
          ];
          days.sort((x, y) => x - y);
          for (let i = 1; i < days.length; i++) expected.push(days[i] - days[i - 1]);
        }
        const got = repurchaseIntervals(buildHistories(orders), asOf);
        expect([...got].sort((x, y) => x - y)).toEqual(expected.sort((x, y) => x - y));
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The reference walk, written out on its own (summaryFigures.ts has one walk, shared by figuresOf and
 * figuresAtTwoDates): the figures of customer r as of asOf, or false without a purchase day by then.
 */
function referenceFigures(h: CustomerHistories, r: number, asOf: DayNumber, out: SummaryFigures): boolean {
  let purchases = 0;
  let orders = 0;
  let monetary = 0;
  let first = 0;
  let second: DayNumber | null = null;
  let last = 0;
  let previous: DayNumber | null = null;
  for (let j = h.start[r]; j < h.start[r + 1]; j++) {
    const day = h.days[j];
    if (day > asOf) break;
    const amount = h.amounts[j];
    monetary += amount;
    if (amount < 0) continue;
    orders++;
    if (purchases === 0) {
      first = day;
      last = day;
      purchases = 1;
    } else if (day !== last) {
      previous = last;
      last = day;
      purchases++;
      if (purchases === 2) second = day;
    }
  }
  if (purchases === 0) return false;
  Object.assign(out, {
    purchases,
    orders,
    monetary,
    firstPurchase: first,
    lastPurchase: last,
    previousPurchase: previous,
    secondPurchase: second,
    recencyDays: asOf - last,
    tenureDays: last - first,
    avgIntervalDays: purchases >= 2 ? (last - first) / (purchases - 1) : null,
  });
  return true;
}

/** M of every customer with a purchase day by asOf, in key order (the reference for the top-percent cut). */
function monetariesAsOf(h: CustomerHistories, asOf: DayNumber): Float64Array {
  const f = emptyFigures();
  const out: number[] = [];
  for (let r = 0; r < h.keys.length; r++) if (referenceFigures(h, r, asOf, f)) out.push(f.monetary);
  return Float64Array.from(out);
}

describe("figuresAtTwoDates", () => {
  const order = fc.record({
    customerKey: fc.constantFrom("a", "b", "c", "d"),
    orderId: fc.constant(""),
    day: fc.integer({ min: d(1, 1), max: d(8, 31) }),
    amount: fc.oneof(fc.integer({ min: -500, max: 3000 }), fc.double({ min: -100, max: 100, noNaN: true })),
  });
  it("gives, for both days, exactly what the reference walk gives, as figuresOf does", () => {
    fc.assert(
      fc.property(
        fc.array(order, { maxLength: 60 }),
        fc.integer({ min: d(1, 1), max: d(8, 31) }),
        fc.integer({ min: 0, max: 120 }),
        (orders, later, back) => {
          const h = buildHistories(orders);
          const earlier = later - back;
          const both = figuresAtTwoDates(h, later, earlier);
          expect(summariesNamed(h, later, null, both.later)).toEqual(summarize(h, later));
          for (const [c, day] of [
            [both.later, later],
            [both.earlier, earlier],
          ] as const) {
            expect(c.monetaries).toEqual(monetariesAsOf(h, day));
            for (let r = 0; r < h.keys.length; r++) {
              const want = emptyFigures();
              const got = emptyFigures();
              const has = referenceFigures(h, r, day, want);
              expect(readFigures(c, r, got)).toBe(has);
              expect(got).toEqual(want);
              const one = emptyFigures();
              expect(figuresOf(h, r, day, one)).toBe(has);
              if (has) expect(one).toEqual(want);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
