import type { Lang } from "../../core/index";
import type { Text } from "./userError";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type InputTable = "orders" | "members" | "engagement" | "visits" | "survey";

export interface InputSheet {
  table: InputTable;
  title: Text;
  required: boolean;
  /** Headers the template writes; each is one of the names the core's column detection knows. */
  headers: Text;
  /** What to paste, shown as a note on A1 of the template sheet. */
  note: Text;
}

/**
 * The input sheets (DOMAIN §1), in the order the template creates them. Only Orders is required. Headers are
 * written in the sheet's language; detection accepts both languages, so a template set up in English still works
 * after the settings switch to Japanese.
 */
export const INPUT_SHEETS: readonly InputSheet[] = [
  {
    table: "orders",
    title: { ja: "注文", en: "Orders" },
    required: true,
    headers: {
      ja: "顧客ID,注文番号,注文日時,合計金額,ステータス,氏名",
      en: "customer_id,order_id,order_date,amount,status,name",
    },
    note: {
      ja: "ネットショップの注文データ(CSV)をこのシートの A1 から見出しごと貼り付けてください。Shopify・Amazon・楽天・Yahoo!ショッピング・BASE・カラーミーショップ・WooCommerce の出力はそのままで読めます。必須は顧客ID(メールアドレスでも可)と注文日です。",
      en: "Paste your shop's order export here, headers included, starting at A1. Exports of Shopify, Amazon, Rakuten, Yahoo! Shopping, BASE, Color Me Shop and WooCommerce work as they are. Required: customer id (or email) and order date.",
    },
  },
  {
    table: "members",
    title: { ja: "会員", en: "Members" },
    required: false,
    headers: { ja: "顧客ID,会員状態,変更日", en: "customer_id,membership_status,since" },
    note: {
      ja: "(任意)定期便・会員制の場合、会員の状態(継続・休会・退会)を貼り付けてください。使わない場合は空のままで構いません。",
      en: "(Optional) For subscriptions or memberships: each member's status (active, paused, cancelled). Leave empty if not used.",
    },
  },
  {
    table: "engagement",
    title: { ja: "関係行動", en: "Engagement" },
    required: false,
    headers: { ja: "顧客ID,日付,行動", en: "customer_id,date,action" },
    note: {
      ja: "(任意)レビュー・アンケート回答・SNS投稿・紹介・イベント参加・コミュニティ・問い合わせの記録を1行1件で。優良度スコアの「関係の深さ」に使います。",
      en: "(Optional) One row per review, survey answer, SNS post, referral, event, community activity or inquiry. Used for the relationship part of the VIP score.",
    },
  },
  {
    table: "visits",
    title: { ja: "来館", en: "Visits" },
    required: false,
    headers: { ja: "顧客ID,来館日", en: "customer_id,visit_date" },
    note: {
      ja: "(任意)店舗・施設の来館記録を1行1回で。ファンランクに使います。ない場合は購入日を来館として数えます。",
      en: "(Optional) One row per visit to your shop or venue, for fan ranks. Without it, purchase days count as visits.",
    },
  },
  {
    table: "survey",
    title: { ja: "アンケート", en: "Survey" },
    required: false,
    headers: { ja: "顧客ID,回答日,推奨度", en: "customer_id,date,nps" },
    note: {
      ja: "(任意)「友人や知人にすすめたいですか」の0〜10点の回答を1行1件で。NPSを計算します。",
      en: "(Optional) Answers 0–10 to 'How likely are you to recommend us?', one per row, for the NPS.",
    },
  },
];

/**
 * The input sheet of a table by its title in either language: the settings' language first (one call when the
 * template was set up in that language), then the other. Looked up by name rather than listing every sheet: the
 * number of calls does not grow with the sheets a shop keeps in its file.
 */
export function findInputSheet(ss: Spreadsheet, input: InputSheet, lang: Lang): Sheet | null {
  const other: Lang = lang === "ja" ? "en" : "ja";
  return ss.getSheetByName(input.title[lang]) ?? ss.getSheetByName(input.title[other]);
}
