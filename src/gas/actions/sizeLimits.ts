/**
 * Beyond this many rows in an input sheet a run risks Apps Script's 6-minute limit (reading, analysing and writing
 * ~1 ms per row with margin); the command line has no such limit and reads the same export.
 */
export const MAX_INPUT_ROWS = 300_000;

export const CLI_HINT = {
  ja: "大きなデータはコマンドライン版で分析できます: npx sodatsu analyze orders.csv(README の「コマンドライン」を参照)。",
  en: "Large data can be analysed with the command line: npx sodatsu analyze orders.csv (see README, 'Command line').",
};

/** Sheets' limit on the cells of a whole spreadsheet. */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;

export const CELL_LIMIT_HINT = {
  ja: "結果がスプレッドシートの上限(1,000万セル)に収まりません。古いシートを減らすか、コマンドライン版(npx sodatsu analyze orders.csv)で分析してください。",
  en: "The results do not fit in a spreadsheet (10 million cells). Remove old sheets, or use the command line (npx sodatsu analyze orders.csv).",
};

/** Sheets' own error when a write would pass the cell limit, turned into the message above. */
export function isCellLimitError(error: unknown): boolean {
  return /above the limit of 10000000 cells|10000000/.test(String(error));
}
