import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeCleaned } from "../../src/core/analyze";
import { cleanOrders } from "../../src/core/clean";
import { dayFromYmd } from "../../src/core/day";
import { KeptOrders } from "../../src/core/keptOrders";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { buildHistories, historiesOfCleaned, namesInKeyOrder } from "../../src/core/summary";
import { MARCH_20_OPTIONS, NAMED_ORDERS_MAPPING } from "./cleanerFixtures";

const d = (m: number, day: number) => dayFromYmd(2026, m, day);
const mapping = { ...NAMED_ORDERS_MAPPING, status: 5 };
const opts = MARCH_20_OPTIONS;
const row = fc.tuple(
  fc.constantFrom("c1", "c2", "C3", "c10", "x@Example.jp", " c1 ", ""),
  fc.oneof(
    fc.integer({ min: 1, max: 28 }).map((day) => `2026-03-${String(day).padStart(2, "0")}`),
    fc.constantFrom("", "不明"),
  ),
  fc.constantFrom("1000", "-200", "", "abc", "¥1,500"),
  fc.constantFrom("", "A1", "A2", "A3", "A4"),
  fc.constantFrom("", "山田", "佐藤 ", "  "),
  fc.constantFrom("発送済み", "発送済み", "キャンセル"),
);

describe("the cleaner's orders kept in columns", () => {
  it("group into the same histories, names and analysis as the order objects do", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const unread = cleanOrders(rows, mapping, opts);
        const read = cleanOrders(rows, mapping, opts);
        // Plain copies: buildHistories cannot use the cleaner's numbering for them.
        const fromObjects = buildHistories(read.orders.map((o) => ({ ...o })));
        const fromColumns = historiesOfCleaned(unread);
        expect(fromColumns).toEqual(fromObjects);
        expect(namesInKeyOrder(fromColumns, unread.names)).toEqual(namesInKeyOrder(fromObjects, read.names));
        const settings = { ...DEFAULT_SETTINGS };
        expect(analyzeCleaned(cleanOrders(rows, mapping, opts), {}, settings, d(3, 20))).toEqual(
          analyzeCleaned(read, {}, settings, d(3, 20)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("are made into OrderRecords once, on first read, and seen by spreading and JSON like a plain field", () => {
    const rows = [
      ["c2", "2026-03-01", "1000", "A1", "", ""],
      ["c1", "2026-03-02", "500", "", "", ""],
    ];
    const cleaned = cleanOrders(rows, mapping, opts);
    const orders = cleaned.orders;
    // A row without an order id is kept as it is read; orders with ids when finish() has all their lines.
    expect(orders).toEqual([
      { customerKey: "c1", orderId: "", day: d(3, 2), amount: 500 },
      { customerKey: "c2", orderId: "A1", day: d(3, 1), amount: 1000 },
    ]);
    expect(cleaned.orders).toBe(orders);
    expect({ ...cleaned }.orders).toBe(orders);
    expect(JSON.parse(JSON.stringify(cleaned)).orders).toEqual(orders);
  });

  it("once read, the objects are the truth: changes and replacements reach the histories", () => {
    const rows = [
      ["c2", "2026-03-01", "1000", "A1", "", ""],
      ["c1", "2026-03-02", "500", "A2", "", ""],
    ];
    const changed = cleanOrders(rows, mapping, opts);
    changed.orders[0].customerKey = "c9";
    expect(historiesOfCleaned(changed).keys).toEqual(["c1", "c9"]);
    const replaced = cleanOrders(rows, mapping, opts);
    replaced.orders = [{ customerKey: "z", orderId: "", day: d(3, 3), amount: 1 }];
    expect(historiesOfCleaned(replaced).keys).toEqual(["z"]);
  });

  it("reserve makes room for that many more orders at once and keeps those already added", () => {
    const kept = new KeptOrders();
    const add = (i: number) => kept.add(i % 7, i - 1, 20_000 + i, i + 0.5);
    for (let i = 0; i < 1500; i++) add(i);
    kept.reserve(3000);
    expect(kept.day.length).toBeGreaterThanOrEqual(4500);
    const room = kept.day.length;
    kept.reserve(10); // already room: nothing is copied
    expect(kept.day.length).toBe(room);
    for (let i = 1500; i < 4500; i++) add(i);
    expect(kept.day.length).toBe(room); // no growth while filling what was reserved
    for (let i = 4500; i < 4600; i++) add(i); // and growth as before past it
    expect(kept.size).toBe(4600);
    for (let i = 0; i < 4600; i++) {
      expect([kept.customerOf[i], kept.orderNo[i], kept.day[i], kept.amount[i]]).toEqual([
        i % 7,
        i - 1,
        20_000 + i,
        i + 0.5,
      ]);
    }
  });
});
