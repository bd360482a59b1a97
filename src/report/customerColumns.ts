import type { CustomerRfm, CustomerRow, Settings } from "../core/types";
import type { Cell } from "./cell";
import type { Column } from "./columns";

const day = (d: number | null): Cell => (d === null ? null : { date: d });
const round = (x: number | null, digits: number): Cell =>
  x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The customer sheet (顧客) and customers.csv without the RFM lens. The first twenty ids are the stable contract
 * of customers.csv (issue 5); model and fan columns follow. Order here is the order on screen.
 */
const ALWAYS_SHOWN: readonly Column<CustomerRow>[] = [
  { id: "customer_id", ja: "顧客ID", en: "Customer ID", userText: true, value: (c) => c.customerKey },
  { id: "purchases", ja: "購入回数(F)", en: "Purchases (F)", format: "integer", value: (c) => c.purchases },
  { id: "orders", ja: "注文数", en: "Orders", format: "integer", value: (c) => c.orders },
  {
    id: "monetary",
    ja: "累計購入額(M)",
    en: "Monetary (M)",
    format: "money",
    value: (c) => round(c.monetary, 2),
  },
  {
    id: "first_purchase",
    ja: "初回購入日",
    en: "First purchase",
    format: "date",
    value: (c) => day(c.firstPurchase),
  },
  {
    id: "last_purchase",
    ja: "最終購入日",
    en: "Last purchase",
    format: "date",
    value: (c) => day(c.lastPurchase),
  },
  {
    id: "previous_purchase",
    ja: "前回購入日",
    en: "Previous purchase",
    format: "date",
    value: (c) => day(c.previousPurchase),
  },
  {
    id: "recency_days",
    ja: "経過日数(R)",
    en: "Days since last (R)",
    format: "integer",
    value: (c) => c.recencyDays,
  },
  {
    id: "tenure_days",
    ja: "在籍期間(日)",
    en: "Tenure (days)",
    format: "integer",
    value: (c) => c.tenureDays,
  },
  { id: "state", ja: "状態", en: "State", labelKind: "state", value: (c) => c.state },
  { id: "stage", ja: "ステージ", en: "Stage", labelKind: "stage", value: (c) => c.stage },
  {
    id: "previous_state",
    ja: "前月の状態",
    en: "State a month ago",
    labelKind: "state",
    value: (c) => c.previousState,
  },
  { id: "vip", ja: "優良", en: "VIP", value: (c) => c.vip },
  {
    id: "vip_score",
    ja: "VIPスコア",
    en: "VIP score",
    format: "decimal1",
    value: (c) => round(c.vipScore, 1),
  },
  {
    id: "continuation_score",
    ja: "継続価値",
    en: "Continuation value",
    format: "decimal1",
    value: (c) => round(c.continuationScore, 1),
  },
  {
    id: "relationship_score",
    ja: "関係価値",
    en: "Relationship value",
    format: "decimal1",
    value: (c) => round(c.relationshipScore, 1),
  },
  {
    id: "relationship_points",
    ja: "関係ポイント",
    en: "Relationship points",
    format: "integer",
    value: (c) => c.relationshipPoints,
  },
  { id: "next_action", ja: "次の一歩", en: "Next step", labelKind: "nextAction", value: (c) => c.nextAction },
  { id: "segment", ja: "実務分類", en: "Segment", labelKind: "segment", value: (c) => c.segment },
  { id: "engaged", ja: "反応あり(90日)", en: "Engaged (90 days)", value: (c) => c.engaged },
  { id: "name", ja: "氏名", en: "Name", userText: true, value: (c) => c.name ?? null },
  {
    id: "avg_interval_days",
    ja: "平均購入間隔(日)",
    en: "Average interval (days)",
    format: "decimal1",
    value: (c) => round(c.avgIntervalDays, 1),
  },
  { id: "membership", ja: "会員状態", en: "Membership", labelKind: "membership", value: (c) => c.membership },
  { id: "p_alive", ja: "継続確率", en: "P(alive)", format: "percent", value: (c) => round(c.pAlive, 4) },
  {
    id: "expected_purchases_90d",
    ja: "90日の予測購入回数",
    en: "Expected purchases (90 days)",
    format: "decimal2",
    value: (c) => round(c.expectedPurchases90d, 2),
  },
  {
    id: "expected_next_purchase",
    ja: "次回購入の目安日",
    en: "Expected next purchase",
    format: "date",
    value: (c) => day(c.expectedNextPurchase),
  },
  { id: "fan_rank", ja: "ファンランク", en: "Fan rank", labelKind: "fanRank", value: (c) => c.fanRank },
  {
    id: "visits_30d",
    ja: "来館(30日)",
    en: "Visits (30 days)",
    format: "integer",
    value: (c) => c.visits30d,
  },
  { id: "last_visit", ja: "最終来館日", en: "Last visit", format: "date", value: (c) => day(c.lastVisit) },
  { id: "risk_note", ja: "離脱の兆し", en: "Risk note", value: (c, lang) => c.riskNote?.[lang] ?? null },
];

/** An RFM score column: 1–5 as the R package rfm gives them, 5 = best (most recent). */
const rfmScore = (
  id: string,
  ja: string,
  en: string,
  score: (r: CustomerRfm) => number,
): Column<CustomerRow> => ({
  id,
  ja,
  en,
  format: "integer",
  value: (c) => (c.rfm ? score(c.rfm) : null),
});

/** The RFM lens (issue 6, model/rfm.ts), after every other column: shown only when the setting asks for it. */
const RFM_COLUMNS: readonly Column<CustomerRow>[] = [
  rfmScore("rfm_r", "RFM 最近さ(R)", "RFM recency (R)", (r) => r.r),
  rfmScore("rfm_f", "RFM 回数(F)", "RFM frequency (F)", (r) => r.f),
  rfmScore("rfm_m", "RFM 金額(M)", "RFM monetary (M)", (r) => r.m),
  {
    id: "rfm_segment",
    ja: "RFMセグメント",
    en: "RFM segment",
    labelKind: "rfmSegment",
    value: (c) => c.rfm?.segment ?? null,
  },
];

/** Every customer column, the RFM lens last (see customerColumns for the ones in force). */
export const CUSTOMER_COLUMNS: readonly Column<CustomerRow>[] = [...ALWAYS_SHOWN, ...RFM_COLUMNS];

/** The customer columns in force: the RFM lens is an option (settings.showRfm), everything else always shows. */
export function customerColumns(settings: Pick<Settings, "showRfm">): readonly Column<CustomerRow>[] {
  return settings.showRfm ? CUSTOMER_COLUMNS : ALWAYS_SHOWN;
}
