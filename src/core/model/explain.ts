/**
 * The at-risk note: one or two plain sentences a shop owner can act on, combining the seed's day rule
 * (休眠予備軍 / 休眠 by days since the last purchase) with the customer's own rhythm and, when the model
 * ran, the BG/NBD probability that they are still a customer. Example:
 *   前回のご購入から72日。いつもの購入間隔(約30日)の2.4倍です。休眠の目安(60日)を超えています。継続している確率 38%。
 * Only for at_risk and dormant customers; everyone else gets null (the sheet cell stays empty).
 * Plugs into analyze.ts as `model.explainRisk`.
 */
import type { CustomerRow, Settings } from "../types";

export type RiskInput = Pick<
  CustomerRow,
  "state" | "recencyDays" | "purchases" | "avgIntervalDays" | "pAlive" | "expectedPurchases90d"
>;

export function explainRisk(
  row: RiskInput,
  settings: Pick<Settings, "atRiskDays">,
): { ja: string; en: string } | null {
  if (row.state !== "at_risk" && row.state !== "dormant") return null;
  // Built by concatenation, not arrays and join: a large shop has tens of thousands of at-risk customers.
  const r = row.recencyDays;
  let ja: string;
  let en: string;

  if (row.purchases <= 1 || row.avgIntervalDays === null || !(row.avgIntervalDays > 0)) {
    ja = `初回のご購入から${r}日。まだ2回目のご購入がありません。`;
    en = `${r} days since the first purchase, with no second purchase yet.`;
  } else {
    const usual = Math.max(1, Math.round(row.avgIntervalDays));
    const ratio = r / row.avgIntervalDays;
    if (ratio >= 1.05) {
      const times = ratio.toFixed(1);
      ja = `前回のご購入から${r}日。いつもの購入間隔(約${usual}日)の${times}倍です。`;
      en = `${r} days since the last purchase, ${times} times the usual interval (about ${usual} days).`;
    } else {
      ja = `前回のご購入から${r}日。いつもの購入間隔(約${usual}日)の範囲内です。`;
      en = `${r} days since the last purchase, within the usual interval (about ${usual} days).`;
    }
  }

  const limit = settings.atRiskDays;
  if (row.state === "dormant") {
    ja += `休眠の目安(${limit}日)を超えています。`;
    en += ` Past the ${limit}-day dormancy line.`;
  } else {
    const left = Math.max(0, limit - r);
    ja += `休眠の目安(${limit}日)まであと${left}日です。`;
    en += ` ${left} days before the ${limit}-day dormancy line.`;
  }

  if (row.pAlive !== null && Number.isFinite(row.pAlive)) {
    const pct = percent(row.pAlive);
    ja += `継続している確率 ${pct.ja}。`;
    en += ` Probability still active: ${pct.en}.`;
  } else if (row.expectedPurchases90d !== null && Number.isFinite(row.expectedPurchases90d)) {
    // Single-purchase customers: BG/NBD's P(alive) is always 100 % for them, so quote the 90-day outlook.
    const e = row.expectedPurchases90d.toFixed(1);
    ja += `90日以内のご購入見込み ${e}回。`;
    en += ` Expected purchases in the next 90 days: ${e}.`;
  }
  return { ja, en };
}

function percent(p: number): { ja: string; en: string } {
  const v = Math.round(Math.min(1, Math.max(0, p)) * 100);
  if (v === 0 && p > 0) return { ja: "1%未満", en: "under 1%" };
  return { ja: `${v}%`, en: `${v}%` };
}
