import { describe, expect, it } from "vitest";
import {
  isEngaged,
  medianOrderValue,
  type SegmentContext,
  type SegmentInput,
  segmentOf,
} from "../../src/core/segment";
import { AS_OF, RULE_BOOK } from "./rulesFixtures";

const base: SegmentInput = {
  membership: null,
  memberSince: null,
  purchases: 3,
  orders: 3,
  monetary: 3000,
  recencyDays: 10,
};
const ctx: SegmentContext = { settings: RULE_BOOK, asOf: AS_OF, medianOrderValue: 1000 };
const seg = (over: Partial<SegmentInput>, c = ctx) => segmentOf({ ...base, ...over }, c);

describe("segments of seed 000 (§5b)", () => {
  it("paused members wait for their reason", () => {
    expect(seg({ membership: "paused", purchases: 1, monetary: 99_999 })).toBe("paused");
  });
  it("cancelled within 90 days (or when unknown) just left; older cancellations get no segment", () => {
    expect(seg({ membership: "cancelled", memberSince: AS_OF - 90 })).toBe("just_left");
    expect(seg({ membership: "cancelled", memberSince: null })).toBe("just_left");
    expect(seg({ membership: "cancelled", memberSince: AS_OF - 91 })).toBeNull();
  });
  it("a single purchase worth at least twice the median order is high-value single", () => {
    expect(seg({ purchases: 1, orders: 1, monetary: 2000 })).toBe("high_value_single");
    expect(seg({ purchases: 1, orders: 1, monetary: 1999, recencyDays: 10 })).toBe("stable");
    // Two orders on the same day: the average order value counts, not the day's total.
    expect(seg({ purchases: 1, orders: 2, monetary: 3000 })).toBe("stable");
  });
  it("2 ≤ F < vipMinPurchases with average order ≤ median is low-value repeat", () => {
    expect(seg({ purchases: 2, orders: 2, monetary: 2000 })).toBe("low_value_repeat");
    expect(seg({ purchases: 3, orders: 3, monetary: 3000, recencyDays: 200 })).toBe("low_value_repeat");
    expect(seg({ purchases: 3, orders: 3, monetary: 3003 })).toBe("stable");
    expect(seg({ purchases: 4, orders: 4, monetary: 400 })).toBe("stable");
  });
  it("the rest split on R ≤ activeDays", () => {
    expect(seg({ monetary: 9000, recencyDays: 30 })).toBe("stable");
    expect(seg({ monetary: 9000, recencyDays: 31 })).toBe("slipping");
    expect(seg({ membership: "active", monetary: 9000, recencyDays: 31 })).toBe("slipping");
  });
  it("without amounts the value segments are skipped", () => {
    const none = { ...ctx, medianOrderValue: null };
    expect(seg({ purchases: 1, orders: 1, monetary: 0 }, none)).toBe("stable");
    expect(seg({ purchases: 2, orders: 2, monetary: 0, recencyDays: 40 }, none)).toBe("slipping");
  });
});

describe("medianOrderValue", () => {
  const mov = (orders: [number, number][], asOf: number) =>
    medianOrderValue(
      orders.map(([, day]) => day),
      orders.map(([amount]) => amount),
      asOf,
    );
  it("takes purchase orders up to the as-of date, middle value or mean of the two middles", () => {
    expect(
      mov(
        [
          [5, 0],
          [1, 0],
          [3, 0],
        ],
        10,
      ),
    ).toBe(3);
    expect(
      mov(
        [
          [5, 0],
          [1, 0],
          [3, 0],
          [10, 0],
        ],
        10,
      ),
    ).toBe(4);
    expect(
      mov(
        [
          [5, 0],
          [-100, 0],
          [0, 0],
          [3, 0],
          [1000, 11],
        ],
        10,
      ),
    ).toBe(4);
    expect(mov([], 10)).toBeNull();
    expect(
      mov(
        [
          [0, 0],
          [-3, 0],
        ],
        10,
      ),
    ).toBeNull();
  });
  it("agrees with sorting on many values", () => {
    const xs = Array.from({ length: 1001 }, (_, i) => ((i * 7919) % 1009) + 1);
    const sorted = [...xs].sort((a, b) => a - b);
    expect(medianOrderValue(new Int32Array(xs.length), Float64Array.from(xs), 0)).toBe(sorted[500]);
    const ys = xs.slice(1);
    const sy = [...ys].sort((a, b) => a - b);
    expect(medianOrderValue(new Int32Array(ys.length), Float64Array.from(ys), 0)).toBe(
      (sy[499] + sy[500]) / 2,
    );
  });
});

describe("engaged", () => {
  it("is any engagement within the last 90 days", () => {
    expect(isEngaged(AS_OF, AS_OF)).toBe(true);
    expect(isEngaged(AS_OF - 90, AS_OF)).toBe(true);
    expect(isEngaged(AS_OF - 91, AS_OF)).toBe(false);
    expect(isEngaged(null, AS_OF)).toBe(false);
    expect(isEngaged(AS_OF + 1, AS_OF)).toBe(false);
  });
});
