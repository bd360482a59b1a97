/**
 * Settings (DOMAIN §4): defaults from the seeds, validation whose messages name the field (ja + en), the
 * key/value form the 設定 sheet holds, and thresholds suggested from the shop's own repurchase cycle.
 */
import { formatDay, parseIsoDay } from "./day";
import { parseDay } from "./parseDate";
import type { EngagementAction, Settings, SettingsError, Validated } from "./types";

export const ENGAGEMENT_ACTIONS: readonly EngagementAction[] = [
  "review",
  "survey",
  "sns",
  "referral",
  "event",
  "community",
  "inquiry",
];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  activeDays: 30,
  atRiskDays: 60,
  newMaxPurchases: 2,
  vipMinPurchases: 4,
  vipRecencyDays: 45,
  vipTopPercent: 1,
  vipMinPoints: 4,
  actionPoints: Object.freeze({
    review: 1,
    survey: 1,
    sns: 1,
    referral: 1,
    event: 1,
    community: 1,
    inquiry: 1,
  }) as Record<EngagementAction, number>,
  fanBronze: 3,
  fanSilver: 5,
  fanGold: 8,
  fanAtRiskDays: 60,
  timeZone: "Asia/Tokyo",
  dayFirst: false,
  asOf: null,
  language: "ja",
  // Off by default: the rule book's states are the product's language, and RFM's relative segments (its "At Risk"
  // is the bottom of a ranking, not a number of days) would put two different verdicts side by side unasked.
  showRfm: false,
});

/** Japanese names of the fields, for messages. */
const FIELD_JA: Record<string, string> = {
  activeDays: "継続とみなす日数 (activeDays)",
  atRiskDays: "休眠とみなす日数 (atRiskDays)",
  newMaxPurchases: "新規とみなす購入回数 (newMaxPurchases)",
  vipMinPurchases: "優良候補の購入回数 (vipMinPurchases)",
  vipRecencyDays: "優良の直近購入日数 (vipRecencyDays)",
  vipTopPercent: "優良の累計購入額上位% (vipTopPercent)",
  vipMinPoints: "優良に必要な関係ポイント (vipMinPoints)",
  fanBronze: "ブロンズファンの来館日数 (fanBronze)",
  fanSilver: "シルバーファンの来館日数 (fanSilver)",
  fanGold: "ゴールドファンの来館日数 (fanGold)",
  fanAtRiskDays: "来館フォロー日数 (fanAtRiskDays)",
  timeZone: "タイムゾーン (timeZone)",
  dayFirst: "日付の並び (dayFirst)",
  asOf: "基準日 (asOf)",
  language: "表示言語 (language)",
  showRfm: "RFM分析の表示 (showRfm)",
};

function fieldJa(field: string): string {
  if (field.startsWith("actionPoints.")) return `関係行動のポイント (${field})`;
  return FIELD_JA[field] ?? field;
}

type Raw = Record<string, unknown>;

function err(errors: SettingsError[], field: string, ja: string, en: string): void {
  errors.push({ field, message: { ja: `${fieldJa(field)}: ${ja}`, en: `${field}: ${en}` } });
}

function show(v: unknown): string {
  if (typeof v === "string") return `"${v}"`;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** A number from a sheet cell or JSON: numbers, or text such as "30" / "３０" / " 1.5 ". */
function toNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const s = v.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** A yes/no setting and the words it reads beyond the shared ones. */
interface BooleanWords {
  field: "dayFirst" | "showRfm";
  yes: readonly string[];
  no: readonly string[];
}

/** Words every yes/no setting reads: as JSON, the 設定 sheet or a Japanese owner writes them. */
const YES = ["true", "yes", "1", "はい", "on"];
const NO = ["false", "no", "0", "いいえ", "off", ""];

/** A yes/no value in the words of `words`' field; null when unreadable. */
function toBoolean(v: unknown, words: BooleanWords): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== "string") return null;
  const s = v.trim().toLowerCase();
  if (YES.includes(s) || words.yes.includes(s)) return true;
  if (NO.includes(s) || words.no.includes(s)) return false;
  return null;
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

