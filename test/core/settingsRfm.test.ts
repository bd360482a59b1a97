import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  settingsFromPairs,
  settingsToPairs,
  validateSettings,
} from "../../src/core/settings";

/** showRfm: the RFM lens is an option, read from JSON, the 設定 sheet's text and the sidebar's checkbox alike. */
describe("the showRfm setting", () => {
  it("is off unless asked for", () => {
    expect(DEFAULT_SETTINGS.showRfm).toBe(false);
    const v = validateSettings({});
    expect(v.ok && v.value.showRfm).toBe(false);
  });

  it("reads TRUE/FALSE as JSON, the sheet or a Japanese owner writes them", () => {
    for (const yes of [true, "TRUE", "true", "はい", 1, " on "]) {
      const v = validateSettings({ showRfm: yes });
      expect(v.ok && v.value.showRfm, String(yes)).toBe(true);
    }
    for (const no of [false, "FALSE", "いいえ", 0, ""]) {
      const v = validateSettings({ showRfm: no }, { ...DEFAULT_SETTINGS, showRfm: true });
      expect(v.ok && v.value.showRfm, String(no)).toBe(false);
    }
  });

  it("refuses anything else with a message that names the field in both languages", () => {
    const v = validateSettings({ showRfm: "たぶん" });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors).toHaveLength(1);
    expect(v.errors[0].field).toBe("showRfm");
    expect(v.errors[0].message.ja).toBe(
      'RFM分析の表示 (showRfm): TRUE か FALSE で入力してください(入力値 "たぶん")。',
    );
    expect(v.errors[0].message.en).toBe('showRfm: must be TRUE or FALSE (got "たぶん").');
  });

  it("does not take dayFirst's date-order words for a yes or a no", () => {
    // "d/m/y" once read as TRUE here: the two yes/no settings shared one word list.
    for (const word of ["d/m/y", "日/月/年", "m/d/y", "月/日/年"]) {
      const v = validateSettings({ showRfm: word });
      expect(v.ok, word).toBe(false);
      if (!v.ok) expect(v.errors.map((e) => e.field)).toEqual(["showRfm"]);
    }
    // …which stay dayFirst's own.
    const dayFirst = validateSettings({ dayFirst: "日/月/年" });
    expect(dayFirst.ok && dayFirst.value.dayFirst).toBe(true);
    const monthFirst = validateSettings({ dayFirst: "m/d/y" }, { ...DEFAULT_SETTINGS, dayFirst: true });
    expect(monthFirst.ok && monthFirst.value.dayFirst).toBe(false);
  });

  it("round-trips through the 設定 sheet's key/value rows", () => {
    const on = { ...DEFAULT_SETTINGS, showRfm: true };
    const rows = settingsToPairs(on);
    expect(rows).toContainEqual(["showRfm", true]);
    const back = settingsFromPairs(rows.map(([k, v]) => [k, String(v)]));
    expect(back).toEqual({ ok: true, value: on });
  });
});
