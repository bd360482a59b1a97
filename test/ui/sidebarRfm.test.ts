/**
 * The RFM lens in the sidebar: an unchecked checkbox of its own group (もうひとつの見方), whose check reaches
 * saveSettings and the 設定 sheet as showRfm = true.
 */
import { expect, it } from "vitest";
import { readSettings } from "../../src/gas/settingsSheet";
import { WAIT } from "./browser";
import { serverWorld } from "./serverWorld";
import { sidebarBrowser } from "./sidebarBrowser";

const openSidebar = sidebarBrowser();

it("offers the RFM lens as a checkbox, off until checked, and saves it", async () => {
  const server = serverWorld(50);
  const { page, calls } = await openSidebar(server);
  const box = page.locator("#f-showRfm");
  expect(await box.getAttribute("type")).toBe("checkbox");
  expect(await box.isChecked()).toBe(false);
  const legend = await page
    .locator("fieldset", { has: page.locator("#f-showRfm") })
    .locator("legend")
    .textContent();
  expect(legend).toContain("もうひとつの見方");
  expect(await page.locator('label[for="f-showRfm"]').textContent()).toContain("RFM分析を表示する");

  await box.check();
  await page.click("#save");
  await expect.poll(() => calls.filter((c) => c.name === "saveSettings").length, WAIT).toBe(1);
  const saved = calls.find((c) => c.name === "saveSettings")?.args[0] as { showRfm?: boolean };
  expect(saved.showRfm).toBe(true);
  await expect.poll(() => readSettings(server.ss).settings.showRfm, WAIT).toBe(true);
  await page.close();
});
