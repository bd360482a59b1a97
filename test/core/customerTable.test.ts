import { describe, expect, it } from "vitest";
import { CodeColumn, CustomerTable, isRowView, plainRow } from "../../src/core/customerTable";
import type { CustomerRow } from "../../src/core/types";

/** A row as analyzeCleaned used to build it: an object literal with every field, in this order. */
function literalRow(over: Partial<CustomerRow> = {}): CustomerRow {
  return {
    customerKey: "C001",
    purchases: 3,
    orders: 4,
    monetary: 12345.5,
    firstPurchase: 20000,
    lastPurchase: 20100,
    previousPurchase: 20050,
    recencyDays: 12,
    tenureDays: 100,
    avgIntervalDays: 33.333333333333336,
    state: "at_risk",
    previousState: null,
    stage: "nurturing",
    segment: null,
    vip: false,
    vipScore: 0.4375,
    continuationScore: 0.5,
    relationshipScore: 0,
    relationshipPoints: 2.5,
    nextAction: "review_survey",
    engaged: true,
    membership: null,
    fanRank: "bronze",
    previousFanRank: "silver",
    visits30d: 1,
    lastVisit: null,
    pAlive: 0.25,
    expectedPurchases90d: null,
    expectedNextPurchase: 20200,
    riskNote: { ja: "注意", en: "careful" },
    rfm: null,
    secondPurchase: 20010,
    fanMessage: null,
    name: "山田花子",
    ...over,
  } as CustomerRow;
}

/** A one-row table whose row is assigned field by field from `row`, as a caller assigns a plain row's fields. */
function viewOf(row: CustomerRow): CustomerRow {
  const view = new CustomerTable(1).rows()[0];
  for (const [k, v] of Object.entries(row)) (view as unknown as Record<string, unknown>)[k] = v;
  return view;
}

describe("CustomerTable views", () => {
  it("has an accessor for every field of a row: assigned fields read back, nothing lands on the view itself", () => {
    const row = literalRow();
    const view = viewOf(row);
    // A field without an accessor would have become an own property of the view.
    expect(Object.keys(view)).toEqual(["index"]);
    for (const [k, v] of Object.entries(row))
      expect((view as unknown as Record<string, unknown>)[k], k).toEqual(v);
  });

  it("gives the literal row's JSON, key for key in the same order, name last and only when there is one", () => {
    const row = literalRow();
    expect(JSON.stringify(viewOf(row))).toBe(JSON.stringify(row));
    const { name: _, ...unnamed } = row;
    const view = viewOf(unnamed as CustomerRow);
    expect(view.name).toBeUndefined();
    expect(JSON.stringify(view)).toBe(JSON.stringify(unnamed));
    expect(plainRow(view)).toEqual(unnamed);
    expect(Object.keys(plainRow(view))).toEqual(Object.keys(unnamed));
  });

  it("reads a fresh row as empty: nullable numbers and values null, flags false, name absent", () => {
    const view = new CustomerTable(2).rows()[1];
    expect(view.previousPurchase).toBeNull();
    expect(view.pAlive).toBeNull();
    expect(view.state).toBeNull();
    expect(view.vip).toBe(false);
    expect(view.purchases).toBe(0);
    expect(view.name).toBeUndefined();
  });

  it("keeps null apart from zero in the nullable number columns, and each row apart from the others", () => {
    const table = new CustomerTable(3);
    const [a, b, c] = table.rows();
    a.pAlive = 0;
    b.pAlive = null;
    c.pAlive = 0.75;
    expect([a.pAlive, b.pAlive, c.pAlive]).toEqual([0, null, 0.75]);
    expect(table.numbers.pAlive[2]).toBe(0.75);
    table.codes.state.set(1, "vip");
    expect([a.state, b.state, c.state]).toEqual([null, "vip", null]);
    expect(table.rows()).toBe(table.rows());
  });

  it("is told from plain rows, and toEqual compares views by their fields (test/support/rowViews.ts)", () => {
    const row = literalRow();
    expect(isRowView(viewOf(row))).toBe(true);
    expect(isRowView(row)).toBe(false);
    expect(viewOf(row)).toEqual(viewOf(row));
    expect(viewOf(row)).toEqual(row);
    // Without the tester both views would be { index: 0 } and equal.
    expect(() => expect(viewOf(row)).toEqual(viewOf(literalRow({ monetary: 1 })))).toThrow();
    expect(() => expect(viewOf(row)).toEqual(literalRow({ pAlive: null }))).toThrow();
    expect(() => expect([viewOf(row)]).toEqual([viewOf(literalRow({ name: "別人" }))])).toThrow();
  });

  it("keeps counts and days as whole numbers: null where allowed, anything else refused with the field's name", () => {
    const [row] = new CustomerTable(1).rows();
    row.lastVisit = 20_100;
    expect(row.lastVisit).toBe(20_100);
    row.lastVisit = null;
    expect(row.lastVisit).toBeNull();
    row.recencyDays = 0;
    expect(row.recencyDays).toBe(0);
    expect(() => {
      row.recencyDays = 1.5;
    }).toThrow(/recencyDays.*whole number/);
    expect(() => {
      (row as { purchases: number | null }).purchases = null;
    }).toThrow(/purchases/);
    expect(() => {
      row.previousPurchase = 2 ** 31;
    }).toThrow(/previousPurchase.*or null/);
    expect(row.recencyDays).toBe(0);
  });

  it("keeps codes in a byte per row: each row its own code, null for none, and says so past 255 codes", () => {
    const column = new CodeColumn(300);
    const codes = ["new", "active", "vip", null, "active", "dormant"];
    for (const [i, c] of codes.entries()) column.set(i, c);
    expect(codes.map((_, i) => column.get(i))).toEqual(codes);
    expect(column.get(299)).toBeNull();
    const many = new CodeColumn(300);
    for (let i = 0; i < 255; i++) many.set(i, `code${i}`);
    expect(many.get(254)).toBe("code254");
    expect(() => many.set(255, "one too many")).toThrow(/255/);
  });
});
