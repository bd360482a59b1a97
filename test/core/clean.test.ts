import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanOrders, OrderCleaner } from "../../src/core/clean";
import { dayFromYmd, formatDay } from "../../src/core/day";
import { detectOrderMapping, type OrderMappingEx } from "../../src/core/mapping";
import { buildHistories, summarize } from "../../src/core/summary";
import type { CleanResult, RowBucket } from "../../src/core/types";

const AS_OF = dayFromYmd(2026, 5, 31);
const OPTS = { timeZone: "Asia/Tokyo", dayFirst: false, asOf: AS_OF };

function clean(
  header: string[],
  rows: unknown[][],
  preset: "auto" | "generic" | "shopify" | "uci" = "auto",
): CleanResult {
  const m = detectOrderMapping(header, preset);
  if (!m.ok) throw new Error(m.message.en);
  return cleanOrders(rows, m.mapping, { ...OPTS, headers: header });
}

const GENERIC = ["注文番号", "顧客ID", "注文日", "合計金額", "ステータス", "氏名"];

function bucketOfRow(r: CleanResult, row: number): RowBucket {
  return r.skipped.find((s) => s.row === row)?.bucket ?? "used";
}

describe("OrderCleaner: one bucket per row, with reasons", () => {
  const rows = [
    ["A1", "c1", "2026-05-01", "1,000", "発送済み", "山田"], // 2 used
    ["A2", "", "2026-05-01", "1000", "", ""], // 3 missing customer (no other row of A2)
    ["A3", "c2", "5月1日", "1000", "", ""], // 4 bad date
    ["A4", "c2", "2026-05-01", "千円", "", ""], // 5 bad amount
    ["A5", "c3", "2026-05-02", "500", "キャンセル", ""], // 6 cancelled
    ["A6", "c3", "2026-06-01", "500", "", ""], // 7 after as-of
    ["", "c4", "2026-05-03", "", "", ""], // 8 used, no order id, blank amount = 0
    ["", "", "", "", "", ""], // 9 a blank row: missing customer
    ["", "c5", "", "100", "", ""], // 10 bad date (blank, no order to take it from)
  ];
  const r = clean(GENERIC, rows);

  it("counts every row exactly once", () => {
    expect(r.counts).toEqual({
      used: 2,
      missing_customer: 2,
      bad_date: 2,
      bad_amount: 1,
      cancelled: 1,
      after_as_of: 1,
    });
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(rows.length);
    expect(r.skipped.map((s) => s.row)).toEqual([3, 4, 5, 6, 7, 9, 10]);
  });

  it("names the column and the value in Japanese and English", () => {
    const by = (row: number) => r.skipped.find((s) => s.row === row)!;
    expect(by(3)).toMatchObject({ bucket: "missing_customer", field: "顧客ID" });
    expect(by(3).reason.ja).toContain("顧客ID");
    expect(by(4)).toMatchObject({ bucket: "bad_date", field: "注文日" });
    expect(by(4).reason.ja).toContain("「5月1日」");
    expect(by(4).reason.en).toContain('"5月1日"');
    expect(by(5)).toMatchObject({ bucket: "bad_amount", field: "合計金額" });
    expect(by(5).reason.ja).toContain("千円");
    expect(by(6)).toMatchObject({ bucket: "cancelled", field: "ステータス" });
    expect(by(6).reason.ja).toContain("キャンセル");
    expect(by(7)).toMatchObject({ bucket: "after_as_of", field: "注文日" });
    expect(by(7).reason.ja).toContain("2026-06-01");
    expect(by(7).reason.en).toContain("2026-05-31");
    expect(by(10).reason.ja).toContain("空欄");
  });

  it("keeps the used orders, names and amounts", () => {
    expect(r.orders).toEqual(
      expect.arrayContaining([
        { customerKey: "c1", orderId: "A1", day: dayFromYmd(2026, 5, 1), amount: 1000 },
        { customerKey: "c4", orderId: "", day: dayFromYmd(2026, 5, 3), amount: 0 },
      ]),
    );
    expect(r.orders).toHaveLength(2);
    expect(r.names.get("c1")).toBe("山田");
  });

  it("keeps each customer's first non-blank name, also when it comes after orders without one", () => {
    const x = clean(GENERIC, [
      ["A1", "c1", "2026-05-01", "100", "", ""],
      ["A2", "c2", "2026-05-01", "100", "", "佐藤"],
      ["A3", "c3", "2026-05-01", "100", "", " "],
      ["A4", "c1", "2026-05-02", "100", "", "山田"],
      ["A5", "c1", "2026-05-03", "100", "", "別名"],
      ["A6", "c2", "2026-05-03", "100", "", "別名"],
      ["A7", "c4", "2026-05-03", "100", "", ""],
      ["A8", "c3", "2026-05-04", "100", "", "鈴木"],
      ["A9", "c4", "2026-05-04", "100", "", ""],
    ]);
    expect([...x.names]).toEqual([
      ["c2", "佐藤"],
      ["c1", "山田"],
      ["c3", "鈴木"],
    ]);
  });

  it("checks missing customer, bad date, bad amount, cancelled, after as-of in that order", () => {
    const x = clean(GENERIC, [
      ["", "", "junk", "junk", "キャンセル", ""],
      ["", "c", "junk", "junk", "キャンセル", ""],
      ["", "c", "2026-07-01", "junk", "キャンセル", ""],
      ["", "c", "2026-07-01", "1", "キャンセル", ""],
      ["", "c", "2026-07-01", "1", "", ""],
    ]);
    expect([2, 3, 4, 5, 6].map((row) => bucketOfRow(x, row))).toEqual([
      "missing_customer",
      "bad_date",
      "bad_amount",
      "cancelled",
      "after_as_of",
    ]);
  });

  it("cancels on every status of DOMAIN §2, but not on partial refunds", () => {
    const cancelled = [
      "cancelled",
      "Canceled",
      "voided",
      "refunded",
      "キャンセル",
      "キャンセル確定",
      "取消",
      "返品",
      "返金済み",
      "failed",
    ];
    const kept = ["paid", "partially_refunded", "一部返品", "発送済み", "完了", "pending", ""];
    const x = clean(
      GENERIC,
      [...cancelled, ...kept].map((s, i) => [`O${i}`, "c", "2026-05-01", "100", s, ""]),
    );
    expect(x.counts.cancelled).toBe(cancelled.length);
    expect(x.counts.used).toBe(kept.length);
  });

  it("normalises customer keys: trimmed, 17850.0 → 17850, numbers, full width, e-mail case", () => {
    const x = clean(
      ["customer_id", "order_date"],
      [
        [" 17850.0 ", "2026-05-01"],
        [17850, "2026-05-02"],
        ["１７８５０", "2026-05-03"],
        ["Foo@Example.com", "2026-05-01"],
        ["foo@example.com ", "2026-05-02"],
      ],
    );
    const s = summarize(buildHistories(x.orders), AS_OF);
    expect(s.map((c) => [c.customerKey, c.purchases])).toEqual([
      ["17850", 3],
      ["foo@example.com", 2],
    ]);
  });
});

