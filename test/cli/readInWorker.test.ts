import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/errors";
import { IN_THREAD_BELOW, readInWorker, readTableFast, useReadWorker } from "../../src/cli/readInWorker";
import { readTable, type TableHandlers } from "../../src/cli/readTable";
import { mulberry32 } from "../support/seededRandom";
import { ensureBuilt, tempDir } from "./run";

/**
 * The reading worker (dist-cli/read-worker.mjs, built from src/cli/readWorker.ts) against readTable in this
 * thread: the same rows with the same record numbers, the same file facts and the same errors, on files of
 * several read chunks with quotes, quoted newlines, CRLF, BOM, gzip and Shift_JIS.
 */
const dir = tempDir("sodatsu-worker-");

interface Read {
  rows: string[][];
  numbers: number[];
  info: unknown;
  progressed: boolean;
}

async function readWith(
  read: typeof readTable,
  path: string,
  columns: number[] | null = null,
  reusesRow = false,
): Promise<Read | string> {
  const rows: string[][] = [];
  const numbers: number[] = [];
  let progressed = false;
  const handlers: TableHandlers = {
    header(fields) {
      rows.push(fields);
      numbers.push(0);
      const row = (f: string[], n: number) => {
        // Only the columns asked for are compared: the worker blanks the others on quoted lines too. A copy
        // either way, since a sink that reusesRow may get the same array again.
        rows.push(f.map((v, i) => (columns === null || columns.includes(i) ? v : "")));
        numbers.push(n);
      };
      return columns === null ? row : { columns, row, reusesRow };
    },
    progress: () => {
      progressed = true;
    },
  };
  try {
    const info = await read(path, handlers);
    return { rows, numbers, info, progressed };
  } catch (e) {
    if (e instanceof CliError) return e.line();
    throw e;
  }
}

const script = pathToFileURL(join(process.cwd(), "dist-cli/read-worker.mjs"));
/** Always the worker: readTableFast would read these few-MB files in this thread (see IN_THREAD_BELOW). */
const inWorker: typeof readTable = (path, handlers) => readInWorker(script, path, handlers);

/**
 * About 3 MB of order-like lines, one in ten with quotes (some holding commas, quotes and line breaks); orders of
 * one to three line items repeat their id, customer and name, as exports do.
 */
function messyCsv(seed: number, newline: string): string {
  const random = mulberry32(seed);
  const lines = ["order_id,customer,name,amount,note"];
  for (let i = 0, repeat = 0; i < 40_000; i++, repeat--) {
    if (repeat <= 0) repeat = 1 + Math.floor(random() * 3);
    const r = random();
    const note =
      r < 0.05
        ? `"a ""quoted"" note, with a comma${newline}and a second line"`
        : r < 0.1
          ? `"plain quoted ${i}"`
          : r < 0.12
            ? ""
            : `note number ${i} with some longer text to cut`;
    const order = 1000 + i - (i % 3 < repeat ? 0 : 1);
    lines.push(`${order},C${order % 500},Customer ${order % 97},${100 + (i % 7)},${note}`);
    if (random() < 0.01) lines.push(""); // an empty line keeps its record number
  }
  return `${lines.join(newline)}${newline}`;
}

beforeAll(ensureBuilt);
afterAll(() => useReadWorker(null));

