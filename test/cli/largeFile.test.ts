import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { IN_THREAD_BELOW } from "../../src/cli/readInWorker";
import { ensureBuilt, type Launch, sodatsu, tempDir } from "./run";

/**
 * Which reader the built command line uses: the reading worker for a large order file, this thread for a small one
 * (IN_THREAD_BELOW), with the same reports either way. The other tests' files are small, so this one keeps the
 * worker under a test where the user sees it.
 */
const dir = tempDir("sodatsu-large-");

/** Preloaded into the command line: says on stderr when a worker thread starts. */
const preload = join(dir, "tell-worker.mjs");
writeFileSync(
  preload,
  `import { createRequire, syncBuiltinESMExports } from "node:module";
const threads = createRequire(import.meta.url)("node:worker_threads");
const Worker = threads.Worker;
threads.Worker = class extends Worker {
  constructor(...args) {
    super(...args);
    process.stderr.write("[worker started]\\n");
  }
};
syncBuiltinESMExports();
`,
);

const REPORTS = ["customers.csv", "summary.csv", "followup.csv", "run-log.csv"];

async function analyze(launch: Launch, orders: string, out: string): Promise<string> {
  const r = await sodatsu(
    ["analyze", orders, "--as-of", "2026-10-31", "--format", "csv", "--out", out],
    {},
    launch,
  );
  expect(r.code, r.stderr).toBe(0);
  return r.stderr;
}

beforeAll(ensureBuilt);

describe("reading a large order file", () => {
  it("the example shop is read in the main thread: no worker starts", async () => {
    expect(
      await analyze({ node: ["--import", preload] }, "examples/orders.csv", join(dir, "small")),
    ).not.toContain("[worker started]");
  });

  it("a file above IN_THREAD_BELOW is read by the worker, with the reports of reading in the main thread", async () => {
    // The example's orders, renumbered, until the file passes the threshold (about 17 MB; a few seconds in all).
    const [header, ...lines] = readFileSync("examples/orders.csv", "utf8").trimEnd().split("\n");
    const out = [header];
    let size = 0;
    for (let i = 0; size <= IN_THREAD_BELOW; i++) {
      const line = lines[i % lines.length].replace(/^\d+/, String(100_000 + i));
      out.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    const orders = join(dir, "large.csv");
    writeFileSync(orders, `${out.join("\n")}\n`);
    expect(statSync(orders).size).toBeGreaterThan(IN_THREAD_BELOW);
    expect(await analyze({ node: ["--import", preload] }, orders, join(dir, "worker"))).toContain(
      "[worker started]",
    );
    // From source there is no bundled worker beside main.ts: the same file is read in the main thread.
    await analyze({ node: ["--import", "tsx"], main: "src/cli/main.ts" }, orders, join(dir, "thread"));
    for (const f of REPORTS)
      expect(readFileSync(join(dir, "worker", f)).equals(readFileSync(join(dir, "thread", f))), f).toBe(true);
  });
});
