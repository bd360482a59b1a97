import {
  buildHistories,
  classifyState,
  formatDay,
  monetaryShareOf,
  NEXT_ACTIONS,
  nextActionOf,
  type OrderRecord,
  stageOf,
  stateLabel,
  summarize,
  topMonetaryCut,
  vipScore,
} from "../../core/index";
import { type Cell, CellError, cellAt, columnOf, isBlankCell, rowCount, type Text } from "./cells";
import { readAsOf, readSettings } from "./context";
import { readAmount, readDay } from "./readers";

const HEADER: readonly Text[] = [
  { ja: "顧客ID", en: "Customer" },
  { ja: "購入回数", en: "Purchases" },
  { ja: "累計金額", en: "Total spend" },
  { ja: "初回購入日", en: "First purchase" },
  { ja: "最終購入日", en: "Last purchase" },
  { ja: "経過日数", en: "Days since last purchase" },
  { ja: "状態", en: "State" },
  { ja: "優良度スコア", en: "VIP score" },
  { ja: "次の一歩", en: "Next step" },
];

const DATE = { ja: "注文日", en: "order date" };

/** How many skipped row numbers a footer lists before "…" (the rest are counted). */
const LISTED_SKIPS = 10;

/**
 * =CRM_CUSTOMERS(customer_keys, order_dates, [amounts], [as_of], [settings]): a spilled table straight from raw
 * order columns — header, then one row per customer sorted by key: summary (§3), state (§5), VIP score (§7) and
 * next step (§6). Every row of the range is one order (no line-item grouping: there is no order-id argument).
 * Unreadable rows are not dropped silently: a last row counts them and names their row numbers in the range.
 * Dates are written as YYYY-MM-DD text, the same in every time zone.
 */
export function CRM_CUSTOMERS(
  customer_keys: unknown,
  order_dates: unknown,
  amounts?: unknown,
  as_of?: unknown,
  settings?: unknown,
): Cell[][] {
  const s = readSettings(settings);
  const lang = s.language;
  const asOf = readAsOf(as_of, s);
  const keys = columnOf(customer_keys, "customer_keys");
  const dates = columnOf(order_dates, "order_dates");
  const money = columnOf(amounts, "amounts");
  const n = rowCount([keys, dates, money]);

  const orders: OrderRecord[] = [];
  const skipped: { row: number; reason: Text }[] = [];
  for (let row = 0; row < n; row++) {
    const key = cellAt(keys, row);
    const date = cellAt(dates, row);
    if (isBlankCell(key) && isBlankCell(date)) continue; // blank row
    try {
      if (isBlankCell(key)) throw new CellError({ ja: "顧客IDがありません", en: "missing customer" });
      const day = readDay(date, s, DATE);
      const amount = readAmount(cellAt(money, row));
      if (day <= asOf) orders.push({ customerKey: String(key).trim(), orderId: String(row), day, amount });
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      skipped.push({ row: row + 1, reason: error.text });
    }
  }

  const summaries = summarize(buildHistories(orders), asOf);
  const monetaries = summaries.map((c) => c.monetary);
  const topCut = topMonetaryCut(monetaries, s.vipTopPercent);
  const scoreCtx = { settings: s, engagementLoaded: false, monetaryShare: monetaryShareOf(monetaries) };

  const out: Cell[][] = [HEADER.map((h) => h[lang])];
  for (const c of summaries) {
    const state = classifyState(c, { settings: s, topCut, engagementLoaded: false });
    const score = vipScore({ ...c, relationshipPoints: 0 }, scoreCtx).score;
    const step = NEXT_ACTIONS[nextActionOf(state, stageOf(c.purchases, s))].step[lang];
    out.push([
      c.customerKey,
      c.purchases,
      c.monetary,
      formatDay(c.firstPurchase),
      formatDay(c.lastPurchase),
      c.recencyDays,
      stateLabel(state, lang),
      Math.round(score),
      step,
    ]);
  }
  if (skipped.length > 0) out.push(skippedFooter(skipped, lang));
  return out;
}

function skippedFooter(skipped: readonly { row: number; reason: Text }[], lang: "ja" | "en"): Cell[] {
  const listed = skipped
    .slice(0, LISTED_SKIPS)
    .map((s) => (lang === "ja" ? `${s.row}行目(${s.reason.ja})` : `row ${s.row} (${s.reason.en})`))
    .join(", ");
  const more = skipped.length > LISTED_SKIPS ? " …" : "";
  const text =
    lang === "ja"
      ? `読めなかった ${skipped.length} 行を除外しました(範囲内の行番号): ${listed}${more}`
      : `Skipped ${skipped.length} unreadable rows (row numbers within the range): ${listed}${more}`;
  const row: Cell[] = new Array(HEADER.length).fill("");
  row[0] = text;
  return row;
}
