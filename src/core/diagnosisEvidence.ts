import { stateLabel } from "./labels";
import { ALL_STATES } from "./transitions";
import type { AnalysisResult, CustomerState } from "./types";

/** The days after the first purchase in which the seed wants a designed scenario (Q4). */
export const FOLLOW_WINDOW_DAYS = 90;

export type EvidenceKey =
  | "annual_ltv"
  | "tenure"
  | "second_purchase_share"
  | "second_purchase_days"
  | "repeat_within_90d"
  | "state_distribution"
  | "dormant_share"
  | "vip_ltv_multiple";

export interface EvidenceItem {
  key: EvidenceKey;
  /** The question the figure informs (shown beside it); null for the shop-wide VIP figure. */
  question: "Q1" | "Q2" | "Q3" | "Q4" | "Q6" | "Q9" | null;
  /** The number itself, unrounded (shares are 0–1); null when the data cannot tell. */
  value: number | null;
  /** One sentence for the shop owner. */
  ja: string;
  en: string;
}

export interface DiagnosisEvidence {
  customers: number;
  items: EvidenceItem[];
  /** Customers per state now, for Q6. */
  states: Record<CustomerState, number>;
}

function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Amounts in the export's own currency, without a unit (the data does not say which currency it is). */
const amount = (x: number) => Math.round(x).toLocaleString("en-US");
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const days = (x: number) => `${Math.round(x * 10) / 10}`;

/**
 * §10 evidence from the shop's own data, beside the questions it informs. Every figure is computed from the
 * analysis result, so the diagnosis sheet and the dashboard never disagree.
 */
