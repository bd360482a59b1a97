import { RFM_SEGMENT_RULES } from "../core/model/rfm";
import { RFM_SEGMENT_LABELS, RFM_SEGMENT_ORDER } from "../core/model/rfmSegments";
import type { AnalysisResult, Lang, RfmBins, RfmSegment } from "../core/types";
import type { Cell } from "./cell";

/**
 * The RFM lens's rules table for the dashboard (and summary.csv): each segment with its score ranges, how many
 * customers it holds, what it means and what to do; then what the scores mean in days, orders and money for this
 * shop. Empty when the lens is off, so the dashboard is unchanged for shops that do not ask for it.
 */
export function rfmGuideGrid(result: AnalysisResult, lang: Lang): Cell[][] {
  const bins = result.rfmBins;
  if (!result.settings.showRfm || !bins) return [];
  const t = (ja: string, en: string) => (lang === "ja" ? ja : en);
  const counts = new Map<RfmSegment, number>();
  for (const c of result.customers) {
    if (c.rfm) counts.set(c.rfm.segment, (counts.get(c.rfm.segment) ?? 0) + 1);
  }

  const grid: Cell[][] = [];
  grid.push([t("RFM分析(もうひとつの見方)", "RFM analysis (another lens)")]);
  grid.push([
    t(
      "最近さ(R)・回数(F)・金額(M)をお客様どうしで比べて1〜5点にし(5点がいちばん良い)、表の上から順に最初に当てはまったセグメントに分けています。",
      "Recency (R), frequency (F) and monetary value (M) are scored 1–5 against the other customers (5 = best); each customer is in the first segment of the table that matches.",
    ),
  ]);
  grid.push([
    t("セグメント", "Segment"),
    t("R(最近さ)", "R (recency)"),
    t("F(回数)", "F (frequency)"),
    t("M(金額)", "M (monetary)"),
    t("人数", "Customers"),
    t("意味", "Meaning"),
    t("おすすめの一手", "Suggested action"),
  ]);
  const range = (r: readonly [number, number] | undefined): Cell =>
    r === undefined ? null : r[0] === r[1] ? r[0] : span(r[0], r[1], lang);
  for (const segment of RFM_SEGMENT_ORDER) {
    const rule = RFM_SEGMENT_RULES.find((r) => r.segment === segment);
    const guide = RFM_SEGMENT_LABELS[segment];
    grid.push([
      guide.name[lang],
      range(rule?.recency),
      range(rule?.frequency),
      range(rule?.monetary),
      counts.get(segment) ?? 0,
      guide.meaning[lang],
      guide.action[lang],
    ]);
  }

  grid.push([]);
  grid.push([t("このお店での点数の目安", "What the scores mean in this shop")]);
  grid.push([
    t("点数", "Score"),
    t("R:前回のご購入から", "R: since the last purchase"),
    t("F:注文数", "F: orders"),
    t("M:累計購入額", "M: total spend"),
  ]);
  const top = bins.recency.lower.length;
  for (let score = top; score >= 1; score--) {
    grid.push([
      score,
      // Recency is reversed: score 5 is the first (most recent) bin.
      wholeRange(bins.recency, top - score, t("日", " days"), lang),
      wholeRange(bins.frequency, score - 1, t("回", ""), lang),
      amountRange(bins.monetary, score - 1, lang),
    ]);
  }
  return grid;
}

/** A bin of whole numbers (days, orders) as "a〜b日"; "—" when no whole number falls in it. */
function wholeRange(bins: RfmBins, i: number, unit: string, lang: Lang): string {
  const from = Math.ceil(bins.lower[i]);
  const to = Math.ceil(bins.upper[i]) - 1;
  if (from > to) return "—";
  return `${from === to ? from : span(from, to, lang)}${unit}`;
}

/** A range of scores or whole numbers as "a〜b" (ja) or "a–b" (en). */
function span(from: number, to: number, lang: Lang): string {
  return lang === "ja" ? `${from}〜${to}` : `${from}–${to}`;
}

/** A money bin as "from 1,200 to under 3,400" (amounts may be fractional, so the edges are given as they are). */
function amountRange(bins: RfmBins, i: number, lang: Lang): string {
  const lower = bins.lower[i];
  const upper = bins.upper[i];
  if (!(lower < upper)) return "—";
  const show = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return lang === "ja"
    ? `${show(lower)}以上 ${show(upper)}未満`
    : `from ${show(lower)} to under ${show(upper)}`;
}
