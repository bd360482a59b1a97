/**
 * The vocabulary of the scoring core, shared by every module and by the adapters (gas, ui, cli).
 * Codes are English and stable (they appear in customers.csv); user-facing labels live in labels.ts.
 */

/** A calendar day in the shop's time zone, as whole days since 1970-01-01 (day 0 = 1970-01-01). */
export type DayNumber = number;

export type Lang = "ja" | "en";

/** §5 lifecycle states. */
export type CustomerState =
  | "new"
  | "active"
  | "at_risk"
  | "dormant"
  | "winback"
  | "vip"
  | "paused"
  | "cancelled";

/** §5 stage from F. */
export type Stage = "first" | "nurturing" | "established";

/** §5b practical segments of seed 000; null when none applies (old cancellations). */
export type Segment =
  | "paused"
  | "just_left"
  | "high_value_single"
  | "low_value_repeat"
  | "stable"
  | "slipping";

export type MembershipStatus = "active" | "paused" | "cancelled";

export type EngagementAction = "review" | "survey" | "sns" | "referral" | "event" | "community" | "inquiry";

/** §6 next-step types (seed 001). */
export type NextActionType =
  | "experience"
  | "continuation"
  | "co_creation"
  | "spread"
  | "reactivation"
  | "listening"
  | "reacquisition";

/** §6 next-step codes; one per row of the table. */
export type NextActionCode =
  | "start_using"
  | "reason_to_continue"
  | "review_survey"
  | "referral_community"
  | "reassure_remind"
  | "welcome_back"
  | "reactivation_offer"
  | "ask_reason"
  | "careful_followup";

export type FanRank = "none" | "bronze" | "silver" | "gold";

/** §2: every input row lands in exactly one bucket. */
export type RowBucket = "used" | "missing_customer" | "bad_date" | "bad_amount" | "cancelled" | "after_as_of";

/**
 * Why a row of an optional table was skipped: an order bucket, or a value that is present but not one the table
 * allows, such as an unknown membership status (it is no amount, so it is not `bad_amount`).
 */
export type TableSkipBucket = Exclude<RowBucket, "used"> | "unreadable_value";

export interface SkippedRow {
  /** 1-based row number as the user sees it in the sheet or file (header = row 1). */
  row: number;
  bucket: Exclude<RowBucket, "used">;
  /** The column (header text) the problem is in, when there is one. */
  field?: string;
  /** Readable reason in Japanese and English, naming the value that could not be read. */
  reason: { ja: string; en: string };
}

/** A skipped row of an optional table (members, engagement, visits, survey). */
export interface TableSkippedRow extends Omit<SkippedRow, "bucket"> {
  bucket: TableSkipBucket;
}

/** One order after cleaning and line-item grouping. */
export interface OrderRecord {
  customerKey: string;
  orderId: string;
  day: DayNumber;
  /** Net amount of the order; negative = refund (lowers M, not a purchase). 0 when no amount column. */
  amount: number;
}

/** §3 customer summary as of a date. Customers with no purchase on or before the date have no summary. */
export interface CustomerSummary {
  customerKey: string;
  name?: string;
  /** F: distinct purchase days. */
  purchases: number;
  /** Counted purchase orders. */
  orders: number;
  /** M: purchases minus refunds. */
  monetary: number;
  firstPurchase: DayNumber;
  lastPurchase: DayNumber;
  /** Purchase day before the last one; null when F = 1. */
  previousPurchase: DayNumber | null;
  recencyDays: number;
  tenureDays: number;
  /** tenureDays / (F − 1) when F ≥ 2, else null. */
  avgIntervalDays: number | null;
}

/** §4 settings. Every threshold is user-editable; see settings.ts for defaults and validation. */
export interface Settings {
  activeDays: number;
  atRiskDays: number;
  newMaxPurchases: number;
  vipMinPurchases: number;
  vipRecencyDays: number;
  vipTopPercent: number;
  vipMinPoints: number;
  actionPoints: Record<EngagementAction, number>;
  fanBronze: number;
  fanSilver: number;
  fanGold: number;
  fanAtRiskDays: number;
  /** IANA zone in which dates become calendar days (the spreadsheet's zone). */
  timeZone: string;
  /** M/D/YYYY vs D/M/YYYY for year-last dates. */
  dayFirst: boolean;
  /** Fixed as-of date (YYYY-MM-DD) or null for "today in timeZone". */
  asOf: string | null;
  language: Lang;
  /** Adds the RFM lens (issue 6): rfm_r/f/m/segment columns and the segment table on the dashboard. */
  showRfm: boolean;
}

export interface SettingsError {
  field: keyof Settings | string;
  message: { ja: string; en: string };
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: SettingsError[] };

/** Order-sheet column mapping: 0-based column indexes into each row. */
export interface OrderMapping {
  customer: number;
  date: number;
  orderId?: number;
  /** Order total (taken once per order) or line amount (summed over the order's rows). */
  amount?: number;
  amountKind: "order_total" | "line_amount";
  /** UCI-style exports: line amount = quantity × unit price (used when amount is absent). */
  quantity?: number;
  unitPrice?: number;
  status?: number;
  name?: number;
  /** Extra cancellation marker of a platform (UCI: invoice number starting with "C"). */
  cancelRule?: "uci_invoice_c";
}

