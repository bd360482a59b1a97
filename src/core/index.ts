// The public API of the core: adapters (src/gas, src/ui, src/cli) import only from here. A plain re-export list,
// kept in one sorted block (Biome sorts it): input half (day … summary, settings), rules half (analyze … vipScore),
// model (model/*, issue 6: pass predictCustomersNow and explainRisk to analyze as `model`).

export * from "./analyze";
export * from "./clean";
export { isRowView, plainRow } from "./customerTable";
export * from "./day";
export * from "./diagnosis";
export * from "./fan";
export * from "./followUp";
export * from "./labels";
export * from "./mapping";
export * from "./model/bgnbd";
export * from "./model/cellFunctions";
export * from "./model/explain";
export * from "./model/fit";
export * from "./model/predict";
export * from "./model/rfm";
export * from "./nextAction";
export * from "./nps";
export * from "./parseAmount";
export * from "./parseDate";
export * from "./segment";
export * from "./select";
export * from "./settings";
export * from "./settingsHelp";
export * from "./sideTables";
export * from "./state";
export * from "./summary";
export * from "./transitions";
export type * from "./types";
export * from "./vipScore";
