/**
 * The entry points of the add-on and nothing else (as google/aside does): what the menu, the sidebar's
 * google.script.run and Sheets' custom functions call. The logic lives in small modules; scripts/build-gas.mjs
 * bundles this file into the global `Sodatsu` and writes one top-level function per name listed in
 * src/gas/entrypoints.ts, and refuses to build when the two lists differ.
 */
import { createDiagnosis } from "./actions/createDiagnosis";
import { runAnalysis } from "./actions/runAnalysis";
import { setupTemplate } from "./actions/setupTemplate";
import { showSidebar } from "./showSidebar";

export { CRM_CUSTOMERS } from "./customFunctions/crmCustomers";
export { CRM_STATE } from "./customFunctions/crmState";
export { FAN_PROGRESS, FAN_RANK } from "./customFunctions/fan";
export { EXPECTED_PURCHASES, P_ALIVE } from "./customFunctions/model";
export { NEXT_ACTION } from "./customFunctions/nextAction";
export { NPS } from "./customFunctions/nps";
export { VIP_SCORE } from "./customFunctions/vipScore";
export { onInstall, onOpen } from "./menu";
export {
  applySuggestedThresholds,
  getSidebarState,
  previewSettings,
  saveMapping,
  saveSettings,
} from "./sidebarServer";

export function menuSetupTemplate(): void {
  setupTemplate();
}

export function menuRunAnalysis(): void {
  runAnalysis();
}

export function menuCreateDiagnosis(): void {
  createDiagnosis();
}

export function menuOpenSettings(): void {
  showSidebar();
}
