/**
 * What each setting means, in the words a shop owner reads (Japanese first, English second): the one text the
 * settings sidebar shows under each field and the 設定 sheet writes beside each value, so the two never explain a
 * rule differently. Plain data in its own module: the sidebar ships inline in dist/sidebar.html, and a bundler
 * keeps only the tables it uses.
 */
import type { EngagementAction, Settings } from "./types";

type Text = { ja: string; en: string };

/** The meaning of each setting (DOMAIN §4), true wherever it is edited: no "check this" or "type TRUE" here. */
export const SETTING_HELP: Readonly<Record<Exclude<keyof Settings, "actionPoints">, Text>> = {
  activeDays: {
    ja: "最後の購入からこの日数以内のお客様を「継続」とします。目安は自社の購入サイクルです。",
    en: "Customers who bought within this many days are Active. Your own repurchase cycle is a good guide.",
  },
  atRiskDays: {
    ja: "継続の日数を過ぎてからこの日数までは「休眠予備軍」、これを超えると「休眠」です。",
    en: "Past the active days and up to this many days a customer is At risk; beyond it, Dormant.",
  },
  newMaxPurchases: {
    ja: "購入回数がこの回数以下のお客様は「新規」(初回〜2回目の育成期)です。",
    en: "Customers with at most this many purchases are New (still being nurtured).",
  },
  vipMinPurchases: {
    ja: "購入回数がこの回数以上で「定着」とし、優良の候補になります。",
    en: "From this many purchases a customer is established and a VIP candidate.",
  },
  vipRecencyDays: {
    ja: "優良候補のうち、最後の購入がこの日数以内のお客様を「優良」とします。休眠の日数以下にしてください。",
    en: "A VIP candidate who bought within this many days is a VIP. At most the dormant days.",
  },
  vipTopPercent: {
    ja: "累計購入額がこの上位%に入るお客様は、回数に関係なく優良です(例: 1 = 上位1%)。",
    en: "Customers in this top percent of total spend are VIPs whatever their count (1 = top 1%).",
  },
  vipMinPoints: {
    ja: "関係行動シート(レビュー・アンケート・紹介など)があるときだけ使います。例: レビュー2回+アンケート1回+紹介1件で4点。",
    en: "Used only when the Engagement sheet is filled, e.g. 2 reviews + 1 survey + 1 referral = 4 points.",
  },
  fanBronze: {
    ja: "直近30日に来館した日数がこの日数以上でブロンズです。",
    en: "Bronze from this many visit days in the last 30 days.",
  },
  fanSilver: {
    ja: "直近30日の来館日数がこの日数以上でシルバーです。ブロンズより多い日数にしてください。",
    en: "Silver from this many visit days in the last 30 days; more than bronze.",
  },
  fanGold: {
    ja: "直近30日の来館日数がこの日数以上でゴールドです。シルバーより多い日数にしてください。",
    en: "Gold from this many visit days in the last 30 days; more than silver.",
  },
  fanAtRiskDays: {
    ja: "この日数来館がないファンをフォロー一覧に載せます(60日 = 2か月)。",
    en: "Fans with no visit for this many days go on the follow-up list.",
  },
  timeZone: {
    ja: "注文日時を日付に直すときのタイムゾーン(例: Asia/Tokyo)。",
    en: "Time zone in which order times become calendar days (e.g. Asia/Tokyo).",
  },
  dayFirst: {
    ja: "1/2/2026 のような日付を「2月1日」と読むときにオンにします(海外の書き出しなど)。",
    en: "On to read 1/2/2026 as 1 February (some overseas exports).",
  },
  asOf: {
    ja: "YYYY-MM-DD で入力します。空欄なら今日。過去の月を分析し直すときに使います。",
    en: "YYYY-MM-DD; blank for today. Use it to re-run a past month.",
  },
  language: {
    ja: "分析結果のシートと設定画面の言語です(ja または en)。",
    en: "Language of the generated sheets and the settings panel (ja or en).",
  },
  showRfm: {
    ja: "RFM分析を加えます。最近さ・回数・金額をお客様どうしで比べて1〜5点にし、「最優良顧客」「失いたくない顧客」など10の分類に分けます。顧客シートに4列、ダッシュボードに分類の早見表が入ります。",
    en: "Adds the RFM analysis: recency, frequency and spend scored 1–5 against your other customers, and ten segments such as Champions and Can't Lose Them. Four columns on the customer sheet and a segment table on the dashboard.",
  },
};

/**
 * How a value is written on the 設定 sheet, where no checkbox or field shows it (the sidebar's controls do), and
 * what a blank means there: readSettings takes a blank time zone as the spreadsheet's.
 */
const SHEET_ENTRY: Partial<Record<keyof Settings, Text>> = {
  dayFirst: { ja: "TRUE(オン)か FALSE(オフ)で入力します。", en: "Write TRUE (on) or FALSE (off)." },
  showRfm: { ja: "TRUE(オン)か FALSE(オフ)で入力します。", en: "Write TRUE (on) or FALSE (off)." },
  timeZone: { ja: "空欄ならスプレッドシートのタイムゾーンです。", en: "Blank: the spreadsheet's own." },
};

/** The help a 設定 sheet row carries: the meaning, then how to write the value; actionPoints.* by action. */
export function settingSheetHelp(key: string): Text {
  const action = /^actionPoints\.(\w+)$/.exec(key);
  if (action) return actionPointsHelp(action[1] as EngagementAction);
  // Own keys only ("toString" is no setting), and not through Object.hasOwn: ES2022, past the add-on's ES2020
  // target, and esbuild lowers syntax, never library calls (Biome would turn hasOwnProperty.call into it).
  if (!Object.keys(SETTING_HELP).includes(key)) return { ja: "", en: "" };
  const help = SETTING_HELP[key as keyof typeof SETTING_HELP];
  const entry = SHEET_ENTRY[key as keyof Settings];
  return entry ? { ja: `${help.ja}${entry.ja}`, en: `${help.en} ${entry.en}` } : help;
}

function actionPointsHelp(action: EngagementAction): Text {
  return {
    ja: `関係行動「${action}」1回あたりの関係ポイント。優良に必要なポイントに数えます。`,
    en: `Relationship points per "${action}" action, counted towards the VIP points.`,
  };
}
