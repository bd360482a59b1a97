import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, settingsToPairs } from "../../src/core/settings";
import { SETTING_HELP, settingSheetHelp } from "../../src/core/settingsHelp";

/** One help text per setting, for the sidebar and the 設定 sheet alike. */
describe("setting help", () => {
  it("explains every row of the 設定 sheet, Japanese first and English second", () => {
    for (const [key] of settingsToPairs(DEFAULT_SETTINGS)) {
      const help = settingSheetHelp(key);
      expect(help.ja, key).toMatch(/[ぁ-んァ-ヶ一-龯]/);
      expect(help.en, key).toMatch(/^[A-Z]/);
    }
  });

  it("is the sidebar's text on the sheet, plus how to write a yes/no value where there is no checkbox", () => {
    expect(settingSheetHelp("activeDays")).toEqual(SETTING_HELP.activeDays);
    const rfm = settingSheetHelp("showRfm");
    expect(rfm.ja.startsWith(SETTING_HELP.showRfm.ja)).toBe(true);
    expect(rfm.ja).toContain("TRUE");
    expect(rfm.en).toContain("TRUE");
  });

  it("leaves unknown keys blank, including names an object inherits", () => {
    expect(settingSheetHelp("noSuchSetting")).toEqual({ ja: "", en: "" });
    expect(settingSheetHelp("toString")).toEqual({ ja: "", en: "" });
  });
});
