/**
 * Reads one amount cell (DOMAIN §2). Accepted: numbers; text such as "1234", "¥1,234", "1,234円", "$12.50",
 * "JPY 1,234", "1,234 円(税込)", full-width digits, commas and minus signs, and three ways to write a negative
 * amount (a refund): "-1,234", "▲1,234" / "△1,234" (Japanese bookkeeping) and "(1,234)" (accounting brackets).
 * Commas must be thousands separators ("12,50" is refused rather than guessed as 12.5 or 1250), so a European
 * decimal comma ends up as a bad amount with the value named, never as a silently wrong number.
 */

/** A cell with nothing in it: null, undefined, "" or only spaces. Blank amounts are not errors (see clean.ts). */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 10 && c !== 13 && c !== 0xa0) return false;
    }
    return true;
  }
  return false;
}

/** The amount as a number, or null when it cannot be read (callers report the row as a bad amount). */
export function parseAmount(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const fast = plainNumber(value);
  if (fast !== null) return fast;
  return parseAmountText(value);
}

/**
 * "1234", "-12.5": the common CSV case, read without any string building. Whole numbers of up to 15 digits are
 * summed digit by digit (exact below 2^53, so the same as Number(s), −0 included), which spares a call into
 * V8's string-to-number conversion on every row; decimals still go through Number(s).
 */
function plainNumber(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 20) return null;
  const minus = s.charCodeAt(0) === 45;
  let i = minus ? 1 : 0;
  if (i === n) return null;
  let dot = false;
  let v = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && !dot) dot = true;
    else if (c < 48 || c > 57) return null;
    else v = v * 10 + (c - 48);
  }
  if (s.charCodeAt(n - 1) === 46) return null;
  if (!dot && n <= 15) return minus ? -v : v;
  return Number(s);
}

const CURRENCY_WORDS = /^(JPY|USD|EUR|GBP|US\$|円)|(JPY|USD|EUR|GBP|円)$/i;
const TAX_NOTE = /[(（](税込|税抜|税込み|tax incl\.?|incl\. tax)[)）]$/i;

function parseAmountText(raw: string): number | null {
  let s = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) s += String.fromCharCode(c - 0xfee0);
    else if (c === 0x2212 || c === 0x2012 || c === 0x2013 || c === 0xfe63) s += "-";
    else if (c === 0xffe5 || c === 0xa5) s += "¥";
    else if (c === 0x3000 || c === 0xa0 || c === 0x202f || c === 9) s += " ";
    else s += raw[i];
  }
  s = s.trim().replace(TAX_NOTE, "").trim();
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith("▲") || s.startsWith("△")) {
    if (negative) return null;
    negative = true;
    s = s.slice(1).trim();
  }
  if (s.startsWith("-")) {
    if (negative) return null;
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) {
    s = s.slice(1).trim();
  }
  // Currency marks before or after the number, and a minus may also follow the symbol: "¥-1,234".
  s = s
    .replace(/^[¥$€£]/, "")
    .replace(CURRENCY_WORDS, "")
    .trim();
  if (s.startsWith("-")) {
    if (negative) return null;
    negative = true;
    s = s.slice(1).trim();
  }
  s = s.replace(CURRENCY_WORDS, "").trim();
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) return null;
  const v = Number(s.replace(/,/g, ""));
  if (!Number.isFinite(v)) return null;
  return negative ? -v : v;
}
