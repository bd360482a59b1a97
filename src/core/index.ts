// The public API of the core: adapters (src/gas, src/ui, src/cli) import only from here. A plain re-export list.

export * from "./analyze";
export * from "./clean";
// Input half (issue 3): days, parsing, mapping, cleaning, summaries, settings.
export * from "./day";
export * from "./diagnosis";
export * from "./fan";
export * from "./followUp";
// Rules half (issue 3): states, segments, next steps, scores, fans, NPS, diagnosis, month over month.
export * from "./labels";
export * from "./mapping";
// Model (issue 6): BG/NBD fit, P(alive) and expected purchases; pass predictCustomers to analyze as model.predict.
export * from "./model/bgnbd";
// Model (issue 6): BG/NBD predictions, RFM scores, plain-language risk notes.
export * from "./model/bgnbd";
export * from "./model/cellFunctions";
export * from "./model/explain";
export * from "./model/fit";
export * from "./model/fit";
export * from "./model/predict";
export * from "./model/predict";
export * from "./model/rfm";
export * from "./nextAction";
export * from "./nps";
export * from "./parseAmount";
export * from "./parseDate";
export * from "./segment";
export * from "./settings";
export * from "./sideTables";
export * from "./state";
export * from "./summary";
export * from "./transitions";
export type * from "./types";
export * from "./vipScore";
