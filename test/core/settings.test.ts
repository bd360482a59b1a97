import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  settingsFromPairs,
  settingsToPairs,
  suggestThresholds,
  validateSettings,
} from "../../src/core/settings";
import type { Settings, Validated } from "../../src/core/types";

function errorsOf(v: Validated<Settings>) {
  return v.ok ? [] : v.errors;
}

describe("defaults (DOMAIN §4)", () => {
  it("are the seeds' values and valid", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      activeDays: 30,
      atRiskDays: 60,
      newMaxPurchases: 2,
      vipMinPurchases: 4,
      vipRecencyDays: 45,
      vipTopPercent: 1,
      vipMinPoints: 4,
      fanBronze: 3,
      fanSilver: 5,
      fanGold: 8,
      fanAtRiskDays: 60,
      timeZone: "Asia/Tokyo",
      dayFirst: false,
      asOf: null,
      language: "ja",
    });
    expect(Object.values(DEFAULT_SETTINGS.actionPoints)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(validateSettings({})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });
});

describe("validateSettings: each field's range, with messages naming the field", () => {
  const refused: [Partial<Record<keyof Settings, unknown>>, string][] = [
    [{ activeDays: 0 }, "activeDays"],
    [{ activeDays: 1.5 }, "activeDays"],
    [{ activeDays: "abc" }, "activeDays"],
    [{ activeDays: 60 }, "atRiskDays"], // activeDays < atRiskDays
    [{ atRiskDays: 30 }, "atRiskDays"],
    [{ atRiskDays: 3651, activeDays: 30 }, "atRiskDays"],
    [{ newMaxPurchases: 0 }, "newMaxPurchases"],
    [{ newMaxPurchases: 4 }, "vipMinPurchases"], // newMaxPurchases < vipMinPurchases
    [{ vipMinPurchases: 2 }, "vipMinPurchases"],
    [{ vipRecencyDays: 0 }, "vipRecencyDays"],
    [{ vipRecencyDays: 61 }, "vipRecencyDays"], // ≤ atRiskDays
    [{ vipTopPercent: 0 }, "vipTopPercent"],
    [{ vipTopPercent: 100.5 }, "vipTopPercent"],
    [{ vipTopPercent: -1 }, "vipTopPercent"],
    [{ vipMinPoints: -1 }, "vipMinPoints"],
    [{ fanBronze: 5 }, "fanSilver"], // fanBronze < fanSilver
    [{ fanSilver: 8 }, "fanGold"], // fanSilver < fanGold
    [{ fanGold: 31 }, "fanGold"],
    [{ fanAtRiskDays: 0 }, "fanAtRiskDays"],
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ timeZone: "" }, "timeZone"],
    [{ dayFirst: "maybe" }, "dayFirst"],
    [{ asOf: "2026-02-30" }, "asOf"],
    [{ language: "fr" }, "language"],
  ];
  it.each(refused)("refuses %j naming %s", (input, field) => {
    const errors = errorsOf(validateSettings(input));
    expect(errors.map((e) => e.field)).toContain(field);
    const e = errors.find((x) => x.field === field)!;
    expect(e.message.en).toContain(field);
    expect(e.message.ja).toContain(field);
    expect(e.message.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it("accepts the boundaries", () => {
    const ok = [
      { activeDays: 1, atRiskDays: 2, vipRecencyDays: 2 },
      { activeDays: 3649, atRiskDays: 3650, vipRecencyDays: 3650 },
      { newMaxPurchases: 1, vipMinPurchases: 2 },
      { vipTopPercent: 100 },
      { vipTopPercent: 0.1 },
      { vipRecencyDays: 60 },
      { vipMinPoints: 0 },
      { fanBronze: 1, fanSilver: 2, fanGold: 3 },
      { fanGold: 30 },
    ];
    for (const input of ok) expect(validateSettings(input).ok, JSON.stringify(input)).toBe(true);
  });

  it("refuses unknown keys and unknown actions, and non-objects", () => {
    expect(errorsOf(validateSettings({ activDays: 30 })).map((e) => e.field)).toEqual(["activDays"]);
    expect(errorsOf(validateSettings({ actionPoints: { likes: 1 } })).map((e) => e.field)).toEqual([
      "actionPoints.likes",
    ]);
    expect(errorsOf(validateSettings({ actionPoints: { review: -1 } })).map((e) => e.field)).toEqual([
      "actionPoints.review",
    ]);
    for (const v of [null, 5, "x", []]) expect(validateSettings(v).ok).toBe(false);
  });

  it("reads values as a sheet holds them (text, full-width digits, TRUE/FALSE, blank as-of)", () => {
    const v = validateSettings({
      activeDays: "３５",
      atRiskDays: " 70 ",
      dayFirst: "TRUE",
      asOf: "",
      language: "English",
      vipTopPercent: "2.5",
      actionPoints: { review: "2" },
    });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value).toMatchObject({
      activeDays: 35,
      atRiskDays: 70,
      dayFirst: true,
      asOf: null,
      language: "en",
      vipTopPercent: 2.5,
    });
    expect(v.value.actionPoints.review).toBe(2);
    expect(v.value.actionPoints.survey).toBe(1);
  });

  it("reads an as-of date given as a Date cell or serial in the settings' zone", () => {
    const fromDate = validateSettings({ asOf: new Date(Date.UTC(2026, 4, 30, 15, 0)) });
    expect(fromDate.ok && fromDate.value.asOf).toBe("2026-05-31");
    const fromSerial = validateSettings({ asOf: 45_000 });
    expect(fromSerial.ok && fromSerial.value.asOf).toBe("2023-03-15");
  });

  it("fills missing keys from the settings in force, not the defaults", () => {
    const current = validateSettings({ activeDays: 20, atRiskDays: 40, vipRecencyDays: 30 });
    expect(current.ok).toBe(true);
    if (!current.ok) return;
    const next = validateSettings({ activeDays: 25 }, current.value);
    expect(next.ok && next.value).toMatchObject({ activeDays: 25, atRiskDays: 40, vipRecencyDays: 30 });
  });

  it("any set of in-range integers is accepted exactly when the relations hold", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        (activeDays, atRiskDays, vipRecencyDays) => {
          const v = validateSettings({ activeDays, atRiskDays, vipRecencyDays });
          expect(v.ok).toBe(activeDays < atRiskDays && vipRecencyDays <= atRiskDays);
        },
      ),
    );
  });
});

