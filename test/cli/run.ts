import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// @ts-expect-error: plain .mjs build script without type declarations
import { buildCli } from "../../scripts/build-cli.mjs";

/** Helpers for the command-line tests: each test runs the built dist-cli/sodatsu.mjs as a child process. */
export const CLI = join(process.cwd(), "dist-cli/sodatsu.mjs");

let built: Promise<void> | null = null;
/** Builds the CLI once per test file (atomic rename, so parallel files do not see a half-written bundle). */
export function ensureBuilt(): Promise<void> {
  built ??= buildCli() as Promise<void>;
  return built;
}

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * How to start the command line: Node options before its script (a preload, `--import x.mjs`) and the script
 * (the built CLI, or src/cli/main.ts with `--import tsx` to run it from source).
 */
export interface Launch {
  node?: readonly string[];
  main?: string;
}

export function sodatsu(
  args: readonly string[],
  env: Record<string, string> = {},
  { node = [], main = CLI }: Launch = {},
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, main, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export const tempDir = (prefix = "sodatsu-cli-") => mkdtempSync(join(tmpdir(), prefix));

/** A CSV the CLI wrote, as rows (BOM stripped; RFC 4180 quoting undone by the simple rules the writer uses). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\ufeff/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && s[i + 1] === "\n") {
      /* CR of CRLF */
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** customers.csv as objects keyed by its stable column ids. */
export function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
