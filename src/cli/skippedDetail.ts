/**
 * The run log lists skipped order rows one by one, but a file where most rows are skipped (the wrong preset,
 * a year of cancellations) would keep a million reasons in memory and overflow report.xlsx. So the cleaner
 * keeps the first MAX_SKIPPED_DETAIL it finds and only counts the rest; the bucket counts stay exact and the
 * run log says how many rows it does not list (runLogGrid in src/report/grids.ts). The limit is above what real
 * exports skip (UCI Online Retail: 144k of 542k rows, listed in full), so it only bites on files that are mostly
 * not orders.
 */
export const MAX_SKIPPED_DETAIL = 200_000;
