/**
 * Calendar days as plain integers (DayNumber: days since 1970-01-01), so that day arithmetic never depends
 * on the machine's time zone. Civil-date conversion uses Howard Hinnant's days_from_civil algorithm
 * (proleptic Gregorian, integer only). Only dayOfInstant needs a time zone, and it asks Intl once per zone
 * per hour of time, then caches the UTC offset.
 */
import type { DayNumber } from "./types";

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** Days since 1970-01-01 of a proleptic Gregorian date. m is 1–12; d may be any day of the month. */
export function dayFromYmd(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function ymdOfDay(day: DayNumber): { y: number; m: number; d: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

/** A real calendar date (rejects 2026-02-30, month 13, year 0 …). Years 1000–9999 only: anything else is a typo. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatDay(day: DayNumber): string {
  const { y, m, d } = ymdOfDay(day);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/** Strict YYYY-MM-DD (the form settings and the CLI's --as-of use); null for anything else or an impossible date. */
export function parseIsoDay(s: string): DayNumber | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : null;
}

/** Calendar months later (n < 0: earlier); the day is clamped to the month's end (03-31 − 1 month = 02-28/29). */
export function addMonths(day: DayNumber, n: number): DayNumber {
  const { y, m, d } = ymdOfDay(day);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return dayFromYmd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

// ---- instants → calendar days in a zone ----

const formatters = new Map<string, Intl.DateTimeFormat>();
/** zone → cached UTC offsets (see zoneOffsetMs). */
const offsetCache = new Map<string, ZoneCache>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: settings validation catches that before any row is read.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** UTC offset (local wall clock − UTC) in ms of `timeZone` at the instant, asking Intl (slow; cached by callers). */
function offsetFromIntl(epochMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of parts) {
    if (p.type === "year") y = Number(p.value);
    else if (p.type === "month") mo = Number(p.value);
    else if (p.type === "day") d = Number(p.value);
    else if (p.type === "hour") h = Number(p.value);
    else if (p.type === "minute") mi = Number(p.value);
    else if (p.type === "second") s = Number(p.value);
  }
  // Era-less en-US years are positive; dates before year 1 do not occur in shop data.
  const wall = dayFromYmd(y, mo, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * 60_000 + s * 1000;
  const instantSeconds = Math.floor(epochMs / 1000) * 1000;
  return wall - instantSeconds;
}

interface ZoneCache {
  /** 24-hour bucket since the epoch → offset, or NaN when the offset changes inside that bucket. */
  days: Map<number, number>;
  /** Hour bucket → offset, only for the buckets with a change. */
  hours: Map<number, number>;
}

let memoZone = "";
let memoDay = Number.NaN;
let memoOffset = 0;

/**
 * UTC offset of the zone at the instant. Offsets change a few times a year, so they are cached per 24 hours:
 * when the offset is the same at both ends of the 24 hours, it holds throughout (two changes never fall within one
 * day). Buckets with a change are cached per hour the same way, and an hour with a change not on the hour
 * (historical local mean time, Lord Howe's half hours) is asked exactly. Consecutive rows of one day skip the Maps.
 */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const dayBucket = Math.floor(epochMs / MS_PER_DAY);
  if (dayBucket === memoDay && timeZone === memoZone) return memoOffset;
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = { days: new Map(), hours: new Map() };
    offsetCache.set(timeZone, zone);
  }
  let dayOffset = zone.days.get(dayBucket);
  if (dayOffset === undefined) {
    const start = offsetFromIntl(dayBucket * MS_PER_DAY, timeZone);
    const end = offsetFromIntl(dayBucket * MS_PER_DAY + MS_PER_DAY - 1000, timeZone);
    dayOffset = start === end ? start : Number.NaN;
    zone.days.set(dayBucket, dayOffset);
  }
  if (!Number.isNaN(dayOffset)) {
    memoZone = timeZone;
    memoDay = dayBucket;
    memoOffset = dayOffset;
    return dayOffset;
  }
  const bucket = Math.floor(epochMs / MS_PER_HOUR);
  const cached = zone.hours.get(bucket);
  if (cached !== undefined) return cached;
  const start = offsetFromIntl(bucket * MS_PER_HOUR, timeZone);
  const end = offsetFromIntl(bucket * MS_PER_HOUR + MS_PER_HOUR - 1000, timeZone);
  if (start === end) {
    zone.hours.set(bucket, start);
    return start;
  }
  return offsetFromIntl(epochMs, timeZone);
}

/** The calendar day, in `timeZone`, of an instant (ms since the epoch). */
export function dayOfInstant(epochMs: number, timeZone: string): DayNumber {
  return Math.floor((epochMs + zoneOffsetMs(epochMs, timeZone)) / MS_PER_DAY);
}

/** Today in the zone (the default as-of date). */
export function todayIn(timeZone: string, nowMs: number = Date.now()): DayNumber {
  return dayOfInstant(nowMs, timeZone);
}

/** Sheets/Excel serial 25569 = 1970-01-01 (serial 0 = 1899-12-30). Fractions are times of day: dropped. */
const SERIAL_OF_EPOCH = 25_569;

export function dayFromSheetsSerial(n: number): DayNumber {
  return Math.floor(n) - SERIAL_OF_EPOCH;
}

export function sheetsSerialOfDay(day: DayNumber): number {
  return day + SERIAL_OF_EPOCH;
}
