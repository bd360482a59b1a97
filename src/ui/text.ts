/**
 * The sidebar's own words (Japanese first, English when the shop chose English) and the language they are shown in.
 * Field labels and help live in fields.ts; state names come from the core's labels.
 */
import type { Lang } from "../core/index";
import type { Text } from "./contract";

let lang: Lang = "ja";

export const setLang = (next: Lang): void => {
  lang = next;
};
export const currentLang = (): Lang => lang;

/** The text in the current language. */
export const t = (text: Text): string => (lang === "en" ? text.en : text.ja);

export const inputId = (key: string): string => `f-${key}`;
export const helpId = (key: string): string => `h-${key}`;
export const errorId = (key: string): string => `e-${key}`;

export const UI = {
  title: { ja: "育つ 設定", en: "Sodatsu settings" },
  cycleTitle: { ja: "お店の購入サイクル", en: "Your repurchase cycle" },
  cycleNone: {
    ja: "2回以上購入したお客様がまだいないため、購入サイクルから目安を出せません。",
    en: "No customer has bought twice yet, so there is no cycle to suggest thresholds from.",
  },
  apply: { ja: "目安を当てはめる", en: "Apply suggestion" },
  applied: {
    ja: "目安を当てはめました(まだ保存していません)。",
    en: "Suggestion applied (not saved yet).",
  },
  previewTitle: { ja: "この設定での人数(保存前)", en: "Customers per state (before saving)" },
  previewBusy: { ja: "計算しています…", en: "Calculating…" },
  previewInvalid: { ja: "入力を直すと人数が出ます。", en: "Fix the highlighted fields to see the counts." },
  save: { ja: "設定を保存", en: "Save settings" },
  saving: { ja: "保存しています…", en: "Saving…" },
  saved: {
    ja: "保存しました。次の「顧客分析を実行」から使われます。",
    en: "Saved. The next analysis run uses these settings.",
  },
  refused: {
    ja: "保存できません。赤字の項目を直してください。",
    en: "Not saved: please fix the fields in red.",
  },
  sheetErrors: {
    ja: "設定シートに読めない値があるため、初期値を表示しています:",
    en: "The Settings sheet holds values that cannot be used, so the defaults are shown:",
  },
  mappingTitle: { ja: "注文シートの列の対応", en: "Orders sheet columns" },
  mappingHelp: {
    ja: "列が自動で見つからないときや、違う列が選ばれているときに直します。「自動」は見出しから判定します。",
    en: "Correct a column that was not found or was found wrongly. Automatic finds it by its header.",
  },
  noOrdersSheet: {
    ja: "注文シートがまだありません。メニューの「テンプレートを準備」で作れます。",
    en: "There is no Orders sheet yet. Use Set up template in the menu.",
  },
  notFound: { ja: "見つかりません", en: "not found" },
  orderTotal: { ja: "注文合計(1注文に1回数える)", en: "Order total (once per order)" },
  lineAmount: { ja: "明細金額(行ごとに足す)", en: "Line amount (summed per order)" },
  saveMapping: { ja: "列の対応を保存", en: "Save columns" },
  mappingSaved: { ja: "列の対応を保存しました。", en: "Columns saved." },
  failed: { ja: "サーバーとの通信に失敗しました: ", en: "The server call failed: " },
  people: { ja: "人", en: "" },
  customers: { ja: "お客様", en: "Customers" },
  asOf: { ja: "基準日", en: "As of" },
  languageJa: { ja: "日本語", en: "Japanese (日本語)" },
  languageEn: { ja: "英語 (English)", en: "English" },
} satisfies Record<string, Text>;
