import type { CustomerState, FanRank, Lang, RowBucket, Segment, Stage, TableSkipBucket } from "./types";

/**
 * What people read for each code. Codes stay English and stable (customers.csv); sheets, the sidebar and the
 * custom functions show these labels. Japanese names are the seeds' own words (seed 000, 001, 004).
 */
type Labels<Code extends string> = Record<Code, { ja: string; en: string }>;

export const STATE_LABELS: Labels<CustomerState> = {
  new: { ja: "新規", en: "New" },
  active: { ja: "継続", en: "Active" },
  at_risk: { ja: "休眠予備軍", en: "At risk" },
  dormant: { ja: "休眠", en: "Dormant" },
  winback: { ja: "復活", en: "Winback" },
  vip: { ja: "優良", en: "VIP" },
  paused: { ja: "休会", en: "Paused" },
  cancelled: { ja: "退会", en: "Cancelled" },
};

export const STAGE_LABELS: Labels<Stage> = {
  first: { ja: "新規", en: "First" },
  nurturing: { ja: "育成", en: "Nurturing" },
  established: { ja: "定着", en: "Established" },
};

export const SEGMENT_LABELS: Labels<Segment> = {
  paused: { ja: "休会(理由待ち)", en: "Paused (reason unknown)" },
  just_left: { ja: "退会直後(感情が残る)", en: "Just left (feelings still fresh)" },
  high_value_single: { ja: "高単価単発(期待値高い)", en: "High-value single purchase (high hopes)" },
  low_value_repeat: { ja: "低単価反復(習慣化途上)", en: "Low-value repeat (habit forming)" },
  stable: { ja: "継続×直近購入あり(安定)", en: "Member, bought recently (stable)" },
  slipping: { ja: "継続×直近購入なし(離脱予備軍)", en: "Member, no recent purchase (slipping)" },
};

export const FAN_RANK_LABELS: Labels<FanRank> = {
  none: { ja: "なし", en: "None" },
  bronze: { ja: "ブロンズ", en: "Bronze" },
  silver: { ja: "シルバー", en: "Silver" },
  gold: { ja: "ゴールド", en: "Gold" },
};

export const BUCKET_LABELS: Labels<RowBucket | TableSkipBucket> = {
  used: { ja: "集計に使用", en: "Used" },
  missing_customer: { ja: "除外:顧客IDなし", en: "Skipped: missing customer" },
  bad_date: { ja: "除外:日付を読めない", en: "Skipped: bad date" },
  bad_amount: { ja: "除外:金額を読めない", en: "Skipped: bad amount" },
  cancelled: { ja: "キャンセル・返品", en: "Cancelled" },
  after_as_of: { ja: "基準日より後", en: "After the as-of date" },
  // Optional tables only: a membership status or action type that is none of the allowed values.
  unreadable_value: { ja: "除外:値を読めない", en: "Skipped: unreadable value" },
};

/** Unknown codes are shown as they are rather than hidden (a typo in a sheet stays visible). */
function labelOf<Code extends string>(table: Labels<Code>, code: Code, lang: Lang): string {
  return table[code]?.[lang] ?? String(code);
}

export const stateLabel = (state: CustomerState, lang: Lang): string => labelOf(STATE_LABELS, state, lang);
export const stageLabel = (stage: Stage, lang: Lang): string => labelOf(STAGE_LABELS, stage, lang);
export const segmentLabel = (segment: Segment, lang: Lang): string => labelOf(SEGMENT_LABELS, segment, lang);
export const fanRankLabel = (rank: FanRank, lang: Lang): string => labelOf(FAN_RANK_LABELS, rank, lang);
export const bucketLabel = (bucket: RowBucket | TableSkipBucket, lang: Lang): string =>
  labelOf(BUCKET_LABELS, bucket, lang);

/** Normalizes for lookup: full-width ASCII to half-width, case, spaces, hyphens and underscores ignored. */
function normalize(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[\s\u3000_-]+/g, "");
}

/** Other words the seeds and common CRM tools use for the same states (seed 001 names them "Core/VIP" etc.). */
const STATE_SYNONYMS: Record<string, CustomerState> = {
  core: "vip",
  優良顧客: "vip",
  離脱予備軍: "at_risk",
  注意: "at_risk",
  休会中: "paused",
  離脱: "cancelled",
};

function buildStateLookup(): Map<string, CustomerState> {
  const lookup = new Map<string, CustomerState>();
  for (const code of Object.keys(STATE_LABELS) as CustomerState[]) {
    lookup.set(normalize(code), code);
    lookup.set(normalize(STATE_LABELS[code].ja), code);
    lookup.set(normalize(STATE_LABELS[code].en), code);
  }
  for (const [word, code] of Object.entries(STATE_SYNONYMS)) lookup.set(normalize(word), code);
  return lookup;
}
/** Built on first use, not at load: every custom-function call loads the bundle, few of them parse a state. */
let stateLookup: Map<string, CustomerState> | null = null;

/**
 * A state label back to its code: accepts the Japanese label, the English label and the code itself
 * (「休眠予備軍」, "At risk", "at_risk"), so NEXT_ACTION(state) works on either language's sheet. Null when unknown.
 */
export function parseStateLabel(text: unknown): CustomerState | null {
  if (typeof text !== "string") return null;
  stateLookup ??= buildStateLookup();
  return stateLookup.get(normalize(text)) ?? null;
}