export function diagnosisEvidence(result: AnalysisResult): DiagnosisEvidence {
  const cs = result.customers;
  const n = cs.length;
  const states = { ...result.stateCounts.current };
  const none = (key: EvidenceKey, question: EvidenceItem["question"]): EvidenceItem => ({
    key,
    question,
    value: null,
    ja: "集計できる注文データがありません。",
    en: "There is no order data to measure this.",
  });
  const items: EvidenceItem[] = [];

  // Q1: annual LTV = net sales of the last 365 days ÷ customers who bought in them.
  const ly = result.lastYear;
  if (ly && ly.buyers > 0) {
    const v = ly.revenue / ly.buyers;
    items.push({
      key: "annual_ltv",
      question: "Q1",
      value: v,
      ja: `直近1年間の年間LTV(1人あたりの年間購入額)は${amount(v)}です(購入者${ly.buyers.toLocaleString("en-US")}人)。`,
      en: `Annual LTV over the last year (sales per buying customer) is ${amount(v)} (${ly.buyers} buyers).`,
    });
  } else items.push(none("annual_ltv", "Q1"));

  if (n === 0) {
    for (const [k, qn] of [
      ["tenure", "Q2"],
      ["second_purchase_share", "Q3"],
      ["second_purchase_days", "Q3"],
      ["repeat_within_90d", "Q4"],
      ["state_distribution", "Q6"],
      ["dormant_share", "Q9"],
    ] as const)
      items.push(none(k, qn));
  } else {
    // Q2: tenure (在籍期間) of customers who came back at least once; one-time buyers have none to manage.
    const tenures = cs
      .filter((c) => c.purchases >= 2)
      .map((c) => c.tenureDays)
      .sort((a, b) => a - b);
    const medTenure = median(tenures);
    items.push({
      key: "tenure",
      question: "Q2",
      value: medTenure,
      ja:
        medTenure === null
          ? "2回以上購入した顧客がまだいないため、在籍期間はこれからです。"
          : `2回以上購入した顧客の在籍期間(初回〜最終購入)は中央値${days(medTenure)}日です。`,
      en:
        medTenure === null
          ? "No customer has bought twice yet, so there is no tenure to measure."
          : `Median tenure (first to last purchase) of customers who bought twice or more: ${days(medTenure)} days.`,
    });

    // Q3: share who bought a second time, and the median days to it.
    const repeaters = cs.filter((c) => c.purchases >= 2);
    const share = repeaters.length / n;
    items.push({
      key: "second_purchase_share",
      question: "Q3",
      value: share,
      ja: `2回目の購入に進んだ顧客は${pct(share)}(${repeaters.length.toLocaleString("en-US")}人/${n.toLocaleString("en-US")}人)です。`,
      en: `${pct(share)} of customers made a second purchase (${repeaters.length} of ${n}).`,
    });
    const gaps = repeaters
      .filter((c) => c.secondPurchase !== undefined && c.secondPurchase !== null)
      .map((c) => (c.secondPurchase as number) - c.firstPurchase)
      .sort((a, b) => a - b);
    const medGap = median(gaps);
    items.push({
      key: "second_purchase_days",
      question: "Q3",
      value: medGap,
      ja:
        medGap === null
          ? "2回目の購入がまだないため、1回目から2回目までの日数は測れません。"
          : `1回目から2回目の購入までは中央値${days(medGap)}日です。`,
      en:
        medGap === null
          ? "No second purchases yet, so the time to the second purchase cannot be measured."
          : `The median time from the first to the second purchase is ${days(medGap)} days.`,
    });

    // Q4: of customers whose first purchase is at least 90 days old (a full window), how many came back in it.
    const eligible = cs.filter((c) => result.asOf - c.firstPurchase >= FOLLOW_WINDOW_DAYS);
    const within = eligible.filter(
      (c) =>
        c.secondPurchase !== undefined &&
        c.secondPurchase !== null &&
        c.secondPurchase - c.firstPurchase <= FOLLOW_WINDOW_DAYS,
    ).length;
    const share90 = eligible.length ? within / eligible.length : null;
    items.push({
      key: "repeat_within_90d",
      question: "Q4",
      value: share90,
      ja:
        share90 === null
          ? "初回購入から90日たった顧客がまだいません。"
          : `初回購入から90日以内に再購入した顧客は${pct(share90)}です(初回から90日以上たった${eligible.length.toLocaleString("en-US")}人中)。`,
      en:
        share90 === null
          ? "No customer's first purchase is 90 days old yet."
          : `${pct(share90)} bought again within 90 days of their first purchase (of ${eligible.length} customers whose first purchase is at least 90 days old).`,
    });

    // Q6: the state distribution.
    const parts = ALL_STATES.filter((s) => states[s] > 0);
    items.push({
      key: "state_distribution",
      question: "Q6",
      value: parts.length,
      ja: `状態別:${parts.map((s) => `${stateLabel(s, "ja")}${states[s].toLocaleString("en-US")}人`).join("、")}。`,
      en: `By state: ${parts.map((s) => `${stateLabel(s, "en")} ${states[s]}`).join(", ")}.`,
    });

    // Q9: how many are dormant, the people a reactivation program is for.
    const dormantShare = states.dormant / n;
    items.push({
      key: "dormant_share",
      question: "Q9",
      value: dormantShare,
      ja: `休眠顧客は${pct(dormantShare)}(${states.dormant.toLocaleString("en-US")}人)です。`,
      en: `${pct(dormantShare)} of customers are dormant (${states.dormant}).`,
    });
  }

  const m = result.vipLtvMultiple;
  items.push({
    key: "vip_ltv_multiple",
    question: null,
    value: m,
    ja:
      m === null
        ? "優良顧客とそれ以外の両方がそろわないため、LTVの倍率は出せません。"
        : `優良顧客の累計購入額は、それ以外の顧客の${Math.round(m * 100) / 100}倍です(よくある目安は1.5〜2倍)。`,
    en:
      m === null
        ? "The LTV multiple needs both VIP and other customers."
        : `VIPs have spent ${Math.round(m * 100) / 100}× as much as the other customers (1.5–2× is common).`,
  });
  return { customers: n, items, states };
}
