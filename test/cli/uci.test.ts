import { createReadStream, readFileSync } from "node:fs";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../support/sharedData";
import { ensureBuilt, parseCsv, sodatsu, tempDir } from "./run";

/**
 * The real, messy UCI Online Retail file, gzipped, end to end. The expected buckets are counted here
 * independently, with csv-parse (not the CLI's tokenizer), from the data set's own rules: a line without
 * CustomerID cannot be used; an invoice number starting with C is a cancellation; every other line is used.
 */
const FILE = sharedPath("data/online-retail/online_retail.csv.gz");

async function independentCount() {
  let missing = 0;
  let cancelled = 0;
  let used = 0;
  const parser = createReadStream(FILE)
    .pipe(createGunzip())
    .pipe(parse({ columns: true }));
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    if (row.CustomerID.trim() === "") missing++;
    else if (row.InvoiceNo.startsWith("C")) cancelled++;
    else used++;
  }
  return { missing, cancelled, used };
}

beforeAll(ensureBuilt);

describe("UCI Online Retail (online_retail.csv.gz)", () => {
  it("is recognised as uci, and every line lands in the bucket the data set's rules give it", async () => {
    const dir = tempDir();
    const [r, expected] = await Promise.all([
      sodatsu(["analyze", FILE, "--as-of", "2011-12-09", "--format", "csv", "--out", dir, "--lang", "en"]),
      independentCount(),
    ]);
    expect(r.stderr).toMatch(/Preset: uci \(auto-detected\)/);
    expect(r.code).toBe(0);
    expect(expected.missing).toBe(135_080); // the figure the data set's README publishes
    const log = parseCsv(readFileSync(join(dir, "run-log.csv"), "utf8"));
    const bucket = (label: string) => Number(log.find((row) => row[0] === label)?.[1]);
    expect(bucket("Skipped: missing customer")).toBe(expected.missing);
    expect(bucket("Cancelled")).toBe(expected.cancelled);
    expect(bucket("Used")).toBe(expected.used);
    expect(bucket("Skipped: bad date") + bucket("Skipped: bad amount") + bucket("After the as-of date")).toBe(
      0,
    );
    // Customer ids are written "17850.0" in the file; 4,372 distinct customers bought or cancelled.
    const customers = parseCsv(readFileSync(join(dir, "customers.csv"), "utf8")).length - 1;
    expect(customers).toBeGreaterThan(4000);
    expect(customers).toBeLessThanOrEqual(4372);
    expect(r.stdout).toContain(dir);
  });
});
