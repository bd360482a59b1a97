/**
 * The RFM segments: the package's score ranges for each (RFM_SEGMENT_RULES) and what each is called, what it means
 * and what to do about it, in the words a shop owner uses (RFM_SEGMENT_LABELS). Japanese names avoid the
 * rule book's state labels (休眠予備軍, 休眠…): RFM compares customers with each other, the states count days, and
 * one customer can be 離反リスク顧客 here while still 継続 there.
 */
import type { Lang, RfmSegment } from "../types";

interface Text {
  ja: string;
  en: string;
}

export interface RfmSegmentGuide {
  name: Text;
  /** What the scores say about the customer. */
  meaning: Text;
  /** A suggested next move for the segment. */
  action: Text;
}

export type RfmScoreRange = readonly [number, number];

export interface RfmSegmentRule {
  segment: Exclude<RfmSegment, "others">;
  recency: RfmScoreRange;
  frequency: RfmScoreRange;
  monetary: RfmScoreRange;
}

/** The package's table (rfm 0.3.0 README / vignette), in its order; the first matching rule wins. */
export const RFM_SEGMENT_RULES: readonly RfmSegmentRule[] = [
  { segment: "champions", recency: [5, 5], frequency: [5, 5], monetary: [5, 5] },
  { segment: "potential_loyalist", recency: [3, 5], frequency: [3, 5], monetary: [2, 5] },
  { segment: "loyal_customers", recency: [2, 4], frequency: [2, 4], monetary: [2, 4] },
  { segment: "promising", recency: [3, 4], frequency: [1, 3], monetary: [3, 5] },
  { segment: "new_customers", recency: [4, 5], frequency: [1, 3], monetary: [1, 5] },
  { segment: "cant_lose_them", recency: [1, 2], frequency: [3, 4], monetary: [4, 5] },
  { segment: "at_risk", recency: [1, 2], frequency: [2, 5], monetary: [4, 5] },
  { segment: "need_attention", recency: [1, 3], frequency: [3, 5], monetary: [3, 5] },
  { segment: "about_to_sleep", recency: [2, 3], frequency: [1, 3], monetary: [1, 4] },
  { segment: "lost", recency: [1, 1], frequency: [1, 5], monetary: [1, 5] },
];

/**
 * Order of the rules table, then "others" (what no rule matches); the dashboard and the docs list segments in it.
 * Read off the rules so that reordering or adding a rule cannot leave the listing behind.
 */
export const RFM_SEGMENT_ORDER: readonly RfmSegment[] = [
  ...RFM_SEGMENT_RULES.map((r) => r.segment),
  "others",
];

export const RFM_SEGMENT_LABELS: Record<RfmSegment, RfmSegmentGuide> = {
  champions: {
    name: { ja: "最優良顧客", en: "Champions" },
    meaning: {
      ja: "最近買い、よく買い、いちばん多く使ってくれる",
      en: "Bought recently, buy often and spend the most",
    },
    action: {
      ja: "特別扱いでお礼を。新商品の先行案内や、レビュー・ご紹介のお願いも喜ばれます",
      en: "Thank them with special treatment; early access to new products, ask for reviews and referrals",
    },
  },
  potential_loyalist: {
    name: { ja: "常連候補", en: "Potential Loyalist" },
    meaning: {
      ja: "最近のお客様で、何度か・それなりの金額を買っている",
      en: "Recent customers who bought more than once and spent a good amount",
    },
    action: {
      ja: "会員登録やポイントなど、続けて買う理由を用意する",
      en: "Offer membership or points: a reason to keep buying",
    },
  },
  loyal_customers: {
    name: { ja: "常連顧客", en: "Loyal Customers" },
    meaning: {
      ja: "しっかり使ってくれ、お知らせにも反応する",
      en: "Spend good money and respond to promotions",
    },
    action: {
      ja: "ひとつ上の商品をおすすめし、レビューをお願いする",
      en: "Recommend higher-value products; ask for reviews",
    },
  },
  promising: {
    name: { ja: "有望顧客", en: "Promising" },
    meaning: {
      ja: "最近買ってくれたが、まだ回数は少ない",
      en: "Recent shoppers who have not bought often yet",
    },
    action: {
      ja: "お店を知ってもらい、2回目のきっかけ(お試し・同梱のご案内)を作る",
      en: "Make the shop known; give a reason for the next purchase (a trial, a note in the parcel)",
    },
  },
  new_customers: {
    name: { ja: "新規顧客", en: "New Customers" },
    meaning: { ja: "最近買ったが、回数はまだ少ない", en: "Bought recently, but not often" },
    action: {
      ja: "お礼と使い方のご案内で、2回目のご購入につなげる",
      en: "Welcome them; how-to tips lead to a second purchase",
    },
  },
  cant_lose_them: {
    name: { ja: "失いたくない顧客", en: "Can't Lose Them" },
    meaning: {
      ja: "よく・たくさん買ってくれていたが、しばらくご購入がない",
      en: "Made big purchases and often, but a long time ago",
    },
    action: {
      ja: "個別にご連絡して理由を伺い、新商品や特典で呼び戻す",
      en: "Contact them personally, ask why, and win them back with what is new",
    },
  },
  at_risk: {
    name: { ja: "離反リスク顧客", en: "At Risk" },
    meaning: {
      ja: "多く使い、よく買っていたが、前回からかなり時間がたっている",
      en: "Spent big money and bought often, but long ago",
    },
    action: {
      ja: "お一人ずつに合わせたご連絡やお役立ち情報で、関係をつなぎ直す",
      en: "Reconnect with personal messages and useful content",
    },
  },
  need_attention: {
    name: { ja: "要注意顧客", en: "Need Attention" },
    meaning: {
      ja: "回数・金額は平均より上だが、最近は間があいている",
      en: "Above-average frequency and spend, but not recently",
    },
    action: {
      ja: "期間限定のご案内や、いつもの商品の再入荷のお知らせを送る",
      en: "Send a limited-time offer or a restock notice of what they usually buy",
    },
  },
  about_to_sleep: {
    name: { ja: "離れかけ顧客", en: "About To Sleep" },
    meaning: {
      ja: "回数・金額は平均より下で、前回から間があいている",
      en: "Below-average frequency and spend, and a while since the last purchase",
    },
    action: {
      ja: "人気商品やお得なご案内で、お店を思い出してもらう",
      en: "Remind them of the shop with popular products or a discount",
    },
  },
  lost: {
    name: { ja: "離反顧客", en: "Lost" },
    meaning: { ja: "前回のご購入がずっと前", en: "Bought a long time ago" },
    action: {
      ja: "費用はかけすぎず、季節のお便りなどで再来のきっかけだけ作る",
      en: "Keep costs low: an occasional seasonal message is enough",
    },
  },
  others: {
    name: { ja: "その他", en: "Others" },
    meaning: { ja: "表のどの条件にも当てはまらない", en: "Matches no rule of the table" },
    action: {
      ja: "状態と「次の一歩」の列を見て判断する",
      en: "Go by the state and next-step columns",
    },
  },
};

/** A segment's name as people read it; an unknown code is shown as it is. */
export function rfmSegmentLabel(segment: RfmSegment, lang: Lang): string {
  return RFM_SEGMENT_LABELS[segment]?.name[lang] ?? segment;
}
