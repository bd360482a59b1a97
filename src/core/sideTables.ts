/**
 * The optional tables of DOMAIN §1 (members, engagement, visits, survey), read from rows and a mapping
 * (mapping.ts). Like the orders, no row disappears silently: each skipped row keeps its row number and a ja/en
 * reason. The row buckets are the order buckets, plus `unreadable_value` for a value that is present but cannot be
 * read (an unknown membership status or action type), with the reason saying exactly which column and value;
 * rows dated after the as-of date are `after_as_of`.
 */
import { columnName, customerKeyOf, showValue } from "./cells";
import { formatDay } from "./day";
import type { EngagementMapping, MemberMapping, SurveyMapping, VisitMapping } from "./mapping";
import { isBlank } from "./parseAmount";
import { parseDay } from "./parseDate";
import type {
  DayNumber,
  EngagementAction,
  EngagementRecord,
  MemberRecord,
  MembershipStatus,
  TableSkippedRow,
  VisitRecord,
} from "./types";

export interface SideTableOptions {
  timeZone: string;
  dayFirst: boolean;
  /** Rows dated after this day are skipped (after_as_of), so a past month re-runs exactly. */
  asOf?: DayNumber;
  headers?: readonly string[];
}

export interface SurveyRecord {
  customerKey: string | null;
  day: DayNumber | null;
  /** The raw cell: computeNps decides what is a valid 0–10 score and counts the rest as invalid. */
  score: unknown;
}

export interface Parsed<R> {
  records: R[];
  skipped: TableSkippedRow[];
}

type Rows = readonly (readonly unknown[])[];

function norm(v: unknown): string {
  return String(v)
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-・]/g, "");
}

const STATUS_WORDS: Record<MembershipStatus, readonly string[]> = {
  active: [
    "active",
    "継続",
    "継続中",
    "有効",
    "会員",
    "利用中",
    "契約中",
    "continuing",
    "member",
    "subscribed",
    "ongoing",
  ],
  paused: [
    "paused",
    "pause",
    "休会",
    "休会中",
    "休止",
    "休止中",
    "一時停止",
    "停止中",
    "suspended",
    "onhold",
  ],
  cancelled: [
    "cancelled",
    "canceled",
    "退会",
    "退会済",
    "退会済み",
    "解約",
    "解約済",
    "解約済み",
    "churned",
    "ended",
    "unsubscribed",
  ],
};

/** 継続 / 休会 / 退会, active / paused / cancelled and common synonyms; null for anything else. */
export function parseMembershipStatus(value: unknown): MembershipStatus | null {
  if (isBlank(value)) return null;
  const s = norm(value);
  for (const status of ["active", "paused", "cancelled"] as const)
    if (STATUS_WORDS[status].includes(s)) return status;
  return null;
}

/**
 * Action types in English or Japanese. 改善提案 (improvement suggestions), 要望 and ご意見 count as `inquiry`:
 * of the seven types, inquiry is the customer speaking to the shop, which is what a suggestion is (§7 lists
 * suggestions on the relationship axis).
 */
const ACTION_WORDS: Record<EngagementAction, readonly string[]> = {
  review: ["review", "レビュー", "レビュー投稿", "商品レビュー", "口コミ", "クチコミ", "口コミ投稿"],
  survey: ["survey", "アンケート", "アンケート回答", "questionnaire"],
  sns: [
    "sns",
    "sns投稿",
    "snsシェア",
    "instagram",
    "インスタ",
    "インスタ投稿",
    "twitter",
    "x投稿",
    "ugc",
    "post",
    "投稿",
  ],
  referral: ["referral", "refer", "紹介", "友人紹介", "友達紹介", "知人紹介"],
  event: ["event", "イベント", "イベント参加", "参加", "オフ会", "説明会"],
  community: ["community", "コミュニティ", "コミュニティ参加", "コミュニティ投稿", "ファンクラブ"],
  inquiry: [
    "inquiry",
    "問い合わせ",
    "お問い合わせ",
    "問合せ",
    "改善提案",
    "提案",
    "要望",
    "ご意見",
    "意見",
    "feedback",
    "suggestion",
  ],
};

export function parseEngagementAction(value: unknown): EngagementAction | null {
  if (isBlank(value)) return null;
  const s = norm(value);
  for (const action of Object.keys(ACTION_WORDS) as EngagementAction[])
    if (ACTION_WORDS[action].includes(s)) return action;
  return null;
}

/** Shared row checks: customer, date, as-of. Returns the reason to skip, or the values. */
class RowReader {
  readonly skipped: TableSkippedRow[] = [];
  constructor(
    private readonly opts: SideTableOptions,
    private readonly what: { ja: string; en: string },
  ) {}

  col(index: number) {
    return columnName(this.opts.headers, index);
  }

  skip(
    row: number,
    bucket: TableSkippedRow["bucket"],
    index: number,
    reason: { ja: string; en: string },
  ): void {
    this.skipped.push({ row, bucket, field: this.col(index).field, reason });
  }

  customer(row: readonly unknown[], index: number, rowNumber: number): string | null {
    const key = customerKeyOf(row[index]);
    if (key === null) {
      const c = this.col(index);
      this.skip(rowNumber, "missing_customer", index, {
        ja: `${this.what.ja}: 顧客(${c.ja})が空欄です`,
        en: `${this.what.en}: customer (${c.en}) is blank`,
      });
    }
    return key;
  }

