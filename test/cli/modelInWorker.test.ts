import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { startModelWorker } from "../../src/cli/modelInWorker";
import { cleanOrderFile } from "../../src/cli/readOrders";
import {
  buildHistories,
  type CustomerSummary,
  DEFAULT_SETTINGS,
  dayFromYmd,
  type ModelAnswer,
  predictCustomersNow,
  summarize,
} from "../../src/core/index";
import { ensureBuilt, tempDir } from "./run";

/**
 * The model worker (dist-cli/model-worker.mjs, built from src/cli/modelWorker.ts) against predictCustomersNow in
 * this thread: the same predictions to the last bit and the same note, and the same error when it fails.
 */
const script = pathToFileURL(join(process.cwd(), "dist-cli/model-worker.mjs"));
const dir = tempDir("sodatsu-model-");
const asOf = dayFromYmd(2026, 10, 31);

async function exampleSummaries(): Promise<CustomerSummary[]> {
  const cleaned = await cleanOrderFile("examples/orders.csv", "auto", DEFAULT_SETTINGS, asOf, () => {});
  return summarize(buildHistories(cleaned.orders), asOf);
}

/** Every prediction field compared with Object.is (so 0 and −0, null and a number, all differ). */
function expectSameAnswer(got: ModelAnswer, expected: ModelAnswer): void {
  expect(got.note).toEqual(expected.note);
  expect(got.byIndex.length).toBe(expected.byIndex.length);
  let predicted = 0;
  for (let i = 0; i < expected.byIndex.length; i++) {
    const e = expected.byIndex[i];
    const g = got.byIndex[i];
    if (e === undefined) {
      expect(g, `customer ${i}`).toBeUndefined();
      continue;
    }
    predicted++;
    expect(g, `customer ${i}`).toBeDefined();
    for (const k of ["pAlive", "expectedPurchases90d", "expectedNextPurchase"] as const)
      expect(Object.is(g?.[k], e[k]), `customer ${i} ${k}: ${g?.[k]} vs ${e[k]}`).toBe(true);
  }
  if (expected.note === null) expect(predicted).toBeGreaterThan(0);
}

beforeAll(ensureBuilt);

describe("the BG/NBD model on a worker", () => {
  it("predicts what predictCustomersNow predicts, to the last bit", async () => {
    const summaries = await exampleSummaries();
    expect(summaries.length).toBeGreaterThan(50);
    const expected = predictCustomersNow(summaries, asOf).collect();
    expect(expected.note).toBeNull();
    // Nulls among the values too: one-purchase customers have no P(alive).
    expect(expected.byIndex.some((p) => p?.pAlive === null)).toBe(true);
    expectSameAnswer(startModelWorker(script)(summaries, asOf).collect(), expected);
    // A later as-of date: customers who start after it are not seen by the model (no triple, no prediction).
    const early = dayFromYmd(2026, 3, 31);
    expectSameAnswer(
      startModelWorker(script)(summaries, early).collect(),
      predictCustomersNow(summaries, early).collect(),
    );
  });

  it("gives predictCustomersNow's note when the shop is too small to fit", async () => {
    const few = (await exampleSummaries()).slice(0, 10);
    const expected = predictCustomersNow(few, asOf).collect();
    expect(expected.note).not.toBeNull();
    expectSameAnswer(startModelWorker(script)(few, asOf).collect(), expected);
  });

  it("runs the model in this thread when the worker never starts", async () => {
    const summaries = await exampleSummaries();
    const missing = pathToFileURL(join(dir, "no-such-worker.mjs"));
    expectSameAnswer(
      startModelWorker(missing, 300)(summaries, asOf).collect(),
      predictCustomersNow(summaries, asOf).collect(),
    );
  });

  it("throws the worker's error as it was (name, message, stack)", async () => {
    // A stand-in worker that fails the way modelWorker.ts reports a failure.
    const failing = join(dir, "failing-worker.mjs");
    writeFileSync(
      failing,
      `import { workerData } from "node:worker_threads";
const state = new Int32Array(workerData.state);
Atomics.store(state, 0, 1);
workerData.port.once("message", () => {
  workerData.port.postMessage({ kind: "error", name: "RangeError", message: "no fit", stack: "RangeError: no fit\\n    at fitShop" });
  workerData.port.close();
  Atomics.store(state, 0, 2);
  Atomics.notify(state, 0);
});
`,
    );
    const run = startModelWorker(pathToFileURL(failing))(await exampleSummaries(), asOf);
    let thrown: unknown = null;
    try {
      run.collect();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    const e = thrown as Error;
    expect([e.name, e.message, e.stack]).toEqual([
      "RangeError",
      "no fit",
      "RangeError: no fit\n    at fitShop",
    ]);
  });
});
