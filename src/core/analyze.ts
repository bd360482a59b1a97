import { cleanOrders } from "./clean";
import {
  countWindow,
  engagementByCustomer,
  membershipOn,
  purchaseVisits,
  stateInput,
  type VisitCounts,
  visitDays,
} from "./customerContext";
import { CustomerTable, NO_WHOLE } from "./customerTable";
import { addMonths } from "./day";
import { FAN_WINDOW_DAYS, fanProgress, fanRank } from "./fan";
import { FollowUpBuilder } from "./followUp";
import type {
  EngagementMapping,
  MemberMapping,
  OrderMappingEx,
  SurveyMapping,
  VisitMapping,
} from "./mapping";
import { rfmOfSummaries } from "./model/rfm";
import { nextActionOf } from "./nextAction";
import { computeNps } from "./nps";
import { isEngaged, medianOrderValue, type SegmentContext, segmentOfFigures } from "./segment";
import { medianInPlace } from "./select";
import { suggestThresholds } from "./settings";
import { parseEngagement, parseMembers, parseSurvey, parseVisits, type SideTableOptions } from "./sideTables";
import { classifyState, type StateContext, stageOf, topMonetaryCut, topMonetaryCutOfSorted } from "./state";
import {
  cleanedNamesInKeyOrder,
  historiesOfCleaned,
  repurchaseIntervalArray,
  salesBetween,
  summariesNamed,
} from "./summary";
import { emptyFigures, figuresAtTwoDates, readFigures } from "./summaryFigures";
import { emptyStateCounts, transitionMatrix } from "./transitions";
import type {
  AnalysisResult,
  CleanResult,
  CustomerRow,
  CustomerState,
  CustomerSummary,
  DayNumber,
  EngagementRecord,
  MemberRecord,
  OrderMapping,
  Settings,
  TableSkippedRow,
  VisitRecord,
} from "./types";
import { emptyVipScoreFigures, monetaryRanks, vipScoreOfShare } from "./vipScore";

// ---------------------------------------------------------------------------------------------------------------
// The model hook: where per-customer predictions (BG/NBD, issue 6) are merged into the rows. The rules never need
// it; without it the model columns stay null.
// ---------------------------------------------------------------------------------------------------------------

export interface CustomerPrediction {
  pAlive: number | null;
  expectedPurchases90d: number | null;
  expectedNextPurchase: DayNumber | null;
}

/** The model's answer for the rows: one prediction per summary, by position. */
export interface ModelAnswer {
  /** The prediction of summaries[i] at i; undefined (or missing) where the model has none (columns stay null). */
  readonly byIndex: readonly (CustomerPrediction | undefined)[];
  /** Why there are no predictions (e.g. too little history); null when the model ran. */
  readonly note: { ja: string; en: string } | null;
}

/** A model run started by ModelHooks.predict; its answer is asked for once, when the rows are built. */
export interface ModelRun {
  collect(): ModelAnswer;
}

export interface ModelHooks {
  /**
   * Starts the model on the as-of summaries (one per row, in the rows' order). The contract, in order:
   * 1. predict(summaries, asOf) is called once, BEFORE the rows loop; it may return at once and work elsewhere
   *    (e.g. a fit on a second thread: the CLI tried one, a9d85df, and fits in its main thread since). The
   *    summaries are never changed afterwards.
   * 2. The rows are then built with pAlive, expectedPurchases90d and expectedNextPurchase null.
   * 3. collect() is called once, AFTER every row is built (it may block until the answer is there); the model
   *    columns are then filled from byIndex in one pass, and explainRisk runs on the finished rows.
   * On one thread, model/predict.ts's predictCustomersNow fits at call time and collect hands the result back.
   * Without the hook (or without predict) the model columns stay null and no model note is given.
   */
  predict?: (summaries: readonly CustomerSummary[], asOf: DayNumber) => ModelRun;
  /** Plain-language at-risk text for a finished row (state and predictions filled); null when not needed. */
  explainRisk?: (row: CustomerRow, settings: Settings) => { ja: string; en: string } | null;
}

/** One optional table as the sheet or CSV gives it: rows without the header, its mapping, where row 1 of data is. */
export interface TableInput<Mapping> {
  rows: readonly (readonly unknown[])[];
  mapping: Mapping;
  /** Row number of rows[0] as the user sees it (header = row 1, so usually 2). */
  firstRowNumber?: number;
  headers?: readonly string[];
}

