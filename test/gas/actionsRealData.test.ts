// The menu flow on real, messy data: the first 30,000 lines of UCI Online Retail pasted into 注文 as text.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { BUCKET_LABELS } from "../../src/core/index";
import { sharedPath } from "../support/sharedData";
import { generatedSheets, setSetting, sheetValues, templateShop } from "./actionsHarness";
import { ensureBundle } from "./loadBundle";

beforeAll(ensureBundle);

const LINES = 30_000;

function retailRows(): string[][] {
  const text = gunzipSync(readFileSync(sharedPath("data/online-retail/online_retail.csv.gz"))).toString(
    "utf8",
  );
  const head = text.split("\n", LINES + 1).join("\n");
  return parse(head) as string[][];
}

describe("UCI Online Retail through the menu", () => {
  const rows = retailRows();
  const h = templateShop({ locale: "ja_JP", timeZone: "Europe/London" });
  h.world.ss.sheetNamed("注文")?.paste(rows);
  setSetting(h.world, "asOf", "2011-12-09");
  const input = h.world.ss.sheetNamed("注文")?.snapshot();
  h.gas.call("menuRunAnalysis");
  const log = sheetValues(h.world.ss.sheetNamed("実行ログ") as never);
  const bucket = (b: keyof typeof BUCKET_LABELS) => log.find((r) => r[0] === BUCKET_LABELS[b].ja)?.[1];

  it("runs without an alert and writes the four sheets", () => {
    expect(h.world.ui.alerts).toEqual([]);
    expect(generatedSheets(h.world)).toHaveLength(4);
  });

  it("accounts for every line, with cancellations and missing customers counted as the data has them", () => {
    const data = rows.slice(1);
    const blanks = data.filter((r) => r[6].trim() === "").length;
    const cancels = data.filter((r) => r[6].trim() !== "" && r[0].startsWith("C")).length;
    const total = (
      ["used", "missing_customer", "bad_date", "bad_amount", "cancelled", "after_as_of"] as const
    )
      .map((b) => Number(bucket(b)))
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(data.length);
    expect(bucket("missing_customer")).toBe(blanks);
    expect(bucket("cancelled")).toBe(cancels);
  });

  it("lists each customer once, and reads the input sheet only", () => {
    const customers = sheetValues(h.world.ss.sheetNamed("顧客") as never).slice(1);
    const ids = new Set(
      rows
        .slice(1)
        .filter((r) => r[6].trim() !== "" && !r[0].startsWith("C"))
        .map((r) => r[6]),
    );
    expect(customers.length).toBe(ids.size);
    expect(h.world.ss.sheetNamed("注文")?.snapshot()).toBe(input);
  });
});