interface IntRule {
  field: keyof Settings;
  min: number;
  max: number;
}
const INT_RULES: IntRule[] = [
  { field: "activeDays", min: 1, max: 3650 },
  { field: "atRiskDays", min: 1, max: 3650 },
  { field: "newMaxPurchases", min: 1, max: 1000 },
  { field: "vipMinPurchases", min: 1, max: 1000 },
  { field: "vipRecencyDays", min: 1, max: 3650 },
  { field: "vipMinPoints", min: 0, max: 1000 },
  { field: "fanBronze", min: 1, max: 30 },
  { field: "fanSilver", min: 1, max: 30 },
  { field: "fanGold", min: 1, max: 30 },
  { field: "fanAtRiskDays", min: 1, max: 3650 },
];

/**
 * The yes/no settings, checked in this order (as INT_RULES are for the whole numbers). dayFirst may also be
 * answered with the date order it chooses ("d/m/y"); those words belong to it alone: read as showRfm they once
 * turned the RFM lens on.
 */
const BOOLEAN_FIELDS: readonly BooleanWords[] = [
  { field: "dayFirst", yes: ["日/月/年", "d/m/y"], no: ["月/日/年", "m/d/y"] },
  { field: "showRfm", yes: [], no: [] },
];

/**
 * Validates a settings object (typically parsed JSON or settingsFromPairs' map). Missing keys take the value from
 * `base` (the defaults, or the settings currently in force), so a partial object is fine; unknown keys are refused
 * so that a typo in a key is not silently ignored. Values may be text as a sheet gives them ("30", "true").
 */