describe("line items", () => {
  it("order_total: the total once per order, whether repeated on every line or only on the first", () => {
    const x = clean(GENERIC, [
      ["A", "c1", "2026-05-01", "3000", "", ""],
      ["A", "c1", "2026-05-01", "3000", "", ""],
      ["A", "c1", "2026-05-01", "3000", "", ""],
      ["B", "c1", "2026-05-02", "2000", "", ""],
      ["B", "c1", "2026-05-02", "", "", ""],
    ]);
    expect(x.counts.used).toBe(5);
    expect(x.orders.map((o) => [o.orderId, o.amount])).toEqual([
      ["A", 3000],
      ["B", 2000],
    ]);
  });

  it("line_amount: lines are summed (UCI quantity × unit price)", () => {
    const header = ["InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"];
    const x = clean(header, [
      ["536365", "a", "6", "2010-12-01 08:26:00", "2.5", "17850.0"],
      ["536365", "b", "2", "2010-12-01 08:26:00", "10", "17850.0"],
      ["C536366", "a", "-1", "2010-12-01 09:00:00", "2.5", "17850.0"],
      ["536367", "a", "1", "2010-12-01 09:00:00", "x", "17850.0"],
    ]);
    expect(x.orders).toEqual([
      { customerKey: "17850", orderId: "536365", day: dayFromYmd(2010, 12, 1), amount: 35 },
    ]);
    expect(x.counts).toMatchObject({ used: 2, cancelled: 1, bad_amount: 1 });
    expect(x.skipped.find((s) => s.row === 4)!.reason.ja).toContain("C536366");
    expect(x.skipped.find((s) => s.row === 5)!.field).toBe("UnitPrice");
  });

  it("Shopify: lines without e-mail or date join their order; a cancellation on the first line cancels all", () => {
    const header = [
      "Name",
      "Email",
      "Financial Status",
      "Total",
      "Created at",
      "Lineitem quantity",
      "Lineitem price",
      "Lineitem name",
      "Cancelled at",
    ];
    const x = clean(header, [
      ["#1001", "a@x.jp", "paid", "5000", "2026-05-01 10:00:00 +0900", "1", "3000", "t", ""],
      ["#1001", "", "", "", "", "1", "2000", "u", ""],
      ["#1002", "b@x.jp", "refunded", "800", "2026-05-02 10:00:00 +0900", "1", "800", "t", ""],
      ["#1002", "b@x.jp", "", "", "2026-05-02 10:00:00 +0900", "1", "0", "u", ""],
      [
        "#1003",
        "b@x.jp",
        "paid",
        "900",
        "2026-05-03 10:00:00 +0900",
        "1",
        "900",
        "t",
        "2026-05-04 09:00:00 +0900",
      ],
      ["#1004", "", "", "", "", "1", "10", "v", ""],
    ]);
    expect(x.orders).toEqual([
      { customerKey: "a@x.jp", orderId: "#1001", day: dayFromYmd(2026, 5, 1), amount: 5000 },
    ]);
    expect(x.counts).toEqual({
      used: 2,
      missing_customer: 1,
      bad_date: 0,
      bad_amount: 0,
      cancelled: 3,
      after_as_of: 0,
    });
    expect(x.skipped.find((s) => s.row === 5)!.reason.ja).toContain("4行目");
    expect(x.skipped.find((s) => s.row === 6)!.field).toBe("Cancelled at");
  });

  it("an order's day is its earliest line date, and a whole order after the as-of date is skipped", () => {
    const x = clean(GENERIC, [
      ["A", "c1", "2026-05-03", "100", "", ""],
      ["A", "c1", "2026-05-02", "100", "", ""],
      ["B", "c1", "2026-06-02", "100", "", ""],
      ["B", "c1", "2026-06-02", "100", "", ""],
    ]);
    expect(x.orders.map((o) => formatDay(o.day))).toEqual(["2026-05-02"]);
    expect(x.counts.after_as_of).toBe(2);
  });

  it("a refund order keeps its negative net amount", () => {
    const x = clean(GENERIC, [
      ["A", "c1", "2026-05-01", "3000", "", ""],
      ["R", "c1", "2026-05-10", "-1,000", "", ""],
      ["", "c1", "2026-05-11", "▲500", "", ""],
    ]);
    expect(x.orders.map((o) => o.amount).sort((a, b) => a - b)).toEqual([-1000, -500, 3000]);
    const [c] = summarize(buildHistories(x.orders), AS_OF);
    expect(c).toMatchObject({ purchases: 1, orders: 1, monetary: 1500 });
  });

  it("the same order id for two customers is two orders", () => {
    const x = clean(GENERIC, [
      ["1", "c1", "2026-05-01", "100", "", ""],
      ["1", "c2", "2026-05-01", "200", "", ""],
      ["1", "", "2026-05-01", "300", "", ""],
    ]);
    expect(x.orders).toHaveLength(2);
    expect(x.counts.missing_customer).toBe(1);
    expect(x.skipped[0].reason.en).toContain("several customers");
  });

  it("keeps orders in the order their ids first appear, another customer's order with an id right after it", () => {
    const x = clean(GENERIC, [
      ["1", "c1", "2026-05-01", "100", "", ""],
      ["2", "c3", "2026-05-02", "200", "", ""],
      ["1", "c2", "2026-05-03", "300", "", ""],
      ["3", "c4", "2026-05-04", "400", "", ""],
      ["2", "c5", "2026-05-05", "500", "", ""],
    ]);
    expect(x.orders.map((o) => `${o.orderId}/${o.customerKey}`)).toEqual([
      "1/c1",
      "1/c2",
      "2/c3",
      "2/c5",
      "3/c4",
    ]);
  });
});

