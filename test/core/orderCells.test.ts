import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OrderCells } from "../../src/core/orderCells";

describe("OrderCells.cancelReason", () => {
  it("gives every row of a column the verdict a fresh reader gives it (the last status is remembered)", () => {
    const mapping = { customer: 0, date: 1, amount: 2, status: 3, amountKind: "order_total" as const };
    const status = fc.oneof(
      fc.constantFrom(
        "発送済み",
        "キャンセル",
        " cancelled ",
        "partially_refunded",
        "返品",
        "",
        null,
        undefined,
        0,
        "Canceled",
      ),
      fc.string({ maxLength: 8 }),
    );
    const runs = fc.array(fc.tuple(status, fc.integer({ min: 1, max: 3 })), { maxLength: 30 });
    fc.assert(
      fc.property(runs, fc.boolean(), (list, custom) => {
        const m = custom ? { ...mapping, cancelStatuses: ["保留"] } : mapping;
        const cells = new OrderCells(m, ["id", "date", "total", "status"]);
        for (const [value, times] of list)
          for (let i = 0; i < times; i++) {
            const row = ["c1", "2026-05-29", "100", value];
            expect(cells.cancelReason(row, null)).toEqual(
              new OrderCells(m, ["id", "date", "total", "status"]).cancelReason(row, null),
            );
          }
      }),
      { numRuns: 300 },
    );
  });
});

describe("OrderCells.afterReason", () => {
  it("says what a fresh reader says for any day and as-of date, also when the as-of date changes between calls", () => {
    const mapping = { customer: 0, date: 1, amount: 2, amountKind: "order_total" as const };
    const reused = new OrderCells(mapping, ["id", "date", "total"]);
    const day = fc.integer({ min: 20_000, max: 20_040 });
    fc.assert(
      fc.property(fc.array(fc.tuple(day, day), { maxLength: 30 }), (calls) => {
        for (const [d, asOf] of calls)
          expect(reused.afterReason(d, asOf)).toEqual(
            new OrderCells(mapping, ["id", "date", "total"]).afterReason(d, asOf),
          );
      }),
      { numRuns: 300 },
    );
    expect(reused.afterReason(20_001, 20_000).en).toBe(
      "order date 2024-10-05 is after the as-of date 2024-10-04",
    );
  });
});
