/**
 * Column mappings: which column of a sheet or CSV holds which field. Orders are matched against the platform
 * presets (orderPresets.ts) or given by the user (mappingFromColumns, what the sidebar's "fix the columns" form
 * sends); the optional tables (members, engagement, visits, survey) are found by generic ja/en header names.
 * A failure names the headers it saw and the fields it could not find.
 */
import { headerTexts, missingMessage, normalizeHeader, type RoleSpec, resolveRoles } from "./headerMatch";
import {
  GENERIC_NAMES,
  type OrderMappingEx,
  type OrderPreset,
  type OrderRole,
  PRESETS,
  presetByName,
  ROLE_LABELS,
  roleSpecs,
} from "./orderPresets";
import type { PresetName } from "./types";

export { type OrderMappingEx, type OrderPreset, type OrderRole, PRESETS } from "./orderPresets";

export type Message = { ja: string; en: string };

export type MappingResult<M, Extra = object> =
  | ({ ok: true; mapping: M; columns: Record<string, string> } & Extra)
  | { ok: false; message: Message; headers: string[] };

export type OrderMappingResult = MappingResult<OrderMappingEx, { preset: PresetName }>;

const ORDERS = { ja: "注文データ", en: "Orders" };

function buildOrderMapping(
  preset: OrderPreset,
  header: readonly unknown[],
): OrderMappingResult & { found?: number } {
  const r = resolveRoles(header, roleSpecs(preset));
  if (r.missing.length > 0)
    return { ok: false, message: missingMessage(r.missing, header, ORDERS), headers: headerTexts(header) };
  const ix = r.indexes;
  const mapping: OrderMappingEx = { customer: ix.customer!, date: ix.date!, amountKind: preset.amountKind };
  if (ix.orderId !== undefined) mapping.orderId = ix.orderId;
  if (ix.amount !== undefined) mapping.amount = ix.amount;
  if (ix.quantity !== undefined && ix.unitPrice !== undefined && ix.amount === undefined) {
    mapping.quantity = ix.quantity;
    mapping.unitPrice = ix.unitPrice;
    mapping.amountKind = "line_amount";
  }
  if (ix.status !== undefined) mapping.status = ix.status;
  if (ix.name !== undefined) mapping.name = ix.name;
  if (ix.cancelledAt !== undefined) mapping.cancelledAt = ix.cancelledAt;
  if (preset.cancelRule) mapping.cancelRule = preset.cancelRule;
  if (preset.cancelStatuses) mapping.cancelStatuses = preset.cancelStatuses;
  const columns: Record<string, string> = {};
  for (const [role, text] of Object.entries(r.columns)) {
    if ((role === "quantity" || role === "unitPrice") && mapping.quantity === undefined) continue;
    columns[role] = text as string;
  }
  return { ok: true, preset: preset.name, mapping, columns, found: r.found };
}

/**
 * Finds the order columns. With a preset name, that preset's header names are used; with "auto", every platform
 * preset whose signature headers appear is tried, the one with the most signature headers (then the most columns
 * found) wins, and the generic ja/en names are the fallback.
 */
export function detectOrderMapping(
  header: readonly unknown[],
  preset: PresetName | "auto",
): OrderMappingResult {
  if (preset !== "auto") {
    const p = presetByName(preset);
    if (!p)
      return {
        ok: false,
        message: { ja: `不明なプリセットです: ${preset}`, en: `Unknown preset: ${preset}` },
        headers: headerTexts(header),
      };
    return strip(buildOrderMapping(p, header));
  }
  const normalized = new Set(header.map(normalizeHeader));
  let best: { score: number; result: OrderMappingResult } | null = null;
  for (const p of PRESETS) {
    if (p.name === "generic") continue;
    const hits = p.signature.filter((s) => normalized.has(normalizeHeader(s))).length;
    if (hits === 0) continue;
    const result = buildOrderMapping(p, header);
    if (!result.ok) continue;
    const score = hits * 100 + (result.found ?? 0);
    if (!best || score > best.score) best = { score, result };
  }
  if (best) return strip(best.result);
  return strip(buildOrderMapping(presetByName("generic")!, header));
}