export type PresetName =
  | "generic"
  | "shopify"
  | "amazon"
  | "rakuten"
  | "yahoo"
  | "base"
  | "colorme"
  | "woocommerce"
  | "uci";

export interface CleanOptions {
  timeZone: string;
  dayFirst: boolean;
  asOf: DayNumber;
  /** Header texts, so skipped-row reasons can name the column. */
  headers?: readonly string[];
}

export interface CleanResult {
  orders: OrderRecord[];
  counts: Record<RowBucket, number>;
  skipped: SkippedRow[];
  /** Customer display names, when the mapping has a name column (first non-blank wins). */
  names: Map<string, string>;
}

/** Optional side tables, already parsed (see members.ts, engagement.ts, visits.ts, survey.ts). */
export interface MemberRecord {
  customerKey: string;
  status: MembershipStatus;
  since: DayNumber | null;
}
export interface EngagementRecord {
  customerKey: string;
  day: DayNumber;
  action: EngagementAction;
}
export interface VisitRecord {
  customerKey: string;
  day: DayNumber;
}

export interface NpsResult {
  nps: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  valid: number;
  invalid: number;
}

/** One row of the customer sheet / customers.csv. */
export interface CustomerRow extends CustomerSummary {
  state: CustomerState;
  /** State as of one calendar month earlier; null when the customer had not bought yet. */
  previousState: CustomerState | null;
  stage: Stage;
  segment: Segment | null;
  vip: boolean;
  vipScore: number;
  continuationScore: number;
  relationshipScore: number;
  relationshipPoints: number;
  nextAction: NextActionCode;
  engaged: boolean;
  membership: MembershipStatus | null;
  fanRank: FanRank | null;
  previousFanRank: FanRank | null;
  visits30d: number | null;
  lastVisit: DayNumber | null;
  /** BG/NBD (issue 6); null when the shop has too little history for the model. */
  pAlive: number | null;
  expectedPurchases90d: number | null;
  expectedNextPurchase: DayNumber | null;
  /** Plain-language at-risk explanation combining the rule and the model (ja/en); null when not at risk. */
  riskNote: { ja: string; en: string } | null;
  /** Second purchase day (diagnosis Q3/Q4: time from the first to the second purchase); null when F = 1. */
  secondPurchase?: DayNumber | null;
  /** §8 fan progress line for the customer (「今月あと1回来館でブロンズファンに昇格!」); null without fan data. */
  fanMessage?: { ja: string; en: string } | null;
  /** RFM scores 1–5 and segment (model/rfm.ts); null or absent when the RFM lens is off. */
  rfm?: CustomerRfm | null;
}

/** The package rfm's segment names as stable codes (model/rfm.ts has the rules). */
export type RfmSegment =
  | "champions"
  | "potential_loyalist"
  | "loyal_customers"
  | "promising"
  | "new_customers"
  | "cant_lose_them"
  | "at_risk"
  | "need_attention"
  | "about_to_sleep"
  | "lost"
  | "others";

/** Bin edges of one RFM measure: score bin i (0-based) covers [lower[i], upper[i]). */
export interface RfmBins {
  lower: number[];
  upper: number[];
}

/** The bins of the three RFM measures: what each score means in days, orders and yen. */
export interface RfmThresholds {
  recency: RfmBins;
  frequency: RfmBins;
  monetary: RfmBins;
}

export interface CustomerRfm {
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

export interface FollowUpRow {
  customerKey: string;
  name?: string;
  reason: "at_risk" | "dormant" | "fan_rank_drop" | "no_visit";
  state: CustomerState;
  recencyDays: number;
  message: { ja: string; en: string };
}

export type StateCounts = Record<CustomerState, number>;

export interface AnalysisResult {
  asOf: DayNumber;
  previousAsOf: DayNumber;
  settings: Settings;
  rowCounts: Record<RowBucket, number>;
  skipped: SkippedRow[];
  /** Sorted by customerKey (code-unit order) so that shuffled input gives identical output. */
  customers: CustomerRow[];
  stateCounts: { current: StateCounts; previous: StateCounts };
  /** transitions[from][to]; from "none" = not a customer a month ago. */
  transitions: Record<CustomerState | "none", StateCounts>;
  topCut: number | null;
  repurchaseCycle: { medianDays: number | null; suggested: Partial<Settings> | null };
  /** Mean M of VIPs divided by mean M of the others; null when either group is empty. */
  vipLtvMultiple: number | null;
  followUp: FollowUpRow[];
  nps: NpsResult | null;
  /** Why the BG/NBD columns are empty, when they are (too little history). */
  modelNote: { ja: string; en: string } | null;
  engagementLoaded: boolean;
  membershipLoaded: boolean;
  visitsLoaded: boolean;
  /** Net sales and buyers in the year ending on the as-of date, from `from` (diagnosis Q1: annual LTV per customer). */
  lastYear?: { from: DayNumber; revenue: number; buyers: number };
  /** Rows of the optional tables that could not be read, per table, for the run log (orders are in `skipped`). */
  tableSkipped?: Partial<Record<"members" | "engagement" | "visits" | "survey", TableSkippedRow[]>>;
  /** RFM cut points when the lens is on, so the dashboard can say what each score means in days and yen. */
  rfmBins?: RfmThresholds | null;
}
