import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze";
import { BUCKET_LABELS } from "../../src/core/labels";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { OrderMapping } from "../../src/core/types";
import { reportGrid } from "../../src/report/layout";

/** Rows of the optional tables that cannot be read are in the run log, under what actually went wrong. */
describe("the run log and the optional tables", () => {
  const orders: OrderMapping = { customer: 0, date: 1, amount: 2, amountKind: "order_total" };
  const result = analyze({
    orders: { rows: [["c1", "2026-05-01", "3000"]], mapping: orders, headers: ["顧客ID", "注文日", "金額"] },
    members: {
      rows: [
        ["c1", "継続"],
        ["c2", "VIP会員"],
      ],
      mapping: { customer: 0, status: 1 },
      headers: ["顧客ID", "会員状態"],
    },
    engagement: {
      rows: [["c1", "2026-05-02", "いいね"]],
      mapping: { customer: 0, date: 1, action: 2 },
      headers: ["顧客ID", "日付", "行動"],
    },
    settings: { ...DEFAULT_SETTINGS, asOf: "2026-05-31" },
    asOf: 20_604,
  });

  it("labels an unknown status or action as an unreadable value, not as an amount", () => {
    expect(result.tableSkipped?.members?.map((s) => s.bucket)).toEqual(["unreadable_value"]);
    expect(result.tableSkipped?.engagement?.map((s) => s.bucket)).toEqual(["unreadable_value"]);
    expect(BUCKET_LABELS.unreadable_value).toEqual({
      ja: "除外:値を読めない",
      en: "Skipped: unreadable value",
    });
  });

  it("lists those rows after the orders' with the table, the column and the value", () => {
    const ja = reportGrid(result, "runLog", "ja", "labels");
    const members = ja.find((row) => String(row[3]).startsWith("会員"));
    expect(members?.slice(0, 3)).toEqual([3, "除外:値を読めない", "会員状態"]);
    expect(members?.[3]).toContain("VIP会員");
    const en = reportGrid(result, "runLog", "en", "labels");
    const engagement = en.find((row) => row[2] === "行動");
    expect(engagement?.[1]).toBe("Skipped: unreadable value");
    expect(engagement?.[3]).toContain("いいね");
    // The skipped-row lines (row, bucket, column, reason): none of them blames an amount.
    const skippedLines = [...ja, ...en].filter((row) => typeof row[0] === "number" && row.length === 4);
    expect(skippedLines).toHaveLength(4);
    for (const row of skippedLines)
      expect([BUCKET_LABELS.bad_amount.ja, BUCKET_LABELS.bad_amount.en]).not.toContain(row[1]);
  });
});
