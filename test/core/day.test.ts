import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  dayFromSheetsSerial,
  dayFromYmd,
  dayOfInstant,
  formatDay,
  parseIsoDay,
  sheetsSerialOfDay,
  todayIn,
  ymdOfDay,
} from "../../src/core/day";

describe("calendar days", () => {
  it("counts days from 1970-01-01 like Date.UTC does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 2_900_000 }), (day) => {
        const { y, m, d } = ymdOfDay(day);
        const utc = new Date(day * 86_400_000);
        // Date.UTC is exact for these years; compare with the UTC fields (machine time zone plays no part).
        if (y >= 1000 && y <= 9999) {
          expect([y, m, d]).toEqual([utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()]);
        }
        expect(dayFromYmd(y, m, d)).toBe(day);
      }),
    );
  });

  it("formats and parses YYYY-MM-DD strictly", () => {
    expect(formatDay(0)).toBe("1970-01-01");
    expect(formatDay(dayFromYmd(2024, 2, 29))).toBe("2024-02-29");
    expect(parseIsoDay("2024-02-29")).toBe(dayFromYmd(2024, 2, 29));
    expect(parseIsoDay(" 2026-05-31 ")).toBe(dayFromYmd(2026, 5, 31));
    for (const bad of [
      "2023-02-29",
      "2026-13-01",
      "2026-5-31",
      "2026/05/31",
      "",
      "20260531",
      "2026-05-31T00:00",
    ])
      expect(parseIsoDay(bad), bad).toBeNull();
  });

  it("adds calendar months, clamping to the month's end", () => {
    const d = (s: string) => parseIsoDay(s)!;
    expect(formatDay(addMonths(d("2026-03-31"), -1))).toBe("2026-02-28");
    expect(formatDay(addMonths(d("2024-03-31"), -1))).toBe("2024-02-29");
    expect(formatDay(addMonths(d("2026-01-15"), -1))).toBe("2025-12-15");
    expect(formatDay(addMonths(d("2026-10-31"), 1))).toBe("2026-11-30");
    expect(formatDay(addMonths(d("2026-05-31"), -12))).toBe("2025-05-31");
    expect(formatDay(addMonths(d("2026-05-31"), 0))).toBe("2026-05-31");
  });

  it("converts Sheets serial numbers both ways (25569 = 1970-01-01, fractions are times)", () => {
    expect(dayFromSheetsSerial(25_569)).toBe(0);
    expect(formatDay(dayFromSheetsSerial(45_000))).toBe("2023-03-15");
    expect(formatDay(dayFromSheetsSerial(45_000.99))).toBe("2023-03-15");
    expect(sheetsSerialOfDay(dayFromYmd(2023, 3, 15))).toBe(45_000);
  });

  it("puts an instant on its day in the given zone, never the machine's", () => {
    const ms = Date.UTC(2026, 4, 28, 15, 30); // 2026-05-29 00:30 in Tokyo, 2026-05-28 08:30 in Los Angeles
    expect(formatDay(dayOfInstant(ms, "Asia/Tokyo"))).toBe("2026-05-29");
    expect(formatDay(dayOfInstant(ms, "UTC"))).toBe("2026-05-28");
    expect(formatDay(dayOfInstant(ms, "America/Los_Angeles"))).toBe("2026-05-28");
    expect(formatDay(todayIn("Asia/Tokyo", ms))).toBe("2026-05-29");
  });

  it("handles daylight-saving changes (Los Angeles 2026-03-08 and 2026-11-01)", () => {
    // 07:59 UTC on 2026-03-08 is 23:59 PST on 03-07; 08:00 UTC is 00:00 PST on 03-08, an hour before the jump.
    expect(formatDay(dayOfInstant(Date.UTC(2026, 2, 8, 7, 59), "America/Los_Angeles"))).toBe("2026-03-07");
    expect(formatDay(dayOfInstant(Date.UTC(2026, 2, 8, 8, 0), "America/Los_Angeles"))).toBe("2026-03-08");
    // After the jump, midnight is 07:00 UTC.
    expect(formatDay(dayOfInstant(Date.UTC(2026, 2, 9, 6, 59), "America/Los_Angeles"))).toBe("2026-03-08");
    expect(formatDay(dayOfInstant(Date.UTC(2026, 2, 9, 7, 0), "America/Los_Angeles"))).toBe("2026-03-09");
    expect(formatDay(dayOfInstant(Date.UTC(2026, 10, 2, 7, 59), "America/Los_Angeles"))).toBe("2026-11-01");
    expect(formatDay(dayOfInstant(Date.UTC(2026, 10, 2, 8, 0), "America/Los_Angeles"))).toBe("2026-11-02");
  });

  it("agrees with Intl for random instants in several zones (the offset cache is exact)", () => {
    const zones = [
      "Asia/Tokyo",
      "America/Los_Angeles",
      "Europe/London",
      "Australia/Lord_Howe",
      "Asia/Kolkata",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const parts = new Intl.DateTimeFormat("en-CA", {
            timeZone: zone,
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
          }).format(new Date(ms));
          expect(formatDay(dayOfInstant(ms, zone))).toBe(parts);
        },
      ),
      { numRuns: 500 },
    );
  });
});
