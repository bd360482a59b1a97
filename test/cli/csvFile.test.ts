import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gridCsvChunks, tableCsvChunks, writeAll, writeCsvFile } from "../../src/cli/csvFile";
import { cleanOrderFile } from "../../src/cli/readOrders";
import { csvText } from "../../src/cli/writeCsv";
import {
  analyzeCleaned,
  DEFAULT_SETTINGS,
  dayFromYmd,
  explainRisk,
  predictCustomersNow,
} from "../../src/core/index";
import type { Cell } from "../../src/report/cell";
import type { Column } from "../../src/report/columns";
import { type ReportTable, reportGrid, tableOf } from "../../src/report/layout";
import { CLI, ensureBuilt, sodatsu, tempDir } from "./run";

/** The example shop analysed as `sodatsu analyze` does it (order file read through the CLI's own reader). */
async function exampleResult() {
  const asOf = dayFromYmd(2026, 10, 31);
  const settings = DEFAULT_SETTINGS;
  const cleaned = await cleanOrderFile("examples/orders.csv", "auto", settings, asOf, () => {});
  return analyzeCleaned(cleaned, {}, settings, asOf, { predict: predictCustomersNow, explainRisk });
}

/** What a file written chunk by chunk holds, to compare with the whole-grid text encoded at once. */
async function written(chunks: Iterable<Uint8Array>): Promise<Buffer> {
  const file = join(tempDir(), "out.csv");
  await writeCsvFile(file, chunks);
  return readFileSync(file);
}

const bytesOf = (text: string) => Buffer.from(text, "utf8");

/** The chunks as one buffer, each copied as it comes (they are views of one reused buffer). */
function collected(chunks: Iterable<Uint8Array>): Buffer {
  const parts: Buffer[] = [];
  for (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** Buffers compared with equals (toEqual walks them byte by byte); a mismatch shows where the bytes part. */
function expectSameBytes(got: Buffer, expected: Buffer): void {
  if (got.equals(expected)) return;
  let i = 0;
  while (i < got.length && got[i] === expected[i]) i++;
  expect(got.subarray(i, i + 40).toString()).toBe(expected.subarray(i, i + 40).toString());
  expect(got.length).toBe(expected.length);
}

describe("short writes", () => {
  it("writeAll writes what each call did not take, and refuses a write that takes nothing", async () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => `行${i}`).join(","));
    const got: number[] = [];
    let calls = 0;
    await writeAll(async (b, offset, length) => {
      calls++;
      const n = Math.min(length, 1 + (calls % 97)); // never all that was asked
      got.push(...b.subarray(offset, offset + n));
      return { bytesWritten: n };
    }, bytes);
    expectSameBytes(Buffer.from(got), bytes);
    expect(calls).toBeGreaterThan(10);
    await expect(writeAll(async () => ({ bytesWritten: 0 }), bytes)).rejects.toThrow("a write took 0");
  });

  it("the built command line writes whole CSVs when every file write takes at most 1,000 bytes", async () => {
    await ensureBuilt();
    const dir = tempDir();
    // Preloaded into the command line: FileHandle.write takes at most 1,000 bytes a call and says so, as a
    // nearly full disk or a pipe may. Before writeAll, every report CSV came out cut at 1,000 bytes a chunk.
    const preload = join(dir, "short-writes.mjs");
    writeFileSync(
      preload,
      `import { open } from "node:fs/promises";
const handle = await open(${JSON.stringify(CLI)}, "r");
const proto = Object.getPrototypeOf(handle);
await handle.close();
const write = proto.write;
proto.write = function (buffer, offset, length, position) {
  if (typeof buffer === "string") buffer = Buffer.from(buffer, length ?? "utf8"), offset = 0, length = undefined;
  offset ??= 0;
  length = Math.min(length ?? buffer.byteLength - offset, 1000);
  return write.call(this, buffer, offset, length, position);
};
`,
    );
    const run = (out: string, node: string[]) =>
      sodatsu(
        ["analyze", "examples/orders.csv", "--as-of", "2026-10-31", "--format", "csv", "--out", out],
        {},
        {
          node,
        },
      );
    const whole = await run(join(dir, "whole"), []);
    const short = await run(join(dir, "short"), ["--import", preload]);
    expect(whole.code, whole.stderr).toBe(0);
    expect(short.code, short.stderr).toBe(0);
    const files = readdirSync(join(dir, "whole")).sort();
    expect(files).toContain("customers.csv");
    expect(readFileSync(join(dir, "whole", "customers.csv")).length).toBeGreaterThan(10_000);
    for (const f of files) {
      const expected = readFileSync(join(dir, "whole", f));
      expectSameBytes(readFileSync(join(dir, "short", f)), expected);
    }
  });
});