export function validateSettings(
  input: unknown,
  base: Readonly<Settings> = DEFAULT_SETTINGS,
): Validated<Settings> {
  const errors: SettingsError[] = [];
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [
        {
          field: "settings",
          message: {
            ja: "設定はキーと値の組で指定してください。",
            en: "Settings must be an object of key/value pairs.",
          },
        },
      ],
    };
  }
  const raw = input as Raw;
  const out: Settings = { ...base, actionPoints: { ...base.actionPoints } };
  const known = new Set<string>(Object.keys(DEFAULT_SETTINGS));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) err(errors, key, "不明な設定項目です。", "unknown setting.");
  }

  for (const rule of INT_RULES) {
    if (!(rule.field in raw)) continue;
    const v = toNumber(raw[rule.field]);
    if (v === null || !Number.isInteger(v)) {
      err(
        errors,
        rule.field,
        `整数で入力してください(入力値 ${show(raw[rule.field])})。`,
        `must be a whole number (got ${show(raw[rule.field])}).`,
      );
    } else if (v < rule.min || v > rule.max) {
      err(
        errors,
        rule.field,
        `${rule.min}〜${rule.max} の範囲で入力してください(入力値 ${v})。`,
        `must be between ${rule.min} and ${rule.max} (got ${v}).`,
      );
    } else {
      (out as unknown as Record<string, number>)[rule.field] = v;
    }
  }

  if ("vipTopPercent" in raw) {
    const v = toNumber(raw.vipTopPercent);
    if (v === null || v <= 0 || v > 100) {
      err(
        errors,
        "vipTopPercent",
        `0より大きく100以下の数で入力してください(入力値 ${show(raw.vipTopPercent)})。`,
        `must be a number above 0 and at most 100 (got ${show(raw.vipTopPercent)}).`,
      );
    } else out.vipTopPercent = v;
  }

  if ("actionPoints" in raw) {
    const ap = raw.actionPoints;
    if (typeof ap !== "object" || ap === null || Array.isArray(ap)) {
      err(
        errors,
        "actionPoints",
        "行動ごとのポイントを指定してください。",
        "must map each action to its points.",
      );
    } else {
      for (const [action, value] of Object.entries(ap as Raw)) {
        const field = `actionPoints.${action}`;
        if (!(ENGAGEMENT_ACTIONS as readonly string[]).includes(action)) {
          err(
            errors,
            field,
            `不明な行動です(使えるのは ${ENGAGEMENT_ACTIONS.join(", ")})。`,
            `unknown action (use ${ENGAGEMENT_ACTIONS.join(", ")}).`,
          );
          continue;
        }
        const v = toNumber(value);
        if (v === null || v < 0 || v > 100) {
          err(
            errors,
            field,
            `0〜100 の数で入力してください(入力値 ${show(value)})。`,
            `must be a number from 0 to 100 (got ${show(value)}).`,
          );
        } else out.actionPoints[action as EngagementAction] = v;
      }
    }
  }

  if ("timeZone" in raw) {
    const v = raw.timeZone;
    if (typeof v !== "string" || v.trim() === "" || !isValidTimeZone(v.trim())) {
      err(
        errors,
        "timeZone",
        `IANA のタイムゾーン名(例: Asia/Tokyo)で入力してください(入力値 ${show(v)})。`,
        `must be an IANA time zone such as Asia/Tokyo (got ${show(v)}).`,
      );
    } else out.timeZone = v.trim();
  }

  for (const words of BOOLEAN_FIELDS) {
    const field = words.field;
    if (!(field in raw)) continue;
    const v = toBoolean(raw[field], words);
    if (v === null)
      err(
        errors,
        field,
        `TRUE か FALSE で入力してください(入力値 ${show(raw[field])})。`,
        `must be TRUE or FALSE (got ${show(raw[field])}).`,
      );
    else out[field] = v;
  }

  if ("language" in raw) {
    const v = typeof raw.language === "string" ? raw.language.trim().toLowerCase() : "";
    if (v === "ja" || v === "日本語" || v === "japanese") out.language = "ja";
    else if (v === "en" || v === "english" || v === "英語") out.language = "en";
    else
      err(
        errors,
        "language",
        `ja か en で入力してください(入力値 ${show(raw.language)})。`,
        `must be ja or en (got ${show(raw.language)}).`,
      );
  }

  if ("asOf" in raw) {
    const v = raw.asOf;
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) out.asOf = null;
    else {
      // A sheet may hold the as-of date as a Date cell or a serial: read it like any date, in the shop's zone.
      const day = typeof v === "string" ? (parseIsoDay(v) ?? parseDay(v, out)) : parseDay(v, out);
      if (day === null)
        err(
          errors,
          "asOf",
          `日付(例: 2026-05-31)で入力するか、空欄(今日)にしてください(入力値 ${show(v)})。`,
          `must be a date such as 2026-05-31, or blank for today (got ${show(v)}).`,
        );
      else out.asOf = formatDay(day);
    }
  }

  // Relations between fields, checked only between fields that were themselves readable.
  const bad = new Set(errors.map((e) => e.field));
  const both = (a: string, b: string) => !bad.has(a) && !bad.has(b);
  if (both("activeDays", "atRiskDays") && out.activeDays >= out.atRiskDays)
    err(
      errors,
      "atRiskDays",
      `継続とみなす日数(${out.activeDays})より大きくしてください(入力値 ${out.atRiskDays})。`,
      `must be greater than activeDays (${out.activeDays}); got ${out.atRiskDays}.`,
    );
  if (both("newMaxPurchases", "vipMinPurchases") && out.newMaxPurchases >= out.vipMinPurchases)
    err(
      errors,
      "vipMinPurchases",
      `新規とみなす購入回数(${out.newMaxPurchases})より大きくしてください(入力値 ${out.vipMinPurchases})。`,
      `must be greater than newMaxPurchases (${out.newMaxPurchases}); got ${out.vipMinPurchases}.`,
    );
  if (both("vipRecencyDays", "atRiskDays") && out.vipRecencyDays > out.atRiskDays)
    err(
      errors,
      "vipRecencyDays",
      `休眠とみなす日数(${out.atRiskDays})以下にしてください(入力値 ${out.vipRecencyDays})。`,
      `must be at most atRiskDays (${out.atRiskDays}); got ${out.vipRecencyDays}.`,
    );
  if (both("fanBronze", "fanSilver") && out.fanBronze >= out.fanSilver)
    err(
      errors,
      "fanSilver",
      `ブロンズの日数(${out.fanBronze})より大きくしてください(入力値 ${out.fanSilver})。`,
      `must be greater than fanBronze (${out.fanBronze}); got ${out.fanSilver}.`,
    );
  if (both("fanSilver", "fanGold") && out.fanSilver >= out.fanGold)
    err(
      errors,
      "fanGold",
      `シルバーの日数(${out.fanSilver})より大きくしてください(入力値 ${out.fanGold})。`,
      `must be greater than fanSilver (${out.fanSilver}); got ${out.fanGold}.`,
    );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: out };
}