export interface AnalysisInput {
  orders: TableInput<OrderMapping | OrderMappingEx>;
  members?: TableInput<MemberMapping>;
  engagement?: TableInput<EngagementMapping>;
  visits?: TableInput<VisitMapping>;
  survey?: TableInput<SurveyMapping>;
  settings: Settings;
  asOf: DayNumber;
  model?: ModelHooks;
}

/** Side tables already parsed (the streaming CLI reads them itself). Absent = not loaded. */
export interface AnalysisExtras {
  members?: readonly MemberRecord[];
  engagement?: readonly EngagementRecord[];
  visits?: readonly VisitRecord[];
  /** Raw survey scores, one per answer; validated by computeNps. */
  surveyScores?: readonly unknown[];
  /** Rows skipped while reading the side tables, for the run log. */
  skipped?: Partial<Record<SideTable, TableSkippedRow[]>>;
}

export type SideTable = "members" | "engagement" | "visits" | "survey";

/** §1–§11 end to end from raw rows (what the add-on reads with getValues()). */
export function analyze(input: AnalysisInput): AnalysisResult {
  const { settings, asOf } = input;
  const opts = { timeZone: settings.timeZone, dayFirst: settings.dayFirst, asOf };
  const o = input.orders;
  const cleaned = cleanOrders(o.rows, o.mapping, { ...opts, headers: o.headers }, o.firstRowNumber ?? 2);
  const skipped: Partial<Record<SideTable, TableSkippedRow[]>> = {};
  const extras: AnalysisExtras = { skipped };
  const tableOpts = (t: TableInput<unknown>): SideTableOptions => ({ ...opts, headers: t.headers });
  if (input.members) {
    const t = input.members;
    const parsed = parseMembers(t.rows, t.mapping, tableOpts(t), t.firstRowNumber ?? 2);
    extras.members = parsed.records;
    skipped.members = parsed.skipped;
  }
  if (input.engagement) {
    const t = input.engagement;
    const parsed = parseEngagement(t.rows, t.mapping, tableOpts(t), t.firstRowNumber ?? 2);
    extras.engagement = parsed.records;
    skipped.engagement = parsed.skipped;
  }
  if (input.visits) {
    const t = input.visits;
    const parsed = parseVisits(t.rows, t.mapping, tableOpts(t), t.firstRowNumber ?? 2);
    extras.visits = parsed.records;
    skipped.visits = parsed.skipped;
  }
  if (input.survey) {
    const t = input.survey;
    const parsed = parseSurvey(t.rows, t.mapping, tableOpts(t), t.firstRowNumber ?? 2);
    extras.surveyScores = parsed.records.map((r) => r.score);
    skipped.survey = parsed.skipped;
  }
  return analyzeCleaned(cleaned, extras, settings, asOf, input.model);
}

/**
 * §3–§11 from cleaned orders and parsed side tables: the streaming CLI cleans row by row and calls this.
 * Ranks (top cut, monetary share) are computed once for the whole shop; each customer is then O(1) apart from
 * the summary, so 200k customers take a few hundred milliseconds.
 */