describe("CSV files written chunk by chunk", () => {
  it("customers and follow-up tables equal the shared layout's grid as CSV, for codes and labels, ja and en", async () => {
    const result = await exampleResult();
    expect(result.customers.length).toBeGreaterThan(10);
    for (const lang of ["ja", "en"] as const)
      for (const audience of ["codes", "labels"] as const) {
        for (const part of ["customers", "followUp"] as const)
          expectSameBytes(
            await written(tableCsvChunks(tableOf(result, part)!, lang, audience)),
            bytesOf(csvText(reportGrid(result, part, lang, audience))),
          );
      }
  });

  it("writes names and ids that need a formula guard or quotes as csvCell does, in both tables", async () => {
    const result = await exampleResult();
    // Free text the fast path must hand to csvCell: a formula, a comma, a quote, a line break, a leading minus or
    // tab, non-ASCII, and a long name; plus plain ASCII, which it copies itself.
    const names = [
      '=HYPERLINK("http://x","y")',
      "Tanaka, Taro",
      '山田 "花子"',
      "two\nlines",
      "-5",
      "\tx",
      "@home",
      "Plain Name",
      "x".repeat(40),
      "",
    ];
    names.forEach((name, i) => {
      result.customers[i].name = name;
      result.customers[i].customerKey = `+${i}`;
      result.followUp[i].name = name;
    });
    for (const lang of ["ja", "en"] as const)
      for (const audience of ["codes", "labels"] as const)
        for (const part of ["customers", "followUp"] as const) {
          const got = collected(tableCsvChunks(tableOf(result, part)!, lang, audience));
          expectSameBytes(got, bytesOf(csvText(reportGrid(result, part, lang, audience)).slice(1)));
          expect(got.toString()).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
          expect(got.toString()).toContain('"Tanaka, Taro"');
        }
  });

  it("a grid larger than one write batch, and an empty grid, come out as csvText gives them", async () => {
    const big: Cell[][] = Array.from({ length: 30_000 }, (_, i) => [
      `顧客${i}`,
      i,
      { date: dayFromYmd(2026, 1, 1) + (i % 400) },
      i % 7 === 0 ? "a,b" : null,
      "フォローのご連絡",
    ]);
    expectSameBytes(await written(gridCsvChunks(big)), bytesOf(csvText(big)));
    expectSameBytes(await written(gridCsvChunks([])), bytesOf(csvText([])));
    // A line longer than the write buffer (a very long free-text cell), between ordinary lines.
    const long: Cell[][] = [
      ["a", 1],
      ["長い備考".repeat(40_000), "b"],
      ["c", 2],
    ];
    expectSameBytes(await written(gridCsvChunks(long)), bytesOf(csvText(long)));
    // The same as table rows, cell by cell.
    expectSameBytes(await written(tableCsvChunks(asTable(long), "ja", "codes")), bytesOf(csvText(long)));
  });

  it("writes any cells of a table as csvCell does: numbers, text, dates, booleans, blanks, cut anywhere", () => {
    const cell: fc.Arbitrary<Cell> = fc.oneof(
      fc.integer({ min: -5, max: 2_000_000_000 }),
      fc.double({ noNaN: false }),
      fc.constantFrom(0, -0, 9, 10, 99, 100, 999_999_999, 1e9, 0.5, -1.25, 0.0001, 1e-5, 0.1 + 0.2),
      // What the report's columns hold: numbers rounded to at most four decimals (ChunkBuffer.decimal).
      fc
        .tuple(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 0, max: 5 }))
        .map(([k, d]) => k / 10 ** d),
      fc
        .tuple(fc.double({ min: -2e9, max: 2e9, noNaN: true }), fc.integer({ min: 0, max: 4 }))
        .map(([x, d]) => Math.round(x * 10 ** d) / 10 ** d),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.string({
        unit: fc.constantFrom("a", ",", '"', "\r", "\n", "=", "-", "日", "\ud83d\ude00", "\ud800"),
        maxLength: 60,
      }),
      fc.boolean(),
      fc.constant(null),
      fc.integer({ min: 0, max: 30_000 }).map((date) => ({ date })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 120_000 }),
        (rows, longLength) => {
          // Enough rows and one long cell that the buffer fills mid-row, or the cell is longer than the buffer.
          const grid: Cell[][] = [["a", "b", "c"], ...rows, ["x", "長".repeat(longLength), 1]];
          for (let i = 0; i < 3000; i++) grid.push([`row ${i}`, i, "ベンチ"]);
          // writeCsvFile puts the BOM in front of the chunks.
          expectSameBytes(
            collected(tableCsvChunks(asTable(grid), "ja", "codes")),
            bytesOf(csvText(grid).slice(1)),
          );
          // The same cells in a column of codes (labelKind), whose texts are worked out once each.
          expectSameBytes(
            collected(tableCsvChunks(asTable(grid, 1), "ja", "codes")),
            bytesOf(csvText(grid).slice(1)),
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});

/**
 * A grid as a table part: its first row the column ids, each column the cell at its place; column `codes`, if
 * given, is marked as a column of codes (labelKind).
 */
function asTable(grid: Cell[][], codes = -1): ReportTable<Cell[]> {
  const columns: Column<Cell[]>[] = grid[0].map((id, k) => ({
    id: String(id),
    ja: String(id),
    en: String(id),
    ...(k === codes ? { labelKind: "state" as const } : {}),
    value: (row) => row[k] ?? null,
  }));
  return { columns, rows: grid.slice(1) };
}