describe("time zone", () => {
  it("an offset timestamp near midnight is a different day for a Tokyo shop and a Los Angeles shop", () => {
    const header = ["Name", "Email", "Financial Status", "Total", "Created at", "Lineitem price"];
    const m = detectOrderMapping(header, "auto");
    if (!m.ok) throw new Error();
    const rows = [["#1", "a@x.jp", "paid", "100", "2026-05-28 15:30:00 +0000", "100"]];
    const tokyo = cleanOrders(rows, m.mapping, { ...OPTS, timeZone: "Asia/Tokyo" });
    const la = cleanOrders(rows, m.mapping, { ...OPTS, timeZone: "America/Los_Angeles" });
    expect(formatDay(tokyo.orders[0].day)).toBe("2026-05-29");
    expect(formatDay(la.orders[0].day)).toBe("2026-05-28");
    // On the as-of boundary this decides whether the row counts at all.
    const asOf = dayFromYmd(2026, 5, 28);
    expect(cleanOrders(rows, m.mapping, { ...OPTS, asOf, timeZone: "Asia/Tokyo" }).counts.after_as_of).toBe(
      1,
    );
    expect(cleanOrders(rows, m.mapping, { ...OPTS, asOf, timeZone: "America/Los_Angeles" }).counts.used).toBe(
      1,
    );
  });
});

