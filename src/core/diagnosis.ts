/**
 * §10 CRM diagnosis: the ten questions of seed 003 (text exactly as the seed writes it), the A/B/C rating by the
 * number of A answers with the seed's explanation of each level, and the 66–70 checklist of seed 002.
 * The evidence from the shop's own data is in diagnosisEvidence.ts.
 */

export type AnswerLetter = "A" | "B" | "C" | "D";
export type QuestionId = "Q1" | "Q2" | "Q3" | "Q4" | "Q5" | "Q6" | "Q7" | "Q8" | "Q9" | "Q10";

export interface Question {
  id: QuestionId;
  ja: string;
  en: string;
  answers: Record<AnswerLetter, { ja: string; en: string }>;
}

const q = (id: QuestionId, ja: string, en: string, answers: [AnswerLetter, string, string][]): Question => ({
  id,
  ja,
  en,
  answers: Object.fromEntries(answers.map(([k, aj, ae]) => [k, { ja: aj, en: ae }])) as Question["answers"],
});

export const QUESTIONS: readonly Question[] = [
  q(
    "Q1",
    "あなたの会社の事業では、売上ではなく顧客一人ひとりの年間LTVを基準に、意思決定をしていますか?",
    "Does your business make decisions by each customer's annual LTV rather than by sales?",
    [
      [
        "A",
        "LTVが最優先KPIで、施策判断の軸になっている",
        "LTV is the top KPI and the basis of every decision",
      ],
      ["B", "LTVは把握しているが、売上判断が中心", "We know our LTV, but decisions are mostly about sales"],
      [
        "C",
        "LTVは計算していないが重要だとは思っている",
        "We do not calculate LTV, though we think it matters",
      ],
      ["D", "LTVより受注件数・売上金額を見ている", "We look at order counts and sales rather than LTV"],
    ],
  ),
  q(
    "Q2",
    "初回購入日から最終購入日までの顧客在籍期間を、顧客単位で把握していますか?",
    "Do you know each customer's tenure, from the first to the last purchase?",
    [
      ["A", "全顧客を在籍期間で管理している", "We manage every customer by tenure"],
      ["B", "一部の顧客のみ把握している", "Only for some customers"],
      ["C", "平均値しか見ていない", "We only look at the average"],
      ["D", "把握していない", "We do not know it"],
    ],
  ),
  q(
    "Q3",
    "1回目購入から2回目購入までのリピート率と期間を、定期的に確認していますか?",
    "Do you regularly check the repeat rate and the time from the first to the second purchase?",
    [
      ["A", "最重要指標として毎月改善している", "It is our key metric and we improve it every month"],
      ["B", "数値は見ているが改善施策は弱い", "We watch the numbers, but do little to improve them"],
      ["C", "気にはしているが測定していない", "We care about it but do not measure it"],
      ["D", "見ていない", "We do not look at it"],
    ],
  ),
  q(
    "Q4",
    "購入後90日間におけるCRMシナリオは設計されていますか?",
    "Is there a designed CRM scenario for the 90 days after a purchase?",
    [
      ["A", "90日間のシナリオが明確に設計されている", "A clear 90-day scenario is designed"],
      ["B", "一部フォローはある", "There is some follow-up"],
      ["C", "単発フォローのみ", "Only one-off follow-ups"],
      ["D", "設計していない", "Nothing is designed"],
    ],
  ),
  q(
    "Q5",
    "メール・LINE・同梱物・電話など、複数の顧客接点を意図的に使い分けていますか?",
    "Do you deliberately use several touchpoints (email, LINE, package inserts, phone) for different roles?",
    [
      ["A", "役割分担された接点設計がある", "Each touchpoint has a designed role"],
      ["B", "複数あるが使い分けは曖昧", "Several exist, but their roles are vague"],
      ["C", "ほぼ1媒体のみ", "Almost only one channel"],
      ["D", "体系化されていない", "Nothing is organized"],
    ],
  ),
  q(
    "Q6",
    "顧客をRFMや行動履歴によって状態別(新規・リピート・ファン・休眠)に分類していますか?",
    "Do you classify customers by state (new, repeat, fan, dormant) using RFM or behaviour history?",
    [
      ["A", "分類し、施策を変えている", "We classify them and act differently for each"],
      ["B", "分類のみしている", "We only classify them"],
      ["C", "分析したことはある", "We have analysed it once"],
      ["D", "分類していない", "We do not classify them"],
    ],
  ),
  q(
    "Q7",
    "CRM上で、次に起こしてほしい行動は明確に定義されていますか?",
    "Is the next action you want from customers clearly defined in your CRM?",
    [
      ["A", "各ステージごとに歓迎行動が定義されている", "A welcome action is defined for each stage"],
      ["B", "なんとなく決まっている", "Roughly decided"],
      ["C", "購入以外は考えていない", "We think of nothing but purchases"],
      ["D", "定義していない", "Not defined"],
    ],
  ),
  q(
    "Q8",
    "CRM施策は、価格訴求ではなく体験・関係性の質を高める設計になっていますか?",
    "Are your CRM measures designed to raise the quality of experience and relationship rather than to appeal on price?",
    [
      ["A", "体験設計が中心", "Mainly experience design"],
      ["B", "体験と価格が混在", "A mix of experience and price"],
      ["C", "キャンペーン中心", "Mainly campaigns"],
      ["D", "割引が主軸", "Discounts are the core"],
    ],
  ),
  q(
    "Q9",
    "休眠顧客・離脱顧客に対する再活性プログラムはありますか?",
    "Do you have a reactivation program for dormant and lapsed customers?",
    [
      ["A", "定期的に復活施策を行っている", "We run winback measures regularly"],
      ["B", "不定期に行っている", "Now and then"],
      ["C", "考えたことはある", "We have thought about it"],
      ["D", "何もしていない", "Nothing"],
    ],
  ),
  q(
    "Q10",
    "あなたはCRMをツールではなく顧客との関係性を育てる設計図として捉えていますか?",
    "Do you see CRM not as a tool but as a blueprint for growing relationships with customers?",
    [
      ["A", "CRMは経営そのものだと考えている", "CRM is management itself"],
      ["B", "重要な仕組みの一つだと思っている", "One important system among others"],
      ["C", "ツールの一種だと思っている", "A kind of tool"],
      ["D", "正直、よく分かっていない", "Honestly, I'm not sure"],
    ],
  ),
];

