/**
 * Reads one date cell into a calendar day in the shop's time zone (DOMAIN §2).
 *
 * Accepted: Date objects (instants, converted with the zone), Sheets serial numbers, 8-digit YYYYMMDD numbers,
 * and text in these forms (full-width digits allowed):
 *   2026-05-29, 2026/5/29, 2026.05.29, 2026年5月29日, 20260529, 20260529013900,
 *   5/29/2026 (or 29/5/2026 when dayFirst), each optionally followed by a weekday in brackets "(金)",
 *   a time "01:39", "1:39:00", "01:39:00.123", "1:39 PM", and an offset "Z", "+09:00", "+0900", "+0000", "UTC".
 * A time without an offset is the shop's own wall clock, so only its date part counts and Intl is never asked;
 * a time with an offset is an instant and lands on the day it is in `timeZone`.
 * Anything else (including impossible dates such as 2026-02-30) is null, so the row is skipped as a bad date.
 *
 * The scanner is hand-written rather than a chain of regexes because the CLI reads a million rows.
 */
import { dayFromSheetsSerial, dayFromYmd, dayOfInstant, isValidYmd } from "./day";
import type { DayNumber } from "./types";

export interface ParseDayOptions {
  timeZone: string;
  dayFirst: boolean;
}

/** Serial range Sheets/Excel can show as a date: 1 (1899-12-31) … 2958465 (9999-12-31). */
const MAX_SERIAL = 2_958_465;

export function parseDay(value: unknown, opts: ParseDayOptions): DayNumber | null {
  if (typeof value === "string") return parseDayText(value, opts);
  if (typeof value === "number") return parseDayNumber(value);
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? dayOfInstant(ms, opts.timeZone) : null;
  }
  return null;
}

function parseDayNumber(n: number): DayNumber | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n) && n >= 10_000_101 && n <= 99_991_231) {
    // 20260529 typed into a number cell: YYYYMMDD, never a serial (serials stop at 2958465).
    return ymdOrNull(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
  }
  if (n >= 1 && n < MAX_SERIAL + 1) return dayFromSheetsSerial(n);
  return null;
}

function ymdOrNull(y: number, m: number, d: number): DayNumber | null {
  return isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : null;
}

/** Full-width digits and punctuation → ASCII, only when present (the common case pays one scan). */
function toHalfWidth(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || c === 0x2212) {
      needs = true;
      break;
    }
  }
  if (!needs) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else if (c === 0x2212) out += "-";
    else out += s[i];
  }
  return out;
}

const C0 = 48; // "0"

/** A small cursor over the text; every read returns -1 on failure so the caller can bail out. */
class Scanner {
  pos = 0;
  constructor(readonly s: string) {}

  /** Reads 1..max digits; returns the value and sets lastLen, or -1 when no digit is here. */
  lastLen = 0;
  digits(max: number): number {
    let v = 0;
    let n = 0;
    const s = this.s;
    while (n < max && this.pos < s.length) {
      const c = s.charCodeAt(this.pos) - C0;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
      this.pos++;
      n++;
    }
    this.lastLen = n;
    return n === 0 ? -1 : v;
  }
  peek(): string {
    return this.pos < this.s.length ? this.s[this.pos] : "";
  }
  eat(ch: string): boolean {
    if (this.s[this.pos] === ch) {
      this.pos++;
      return true;
    }
    return false;
  }
  skipSpaces(): void {
    while (this.pos < this.s.length && (this.s[this.pos] === " " || this.s[this.pos] === "\t")) this.pos++;
  }
  atEnd(): boolean {
    return this.pos >= this.s.length;
  }
}

/** Digit value at i, or −1. */
function dig(s: string, i: number): number {
  const c = s.charCodeAt(i) - C0;
  return c >= 0 && c <= 9 ? c : -1;
}

