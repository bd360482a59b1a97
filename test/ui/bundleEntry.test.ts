/**
 * The sidebar's server functions as google.script.run reaches them: top-level functions of the BUILT bundle
 * (dist/Code.js) on the Apps Script fakes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Settings } from "../../src/core/index";
import type { PreviewResult, SaveSettingsResult, SidebarState } from "../../src/ui/contract";
import { orderRows, preparedShop } from "../gas/actionsHarness";
import { ensureBundle } from "../gas/loadBundle";

beforeAll(ensureBundle);

const shop = (rows: number) => preparedShop(orderRows(rows));

describe("sidebar entry points in the built bundle", () => {
  it("getSidebarState answers with plain data (what google.script.run can carry)", () => {
    const h = shop(300);
    const state = h.gas.call("getSidebarState") as SidebarState;
    expect(state.settings.asOf).toBe("2026-10-31");
    expect(state.orders.sheetName).toBe("注文");
    expect(state.preview?.customers).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it("a save from the sidebar is what the next analysis run uses", () => {
    const h = shop(300);
    const state = h.gas.call("getSidebarState") as SidebarState;
    const edited: Settings = { ...state.settings, activeDays: 45, atRiskDays: 120, vipRecencyDays: 60 };
    const preview = h.gas.call("previewSettings", edited) as PreviewResult;
    expect(preview.ok).toBe(true);
    const saved = h.gas.call("saveSettings", edited) as SaveSettingsResult;
    expect(saved).toEqual({ ok: true, settings: edited });
    const again = h.gas.call("getSidebarState") as SidebarState;
    expect(again.settings).toEqual(edited);
    // Reopened, the sidebar shows for the saved settings exactly the counts its preview promised.
    expect(again.preview?.counts).toEqual(preview.ok ? preview.preview?.counts : null);
  });

  it("a preview makes as many service calls for 2,000 order rows as for 100", () => {
    const count = (rows: number) => {
      const h = shop(rows);
      const state = h.gas.call("getSidebarState") as SidebarState;
      const before = h.world.log.calls.length;
      h.gas.call("previewSettings", { ...state.settings, activeDays: 40 });
      return h.world.log.calls.length - before;
    };
    const small = count(100);
    expect(count(2000)).toBe(small);
    expect(small).toBeLessThanOrEqual(40);
  });
});
