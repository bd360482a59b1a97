/**
 * Property: the form is a faithful editor of Settings. Any valid settings typed into the sidebar (as a person
 * would, field by field) reach saveSettings exactly, and the 設定 sheet then holds them.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/index";
import { readSettings } from "../../src/gas/settingsSheet";
import { WAIT } from "./browser";
import { serverWorld } from "./serverWorld";
import { sidebarBrowser } from "./sidebarBrowser";

const openSidebar = sidebarBrowser();

const DAY_MS = 86_400_000;
const ZONES = ["Asia/Tokyo", "UTC", "America/Los_Angeles", "Europe/Berlin", "Australia/Sydney"];

/** Valid settings (DOMAIN §4's relations hold by construction). */
const validSettings: fc.Arbitrary<Settings> = fc
  .record({
    a: fc.integer({ min: 1, max: 3649 }),
    gap: fc.integer({ min: 1, max: 3649 }),
    vip: fc.integer({ min: 0, max: 1_000_000 }),
    n: fc.integer({ min: 1, max: 999 }),
    nGap: fc.integer({ min: 1, max: 999 }),
    top: fc.integer({ min: 1, max: 1000 }),
    points: fc.integer({ min: 0, max: 1000 }),
    bronze: fc.integer({ min: 1, max: 28 }),
    silverGap: fc.integer({ min: 1, max: 28 }),
    goldGap: fc.integer({ min: 1, max: 28 }),
    fanAtRiskDays: fc.integer({ min: 1, max: 3650 }),
    asOf: fc.option(fc.integer({ min: 0, max: 11_000 }), { nil: null }),
    language: fc.constantFrom("ja" as const, "en" as const),
    timeZone: fc.constantFrom(...ZONES),
    dayFirst: fc.boolean(),
  })
  .map((r) => {
    const atRiskDays = Math.min(3650, r.a + r.gap);
    const vipMinPurchases = Math.min(1000, r.n + r.nGap);
    const fanSilver = Math.min(29, r.bronze + r.silverGap);
    return {
      ...DEFAULT_SETTINGS,
      activeDays: r.a,
      atRiskDays,
      vipRecencyDays: 1 + (r.vip % atRiskDays),
      newMaxPurchases: r.n,
      vipMinPurchases,
      vipTopPercent: r.top / 10,
      vipMinPoints: r.points,
      fanBronze: r.bronze,
      fanSilver,
      fanGold: Math.min(30, fanSilver + r.goldGap),
      fanAtRiskDays: r.fanAtRiskDays,
      asOf:
        r.asOf === null ? null : new Date(Date.UTC(2000, 0, 1) + r.asOf * DAY_MS).toISOString().slice(0, 10),
      language: r.language,
      timeZone: r.timeZone,
      dayFirst: r.dayFirst,
    };
  });

const TEXT_FIELDS = [
  "activeDays",
  "atRiskDays",
  "newMaxPurchases",
  "vipMinPurchases",
  "vipRecencyDays",
  "vipTopPercent",
  "vipMinPoints",
  "fanBronze",
  "fanSilver",
  "fanGold",
  "fanAtRiskDays",
  "asOf",
  "timeZone",
] as const;

it("any valid settings typed into the form are saved exactly", async () => {
  const server = serverWorld(50);
  const { page, calls } = await openSidebar(server);
  await fc.assert(
    fc.asyncProperty(validSettings, async (settings) => {
      await page.selectOption("#f-language", settings.language);
      await page.evaluate(() => {
        (document.getElementById("advanced") as HTMLDetailsElement).open = true;
      });
      for (const key of TEXT_FIELDS) {
        const value = settings[key];
        await page.fill(`#f-${key}`, value === null ? "" : String(value));
      }
      await page.setChecked("#f-dayFirst", settings.dayFirst);
      const before = calls.filter((c) => c.name === "saveSettings").length;
      await page.click("#save");
      await expect.poll(() => calls.filter((c) => c.name === "saveSettings").length, WAIT).toBe(before + 1);
      const saved = calls.filter((c) => c.name === "saveSettings").at(-1);
      expect(saved?.args[0]).toEqual(settings);
      await expect.poll(() => readSettings(server.ss).settings, WAIT).toEqual(settings);
    }),
    { numRuns: 12 },
  );
  await page.close();
});
