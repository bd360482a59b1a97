/**
 * The settings the sidebar edits (DOMAIN §4), in the order a shop owner thinks about them, each with a label. The
 * help text under each is the core's SETTING_HELP[key], the same words the 設定 sheet writes beside the value.
 * Field names are the core's Settings keys.
 */
import type { SETTING_HELP } from "../core/index";
import type { Text } from "./contract";

/** "checkbox": a TRUE/FALSE setting (dayFirst, showRfm). */
export type FieldKind = "int" | "percent" | "date" | "zone" | "language" | "checkbox";
export type FieldGroup = "state" | "vip" | "fan" | "basis" | "lens" | "advanced";

export interface FieldSpec {
  /** A setting with a help text (every one but actionPoints, which is edited on the 設定 sheet). */
  key: keyof typeof SETTING_HELP;
  kind: FieldKind;
  group: FieldGroup;
  label: Text;
  /** Shown after the input ("日", "回", "%"). */
  unit?: Text;
}

const DAYS = { ja: "日", en: "days" };
const TIMES = { ja: "回", en: "times" };

export const GROUPS: { group: FieldGroup; title: Text }[] = [
  { group: "state", title: { ja: "お客様の状態の決め方", en: "How states are decided" } },
  { group: "vip", title: { ja: "優良顧客の条件", en: "VIP conditions" } },
  { group: "fan", title: { ja: "ファンランク(来館日数)", en: "Fan ranks (visit days)" } },
  { group: "basis", title: { ja: "基準日と表示言語", en: "As-of date and language" } },
  { group: "lens", title: { ja: "もうひとつの見方", en: "Another lens" } },
  { group: "advanced", title: { ja: "詳細設定", en: "Advanced" } },
];

export const FIELDS: readonly FieldSpec[] = [
  {
    key: "activeDays",
    kind: "int",
    group: "state",
    unit: DAYS,
    label: { ja: "「継続」とみなす日数", en: "Active within (days)" },
  },
  {
    key: "atRiskDays",
    kind: "int",
    group: "state",
    unit: DAYS,
    label: { ja: "「休眠」とみなす日数", en: "Dormant after (days)" },
  },
  {
    key: "newMaxPurchases",
    kind: "int",
    group: "state",
    unit: TIMES,
    label: { ja: "「新規」とみなす購入回数", en: "New up to (purchases)" },
  },
  {
    key: "vipMinPurchases",
    kind: "int",
    group: "vip",
    unit: TIMES,
    label: { ja: "優良候補になる購入回数", en: "VIP candidate from (purchases)" },
  },
  {
    key: "vipRecencyDays",
    kind: "int",
    group: "vip",
    unit: DAYS,
    label: { ja: "優良の最終購入日数", en: "VIP bought within (days)" },
  },
  {
    key: "vipTopPercent",
    kind: "percent",
    group: "vip",
    unit: { ja: "%", en: "%" },
    label: { ja: "累計購入額の上位何%を優良にするか", en: "Top % of total spend are VIPs" },
  },
  {
    key: "vipMinPoints",
    kind: "int",
    group: "vip",
    unit: { ja: "点", en: "points" },
    label: { ja: "優良に必要な関係ポイント", en: "Relationship points for VIP" },
  },
  {
    key: "fanBronze",
    kind: "int",
    group: "fan",
    unit: DAYS,
    label: { ja: "ブロンズの来館日数", en: "Bronze: visit days" },
  },
  {
    key: "fanSilver",
    kind: "int",
    group: "fan",
    unit: DAYS,
    label: { ja: "シルバーの来館日数", en: "Silver: visit days" },
  },
  {
    key: "fanGold",
    kind: "int",
    group: "fan",
    unit: DAYS,
    label: { ja: "ゴールドの来館日数", en: "Gold: visit days" },
  },
  {
    key: "fanAtRiskDays",
    kind: "int",
    group: "fan",
    unit: DAYS,
    label: { ja: "来館フォローの日数", en: "Follow up after (days without a visit)" },
  },
  {
    key: "asOf",
    kind: "date",
    group: "basis",
    label: { ja: "基準日", en: "As-of date" },
  },
  {
    key: "language",
    kind: "language",
    group: "basis",
    label: { ja: "表示言語", en: "Language" },
  },
  {
    key: "showRfm",
    kind: "checkbox",
    group: "lens",
    label: { ja: "RFM分析を表示する", en: "Show the RFM analysis" },
  },
  {
    key: "timeZone",
    kind: "zone",
    group: "advanced",
    label: { ja: "タイムゾーン", en: "Time zone" },
  },
  {
    key: "dayFirst",
    kind: "checkbox",
    group: "advanced",
    label: { ja: "日付を日/月/年で読む", en: "Read dates as day/month/year" },
  },
];

/** The labels of the order columns the sidebar maps. */
export const MAPPING_LABELS: Record<string, Text> = {
  "orders.customer": { ja: "顧客ID(メールアドレスなど)", en: "Customer key" },
  "orders.date": { ja: "注文日", en: "Order date" },
  "orders.orderId": { ja: "注文番号", en: "Order id" },
  "orders.amount": { ja: "金額", en: "Amount" },
  "orders.amountKind": { ja: "金額の種類", en: "Amount kind" },
  "orders.status": { ja: "ステータス(キャンセル判定)", en: "Status (cancellations)" },
  "orders.name": { ja: "氏名", en: "Name" },
};