describe("streaming and limits", () => {
  it("pushing rows one by one equals cleaning the table, and rows are numbered as given", () => {
    const m = detectOrderMapping(GENERIC, "auto");
    if (!m.ok) throw new Error();
    const rows = [
      ["A", "c1", "2026-05-01", "100", "", ""],
      ["B", "", "2026-05-01", "100", "", ""],
    ];
    const c = new OrderCleaner(m.mapping, OPTS);
    c.push(rows[0], 10);
    c.push(rows[1], 11);
    const streamed = c.finish();
    expect(streamed.skipped[0].row).toBe(11);
    expect(cleanOrders(rows, m.mapping, OPTS, 10)).toEqual(streamed);
    expect(() => c.push(rows[0], 12)).toThrow();
  });

  it("histories from the cleaner's own array equal histories from a copy, and edits to the array are seen", () => {
    const x = clean(GENERIC, [
      ["A", "c2", "2026-05-01", "100", "", ""],
      ["B", "c1", "2026-05-02", "200", "", ""],
      ["C", "c3", "2026-05-03", "300", "キャンセル", ""],
      ["", "c2", "2026-05-04", "400", "", ""],
    ]);
    const direct = buildHistories(x.orders);
    expect(direct).toEqual(buildHistories([...x.orders]));
    expect(direct.keys).toEqual(["c1", "c2"]);
    x.orders[0] = { ...x.orders[0], customerKey: "c9" };
    expect(buildHistories(x.orders).keys).toEqual(buildHistories([...x.orders]).keys);
    expect(buildHistories(x.orders).keys).toContain("c9");
  });

  it("caps the skipped list when asked, keeping the counts whole", () => {
    const m = detectOrderMapping(GENERIC, "auto") as { mapping: OrderMappingEx };
    const rows = Array.from({ length: 50 }, () => ["", "", "2026-05-01", "1", "", ""]);
    const x = cleanOrders(rows, m.mapping, { ...OPTS, maxSkippedRows: 5 } as typeof OPTS);
    expect(x.counts.missing_customer).toBe(50);
    expect(x.skipped).toHaveLength(5);
  });
});

