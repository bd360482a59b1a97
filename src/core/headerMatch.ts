/**
 * Finding columns by their header text. Headers are compared after normalising away what differs between
 * exports of the same column: width (NFKC), case, spaces, underscores, hyphens, dots and a leading BOM, so
 * "Order ID", "order_id", "ORDER-ID" and "ｏｒｄｅｒ　ｉｄ" are one name, as are "氏名（姓）" and "氏名(姓)".
 */

export function normalizeHeader(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value)
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-.・:：]/g, "");
}

/** A column role and the header names that fill it, best first. */
export interface RoleSpec<Role extends string> {
  role: Role;
  names: readonly string[];
  required: boolean;
  /** How the role is named in messages. */
  label: { ja: string; en: string };
}

export interface Resolved<Role extends string> {
  indexes: Partial<Record<Role, number>>;
  /** role → header text as the sheet shows it. */
  columns: Partial<Record<Role, string>>;
  missing: RoleSpec<Role>[];
  found: number;
}

/**
 * Assigns each role the first of its names present in the header; a column serves one role only (roles are
 * resolved in the order given, so put the more specific roles first).
 */
export function resolveRoles<Role extends string>(
  header: readonly unknown[],
  specs: readonly RoleSpec<Role>[],
): Resolved<Role> {
  const normalized = header.map(normalizeHeader);
  const used = new Set<number>();
  const indexes: Partial<Record<Role, number>> = {};
  const columns: Partial<Record<Role, string>> = {};
  const missing: RoleSpec<Role>[] = [];
  let found = 0;
  for (const spec of specs) {
    let at = -1;
    for (const name of spec.names) {
      const want = normalizeHeader(name);
      at = normalized.findIndex((h, i) => h === want && !used.has(i));
      if (at >= 0) break;
    }
    if (at >= 0) {
      used.add(at);
      indexes[spec.role] = at;
      columns[spec.role] = String(header[at] ?? "").replace(/^\uFEFF/, "");
      found++;
    } else if (spec.required) {
      missing.push(spec);
    }
  }
  return { indexes, columns, missing, found };
}

export function headerTexts(header: readonly unknown[]): string[] {
  return header.map((h) => String(h ?? "").replace(/^\uFEFF/, ""));
}

/** "必要な列が見つかりません: 顧客(顧客ID、メールアドレスなど)…" naming what is missing and what was seen. */
export function missingMessage<Role extends string>(
  missing: readonly RoleSpec<Role>[],
  header: readonly unknown[],
  what: { ja: string; en: string },
): { ja: string; en: string } {
  const seen = headerTexts(header).filter((h) => h.trim() !== "");
  const examples = (s: RoleSpec<Role>) => s.names.slice(0, 3);
  const seenJa = seen.length > 0 ? seen.join("、") : "(見出しがありません)";
  const seenEn = seen.length > 0 ? seen.join(", ") : "(no headers)";
  return {
    ja: `${what.ja}に必要な列が見つかりません: ${missing
      .map((s) => `${s.label.ja}(${examples(s).join("・")} など)`)
      .join("、")}。見つかった見出し: ${seenJa}`,
    en: `${what.en}: required columns not found: ${missing
      .map((s) => `${s.label.en} (e.g. ${examples(s).join(", ")})`)
      .join("; ")}. Headers seen: ${seenEn}`,
  };
}
