// The three menu actions src/gas/main.ts calls (menuSetupTemplate, menuRunAnalysis, menuCreateDiagnosis).
export { createDiagnosis } from "./createDiagnosis";
export { runAnalysis } from "./runAnalysis";
export { setupTemplate } from "./setupTemplate";
