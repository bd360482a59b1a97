// The settings sidebar: size and build time of the one-file page, and what a preview costs on the server (the
// sidebar asks after each pause in typing): time and service calls of previewSettings for 1,000 to 100,000 order
// rows through the built bundle on the fake services, and a page load to the first counts in headless Chromium.
import { existsSync } from "node:fs";
import { buildSidebar } from "../scripts/build-sidebar.mjs";
import type { Settings } from "../src/core/index";
import type { SidebarState } from "../src/ui/contract";
import { orderRows, preparedShop } from "../test/gas/actionsHarness";
import { BUNDLE_PATH, ensureBundle } from "../test/gas/loadBundle";
import { CHROMIUM, launch, openSidebar } from "../test/ui/browser";
import { serverWorld } from "../test/ui/serverWorld";

export async function run(): Promise<void> {
  const t0 = performance.now();
  const html = await buildSidebar();
  console.log(
    `sidebar.html: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB, built in ${(performance.now() - t0).toFixed(0)} ms`,
  );

  if (!existsSync(BUNDLE_PATH)) ensureBundle();
  for (const n of [1_000, 10_000, 100_000]) {
    const h = preparedShop(orderRows(n));
    const state = h.gas.call("getSidebarState") as SidebarState;
    const edited: Settings = { ...state.settings, activeDays: 45 };
    const before = h.world.log.calls.length;
    const start = performance.now();
    h.gas.call("previewSettings", edited);
    const ms = performance.now() - start;
    console.log(
      `previewSettings, ${n.toLocaleString("en-US")} order rows: ${ms.toFixed(0)} ms, ${h.world.log.calls.length - before} service calls`,
    );
  }

  if (!existsSync(CHROMIUM)) {
    console.log(`headless Chromium not found at ${CHROMIUM}: page load not measured`);
    return;
  }
  const browser = await launch();
  try {
    const server = serverWorld(1_000);
    const start = performance.now();
    const { page } = await openSidebar(browser, server);
    await page.waitForSelector("#state-counts");
    console.log(
      `page load to first counts (1,000 order rows, stubbed transport): ${(performance.now() - start).toFixed(0)} ms`,
    );
    await page.close();
  } finally {
    await browser.close();
  }
}
