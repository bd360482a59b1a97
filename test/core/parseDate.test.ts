import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYmd, formatDay, isValidYmd } from "../../src/core/day";
import { dayOfValidYmd, parseDay } from "../../src/core/parseDate";

const TOKYO = { timeZone: "Asia/Tokyo", dayFirst: false };
const LA = { timeZone: "America/Los_Angeles", dayFirst: false };
const show = (v: unknown, opts = TOKYO) => {
  const d = parseDay(v, opts);
  return d === null ? null : formatDay(d);
};

describe("parseDay: every form of DOMAIN §2", () => {
  it.each([
    ["2026-05-29", "2026-05-29"],
    ["2026-5-9", "2026-05-09"],
    ["2026/05/29", "2026-05-29"],
    ["2026/5/9", "2026-05-09"],
    ["2026.05.29", "2026-05-29"],
    ["2026年5月29日", "2026-05-29"],
    ["2026年05月09日 14:05", "2026-05-09"],
    ["20260529", "2026-05-29"],
    ["20260529235959", "2026-05-29"],
    ["2026-05-29 01:39", "2026-05-29"],
    ["2026-05-29 01:39:00", "2026-05-29"],
    ["2026-05-29T23:59:59", "2026-05-29"],
    ["2026-05-29T23:59:59.123", "2026-05-29"],
    ["2026/5/29 9:05", "2026-05-29"],
    ["2026/05/29(金)", "2026-05-29"],
    ["2026/05/29（金） 10:00", "2026-05-29"],
    ["5/29/2026", "2026-05-29"],
    ["05/09/2026", "2026-05-09"],
    ["5/29/2026 1:39 PM", "2026-05-29"],
    ["5/29/2026 12:00 AM", "2026-05-29"],
    ["  2026-05-29  ", "2026-05-29"],
    ["２０２６／０５／２９", "2026-05-29"],
    ["２０２６年５月２９日", "2026-05-29"],
    ["１９９７−０１−０１", "1997-01-01"],
    ["2024-02-29", "2024-02-29"],
  ])("%s → %s", (text, day) => {
    expect(show(text)).toBe(day);
    // A date without an offset is the shop's own calendar day in any zone.
    expect(show(text, LA)).toBe(day);
  });

  it.each([
    "",
    "   ",
    "abc",
    "2026-02-30",
    "2023-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-05-32",
    "13/13/2026",
    "5/29/26",
    "2026-05-29 25:00",
    "2026-05-29 10:60",
    "2026-05-29 10",
    "2026-05-29 +0900",
    "2026-05-29 10:00 +2500",
    "2026-05-29 10:00 XYZ",
    "2026年5月29",
    "20261329",
    "0999-01-01",
    "2026/05-29",
    "5/29/2026 13:00 PM",
    "2026-05-29T10:00:00+09:00 extra",
  ])("refuses %j", (text) => {
    expect(show(text)).toBeNull();
  });

  it("reads year-last dates day first when the settings say so", () => {
    expect(show("29/5/2026", { timeZone: "Asia/Tokyo", dayFirst: true })).toBe("2026-05-29");
    expect(show("05/09/2026", { timeZone: "Asia/Tokyo", dayFirst: true })).toBe("2026-09-05");
    expect(show("29/5/2026")).toBeNull();
  });

  it("converts timestamps with an offset to the shop's zone first", () => {
    // Shopify's form: 01:39 UTC on 05-29 is 10:39 in Tokyo (05-29) but 18:39 on 05-28 in Los Angeles.
    expect(show("2026-05-29 01:39:00 +0000")).toBe("2026-05-29");
    expect(show("2026-05-29 01:39:00 +0000", LA)).toBe("2026-05-28");
    // Near midnight: 15:30 UTC is 00:30 next day in Tokyo.
    expect(show("2026-05-28T15:30:00Z")).toBe("2026-05-29");
    expect(show("2026-05-28T14:59:59Z")).toBe("2026-05-28");
    expect(show("2026-05-28T15:30:00Z", LA)).toBe("2026-05-28");
    expect(show("2026-05-29T00:30:00+09:00")).toBe("2026-05-29");
    expect(show("2026-05-29T00:30:00+09:00", LA)).toBe("2026-05-28");
    expect(show("2026-05-29T00:30:00+0900", LA)).toBe("2026-05-28");
    expect(show("2026-05-28T20:00:00-08:00")).toBe("2026-05-29");
    expect(show("2026-05-28 20:00:00 UTC")).toBe("2026-05-29");
    expect(show("2026-05-28T23:00:00−07:00")).toBe("2026-05-29"); // U+2212 minus sign
  });

  it("reads Date objects as instants in the zone", () => {
    const instant = new Date(Date.UTC(2026, 4, 28, 15, 30));
    expect(show(instant)).toBe("2026-05-29");
    expect(show(instant, LA)).toBe("2026-05-28");
    expect(show(new Date(Number.NaN))).toBeNull();
  });

  it("reads Sheets serial numbers and YYYYMMDD numbers", () => {
    expect(show(45_000)).toBe("2023-03-15");
    expect(show(45_000.75)).toBe("2023-03-15");
    expect(show(20_260_529)).toBe("2026-05-29");
    expect(show(20_260_230)).toBeNull();
    expect(show(0)).toBeNull();
    expect(show(-5)).toBeNull();
    expect(show(3_000_000)).toBeNull();
    expect(show(Number.NaN)).toBeNull();
    expect(show(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("refuses other types", () => {
    for (const v of [null, undefined, true, {}, [], Symbol.iterator]) expect(show(v)).toBeNull();
  });

  it("round-trips every real date in each text form", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYmd(1900, 1, 1), max: dayFromYmd(2100, 12, 31) }), (day) => {
        const iso = formatDay(day);
        const [y, m, d] = iso.split("-");
        const forms = [
          iso,
          `${y}/${Number(m)}/${Number(d)}`,
          `${y}年${Number(m)}月${Number(d)}日`,
          `${y}${m}${d}`,
          `${Number(m)}/${Number(d)}/${y}`,
          `${iso} 23:59:59`,
          `${iso}T12:00:00+09:00`,
        ];
        for (const f of forms) expect(parseDay(f, TOKYO), f).toBe(day);
      }),
    );
  });

  it("puts every offset timestamp form on the day Intl gives for that instant", () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, "0");
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.integer({ min: -48, max: 56 }).map((q) => q * 15), // offsets −12:00 … +14:00 in quarter hours
        fc.constantFrom("Asia/Tokyo", "America/Los_Angeles", "UTC"),
        (ms, offsetMin, zone) => {
          const wall = new Date(Math.floor(ms / 1000) * 1000 + offsetMin * 60_000);
          const date = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
          const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
          const sign = offsetMin < 0 ? "-" : "+";
          const oh = pad(Math.floor(Math.abs(offsetMin) / 60));
          const om = pad(Math.abs(offsetMin) % 60);
          const forms = [
            `${date} ${time} ${sign}${oh}${om}`,
            `${date}T${time}${sign}${oh}:${om}`,
            `${date}T${time}${sign}${oh}${om}`,
            `${date}T${time}.000${sign}${oh}:${om}`,
            `${date.replaceAll("-", "/")} ${time} ${sign}${oh}:${om}`,
          ];
          if (offsetMin === 0) forms.push(`${date}T${time}Z`, `${date} ${time} UTC`);
          const expected = new Intl.DateTimeFormat("en-CA", {
            timeZone: zone,
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
          }).format(new Date(ms));
          for (const f of forms) expect(show(f, { timeZone: zone, dayFirst: false }), f).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("never throws on junk", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null)), (v) => {
        const d = parseDay(v, TOKYO);
        expect(d === null || Number.isInteger(d)).toBe(true);
      }),
    );
  });
});

describe("dayOfValidYmd (the month table fastDay reads)", () => {
  it("equals isValidYmd and dayFromYmd for every day, month and year around and inside the table", () => {
    const years = [999, 1000, 1001, 1899, 9999, 10000];
    for (let y = 1895; y <= 2105; y++) years.push(y);
    const wrong: string[] = [];
    for (const y of years)
      for (let m = -1; m <= 13; m++)
        for (let d = -1; d <= 33; d++) {
          const want = isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : null;
          if (dayOfValidYmd(y, m, d) !== want) wrong.push(`${y}-${m}-${d}`);
        }
    expect(wrong).toEqual([]);
    expect(show("2024-02-29 10:00:00")).toBe("2024-02-29");
    expect(show("2100-02-29 10:00:00")).toBeNull();
    expect(show("2099-12-31")).toBe("2099-12-31");
  });
});
