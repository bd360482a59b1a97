/**
 * The second half of the add-on, built into dist/actions.html (not dist/Code.js): what the menu actions and the
 * sidebar's server functions run. Apps Script loads and evaluates every .gs file of the project on every
 * custom-function call, but an HTML file only when asked for, so this code is paid for only by the executions that
 * need it: src/gas/lazyActions.ts reads and evaluates it on first use. scripts/build-gas.mjs bundles this file
 * together with src/gas/main.ts (esbuild code splitting): the code both use (core, model, settings) stays in
 * Code.js once, and this part reads it from there.
 *
 * Nothing here may touch an Apps Script service when the module is evaluated: only when a function is called.
 */
export { createDiagnosis, runAnalysis, setupTemplate } from "./actions/index";
export {
  applySuggestedThresholds,
  getSidebarState,
  previewSettings,
  saveMapping,
  saveSettings,
} from "./sidebarServer";