describe("settingsFromPairs / settingsToPairs (the 設定 sheet)", () => {
  it("round-trips", () => {
    const s = validateSettings({
      activeDays: 21,
      dayFirst: true,
      asOf: "2026-05-31",
      actionPoints: { referral: 3 },
    });
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(settingsFromPairs(settingsToPairs(s.value))).toEqual({ ok: true, value: s.value });
  });

  it("skips blank rows, comments and a header row, and ignores a description column", () => {
    const v = settingsFromPairs([
      ["項目", "値", "説明"],
      ["キー / key", "値 / value", "説明"],
      ["", "", ""],
      ["# 状態のしきい値", "", ""],
      ["activeDays", 45, "直近何日以内の購入を継続とみなすか"],
      ["atRiskDays", "90", ""],
      ["actionPoints.referral", 2, ""],
    ]);
    expect(v.ok && v.value).toMatchObject({ activeDays: 45, atRiskDays: 90 });
    expect(v.ok && v.value.actionPoints.referral).toBe(2);
  });

  it("names the bad key", () => {
    const v = settingsFromPairs([["atRiskDays", "あ"]]);
    expect(v.ok).toBe(false);
    expect(errorsOf(v)[0].field).toBe("atRiskDays");
    expect(errorsOf(v)[0].message.ja).toContain("あ");
  });
});

describe("suggestThresholds (自社の平均購入サイクルを基準に)", () => {
  it("derives 1× / 2× / 1.5× the cycle, rounded", () => {
    expect(suggestThresholds(30)).toEqual({ activeDays: 30, atRiskDays: 60, vipRecencyDays: 45 });
    expect(suggestThresholds(7)).toEqual({ activeDays: 7, atRiskDays: 15, vipRecencyDays: 10 });
    expect(suggestThresholds(44)).toEqual({ activeDays: 45, atRiskDays: 90, vipRecencyDays: 65 });
  });

  it("suggests nothing without a cycle", () => {
    for (const v of [null, 0, -3, Number.NaN]) expect(suggestThresholds(v)).toEqual({});
  });

  it("always passes validation when applied to the defaults", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10_000, noNaN: true }), (c) => {
        const s = suggestThresholds(c);
        const v = validateSettings({ ...s });
        expect(v.ok, JSON.stringify(s)).toBe(true);
      }),
    );
  });
});