describe("reading in a worker", () => {
  it("gives the rows, record numbers and file facts of readTable", async () => {
    const text = messyCsv(1, "\n");
    const files: [string, Buffer][] = [
      ["lf.csv", Buffer.from(text)],
      ["crlf-bom.csv", Buffer.from(`\ufeff${messyCsv(2, "\r\n")}`)],
      ["gzip.csv.gz", gzipSync(Buffer.from(text))],
      ["sjis.csv", iconv.encode(text.replace(/Customer/g, "お客様"), "cp932")],
      ["tab.tsv", Buffer.from(text.replace(/,/g, "\t"))],
      ["no-final-newline.csv", Buffer.from(`${text}9,C1,x,1,"last"`)],
    ];
    for (const [name, bytes] of files) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      for (const [columns, reuses] of [
        [null, false],
        [[0, 1, 3], false],
        [[0, 1, 2, 3], true],
      ] as const) {
        const expected = await readWith(readTable, path, columns && [...columns], reuses);
        const got = await readWith(inWorker, path, columns && [...columns], reuses);
        expect(typeof got === "string" ? got : got.rows.length, name).toBe(
          typeof expected === "string" ? expected : expected.rows.length,
        );
        expect(got, name).toEqual(expected);
      }
    }
  });

  it("fails with readTable's messages", async () => {
    const badUtf8 = Buffer.concat([Buffer.from(messyCsv(3, "\n")), Buffer.from([0xff, 0xfe, 0x41, 0x0a])]);
    const cases: [string, Buffer | null][] = [
      ["missing.csv", null],
      ["empty.csv", Buffer.alloc(0)],
      ["bad-utf8.csv", badUtf8],
      ["damaged.csv.gz", gzipSync(Buffer.from(messyCsv(4, "\n"))).subarray(0, 50_000)],
      ["open-at-end.csv", Buffer.from(`${messyCsv(7, "\n")}9,C1,x,1,"last`)],
      ["open-long.csv", Buffer.from(`${messyCsv(8, "\n")}9,C1,"x,1\n${messyCsv(9, "\n").replace(/"/g, "")}`)],
    ];
    for (const [name, bytes] of cases) {
      const path = join(dir, name);
      if (bytes) writeFileSync(path, bytes);
      const expected = await readWith(readTable, path);
      expect(typeof expected, name).toBe("string");
      expect(await readWith(inWorker, path), name).toBe(expected);
    }
  });

  it("readTableFast reads a file below IN_THREAD_BELOW, plain or gzip, in this thread", async () => {
    // A worker script that does not exist: reading there would fail.
    useReadWorker(pathToFileURL(join(dir, "no-such-worker.mjs")));
    const text = messyCsv(10, "\n");
    for (const [name, bytes] of [
      ["small.csv", Buffer.from(text)],
      ["small.csv.gz", gzipSync(Buffer.from(text))],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      expect(bytes.length * (name.endsWith(".gz") ? 8 : 1)).toBeLessThan(IN_THREAD_BELOW);
      expect(await readWith(readTableFast, path), name).toEqual(await readWith(readTable, path));
    }
    useReadWorker(null);
  });

  it("stops the worker when the header is refused", async () => {
    const path = join(dir, "refused.csv");
    writeFileSync(path, messyCsv(5, "\n"));
    const refuse = {
      header(): never {
        throw new CliError("見出しが違います", "wrong header");
      },
    };
    await expect(inWorker(path, refuse)).rejects.toThrow("wrong header");
  });

  it("stops the worker when the sink throws while it is still reading, so the process exits", () => {
    // Run in a process of its own: a worker left reading would keep it alive (until this test's timeout kills it).
    const path = join(dir, "sink-throws.csv");
    writeFileSync(path, messyCsv(6, "\n"));
    const script = join(dir, "sink-throws.ts");
    const source = (file: string) => JSON.stringify(pathToFileURL(join(process.cwd(), file)).href);
    writeFileSync(
      script,
      `import { readInWorker } from ${source("src/cli/readInWorker.ts")};
const row = (_fields, n) => {
  if (n === 5000) throw new Error("sink failed");
};
readInWorker(new URL(${source("dist-cli/read-worker.mjs")}), ${JSON.stringify(path)}, { header: () => ({ columns: [0, 1], row, reusesRow: true }) }).then(
  () => console.log("read to the end"),
  (e) => console.log(String(e)),
);
`,
    );
    const r = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 20_000 });
    expect(r.stdout.trim()).toBe("Error: sink failed");
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
  });
});
