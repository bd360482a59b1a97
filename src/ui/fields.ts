/**
 * The settings the sidebar edits (DOMAIN §4), in the order a shop owner thinks about them, each with a label and a
 * help text that explains the rule in plain words. Field names are the core's Settings keys.
 */
import type { Settings } from "../core/index";
import type { Text } from "./contract";

/** "checkbox": a TRUE/FALSE setting (dayFirst, showRfm). */
export type FieldKind = "int" | "percent" | "date" | "zone" | "language" | "checkbox";
export type FieldGroup = "state" | "vip" | "fan" | "basis" | "lens" | "advanced";

export interface FieldSpec {
  key: keyof Settings;
  kind: FieldKind;
  group: FieldGroup;
  label: Text;
  help: Text;
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
    help: {
      ja: "最後の購入からこの日数以内のお客様を「継続」とします。目安は自社の購入サイクルです。",
      en: "Customers who bought within this many days are Active. Your own repurchase cycle is a good guide.",
    },
  },
  {
    key: "atRiskDays",
    kind: "int",
    group: "state",
    unit: DAYS,
    label: { ja: "「休眠」とみなす日数", en: "Dormant after (days)" },
    help: {
      ja: "継続の日数を過ぎてからこの日数までは「休眠予備軍」、これを超えると「休眠」です。",
      en: "Past the active days and up to this many days a customer is At risk; beyond it, Dormant.",
    },
  },
  {
    key: "newMaxPurchases",
    kind: "int",
    group: "state",
    unit: TIMES,
    label: { ja: "「新規」とみなす購入回数", en: "New up to (purchases)" },
    help: {
      ja: "購入回数がこの回数以下のお客様は「新規」(初回〜2回目の育成期)です。",
      en: "Customers with at most this many purchases are New (still being nurtured).",
    },
  },
  {
    key: "vipMinPurchases",
    kind: "int",
    group: "vip",
    unit: TIMES,
    label: { ja: "優良候補になる購入回数", en: "VIP candidate from (purchases)" },
    help: {
      ja: "購入回数がこの回数以上で「定着」とし、優良の候補になります。",
      en: "From this many purchases a customer is established and a VIP candidate.",
    },
  },
  {
    key: "vipRecencyDays",
    kind: "int",
    group: "vip",
    unit: DAYS,
    label: { ja: "優良の最終購入日数", en: "VIP bought within (days)" },
    help: {
      ja: "優良候補のうち、最後の購入がこの日数以内のお客様を「優良」とします。休眠の日数以下にしてください。",
      en: "A VIP candidate who bought within this many days is a VIP. At most the dormant days.",
    },
  },
  {
    key: "vipTopPercent",
    kind: "percent",
    group: "vip",
    unit: { ja: "%", en: "%" },
    label: { ja: "累計購入額の上位何%を優良にするか", en: "Top % of total spend are VIPs" },
    help: {
      ja: "累計購入額がこの上位%に入るお客様は、回数に関係なく優良です(例: 1 = 上位1%)。",
      en: "Customers in this top percent of total spend are VIPs whatever their count (1 = top 1%).",
    },
  },
  {
    key: "vipMinPoints",
    kind: "int",
    group: "vip",
    unit: { ja: "点", en: "points" },
    label: { ja: "優良に必要な関係ポイント", en: "Relationship points for VIP" },
    help: {
      ja: "関係行動シート(レビュー・アンケート・紹介など)があるときだけ使います。例: レビュー2回+アンケート1回+紹介1件で4点。",
      en: "Used only when the Engagement sheet is filled, e.g. 2 reviews + 1 survey + 1 referral = 4 points.",
    },
  },
  {
    key: "fanBronze",
    kind: "int",
    group: "fan",
    unit: DAYS,
    label: { ja: "ブロンズの来館日数", en: "Bronze: visit days" },
    help: {
      ja: "直近30日に来館した日数がこの日数以上でブロンズです。",
      en: "Bronze from this many visit days in the last 30 days.",
    },
  },
  {
    key: "fanSilver",
    kind: "int",
    group: "fan",
    unit: DAYS,
    label: { ja: "シルバーの来館日数", en: "Silver: visit days" },
    help: { ja: "ブロンズより多い日数にしてください。", en: "More than bronze." },
  },
  {
    key: "fanGold",
    kind: "int",
    group: "fan",
    unit: DAYS,
    label: { ja: "ゴールドの来館日数", en: "Gold: visit days" },
    help: { ja: "シルバーより多い日数にしてください。", en: "More than silver." },
  },
  {
    key: "fanAtRiskDays",
    kind: "int",
    group: "fan",
    unit: DAYS,
    label: { ja: "来館フォローの日数", en: "Follow up after (days without a visit)" },
    help: {
      ja: "この日数来館がないファンをフォロー一覧に載せます(60日 = 2か月)。",
      en: "Fans with no visit for this many days go on the follow-up list.",
    },
  },
  {
    key: "asOf",
    kind: "date",
    group: "basis",
    label: { ja: "基準日", en: "As-of date" },
    help: {
      ja: "YYYY-MM-DD で入力します。空欄なら今日。過去の月を分析し直すときに使います。",
      en: "YYYY-MM-DD; blank for today. Use it to re-run a past month.",
    },
  },
  {
    key: "language",
    kind: "language",
    group: "basis",
    label: { ja: "表示言語", en: "Language" },
    help: {
      ja: "分析結果のシートと、この画面の言語です。",
      en: "Language of the generated sheets and this panel.",
    },
  },
  {
    key: "showRfm",
    kind: "checkbox",
    group: "lens",
    label: { ja: "RFM分析を表示する", en: "Show the RFM analysis" },
    help: {
      ja: "最近さ・回数・金額をお客様どうしで比べて1〜5点にし、「最優良顧客」「失いたくない顧客」など10の分類に分けます。顧客シートに4列、ダッシュボードに分類の早見表が加わります。",
      en: "Scores recency, frequency and spend 1–5 against your other customers and sorts them into ten segments such as Champions and Can't Lose Them: four columns on the customer sheet and a segment table on the dashboard.",
    },
  },
  {
    key: "timeZone",
    kind: "zone",
    group: "advanced",
    label: { ja: "タイムゾーン", en: "Time zone" },
    help: {
      ja: "注文日時を日付に直すときのタイムゾーン(例: Asia/Tokyo)。",
      en: "Time zone in which order times become calendar days (e.g. Asia/Tokyo).",
    },
  },
  {
    key: "dayFirst",
    kind: "checkbox",
    group: "advanced",
    label: { ja: "日付を日/月/年で読む", en: "Read dates as day/month/year" },
    help: {
      ja: "1/2/2026 のような日付を「2月1日」と読むときにチェックします(海外の書き出しなど)。",
      en: "Check to read 1/2/2026 as 1 February (some overseas exports).",
    },
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