export type Rating = "A" | "B" | "C";

export interface RatingLevel {
  rating: Rating;
  /** Range of A answers for this level (inclusive). */
  minA: number;
  maxA: number;
  title: { ja: string; en: string };
  /** The seed's explanation of the level. */
  explanation: { ja: string; en: string };
}

/** Seed 003 「評価基準の考え方」: rated by the number of A answers, no finer scoring. */
export const RATING_LEVELS: readonly RatingLevel[] = [
  {
    rating: "A",
    minA: 9,
    maxA: 10,
    title: { ja: "A評価(Aが10〜9個)", en: "Rating A (9–10 A answers)" },
    explanation: {
      ja:
        "CRMを単なる施策やツールではなく、経営の中核となる仕組みとして捉え、設計・運用ができています。" +
        "年間LTVを起点に意思決定がなされ、初回から2回目、90日間フォロー、顧客状態別の施策までが一つのストーリーとしてつながっている状態です。" +
        "この段階にある事業は、新規集客に依存せずとも売上が安定し、顧客リストそのものが「資産」として機能し始めています。" +
        "次のテーマは、紹介・共創・コミュニティ化によるレバレッジです。",
      en:
        "You treat CRM not as a set of measures or a tool but as a core system of the business, and you design and run it. " +
        "Decisions start from annual LTV, and the first-to-second purchase, the 90-day follow-up and the measures per customer " +
        "state connect into one story. Sales are stable without relying on new customers, and the customer list itself " +
        "is becoming an asset. The next theme is leverage through referrals, co-creation and community.",
    },
  },
  {
    rating: "B",
    minA: 7,
    maxA: 8,
    title: { ja: "B評価(Aが8〜7個)", en: "Rating B (7–8 A answers)" },
    explanation: {
      ja:
        "CRMが機能し始めている成長途中段階です。重要な考え方や数値は理解しており、LTVやリピート率も意識されていますが、" +
        "設計が点在しており、全体としての一貫性がまだ弱い状態です。" +
        "ここで多いのが、分析はしているが、施策がつながっていない、フォローはあるが、90日間の物語になっていない、というケースです。" +
        "適切な一手を入れることで、CRMは一気に経営の武器へと変わります。最も伸び代が大きいフェーズと言えるでしょう。",
      en:
        "CRM is starting to work; you are growing. You understand the key ideas and numbers and keep LTV and the repeat " +
        "rate in mind, but the design is scattered and not yet consistent as a whole. Typically the analysis is done but " +
        "the measures do not connect, or there is follow-up but no 90-day story. One right move turns CRM into a real " +
        "weapon of the business: this is the phase with the most room to grow.",
    },
  },
  {
    rating: "C",
    minA: 0,
    maxA: 6,
    title: { ja: "C評価(Aが6個以下)", en: "Rating C (6 or fewer A answers)" },
    explanation: {
      ja:
        "CRMはまだ設計されておらず、集客とキャンペーンに依存しやすい構造になっています。" +
        "売上は上がる月もありますが、再現性や安定性に欠け、常に「次の集客」を考え続けなければならない状態です。" +
        "これは能力や努力の問題ではありません。単に「順番」が違っているだけです。" +
        "この段階で必要なのは、新しい施策を増やすことではなく、顧客との関係性を設計するCRMの土台づくりです。",
      en:
        "CRM is not designed yet, and the business tends to depend on acquisition and campaigns. Some months sales rise, " +
        "but without repeatability or stability, so you must always think about the next acquisition. This is not a " +
        "matter of ability or effort; only the order of things is wrong. What is needed now is not more measures but " +
        "the foundation of a CRM that designs the relationship with customers.",
    },
  },
];