function two(s: string, i: number): number {
  const a = dig(s, i);
  const b = dig(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** "+0900" / "-08:00" at i (colon optional): the offset in minutes, or NaN. */
function offsetAt(s: string, i: number, colon: boolean): number {
  const sign = s.charCodeAt(i);
  if (sign !== 43 && sign !== 45) return Number.NaN;
  const hh = two(s, i + 1);
  if (colon && s.charCodeAt(i + 3) !== 58) return Number.NaN;
  const mm = two(s, colon ? i + 4 : i + 3);
  if (hh < 0 || mm < 0 || hh > 18 || mm > 59) return Number.NaN;
  return (sign === 45 ? -1 : 1) * (hh * 60 + mm);
}

/**
 * The forms a million-row export nearly always uses, read by position: "2026-05-29" or "2026/05/29", optionally
 * followed by " HH:MM", " HH:MM:SS" / "THH:MM:SS", and then optionally by an offset "Z", "+0900", "+09:00" or
 * Shopify's " +0000". Returns undefined when the text is not exactly one of these (the full scanner decides).
 */
function fastDay(s: string, timeZone: string): DayNumber | null | undefined {
  const n = s.length;
  if (n !== 10 && n !== 16 && n !== 19 && n !== 20 && n !== 24 && n !== 25) return undefined;
  const sep = s.charCodeAt(4);
  if ((sep !== 45 && sep !== 47) || s.charCodeAt(7) !== sep) return undefined;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const m = two(s, 5);
  const d = two(s, 8);
  if (hi < 0 || lo < 0 || m < 0 || d < 0) return undefined;
  const y = hi * 100 + lo;
  if (n === 10) return dayOfValidYmd(y, m, d);
  const t = s.charCodeAt(10);
  if ((t !== 32 && t !== 84) || s.charCodeAt(13) !== 58) return undefined;
  const hh = two(s, 11);
  const mm = two(s, 14);
  if (hh < 0 || mm < 0 || hh > 23 || mm > 59) return undefined; // 24:00 and bad times: the full scanner decides
  let ss = 0;
  if (n >= 19) {
    if (s.charCodeAt(16) !== 58) return undefined;
    ss = two(s, 17);
    if (ss < 0 || ss > 59) return undefined;
  } else if (n !== 16) return undefined;
  const day = dayOfValidYmd(y, m, d);
  if (day === null) return null;
  if (n <= 19) return day; // the shop's own wall clock
  let offset: number;
  if (n === 20) offset = s.charCodeAt(19) === 90 ? 0 : Number.NaN;
  else if (n === 24) offset = offsetAt(s, 19, false);
  else offset = s.charCodeAt(19) === 32 ? offsetAt(s, 20, false) : offsetAt(s, 19, true);
  if (Number.isNaN(offset)) return undefined;
  return dayOfInstant(
    day * 86_400_000 + hh * 3_600_000 + mm * 60_000 + ss * 1000 - offset * 60_000,
    timeZone,
  );
}

/** Years whose months fastDay looks up in MONTH_START rather than computing (every shop's orders fall in them). */
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 200;
/**
 * The day of the 1st of each month of the table's years, and of the month after the last: a date is then two
 * reads (its month's start and the next one's, whose difference is the month's length), where isValidYmd and
 * dayFromYmd cost half a dozen floating-point divisions on every order of a large export. Built on first use.
 */
let monthStart: Int32Array | null = null;

function monthStarts(): Int32Array {
  const t = new Int32Array(TABLE_YEARS * 12 + 1);
  for (let i = 0; i < t.length; i++)
    t[i] = dayFromYmd(TABLE_FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1);
  monthStart = t;
  return t;
}

/** Exactly isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : null. */
export function dayOfValidYmd(y: number, m: number, d: number): DayNumber | null {
  const year = y - TABLE_FIRST_YEAR;
  if (year >= 0 && year < TABLE_YEARS && m >= 1 && m <= 12 && d >= 1) {
    const t = monthStart ?? monthStarts();
    const i = year * 12 + m - 1;
    const first = t[i];
    return d <= t[i + 1] - first ? first + d - 1 : null;
  }
  return isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : null;
}

function parseDayText(raw: string, opts: ParseDayOptions): DayNumber | null {
  const fast = fastDay(raw, opts.timeZone);
  if (fast !== undefined) return fast;
  const s = toHalfWidth(raw.trim());
  if (s.length < 6) return null;
  const sc = new Scanner(s);
  const a = sc.digits(14);
  if (a < 0) return null;
  const aLen = sc.lastLen;
  let y: number;
  let m: number;
  let d: number;
  let hour = -1;
  let minute = 0;
  let second = 0;
  if (aLen === 8 || aLen === 14) {
    // YYYYMMDD or YYYYMMDDHHMMSS (Yahoo!-style compact timestamps): wall-clock time, date part only.
    const head = aLen === 14 ? Math.floor(a / 1_000_000) : a;
    y = Math.floor(head / 10_000);
    m = Math.floor(head / 100) % 100;
    d = head % 100;
    if (aLen === 14) {
      const hms = a % 1_000_000;
      if (Math.floor(hms / 10_000) > 23 || Math.floor(hms / 100) % 100 > 59 || hms % 100 > 60) return null;
    }
  } else if (aLen === 4) {
    y = a;
    const sep = sc.peek();
    if (sep === "年") {
      sc.pos++;
      m = sc.digits(2);
      if (!sc.eat("月")) return null;
      d = sc.digits(2);
      if (!sc.eat("日")) return null;
    } else if (sep === "-" || sep === "/" || sep === ".") {
      sc.pos++;
      m = sc.digits(2);
      if (!sc.eat(sep)) return null;
      d = sc.digits(2);
    } else {
      return null;
    }
  } else if (aLen <= 2) {
    // Year last: M/D/YYYY, or D/M/YYYY when the settings say day first.
    const sep = sc.peek();
    if (sep !== "/" && sep !== "-" && sep !== ".") return null;
    sc.pos++;
    const b = sc.digits(2);
    if (!sc.eat(sep)) return null;
    y = sc.digits(4);
    if (sc.lastLen !== 4) return null;
    m = opts.dayFirst ? b : a;
    d = opts.dayFirst ? a : b;
  } else {
    return null;
  }
  if (m < 0 || d < 0 || !isValidYmd(y, m, d)) return null;
  const day = dayFromYmd(y, m, d);
  if (sc.atEnd()) return day;

  // Optional weekday in brackets, as Japanese exports write it: 2026/05/29(金) or （金）.
  if (sc.peek() === "(" || sc.peek() === "（") {
    const close = s.indexOf(sc.peek() === "(" ? ")" : "）", sc.pos);
    if (close < 0 || close - sc.pos > 5) return null;
    sc.pos = close + 1;
  }
  // Optional time.
  if (sc.peek() === "T" || sc.peek() === " " || sc.peek() === "\t") {
    sc.pos++;
    sc.skipSpaces();
  }
  if (!sc.atEnd() && aLen !== 14) {
    hour = sc.digits(2);
    if (hour < 0) return null;
    if (!sc.eat(":")) return null;
    minute = sc.digits(2);
    if (minute < 0 || sc.lastLen !== 2) return null;
    if (sc.eat(":")) {
      second = sc.digits(2);
      if (second < 0 || sc.lastLen !== 2) return null;
      if (sc.eat(".") || sc.eat(",")) {
        if (sc.digits(9) < 0) return null;
      }
    }
    sc.skipSpaces();
    const ampm = s.slice(sc.pos, sc.pos + 2).toUpperCase();
    if (ampm === "AM" || ampm === "PM") {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (ampm === "PM" ? 12 : 0);
      sc.pos += 2;
      sc.skipSpaces();
    }
    if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return null;
  }
  if (sc.atEnd()) return day;

  // Optional offset: the timestamp is an instant, so it lands on its day in the shop's zone.
  const offsetMin = readOffsetMinutes(sc);
  if (offsetMin === null || !sc.atEnd()) return null;
  if (hour < 0) return null; // an offset without a time means nothing
  const wallMs = day * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000;
  return dayOfInstant(wallMs - offsetMin * 60_000, opts.timeZone);
}

/** Z, UTC, GMT, +09:00, +0900, +09, −08:00 (with an optional leading space already skipped); null if malformed. */
function readOffsetMinutes(sc: Scanner): number | null {
  const rest = sc.s.slice(sc.pos);
  if (rest === "Z" || rest === "z" || rest === "UTC" || rest === "GMT") {
    sc.pos = sc.s.length;
    return 0;
  }
  let sign = 0;
  const c = sc.peek();
  if (c === "+") sign = 1;
  else if (c === "-" || c === "−") sign = -1;
  else return null;
  sc.pos++;
  const hh = sc.digits(2);
  if (hh < 0 || sc.lastLen !== 2) return null;
  let mm = 0;
  if (sc.eat(":")) {
    mm = sc.digits(2);
    if (mm < 0 || sc.lastLen !== 2) return null;
  } else if (!sc.atEnd()) {
    mm = sc.digits(2);
    if (mm < 0 || sc.lastLen !== 2) return null;
  }
  if (hh > 18 || mm > 59) return null;
  return sign * (hh * 60 + mm);
}
