/**
 * Every function Apps Script must find at the top level of dist/Code.js, in one declarative list.
 *
 * Apps Script looks entry points up by global name (triggers, menu items, google.script.run, custom functions),
 * and Sheets reads a custom function's help (autocomplete) from the JSDoc right above its top-level declaration.
 * esbuild can neither keep such declarations nor their comments, so scripts/build-gas.mjs generates a thin wrapper
 * per entry from this list, calling into the bundle (`Sodatsu.NAME`). The bundle test checks both directions: every
 * name here is a global function of the built file, and src/gas/main.ts exports exactly these names.
 *
 * This file is data only (no imports): the build loads it before anything else exists.
 */

export type EntryKind = "trigger" | "menu" | "server" | "custom";

export interface ParamDoc {
  /** Parameter name as Sheets shows it in the formula help (snake_case, as in the README). */
  name: string;
  /** JSDoc type, e.g. `number|number[][]`. */
  type: string;
  /** Japanese help first, then English. Optional parameters say so (Sheets has no syntax for it). */
  doc: string;
  optional?: boolean;
}

export interface CustomFunctionDoc {
  /** What it returns and when to use it: Japanese first, English second. */
  summary: string;
  /** A formula a shop owner can paste. */
  example: string;
  returns: { type: string; doc: string };
}

export interface EntryPoint {
  name: string;
  kind: EntryKind;
  /** Parameter names of the wrapper (triggers, custom functions). Menu and server entries pass all arguments on. */
  params: readonly ParamDoc[];
  /** Only custom functions carry help; it becomes the JSDoc above the wrapper. */
  help?: CustomFunctionDoc;
}

const SETTINGS_PARAM: ParamDoc = {
  name: "settings",
  type: "string[][]",
  doc: "省略可。設定シートの範囲(名前付き範囲 SODATSU_SETTINGS)。しきい値と表示言語がここから決まります。 / Optional: the settings range (named range SODATSU_SETTINGS).",
  optional: true,
};

const AS_OF_PARAM: ParamDoc = {
  name: "as_of",
  type: "Date",
  doc: "省略可。基準日(例: TODAY())。省略すると設定のタイムゾーンでの今日ですが、その場合は日付が変わっても自動では再計算されません。 / Optional: the as-of date; pass TODAY() so the result follows the calendar.",
  optional: true,
};

const COLUMN_NOTE = "1つのセルでも列の範囲でも使えます(空の行には空を返します)。";