function strip(r: OrderMappingResult & { found?: number }): OrderMappingResult {
  if (r.ok) {
    const { found: _found, ...rest } = r;
    return rest;
  }
  return r;
}

/**
 * A mapping the user chose: role → header text (or 0-based column index). customer and date are required.
 * amountKind defaults to the base preset's (generic: order_total).
 */
export function mappingFromColumns(
  header: readonly unknown[],
  chosen: Partial<Record<OrderRole, string | number>>,
  options: { amountKind?: OrderMappingEx["amountKind"]; basePreset?: PresetName } = {},
): OrderMappingResult {
  const base = presetByName(options.basePreset ?? "generic") ?? presetByName("generic")!;
  const normalized = header.map(normalizeHeader);
  const texts = headerTexts(header);
  const ix: Partial<Record<OrderRole, number>> = {};
  const columns: Record<string, string> = {};
  const problems: Message[] = [];
  for (const [role, want] of Object.entries(chosen) as [OrderRole, string | number][]) {
    if (want === undefined || want === null || want === "") continue;
    const at =
      typeof want === "number"
        ? want >= 0 && want < header.length
          ? want
          : -1
        : normalized.indexOf(normalizeHeader(want));
    if (at < 0) {
      problems.push({
        ja: `${ROLE_LABELS[role].ja}の列「${want}」が見出しにありません`,
        en: `${ROLE_LABELS[role].en} column "${want}" is not in the header`,
      });
      continue;
    }
    ix[role] = at;
    columns[role] = texts[at];
  }
  // One column, one role (the display name may repeat the customer column, e.g. when customers are named).
  const owner = new Map<number, OrderRole>();
  for (const [role, at] of Object.entries(ix) as [OrderRole, number][]) {
    if (role === "name") continue;
    const other = owner.get(at);
    if (other === undefined) owner.set(at, role);
    else
      problems.push({
        ja: `「${texts[at]}」列が${ROLE_LABELS[other].ja}と${ROLE_LABELS[role].ja}の両方に選ばれています`,
        en: `column "${texts[at]}" is chosen for both ${ROLE_LABELS[other].en} and ${ROLE_LABELS[role].en}`,
      });
  }
  for (const role of ["customer", "date"] as const) {
    if (ix[role] === undefined && !problems.some((p) => p.en.startsWith(ROLE_LABELS[role].en)))
      problems.push({
        ja: `${ROLE_LABELS[role].ja}の列を選んでください`,
        en: `choose the ${ROLE_LABELS[role].en} column`,
      });
  }
  if (problems.length > 0) {
    const seen = texts.filter((t) => t.trim() !== "");
    return {
      ok: false,
      message: {
        ja: `${problems.map((p) => p.ja).join("。")}。見つかった見出し: ${seen.join("、")}`,
        en: `${problems.map((p) => p.en).join("; ")}. Headers seen: ${seen.join(", ")}`,
      },
      headers: texts,
    };
  }
  const mapping: OrderMappingEx = {
    customer: ix.customer!,
    date: ix.date!,
    amountKind: options.amountKind ?? base.amountKind,
  };
  if (ix.orderId !== undefined) mapping.orderId = ix.orderId;
  if (ix.amount !== undefined) mapping.amount = ix.amount;
  if (ix.quantity !== undefined && ix.unitPrice !== undefined) {
    mapping.quantity = ix.quantity;
    mapping.unitPrice = ix.unitPrice;
    if (ix.amount === undefined) mapping.amountKind = "line_amount";
  }
  if (ix.status !== undefined) mapping.status = ix.status;
  if (ix.name !== undefined) mapping.name = ix.name;
  if (ix.cancelledAt !== undefined) mapping.cancelledAt = ix.cancelledAt;
  if (base.cancelRule) mapping.cancelRule = base.cancelRule;
  if (base.cancelStatuses) mapping.cancelStatuses = base.cancelStatuses;
  return { ok: true, preset: base.name, mapping, columns };
}

// ---- optional tables ----