export function analyzeCleaned(
  cleaned: CleanResult,
  extras: AnalysisExtras,
  settings: Settings,
  asOf: DayNumber,
  model?: ModelHooks,
): AnalysisResult {
  const previousAsOf = addMonths(asOf, -1);
  const histories = historiesOfCleaned(cleaned);
  // Summary objects only for the hooks that take them: the rows are built from each customer's figures, read
  // into one reusable object, as for a month earlier below (200k summaries kept alive cost the GC ~0.2 s).
  const names = cleanedNamesInKeyOrder(cleaned, histories);
  // Every customer's figures as of both dates, in one pass over the histories (the summaries read them too).
  const both = figuresAtTwoDates(histories, asOf, previousAsOf);
  const now = model?.predict || settings.showRfm ? summariesNamed(histories, asOf, names, both.later) : null;
  const figures = emptyFigures();
  // A month earlier only the state is needed: its figures are read per customer into one reusable object
  // rather than kept as 200k more summaries (see summaryFigures.ts).
  const before = emptyFigures();

  const engagementLoaded = extras.engagement !== undefined && extras.engagement.length > 0;
  const membershipLoaded = extras.members !== undefined;
  const visitsLoaded = extras.visits !== undefined;
  const members = new Map<string, MemberRecord>();
  for (const m of extras.members ?? []) members.set(m.customerKey, m);
  const engagement = engagementByCustomer(extras.engagement, asOf, previousAsOf, settings);

  const monetaries = both.later.monetaries; // in key order, like the rows
  // One sort of the shop's M > 0 gives both the top cut and every customer's monetary share (§7).
  const ranked = monetaryRanks(monetaries);
  const positiveMonetaries = ranked.sorted;
  const topCut = topMonetaryCutOfSorted(positiveMonetaries, settings.vipTopPercent);
  const ctxNow: StateContext = { settings, topCut, engagementLoaded };
  const ctxBefore: StateContext = {
    settings,
    topCut: topMonetaryCut(both.earlier.monetaries, settings.vipTopPercent),
    engagementLoaded,
  };
  const scoreCtx = { settings, engagementLoaded };
  const segmentCtx: SegmentContext = {
    settings,
    asOf,
    medianOrderValue: medianOrderValue(histories.days, histories.amounts, asOf),
  };

  const yearFrom = addMonths(asOf, -12) + 1;
  const lastYear = { from: yearFrom, ...salesBetween(histories, yearFrom, asOf) };
  const visitLog = visitDays(extras.visits, asOf);
  // Started here and collected after the rows loop, so that a model working elsewhere overlaps the rows.
  const modelRun = now && model?.predict ? model.predict(now, asOf) : null;
  // The RFM lens ranks customers against each other: a few sorts of the whole shop, only when asked for.
  const rfm = now && settings.showRfm ? rfmOfSummaries(now) : null;

  // Per customer, only the row (and its follow-up row) is kept: the score and the visit counts are read through
  // reused objects, and the counts and the follow-up list are made as each row is, while it is in the cache.
  const score = emptyVipScoreFigures();
  const purchaseDays: VisitCounts = { now: 0, before: 0 };
  const followUp = new FollowUpBuilder({ settings, visitsLoaded, asOf });
  const vipMonetary = { sum: 0, n: 0 };
  const otherMonetary = { sum: 0, n: 0 };
  const current = emptyStateCounts();
  const previous = emptyStateCounts();
  const transitions = transitionMatrix([]);
  const table = new CustomerTable(monetaries.length);
  const { wholes: whole, numbers: num, flags: flag, codes: code, values: val } = table;
  const customers = table.rows();
  let i = -1; // the row's index: customers with a purchase day by the as-of date, in key order (as `now`)
  for (let h = 0; h < histories.keys.length; h++) {
    if (!readFigures(both.later, h, figures)) continue;
    i++;
    const c = figures;
    const key = histories.keys[h];
    const prev = readFigures(both.earlier, h, before) ? before : null;

    const member = members.size ? members.get(key) : undefined;
    const membership = membershipOn(member, asOf);
    const eng = engagementLoaded ? engagement.get(key) : undefined;
    const points = eng?.points ?? 0;
    // A summary is a complete StateInput when there is no membership or engagement to add (no allocation).
    const plain = member === undefined && eng === undefined;
    const state = classifyState(plain ? c : stateInput(c, membership, points), ctxNow);
    const previousState: CustomerState | null = prev
      ? classifyState(
          plain ? prev : stateInput(prev, membershipOn(member, previousAsOf), eng?.previousPoints ?? 0),
          ctxBefore,
        )
      : null;
    const stage = stageOf(c.purchases, settings);
    vipScoreOfShare(c.purchases, c.recencyDays, ranked.shares[i], points, scoreCtx, score);

    // §8: a visit log when there is one, otherwise purchase days stand in for visits.
    const visit = visitLog ? visitLog.get(key) : undefined;
    let visits30d: number;
    let previousVisits30d: number;
    if (visitLog) {
      visits30d = countWindow(visit?.recent, asOf);
      previousVisits30d = countWindow(visit?.recent, asOf - FAN_WINDOW_DAYS);
    } else {
      purchaseVisits(histories, h, asOf, purchaseDays);
      visits30d = purchaseDays.now;
      previousVisits30d = purchaseDays.before;
    }
    const progressJa = visitLog ? fanProgress(visits30d, previousVisits30d, settings, "ja") : null;
    const progressEn = visitLog ? fanProgress(visits30d, previousVisits30d, settings, "en") : null;

    // The row goes into the table's columns (customerTable.ts): no object per customer but its view.
    whole.purchases[i] = c.purchases;
    whole.orders[i] = c.orders;
    num.monetary[i] = c.monetary;
    whole.firstPurchase[i] = c.firstPurchase;
    whole.lastPurchase[i] = c.lastPurchase;
    whole.previousPurchase[i] = c.previousPurchase ?? NO_WHOLE;
    whole.recencyDays[i] = c.recencyDays;
    whole.tenureDays[i] = c.tenureDays;
    num.avgIntervalDays[i] = c.avgIntervalDays ?? Number.NaN;
    code.state.set(i, state);
    code.previousState.set(i, previousState);
    code.stage.set(i, stage);
    code.segment.set(
      i,
      segmentOfFigures(
        membership,
        member?.since ?? null,
        c.purchases,
        c.orders,
        c.monetary,
        c.recencyDays,
        segmentCtx,
      ),
    );
    flag.vip[i] = state === "vip" ? 1 : 0;
    num.vipScore[i] = score.score;
    num.continuationScore[i] = score.continuation;
    num.relationshipScore[i] = score.relationship;
    num.relationshipPoints[i] = points;
    code.nextAction.set(i, nextActionOf(state, stage));
    flag.engaged[i] = isEngaged(eng?.last ?? null, asOf) ? 1 : 0;
    code.membership.set(i, membership);
    code.fanRank.set(i, fanRank(visits30d, settings));
    code.previousFanRank.set(i, fanRank(previousVisits30d, settings));
    whole.visits30d[i] = visits30d;
    whole.lastVisit[i] = (visitLog ? visit?.last : c.lastPurchase) ?? NO_WHOLE;
    // The model columns (pAlive, expectedPurchases90d, expectedNextPurchase) stay null until the model's answer
    // is in (see ModelHooks.predict); riskNote until explainRisk has read the finished row.
    if (rfm) val.rfm[i] = rfm.scores[i];
    whole.secondPurchase[i] = c.secondPurchase ?? NO_WHOLE;
    // The progress line speaks of visits (来館), so it is only written from a real visit log.
    if (progressJa && progressEn) val.fanMessage[i] = { ja: progressJa.message, en: progressEn.message };
    val.customerKey[i] = key;
    // No name, no key (as before): undefined is left out of the row's JSON.
    if (names) val.name[i] = names[h];

    const g = state === "vip" ? vipMonetary : otherMonetary;
    g.sum += c.monetary;
    g.n++;
    current[state]++;
    if (previousState !== null) previous[previousState]++;
    transitions[previousState ?? "none"][state]++;
    // The follow-up list reads no model column: the row is complete for it.
    followUp.add(customers[i]);
  }

  const answer = modelRun ? modelRun.collect() : null;
  if (answer) {
    const byIndex = answer.byIndex;
    for (let k = 0; k < customers.length; k++) {
      const p = byIndex[k];
      if (p === undefined) continue;
      num.pAlive[k] = p.pAlive ?? Number.NaN;
      num.expectedPurchases90d[k] = p.expectedPurchases90d ?? Number.NaN;
      num.expectedNextPurchase[k] = p.expectedNextPurchase ?? Number.NaN;
    }
  }
  // On finished rows (state and predictions filled), as the hook expects.
  const explainRisk = model?.explainRisk;
  if (explainRisk) for (const row of customers) row.riskNote = explainRisk(row, settings);

  const otherMean = otherMonetary.n ? otherMonetary.sum / otherMonetary.n : 0;
  const vipLtvMultiple =
    vipMonetary.n && otherMonetary.n && otherMean > 0 ? vipMonetary.sum / vipMonetary.n / otherMean : null;

  const medianDays = medianInPlace(repurchaseIntervalArray(histories, asOf));
  const result: AnalysisResult = {
    asOf,
    previousAsOf,
    settings,
    rowCounts: cleaned.counts,
    skipped: cleaned.skipped,
    customers,
    stateCounts: { current, previous },
    transitions,
    topCut,
    repurchaseCycle: {
      medianDays,
      suggested: medianDays === null ? null : suggestThresholds(medianDays),
    },
    vipLtvMultiple,
    followUp: followUp.finish(true),
    nps: extras.surveyScores ? computeNps(extras.surveyScores) : null,
    modelNote: answer?.note ?? null,
    engagementLoaded,
    membershipLoaded,
    visitsLoaded,
    lastYear,
    tableSkipped: extras.skipped ?? {},
    rfmBins: rfm?.thresholds ?? null,
  };
  return result;
}