describe("properties", () => {
  const cell = fc.oneof(
    fc.constant(""),
    fc.constantFrom("c1", "c2", "c3", " c1 ", "17850.0", "x@y.jp"),
    fc.constantFrom(
      "2026-05-01",
      "2026/05/02",
      "2026-06-30",
      "bad",
      "2026-02-30",
      "20260503",
      "2026-05-01T23:30:00Z",
    ),
    fc.constantFrom("100", "-50", "¥1,000", "junk", "(200)"),
    fc.constantFrom("キャンセル", "paid", "refunded"),
    fc.string({ maxLength: 6 }),
    fc.integer({ min: -5, max: 50_000 }),
    fc.constant(null),
  );
  const row = fc.array(cell, { minLength: 0, maxLength: 6 });

  // Three header layouts so that every path runs: order totals, Shopify's cancel column, UCI's quantity × price.
  const LAYOUTS = [
    GENERIC,
    ["Name", "Email", "Financial Status", "Total", "Created at", "Lineitem price", "Cancelled at"],
    ["InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"],
  ];

  it("every row of random junk lands in exactly one bucket", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAYOUTS), fc.array(row, { maxLength: 40 }), (header, rows) => {
        const m = detectOrderMapping(header, "auto");
        if (!m.ok) throw new Error(m.message.en);
        const x = cleanOrders(rows, m.mapping, { ...OPTS, headers: header });
        const total = Object.values(x.counts).reduce((a, b) => a + b, 0);
        expect(total).toBe(rows.length);
        expect(x.skipped).toHaveLength(rows.length - x.counts.used);
        expect(new Set(x.skipped.map((s) => s.row)).size).toBe(x.skipped.length);
        for (const s of x.skipped) {
          expect(s.row).toBeGreaterThanOrEqual(2);
          expect(s.row).toBeLessThan(rows.length + 2);
          expect(s.reason.ja.length).toBeGreaterThan(0);
          expect(s.reason.en.length).toBeGreaterThan(0);
        }
        for (const o of x.orders) {
          expect(o.day).toBeLessThanOrEqual(AS_OF);
          expect(Number.isFinite(o.amount)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("shuffled input gives the same summaries and counts", () => {
    const orderRow = fc.tuple(
      fc.constantFrom("", "A", "B", "C", "D"),
      fc.constantFrom("c1", "c2", "c3", ""),
      fc.constantFrom("2026-05-01", "2026-05-02", "2026-04-01", "2026-06-01", "", "bad"),
      fc.constantFrom("100", "", "-30", "250", "x"),
      fc.constantFrom("", "paid", "cancelled"),
      fc.constant(""),
    );
    fc.assert(
      fc.property(
        fc
          .array(orderRow, { maxLength: 30 })
          .chain((rows) =>
            fc.tuple(
              fc.constant(rows),
              fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
            ),
          ),
        ([rows, shuffled]) => {
          const a = clean(GENERIC, rows);
          const b = clean(GENERIC, shuffled);
          expect(b.counts).toEqual(a.counts);
          expect(summarize(buildHistories(b.orders), AS_OF)).toEqual(
            summarize(buildHistories(a.orders), AS_OF),
          );
        },
      ),
    );
  });
});

describe("ownKey: the CLI's copy of the strings the cleaner keeps", () => {
  // Messy rows: line items, lines without a customer (joined in finish), names, cancellations, bad cells.
  let seed = 7;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const rows: string[][] = [];
  for (let o = 0; o < 3000; o++) {
    const customer = rnd(10) === 0 ? "" : `c${rnd(700)}`;
    const status = rnd(40) === 0 ? "キャンセル" : "発送済み";
    const lines = 1 + rnd(3);
    for (let l = 0; l < lines; l++) {
      const date = rnd(60) === 0 ? "5月1日" : `2026-0${1 + rnd(7)}-1${rnd(10)}`;
      const amount = rnd(80) === 0 ? "千円" : `${1 + rnd(90)},${100 + rnd(900)}`;
      const order = rnd(15) === 0 ? "" : `A${o}`;
      rows.push([
        order,
        l > 0 && rnd(2) === 0 ? "" : customer,
        date,
        amount,
        status,
        rnd(3) ? `名前${customer}` : "",
      ]);
    }
  }
  const m = detectOrderMapping(GENERIC, "auto") as { mapping: OrderMappingEx };
  const opts = { ...OPTS, headers: GENERIC, maxSkippedRows: 200 };
  const plain = cleanOrders(rows, m.mapping, opts);
  const owned: string[] = [];
  const withOwn = cleanOrders(rows, m.mapping, {
    ...opts,
    ownKey: (s: string) => {
      owned.push(s);
      return ` ${s}`.slice(1);
    },
  });
  const json = (r: CleanResult) => JSON.stringify({ ...r, names: [...r.names] });

  it("changes nothing in the result", () => {
    expect(json(withOwn)).toBe(json(plain));
    expect(plain.counts.cancelled + plain.counts.bad_date + plain.counts.missing_customer).toBeGreaterThan(0);
  });

  it("is applied to every kept customer key, order id and name, once per new string", () => {
    const calls = new Set(owned);
    for (const o of plain.orders) {
      expect(calls).toContain(o.customerKey);
      if (o.orderId !== "") expect(calls).toContain(o.orderId);
    }
    for (const name of plain.names.values()) expect(calls).toContain(name);
    // Once per customer, not per row (a customer whose every row was skipped is never stored).
    const customers = new Set(rows.map((r) => r[1]).filter((c) => c !== ""));
    const keyCalls = owned.filter((s) => customers.has(s));
    expect(keyCalls.length).toBe(new Set(keyCalls).size);
    expect(keyCalls.length).toBeGreaterThanOrEqual(new Set(plain.orders.map((o) => o.customerKey)).size);
    // Reasons quote cells: they are kept text too.
    expect(calls).toContain(plain.skipped.find((s) => s.bucket === "bad_date")!.reason.en);
  });

  it("is never applied to a cell the cleaner only reads", () => {
    const readOnly = new Set(rows.flatMap((r) => [r[2], r[3], r[4]]));
    expect(owned.filter((s) => readOnly.has(s))).toEqual([]);
  });
});

describe("OrderCleaner against a plain model of orders and names", () => {
  // Every row here has a readable, blank or unreadable date and a readable amount, so where each order lands,
  // which rows lack a date and which name each customer keeps follow from the rows alone. finish() walks the
  // slots in creation order until an order id gets a second customer (then it follows the id chains),
  // customerId stops reading names once every customer has one, and push asks whether a date cell is blank
  // only when it gives no date: each shortcut must give what this model gives, also when an id is shared late,
  // after the first 1,024 orders (firstSlot grown), or never.
  /** date: a readable date, a blank cell or an unreadable one ("2026-02-30"). */
  type Row = [customer: string, orderId: string, amount: number, name: string, date: "day" | "blank" | "bad"];
  const MAPPING = {
    customer: 0,
    date: 1,
    amount: 2,
    orderId: 3,
    name: 4,
    amountKind: "line_amount" as const,
  };
  const BLANK_DATES = ["", " ", "\u3000", "\t"];

  interface Order {
    amount: number;
    dated: boolean;
    rows: number;
  }

  function model(rows: readonly Row[]): {
    orders: string[];
    names: [string, string][];
    missing: number;
    undated: number;
  } {
    const own: string[] = [];
    const byId = new Map<string, Map<string, Order>>();
    const names = new Map<string, string>();
    const lines: Row[] = [];
    let undated = 0;
    for (const r of rows) {
      const [customer, id, amount, name, date] = r;
      const dated = date === "day";
      if (customer === "") {
        lines.push(r);
        continue;
      }
      if (date === "bad") {
        // Skipped as it is read: it makes no order, and its name is not read.
        undated++;
        continue;
      }
      // The row that makes a customer's order is the one whose name is read.
      let makesOrder = false;
      if (id === "") {
        // An order of its own needs its own date; without one the row is skipped before its name is read.
        if (!dated) undated++;
        else own.push(`/${customer}/${amount}`); // such an order has the id ""
        makesOrder = dated;
      } else {
        const order = byId.get(id) ?? new Map<string, Order>();
        byId.set(id, order);
        const o = order.get(customer);
        if (o) {
          o.amount += amount;
          o.dated ||= dated;
          o.rows++;
        } else order.set(customer, { amount, dated, rows: 1 });
        makesOrder = !o;
      }
      if (makesOrder && !names.has(customer) && name.trim() !== "") names.set(customer, name.trim());
    }
    let missing = 0;
    for (const [, id, amount, , date] of lines) {
      const order = byId.get(id);
      const dated = date === "day";
      if (order?.size === 1 && date === "bad") undated++;
      else if (order?.size === 1)
        for (const o of order.values()) {
          o.amount += amount;
          o.dated ||= dated;
          o.rows++;
        }
      else missing++;
    }
    const orders = [...own];
    for (const [id, order] of byId) {
      // An id's first customer, then the others, the latest first (each is linked in right after the first).
      const customers = [...order.keys()];
      for (const c of [customers[0], ...customers.slice(1).reverse()]) {
        const o = order.get(c) as Order;
        if (o.dated) orders.push(`${id}/${c}/${o.amount}`);
        else undated += o.rows;
      }
    }
    return { orders, names: [...names], missing, undated };
  }

  it("gives the model's orders (in its order), names, missing customers and rows without a date", () => {
    const row = fc
      .tuple(
        fc.constantFrom("c0", "c1", "c2", "c3", "", "long.customer.key@example.com"),
        fc.constantFrom("1", "2", "3", "#4", "A-5", "f7", ""),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom("", " ", "Ann", " Bo ", "山田"),
        fc.constantFrom<Row[4]>("day", "day", "day", "day", "blank", "bad"),
      )
      .map(([c, id, a, n, d]): Row => [c === "" && id === "" ? "c0" : c, id, a, n, d]);
    const filler = fc.constantFrom(0, 0, 1100);
    fc.assert(
      fc.property(filler, fc.array(row, { maxLength: 40 }), (fill, tail) => {
        const rows: Row[] = Array.from(
          { length: fill },
          (_, i): Row => [`k${i % 700}`, `f${i}`, 1, i % 3 ? "" : "K", "day"],
        );
        rows.push(...tail);
        const x = cleanOrders(
          rows.map(([c, id, a, n, d], i) => [
            c,
            d === "day" ? "2026-03-01" : d === "bad" ? "2026-02-30" : BLANK_DATES[i % 4],
            String(a),
            id,
            n,
          ]),
          MAPPING,
          { timeZone: "Asia/Tokyo", dayFirst: false, asOf: dayFromYmd(2026, 3, 20) },
        );
        const want = model(rows);
        expect(x.orders.map((o) => `${o.orderId}/${o.customerKey}/${o.amount}`)).toEqual(want.orders);
        expect([...x.names]).toEqual(want.names);
        expect(x.counts.missing_customer).toBe(want.missing);
        expect(x.counts.bad_date).toBe(want.undated);
      }),
      { numRuns: 300 },
    );
  });
});

describe("rows of an order that are not adjacent", () => {
  // Order A's rows are 2, 3 (adjacent), then 5, 6 after a row of B, then a line without a customer (8).
  const rows = [
    ["A", "c1", "2026-05-01", "100", "", ""],
    ["A", "c1", "2026-05-01", "100", "", ""],
    ["B", "c2", "2026-05-01", "200", "", ""],
    ["A", "c1", "2026-05-01", "100", "キャンセル", ""],
    ["A", "c1", "2026-05-01", "100", "", ""],
    ["B", "c2", "2026-05-01", "200", "", ""],
    ["A", "", "", "", "", ""],
  ];

  it("are all skipped with their order, each once, in row order", () => {
    const x = clean(GENERIC, rows);
    expect(x.counts).toMatchObject({ used: 2, cancelled: 5 });
    expect(x.skipped.map((s) => s.row)).toEqual([2, 3, 5, 6, 8]);
    expect(x.skipped.find((s) => s.row === 5)!.reason.ja).toContain("キャンセル");
    for (const r of [2, 3, 6, 8]) expect(x.skipped.find((s) => s.row === r)!.reason.ja).toContain("5行目");
  });

  it("are listed in the order they were added when the list is capped", () => {
    const m = detectOrderMapping(GENERIC, "auto") as { mapping: OrderMappingEx };
    const x = cleanOrders(rows, m.mapping, { ...OPTS, headers: GENERIC, maxSkippedRows: 3 } as typeof OPTS);
    expect(x.counts.cancelled).toBe(5);
    expect(x.skipped.map((s) => s.row)).toEqual([2, 3, 5]);
  });
});