export interface DiagnosisRating {
  answered: number;
  unanswered: number;
  countA: number;
  /** Null until all ten questions are answered. */
  rating: Rating | null;
  /** 「B評価」 or 「未回答 3 問」. */
  message: { ja: string; en: string };
  level: RatingLevel | null;
}

/**
 * Reads one answer cell: "A", "ａ", " b " or the dropdown's full text "A:LTVが最優先KPI…" all count by their
 * first letter; anything else is unanswered.
 */
export function readAnswer(value: unknown): AnswerLetter | null {
  if (typeof value !== "string") return null;
  const first = value
    .trim()
    .charAt(0)
    .replace(/[Ａ-Ｄａ-ｄ]/, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
  const rest = value.trim().slice(1);
  if (!/^[ABCD]$/.test(first)) return null;
  // "A", "A:…", "A:…", "A) …": a letter alone or followed by a separator, not a word such as "Always".
  if (rest !== "" && !/^[\s::.)).、]/.test(rest)) return null;
  return first as AnswerLetter;
}

/** §10 rating by the number of A answers (9–10 → A, 7–8 → B, 0–6 → C); fewer than 10 answers → 未回答 N 問. */
export function rateDiagnosis(answers: readonly unknown[]): DiagnosisRating {
  let answered = 0;
  let countA = 0;
  for (let i = 0; i < QUESTIONS.length; i++) {
    const a = readAnswer(answers[i]);
    if (a === null) continue;
    answered++;
    if (a === "A") countA++;
  }
  const unanswered = QUESTIONS.length - answered;
  if (unanswered > 0)
    return {
      answered,
      unanswered,
      countA,
      rating: null,
      level: null,
      message: {
        ja: `未回答 ${unanswered} 問`,
        en: `${unanswered} ${unanswered === 1 ? "question" : "questions"} unanswered`,
      },
    };
  const level = RATING_LEVELS.find((l) => countA >= l.minA && countA <= l.maxA) ?? RATING_LEVELS[2];
  return {
    answered,
    unanswered,
    countA,
    rating: level.rating,
    level,
    message: { ja: `${level.rating}評価`, en: `Rating ${level.rating}` },
  };
}

export interface ChecklistItem {
  no: 66 | 67 | 68 | 69 | 70;
  ja: string;
  en: string;
  /** What goes wrong when it is missing (seed 002 「放置すれば“隠れ離脱”が発生」). */
  risk: { ja: string; en: string };
  /** What changes once it is in place (seed 002 「整備すればこう変わる」). */
  benefit: { ja: string; en: string };
  /** The seed's first step (「次のアクションとしては」). */
  firstStep: { ja: string; en: string };
}

