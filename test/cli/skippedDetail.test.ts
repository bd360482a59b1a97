import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_SKIPPED_DETAIL } from "../../src/cli/skippedDetail";
import { ensureBuilt, parseCsv, sodatsu, tempDir } from "./run";

beforeAll(ensureBuilt);

describe("a file where most rows are skipped", () => {
  it("lists the first reasons only, keeps every count exact, and says how many rows it does not list", async () => {
    const dir = tempDir();
    const file = join(dir, "orders.csv");
    const blank = MAX_SKIPPED_DETAIL + 25; // rows without a customer
    const lines = ["order_id,order_date,customer_id,amount"];
    for (let i = 0; i < blank; i++) lines.push(`,2026-10-01,,1000`);
    lines.push("1,2026-10-01,C1,1000", "2,2026-12-01,C1,1000"); // one used, one after the as-of day
    writeFileSync(file, `${lines.join("\n")}\n`);
    const out = join(dir, "out");
    const r = await sodatsu(["analyze", file, "--as-of", "2026-10-31", "--format", "csv", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`除外:顧客IDなし ${blank}`);
    const log = parseCsv(readFileSync(join(out, "run-log.csv"), "utf8"));
    expect(log).toContainEqual(["除外:顧客IDなし", String(blank)]);
    expect(log).toContainEqual(["基準日より後", "1"]);
    const listed = log.filter((row) => /^\d+$/.test(row[0]));
    expect(listed).toHaveLength(MAX_SKIPPED_DETAIL);
    const note = log[log.length - 1][0];
    expect(note).toContain(`${MAX_SKIPPED_DETAIL.toLocaleString("en-US")} 行だけ`);
    expect(note).toContain("ほかの 26 行"); // 25 blank customers and the order after the as-of day
  }, 60_000);
});