export interface MemberMapping {
  customer: number;
  status: number;
  since?: number;
}
export interface EngagementMapping {
  customer: number;
  date: number;
  action: number;
  note?: number;
}
export interface VisitMapping {
  customer: number;
  date: number;
}
export interface SurveyMapping {
  score: number;
  customer?: number;
  date?: number;
}

const CUSTOMER = { ja: "顧客", en: "customer" };
const DATE = { ja: "日付", en: "date" };

function spec<R extends string>(
  role: R,
  names: readonly string[],
  required: boolean,
  label: Message,
): RoleSpec<R> {
  return { role, names, required, label };
}

function detectTable<R extends string, M>(
  header: readonly unknown[],
  specs: RoleSpec<R>[],
  what: Message,
): MappingResult<M> {
  const r = resolveRoles(header, specs);
  if (r.missing.length > 0)
    return { ok: false, message: missingMessage(r.missing, header, what), headers: headerTexts(header) };
  return { ok: true, mapping: r.indexes as unknown as M, columns: r.columns as Record<string, string> };
}

export function detectMemberMapping(header: readonly unknown[]): MappingResult<MemberMapping> {
  return detectTable<keyof MemberMapping, MemberMapping>(
    header,
    [
      spec("customer", GENERIC_NAMES.customer, true, CUSTOMER),
      spec(
        "status",
        [
          "membership_status",
          "会員ステータス",
          "会員状態",
          "契約状況",
          "membership",
          "status",
          "ステータス",
          "状態",
        ],
        true,
        { ja: "会員ステータス", en: "membership status" },
      ),
      // Since when the status holds (a cancellation's date); a join date (入会日) would say nothing about it.
      spec(
        "since",
        [
          "since",
          "status_date",
          "変更日",
          "開始日",
          "退会日",
          "休会日",
          "更新日",
          "updated_at",
          "date",
          "日付",
        ],
        false,
        { ja: "変更日", en: "since" },
      ),
    ],
    { ja: "会員データ", en: "Members" },
  );
}

export function detectEngagementMapping(header: readonly unknown[]): MappingResult<EngagementMapping> {
  return detectTable<keyof EngagementMapping, EngagementMapping>(
    header,
    [
      spec("customer", GENERIC_NAMES.customer, true, CUSTOMER),
      spec(
        "action",
        ["action", "action_type", "行動", "行動種別", "アクション", "種別", "種類", "type", "内容"],
        true,
        { ja: "行動の種類", en: "action" },
      ),
      spec(
        "date",
        ["date", "日付", "日時", "実施日", "行動日", "発生日", "action_date", "created_at"],
        true,
        DATE,
      ),
      spec("note", ["note", "メモ", "備考", "comment", "コメント"], false, { ja: "メモ", en: "note" }),
    ],
    { ja: "関係行動データ", en: "Engagement" },
  );
}

export function detectVisitMapping(header: readonly unknown[]): MappingResult<VisitMapping> {
  return detectTable<keyof VisitMapping, VisitMapping>(
    header,
    [
      spec("customer", GENERIC_NAMES.customer, true, CUSTOMER),
      spec(
        "date",
        [
          "visit_date",
          "来館日",
          "来店日",
          "来館日時",
          "来店日時",
          "利用日",
          "check_in",
          "チェックイン",
          "date",
          "日付",
          "日時",
        ],
        true,
        { ja: "来館日", en: "visit date" },
      ),
    ],
    { ja: "来館データ", en: "Visits" },
  );
}

export function detectSurveyMapping(header: readonly unknown[]): MappingResult<SurveyMapping> {
  return detectTable<keyof SurveyMapping, SurveyMapping>(
    header,
    [
      spec(
        "score",
        ["nps", "score", "nps_score", "推奨度", "おすすめ度", "スコア", "点数", "評価", "recommend"],
        true,
        { ja: "スコア(0〜10)", en: "score (0–10)" },
      ),
      spec("customer", GENERIC_NAMES.customer, false, CUSTOMER),
      spec("date", ["date", "日付", "回答日", "回答日時", "answered_at", "created_at"], false, DATE),
    ],
    { ja: "アンケートデータ", en: "Survey" },
  );
}