  /** The day, null when blank and `optional`; undefined when the row was skipped. */
  day(
    row: readonly unknown[],
    index: number,
    rowNumber: number,
    optional: boolean,
  ): DayNumber | null | undefined {
    const v = row[index];
    const c = this.col(index);
    if (isBlank(v)) {
      if (optional) return null;
      this.skip(rowNumber, "bad_date", index, {
        ja: `${this.what.ja}: 日付(${c.ja})が空欄です`,
        en: `${this.what.en}: date (${c.en}) is blank`,
      });
      return undefined;
    }
    const day = parseDay(v, this.opts);
    if (day === null) {
      this.skip(rowNumber, "bad_date", index, {
        ja: `${this.what.ja}: ${c.ja}の「${showValue(v)}」を日付として読めません`,
        en: `${this.what.en}: cannot read "${showValue(v)}" in ${c.en} as a date`,
      });
      return undefined;
    }
    if (this.opts.asOf !== undefined && day > this.opts.asOf) {
      this.skip(rowNumber, "after_as_of", index, {
        ja: `${this.what.ja}: 日付 ${formatDay(day)} が基準日 ${formatDay(this.opts.asOf)} より後です`,
        en: `${this.what.en}: date ${formatDay(day)} is after the as-of date ${formatDay(this.opts.asOf)}`,
      });
      return undefined;
    }
    return day;
  }

  unreadable(rowNumber: number, index: number, value: unknown, expected: { ja: string; en: string }): void {
    const c = this.col(index);
    this.skip(rowNumber, "unreadable_value", index, {
      ja: `${this.what.ja}: ${c.ja}の「${showValue(value)}」を読めません(${expected.ja})`,
      en: `${this.what.en}: cannot read "${showValue(value)}" in ${c.en} (${expected.en})`,
    });
  }
}

/** Members: one row per customer (when a customer appears twice, analyze uses the last row). */
export function parseMembers(
  rows: Rows,
  mapping: MemberMapping,
  opts: SideTableOptions,
  firstRowNumber = 2,
): Parsed<MemberRecord> {
  const r = new RowReader({ ...opts, asOf: undefined }, { ja: "会員", en: "Members" });
  const records: MemberRecord[] = [];
  rows.forEach((row, i) => {
    const n = firstRowNumber + i;
    const key = r.customer(row, mapping.customer, n);
    if (key === null) return;
    const status = parseMembershipStatus(row[mapping.status]);
    if (status === null) {
      r.unreadable(n, mapping.status, row[mapping.status], {
        ja: "継続・休会・退会 のいずれかを入力してください",
        en: "use active, paused or cancelled (継続・休会・退会)",
      });
      return;
    }
    // The since date may lie after the as-of date: analyze then treats the member as active until that day.
    const since = mapping.since === undefined ? null : r.day(row, mapping.since, n, true);
    if (since === undefined) return;
    records.push({ customerKey: key, status, since });
  });
  return { records, skipped: r.skipped };
}

export function parseEngagement(
  rows: Rows,
  mapping: EngagementMapping,
  opts: SideTableOptions,
  firstRowNumber = 2,
): Parsed<EngagementRecord> {
  const r = new RowReader(opts, { ja: "関係行動", en: "Engagement" });
  const records: EngagementRecord[] = [];
  rows.forEach((row, i) => {
    const n = firstRowNumber + i;
    const key = r.customer(row, mapping.customer, n);
    if (key === null) return;
    const action = parseEngagementAction(row[mapping.action]);
    if (action === null) {
      r.unreadable(n, mapping.action, row[mapping.action], {
        ja: "レビュー・アンケート・SNS投稿・紹介・イベント参加・コミュニティ・問い合わせ のいずれか",
        en: "one of review, survey, sns, referral, event, community, inquiry",
      });
      return;
    }
    const day = r.day(row, mapping.date, n, false);
    if (day === undefined || day === null) return;
    records.push({ customerKey: key, day, action });
  });
  return { records, skipped: r.skipped };
}

export function parseVisits(
  rows: Rows,
  mapping: VisitMapping,
  opts: SideTableOptions,
  firstRowNumber = 2,
): Parsed<VisitRecord> {
  const r = new RowReader(opts, { ja: "来館", en: "Visits" });
  const records: VisitRecord[] = [];
  rows.forEach((row, i) => {
    const n = firstRowNumber + i;
    const key = r.customer(row, mapping.customer, n);
    if (key === null) return;
    const day = r.day(row, mapping.date, n, false);
    if (day === undefined || day === null) return;
    records.push({ customerKey: key, day });
  });
  return { records, skipped: r.skipped };
}

/**
 * Survey answers. The score is kept as it is (computeNps counts invalid values, never guesses); customer and
 * date are optional, and an answer dated after the as-of date is skipped.
 */
export function parseSurvey(
  rows: Rows,
  mapping: SurveyMapping,
  opts: SideTableOptions,
  firstRowNumber = 2,
): Parsed<SurveyRecord> {
  const r = new RowReader(opts, { ja: "アンケート", en: "Survey" });
  const records: SurveyRecord[] = [];
  rows.forEach((row, i) => {
    const n = firstRowNumber + i;
    const day = mapping.date === undefined ? null : r.day(row, mapping.date, n, true);
    if (day === undefined) return;
    const customerKey = mapping.customer === undefined ? null : customerKeyOf(row[mapping.customer]);
    records.push({ customerKey, day, score: row[mapping.score] });
  });
  return { records, skipped: r.skipped };
}