/** Seed 002: the five items that build trust after the sale (「売った後」のブランド信頼の育成装置). */
export const CHECKLIST: readonly ChecklistItem[] = [
  {
    no: 66,
    ja: "お問い合わせフォームが設置されている",
    en: "There is an inquiry form",
    risk: {
      ja: "顧客は質問できず、迷ったまま「購入を辞める」または「不満を溜める」。",
      en: "Customers cannot ask, so they give up the purchase or keep their dissatisfaction to themselves.",
    },
    benefit: {
      ja: "顧客が迷った時点で離脱せず、対話から信頼へつながる。CV改善にも貢献。",
      en: "A customer in doubt talks to you instead of leaving, and the dialogue builds trust. It also lifts conversion.",
    },
    firstStep: {
      ja: "フォーム改善はノーコードで即対応可(例:Tayori, formrun)",
      en: "Improve the form right away with a no-code tool (e.g. Tayori, formrun)",
    },
  },
  {
    no: 67,
    ja: "返品対応フローが明確である",
    en: "The return process is clear",
    risk: {
      ja: "特に高額商品では、心理的な不安が購入ブレーキになりやすい。",
      en: "Especially for expensive items, the worry holds customers back from buying.",
    },
    benefit: {
      ja: "顧客の心理的ハードルを下げ、安心感で購入率向上。返品時の業務混乱も防げる。",
      en: "Lowers the customer's hurdle; peace of mind raises the purchase rate and returns stop disrupting work.",
    },
    firstStep: {
      ja: "返品規約とFAQの見直しを社内マニュアル化",
      en: "Review the return policy and FAQ and make it an internal manual",
    },
  },
  {
    no: 68,
    ja: "リピート促進の自動配信(ステップメール等)が組まれている",
    en: "Automated repeat messages (step emails etc.) are set up",
    risk: {
      ja: "初回購入者にフォローや提案が届かず、そのまま流出。",
      en: "First-time buyers get no follow-up or suggestion and simply drift away.",
    },
    benefit: {
      ja: "商品理解・使用方法・次の商品提案を自動化してLTV向上。メルマガ離脱率も改善。",
      en: "Automating product understanding, how-to and the next suggestion raises LTV and lowers newsletter unsubscribes.",
    },
    firstStep: {
      ja: "ステップメールはLTV分析から逆算して設計",
      en: "Design the step emails backwards from the LTV analysis",
    },
  },
  {
    no: 69,
    ja: "配送スピードの改善策が設けられている",
    en: "There are measures to speed up delivery",
    risk: {
      ja: "Amazonや楽天に慣れた顧客には“翌日届かない”だけで落選の可能性大。",
      en: "Customers used to Amazon or Rakuten may drop you just because it does not arrive the next day.",
    },
    benefit: {
      ja: "即日発送・午前注文で当日出荷など体験の期待値超えが、ファン化を加速。",
      en: "Same-day shipping for morning orders and other beyond-expectation experiences turn customers into fans faster.",
    },
    firstStep: {
      ja: "配送業者との契約見直し or 当日便オプションの導入",
      en: "Review the carrier contract or add a same-day option",
    },
  },
  {
    no: 70,
    ja: "顧客満足度(NPS)を計測している",
    en: "Customer satisfaction (NPS) is measured",
    risk: {
      ja: "どこが評価され、どこが不満かがわからず、改善が感覚ベースになる。",
      en: "You cannot tell what is valued and what disappoints, so improvement runs on gut feeling.",
    },
    benefit: {
      ja: "数字でファンの声を可視化でき、打ち手の優先順位と効果検証が可能に。紹介施策との連動も◎。",
      en: "Fans' voices become numbers, so you can set priorities and check effects; it also pairs well with referrals.",
    },
    firstStep: {
      ja: "NPSは3問で完了、Googleフォームでもスタート可能",
      en: "NPS takes three questions; you can start with Google Forms",
    },
  },
];

export type { DiagnosisEvidence, EvidenceItem, EvidenceKey } from "./diagnosisEvidence";
export { diagnosisEvidence } from "./diagnosisEvidence";
