import {
  type AnalysisExtras,
  type DayNumber,
  detectEngagementMapping,
  detectMemberMapping,
  detectSurveyMapping,
  detectVisitMapping,
  parseEngagement,
  parseMembers,
  parseSurvey,
  parseVisits,
  type Settings,
} from "../core/index";
import type { AnalyzeOptions } from "./args";
import { CliError, clip, oneLine } from "./errors";
import { readSmallTable } from "./readTable";

/**
 * The optional tables (engagement, survey, membership, visits). They are small next to the orders, so each is
 * read whole and parsed by the core exactly as the add-on parses its sheets; their skipped rows go to the run log.
 */
type Detected<M> =
  | { ok: true; mapping: M }
  | { ok: false; message: { ja: string; en: string }; headers: string[] };

async function load<M>(
  file: string,
  detect: (header: readonly unknown[]) => Detected<M>,
): Promise<{ rows: string[][]; mapping: M; headers: string[] }> {
  const { header, rows } = await readSmallTable(file);
  const found = detect(header);
  if (!found.ok)
    throw new CliError(
      `${oneLine(file)}: ${clip(found.message.ja)}`,
      `${oneLine(file)}: ${clip(found.message.en)}`,
    );
  return { rows, mapping: found.mapping, headers: header };
}

export async function loadExtras(
  o: AnalyzeOptions,
  settings: Settings,
  asOf: DayNumber,
): Promise<AnalysisExtras> {
  const extras: AnalysisExtras = { skipped: {} };
  const skipped = extras.skipped!;
  const opts = (headers: string[]) => ({
    timeZone: settings.timeZone,
    dayFirst: settings.dayFirst,
    asOf,
    headers,
  });
  if (o.engagement) {
    const t = await load(o.engagement, detectEngagementMapping);
    const parsed = parseEngagement(t.rows, t.mapping, opts(t.headers));
    extras.engagement = parsed.records;
    skipped.engagement = parsed.skipped;
  }
  if (o.survey) {
    const t = await load(o.survey, detectSurveyMapping);
    const parsed = parseSurvey(t.rows, t.mapping, opts(t.headers));
    extras.surveyScores = parsed.records.map((r) => r.score);
    skipped.survey = parsed.skipped;
  }
  if (o.membership) {
    const t = await load(o.membership, detectMemberMapping);
    const parsed = parseMembers(t.rows, t.mapping, opts(t.headers));
    extras.members = parsed.records;
    skipped.members = parsed.skipped;
  }
  if (o.visits) {
    const t = await load(o.visits, detectVisitMapping);
    const parsed = parseVisits(t.rows, t.mapping, opts(t.headers));
    extras.visits = parsed.records;
    skipped.visits = parsed.skipped;
  }
  return extras;
}
