/**
 * Which order statuses mean "this order did not happen" (DOMAIN §2): cancelled / canceled / voided / refunded,
 * キャンセル / 取消 / 返品, and also failed (a payment that failed, e.g. WooCommerce) and 返金 (refunded in
 * Japanese). Partial refunds and partial cancellations ("partially_refunded", "一部返品") are still purchases:
 * the customer kept part of the order. Verdicts are cached per distinct status text, since an export has few.
 */

const CANCEL_WORDS = new Set(["cancelled", "canceled", "cancel", "voided", "void", "refunded", "failed"]);
const CANCEL_JA = ["キャンセル", "取消", "取り消し", "返品", "返金"];
const PARTIAL = /partial|一部/;

const verdicts = new Map<string, boolean>();

export function isCancelledStatus(text: string): boolean {
  let v = verdicts.get(text);
  if (v === undefined) {
    v = judge(text);
    if (verdicts.size < 10_000) verdicts.set(text, v);
  }
  return v;
}

function judge(text: string): boolean {
  const s = text.normalize("NFKC").trim().toLowerCase();
  if (s === "" || PARTIAL.test(s)) return false;
  if (CANCEL_JA.some((w) => s.includes(w))) return true;
  return s.split(/[^a-z]+/).some((w) => CANCEL_WORDS.has(w));
}