const HEADER_KEYS = new Set(["key", "キー", "キー / key", "項目", "設定項目", "設定", "setting", "name"]);

/**
 * Reads the 設定 sheet: rows of [key, value, (anything else, e.g. a description)]. Blank rows, a header row
 * ("key" / "項目") and rows whose key starts with "#" are ignored. Engagement points are rows such as
 * ["actionPoints.review", 2]. Then validates as validateSettings does.
 */
export function settingsFromPairs(
  rows: readonly (readonly unknown[])[],
  base: Readonly<Settings> = DEFAULT_SETTINGS,
): Validated<Settings> {
  const raw: Raw = {};
  const points: Raw = {};
  for (const row of rows) {
    const key = typeof row[0] === "string" ? row[0].trim() : row[0] == null ? "" : String(row[0]);
    if (key === "" || key.startsWith("#") || HEADER_KEYS.has(key.toLowerCase())) continue;
    const value = row.length > 1 ? row[1] : "";
    if (key.startsWith("actionPoints.")) points[key.slice("actionPoints.".length)] = value;
    else raw[key] = value;
  }
  if (Object.keys(points).length > 0) raw.actionPoints = points;
  return validateSettings(raw, base);
}

/** The settings as [key, value] rows, the inverse of settingsFromPairs (asOf null → ""). */
export function settingsToPairs(s: Readonly<Settings>): [string, string | number | boolean][] {
  const rows: [string, string | number | boolean][] = [];
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (key === "actionPoints") {
      for (const a of ENGAGEMENT_ACTIONS) rows.push([`actionPoints.${a}`, s.actionPoints[a]]);
    } else {
      const v = s[key];
      rows.push([key, v === null ? "" : (v as string | number | boolean)]);
    }
  }
  return rows;
}

function roundNice(days: number): number {
  // Whole days; from 10 days on, to the nearest 5 so the suggestion reads like a policy ("45日"), not a statistic.
  const r = Math.round(days);
  return r >= 10 ? Math.round(r / 5) * 5 : r;
}

/**
 * Thresholds from the shop's own cycle (「自社の平均購入サイクルを基準に」): with the median days between
 * consecutive purchases c, a customer is recent (継続) within about one cycle (activeDays ≈ c), at risk until
 * two cycles have passed (atRiskDays ≈ 2c, i.e. one whole missed purchase), and a VIP must have bought within
 * one and a half cycles (vipRecencyDays ≈ 1.5c, the seeds' 45 days for a 30-day cycle). Values are rounded and
 * clamped so the result always passes validation; with no cycle (no repeat buyers) nothing is suggested.
 */
export function suggestThresholds(medianIntervalDays: number | null): Partial<Settings> {
  if (medianIntervalDays === null || !Number.isFinite(medianIntervalDays) || medianIntervalDays <= 0)
    return {};
  const c = medianIntervalDays;
  const activeDays = Math.min(Math.max(roundNice(c), 1), 3649);
  const atRiskDays = Math.min(Math.max(roundNice(2 * c), activeDays + 1), 3650);
  const vipRecencyDays = Math.min(Math.max(roundNice(1.5 * c), activeDays), atRiskDays);
  return { activeDays, atRiskDays, vipRecencyDays };
}
