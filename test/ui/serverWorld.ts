/**
 * A fake spreadsheet (test/gas/fakes) with an orders export and fixed settings, on which the REAL sidebar server
 * functions run: the unit tests call them directly, the browser tests answer google.script.run with them.
 */
import { vi } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/index";
import { writeSettings } from "../../src/gas/settingsSheet";
import { orderRows } from "../gas/actionsHarness";
import { createGasWorld, type GasWorld } from "../gas/fakes/index";

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The as-of date of the fixture (orderRows ends on 2026-10-31), fixed so no test depends on today. */
export const AS_OF = "2026-10-31";

export interface ServerWorld {
  world: GasWorld;
  ss: Spreadsheet;
  settings: Settings;
}

/**
 * `orders` rows of the shared deterministic export (0 = no orders sheet), settings saved with the fixed as-of
 * date. The Apps Script globals the server uses (LockService, SpreadsheetApp) are stubbed with the fakes.
 */
export function serverWorld(orders = 400): ServerWorld {
  const world = createGasWorld({ timeZone: "Asia/Tokyo" });
  for (const [name, service] of Object.entries(world.globals)) vi.stubGlobal(name, service);
  const ss = (world.globals.SpreadsheetApp as { getActiveSpreadsheet(): Spreadsheet }).getActiveSpreadsheet();
  const settings: Settings = { ...DEFAULT_SETTINGS, asOf: AS_OF };
  const errors = writeSettings(ss, settings);
  if (errors.length > 0) throw new Error(`fixture settings refused: ${JSON.stringify(errors)}`);
  if (orders > 0) {
    world.ss.addSheetWithValues("注文", orderRows(orders));
  }
  return { world, ss, settings };
}