const noParams: readonly ParamDoc[] = [];
const eventParam: readonly ParamDoc[] = [{ name: "e", type: "Object", doc: "trigger event" }];

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: "onOpen", kind: "trigger", params: eventParam },
  { name: "onInstall", kind: "trigger", params: eventParam },

  { name: "menuSetupTemplate", kind: "menu", params: noParams },
  { name: "menuRunAnalysis", kind: "menu", params: noParams },
  { name: "menuCreateDiagnosis", kind: "menu", params: noParams },
  { name: "menuOpenSettings", kind: "menu", params: noParams },

  { name: "getSidebarState", kind: "server", params: noParams },
  { name: "previewSettings", kind: "server", params: noParams },
  { name: "saveSettings", kind: "server", params: noParams },
  { name: "saveMapping", kind: "server", params: noParams },
  { name: "applySuggestedThresholds", kind: "server", params: noParams },

  {
    name: "CRM_STATE",
    kind: "custom",
    params: [
      {
        name: "last_purchase",
        type: "Date|Date[][]",
        doc: "最終購入日。 / Last purchase date.",
      },
      {
        name: "purchases",
        type: "number|number[][]",
        doc: "購入回数(購入のあった日数)。 / Number of purchases (distinct purchase days).",
      },
      {
        name: "previous_purchase",
        type: "Date|Date[][]",
        doc: "省略可。最終購入の一つ前の購入日(「復活」の判定に使います)。 / Optional: the purchase day before the last one.",
        optional: true,
      },
      {
        name: "total_amount",
        type: "number|number[][]",
        doc: "省略可。累計購入金額。範囲で渡すと、その範囲の中の上位1%(設定で変更可)も優良になります。 / Optional: total spend; with a range, the top 1% within it also count as VIP.",
        optional: true,
      },
      AS_OF_PARAM,
      SETTINGS_PARAM,
    ],
    help: {
      summary: `顧客の状態(新規・継続・休眠予備軍・休眠・復活・優良)を返します。${COLUMN_NOTE} / Lifecycle state of each customer.`,
      example: "=CRM_STATE(C2:C100, D2:D100, E2:E100, F2:F100, TODAY(), SODATSU_SETTINGS)",
      returns: { type: "string|string[][]", doc: "顧客状態。 / The state label." },
    },
  },
  {
    name: "VIP_SCORE",
    kind: "custom",
    params: [
      {
        name: "purchases",
        type: "number|number[][]",
        doc: "購入回数(購入のあった日数)。 / Number of purchases.",
      },
      { name: "last_purchase", type: "Date|Date[][]", doc: "最終購入日。 / Last purchase date." },
      {
        name: "total_amount",
        type: "number|number[][]",
        doc: "累計購入金額。金額の順位は渡した範囲の中で決まります。 / Total spend, ranked within the given range.",
      },
      {
        name: "relationship_points",
        type: "number|number[][]",
        doc: "省略可。関係ポイント(レビュー・アンケート・紹介などの回数)。省略すると購入の3軸だけで100点満点にします。 / Optional: relationship points; without them the purchase axes are scaled to 100.",
        optional: true,
      },
      AS_OF_PARAM,
      SETTINGS_PARAM,
    ],
    help: {
      summary: `優良度スコア(0〜100)を返します。購入の強さ(回数・最近さ・金額)と関係の深さ(応援・貢献)の合計です。${COLUMN_NOTE} / VIP score 0-100.`,
      example: "=VIP_SCORE(D2:D100, C2:C100, F2:F100, G2:G100, TODAY(), SODATSU_SETTINGS)",
      returns: { type: "number|number[][]", doc: "0〜100 のスコア。 / Score from 0 to 100." },
    },
  },
  {
    name: "NEXT_ACTION",
    kind: "custom",
    params: [
      {
        name: "state",
        type: "string|string[][]",
        doc: "顧客状態(CRM_STATE の結果。日本語・英語どちらでも可)。 / The state label (Japanese or English).",
      },
      {
        name: "purchases",
        type: "number|number[][]",
        doc: "省略可。購入回数。「継続」の顧客で、育成中か定着かを見分けるのに使います。 / Optional: purchases, to tell nurturing from established customers.",
        optional: true,
      },
      SETTINGS_PARAM,
    ],
    help: {
      summary: `その顧客に今すすめたい「次の一歩」を1つ返します。${COLUMN_NOTE} / The one next step for each customer.`,
      example: "=NEXT_ACTION(H2:H100, D2:D100)",
      returns: { type: "string|string[][]", doc: "次の一歩。 / The next step." },
    },
  },
  {
    name: "FAN_RANK",
    kind: "custom",
    params: [
      {
        name: "visits_30d",
        type: "number|number[][]",
        doc: "直近30日の来館日数。 / Visit days in the last 30 days.",
      },
      SETTINGS_PARAM,
    ],
    help: {
      summary: `来館日数からファンランク(ブロンズ・シルバー・ゴールド)を返します。${COLUMN_NOTE} / Fan rank from visits.`,
      example: "=FAN_RANK(B2:B100, SODATSU_SETTINGS)",
      returns: { type: "string|string[][]", doc: "ファンランク。 / The fan rank." },
    },
  },
  {
    name: "FAN_PROGRESS",
    kind: "custom",
    params: [
      {
        name: "visits_30d",
        type: "number|number[][]",
        doc: "直近30日の来館日数。 / Visit days in the last 30 days.",
      },
      {
        name: "previous_visits_30d",
        type: "number|number[][]",
        doc: "省略可。その前の30日の来館日数。ランクが下がった人には「あと N 回で復活」を返します。 / Optional: visits in the 30 days before.",
        optional: true,
      },
      SETTINGS_PARAM,
    ],
    help: {
      summary: `「今月あと1回来館でブロンズファンに昇格!」のような、次のランクまでのひとことを返します。${COLUMN_NOTE} / The "N more visits to the next rank" message.`,
      example: "=FAN_PROGRESS(B2:B100, C2:C100)",
      returns: { type: "string|string[][]", doc: "メッセージ。 / The message." },
    },
  },
  {
    name: "NPS",
    kind: "custom",
    params: [
      {
        name: "scores",
        type: "number[][]",
        doc: "0〜10 の回答の範囲。空のセルは数えず、それ以外の値は無効として数えます。 / Range of 0-10 answers.",
      },
    ],
    help: {
      summary:
        "NPS(推奨者の割合 − 批判者の割合、−100〜100)を返します。9〜10 が推奨者、0〜6 が批判者です。 / Net Promoter Score.",
      example: "=NPS('アンケート'!B2:B)",
      returns: { type: "number", doc: "−100〜100 の NPS。 / NPS from -100 to 100." },
    },
  },
  {
    name: "CRM_CUSTOMERS",
    kind: "custom",
    params: [
      {
        name: "customer_keys",
        type: "string[][]",
        doc: "注文の顧客ID(メールアドレスなど)の列。 / Customer key of each order row.",
      },
      { name: "order_dates", type: "Date[][]", doc: "注文日の列。 / Order date of each row." },
      {
        name: "amounts",
        type: "number[][]",
        doc: "省略可。注文金額の列(マイナスは返金)。 / Optional: order amounts (negative = refund).",
        optional: true,
      },
      AS_OF_PARAM,
      SETTINGS_PARAM,
    ],
    help: {
      summary:
        "注文の列から顧客ごとの表(見出し+1人1行: 購入回数・累計金額・最終購入日・状態・優良度スコア・次の一歩)を作ります。右と下のセルは空けておいてください。 / A table of customers straight from order columns.",
      example: "=CRM_CUSTOMERS('注文'!A2:A, '注文'!B2:B, '注文'!C2:C, TODAY(), SODATSU_SETTINGS)",
      returns: { type: "(string|number)[][]", doc: "顧客の表。 / The customer table." },
    },
  },
  {
    name: "P_ALIVE",
    kind: "custom",
    params: [
      {
        name: "purchases",
        type: "number|number[][]",
        doc: "購入回数(購入のあった日数)。 / Number of purchases.",
      },
      { name: "first_purchase", type: "Date|Date[][]", doc: "初回購入日。 / First purchase date." },
      { name: "last_purchase", type: "Date|Date[][]", doc: "最終購入日。 / Last purchase date." },
      AS_OF_PARAM,
      SETTINGS_PARAM,
    ],
    help: {
      summary:
        "お客さまがまだ離れていない確率(0〜1、BG/NBD モデル)を返します。モデルは渡した範囲の顧客(50人以上)から推定します。購入1回の人には出しません。 / Probability (0-1) that the customer is still active (BG/NBD, fitted on the range).",
      example: "=P_ALIVE(D2:D500, B2:B500, C2:C500, TODAY())",
      returns: { type: "number|number[][]", doc: "0〜1 の確率。 / Probability from 0 to 1." },
    },
  },
  {
    name: "EXPECTED_PURCHASES",
    kind: "custom",
    params: [
      {
        name: "purchases",
        type: "number|number[][]",
        doc: "購入回数(購入のあった日数)。 / Number of purchases.",
      },
      { name: "first_purchase", type: "Date|Date[][]", doc: "初回購入日。 / First purchase date." },
      { name: "last_purchase", type: "Date|Date[][]", doc: "最終購入日。 / Last purchase date." },
      {
        name: "days",
        type: "number",
        doc: "省略可。この先何日間の購入を見込むか(既定 90)。 / Optional: the horizon in days (default 90).",
        optional: true,
      },
      AS_OF_PARAM,
      SETTINGS_PARAM,
    ],
    help: {
      summary:
        "この先の期間に見込まれる購入回数(BG/NBD モデル)を返します。モデルは渡した範囲の顧客(50人以上)から推定します。 / Purchases expected in the next days (BG/NBD, fitted on the range).",
      example: "=EXPECTED_PURCHASES(D2:D500, B2:B500, C2:C500, 90, TODAY())",
      returns: { type: "number|number[][]", doc: "見込み購入回数。 / Expected purchases." },
    },
  },
];

export const CUSTOM_FUNCTIONS: readonly EntryPoint[] = ENTRY_POINTS.filter((e) => e.kind === "custom");
