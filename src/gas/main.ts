/**
 * The entry points of the add-on and nothing else (as google/aside does): what the menu, the sidebar's
 * google.script.run and Sheets' custom functions call. The logic lives in small modules; scripts/build-gas.mjs
 * bundles this file into the global `Sodatsu` and writes one top-level function per name listed in
 * src/gas/entrypoints.ts, and refuses to build when the two lists differ.
 *
 * Custom functions and the triggers run from Code.js itself. The menu actions and the sidebar's server functions
 * run code that lives in dist/actions.html (src/gas/actionsEntry.ts), which src/gas/lazyActions.ts evaluates on
 * their first call: a recalculation never pays for it. Opening the sidebar needs none of it.
 */
import { type Actions, actions } from "./lazyActions";
import { showSidebar } from "./showSidebar";

export { CRM_CUSTOMERS } from "./customFunctions/crmCustomers";
export { CRM_STATE } from "./customFunctions/crmState";
export { FAN_PROGRESS, FAN_RANK } from "./customFunctions/fan";
export { EXPECTED_PURCHASES, P_ALIVE } from "./customFunctions/model";
export { NEXT_ACTION } from "./customFunctions/nextAction";
export { NPS } from "./customFunctions/nps";
export { VIP_SCORE } from "./customFunctions/vipScore";
export { onInstall, onOpen } from "./menu";

export function menuSetupTemplate(): void {
  actions().setupTemplate();
}

export function menuRunAnalysis(): void {
  actions().runAnalysis();
}

export function menuCreateDiagnosis(): void {
  actions().createDiagnosis();
}

export function menuOpenSettings(): void {
  showSidebar();
}

// The sidebar's server functions (src/gas/sidebarServer.ts), called through google.script.run.

export function getSidebarState(
  ...args: Parameters<Actions["getSidebarState"]>
): ReturnType<Actions["getSidebarState"]> {
  return actions().getSidebarState(...args);
}

export function previewSettings(
  ...args: Parameters<Actions["previewSettings"]>
): ReturnType<Actions["previewSettings"]> {
  return actions().previewSettings(...args);
}

export function saveSettings(
  ...args: Parameters<Actions["saveSettings"]>
): ReturnType<Actions["saveSettings"]> {
  return actions().saveSettings(...args);
}

export function saveMapping(...args: Parameters<Actions["saveMapping"]>): ReturnType<Actions["saveMapping"]> {
  return actions().saveMapping(...args);
}

export function applySuggestedThresholds(
  ...args: Parameters<Actions["applySuggestedThresholds"]>
): ReturnType<Actions["applySuggestedThresholds"]> {
  return actions().applySuggestedThresholds(...args);
}
