import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, type Result, sodatsu, tempDir } from "./run";

/** Every mistake a user can make ends with exit code 1 and exactly one line that says what and where. */
const dir = tempDir();
const good = join(dir, "orders.csv");
writeFileSync(good, "order_id,order_date,customer_id,amount\n1,2026-10-01,C1,1000\n");

function expectOneLine(r: Result, ...mentions: string[]) {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^sodatsu: /);
  for (const m of mentions) expect(lines[0]).toContain(m);
}

beforeAll(ensureBuilt);

describe("bad input: exit code 1 and one line", () => {
  it("a missing file", async () => {
    const missing = join(dir, "nothing-here.csv");
    expectOneLine(
      await sodatsu(["analyze", missing, "--out", join(dir, "o1")]),
      "ファイルが見つかりません",
      missing,
    );
  });

  it("binary junk", async () => {
    const junk = join(dir, "junk.csv");
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    writeFileSync(junk, bytes);
    expectOneLine(await sodatsu(["analyze", junk, "--out", join(dir, "o2")]), "CSV", junk);
  });

  it("a file without a customer column, showing the headers it saw", async () => {
    const f = join(dir, "nocustomer.csv");
    writeFileSync(f, "商品名,数量,注文日\nコーヒー,1,2026-10-01\n");
    expectOneLine(await sodatsu(["analyze", f, "--out", join(dir, "o3")]), "顧客", "商品名", "数量", f);
  });

  it("an empty file", async () => {
    const f = join(dir, "empty.csv");
    writeFileSync(f, "");
    expectOneLine(await sodatsu(["analyze", f, "--out", join(dir, "o4")]), "空", f);
  });

  it("settings that are not JSON, and settings the rule book refuses (naming the field)", async () => {
    const notJson = join(dir, "bad.json");
    writeFileSync(notJson, "{ activeDays: 30 ");
    expectOneLine(
      await sodatsu(["analyze", good, "--settings", notJson, "--out", join(dir, "o5")]),
      "JSON",
      notJson,
    );
    const refused = join(dir, "refused.json");
    writeFileSync(refused, JSON.stringify({ activeDays: 90, atRiskDays: 60 }));
    expectOneLine(
      await sodatsu(["analyze", good, "--settings", refused, "--out", join(dir, "o6")]),
      "activeDays",
      refused,
    );
    expectOneLine(
      await sodatsu(["analyze", good, "--settings", join(dir, "none.json"), "--out", join(dir, "o7")]),
      "none.json",
    );
  });

  it("a bad --as-of, an unknown preset or format, a missing order file", async () => {
    expectOneLine(
      await sodatsu(["analyze", good, "--as-of", "2026/13/01", "--out", join(dir, "o8")]),
      "--as-of",
      "2026/13/01",
    );
    expectOneLine(await sodatsu(["analyze", good, "--preset", "mercari"]), "--preset", "mercari");
    expectOneLine(await sodatsu(["analyze", good, "--format", "pdf"]), "--format");
    expectOneLine(await sodatsu(["analyze"]), "analyze");
    expectOneLine(await sodatsu(["analyse", good]), "analyse");
    expectOneLine(await sodatsu(["analyze", good, "--colour"]), "colour");
  });

  it("a gzip file that is damaged", async () => {
    const f = join(dir, "broken.csv.gz");
    writeFileSync(f, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5]));
    expectOneLine(await sodatsu(["analyze", f, "--out", join(dir, "o9")]), "gzip", f);
  });
});

describe("help", () => {
  it("is complete: every command and option, Japanese first then English", async () => {
    const r = await sodatsu(["--help"]);
    expect(r.code).toBe(0);
    const options = [
      "--engagement",
      "--survey",
      "--membership",
      "--visits",
      "--as-of",
      "--settings",
      "--preset",
      "--lang",
      "--format",
      "--out",
    ];
    for (const o of options) expect(r.stdout).toContain(o);
    for (const p of [
      "shopify",
      "amazon",
      "rakuten",
      "yahoo",
      "base",
      "colorme",
      "woocommerce",
      "uci",
      "generic",
    ])
      expect(r.stdout).toContain(p);
    expect(r.stdout.indexOf("使い方")).toBeGreaterThanOrEqual(0);
    expect(r.stdout.indexOf("使い方")).toBeLessThan(r.stdout.indexOf("Usage"));
    expect(r.stdout).toContain("diagnose");
  });
});

describe("version", () => {
  it("prints the package version", async () => {
    const r = await sodatsu(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^sodatsu \d+\.\d+\.\d+$/);
  });
});
