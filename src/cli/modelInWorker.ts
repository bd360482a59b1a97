import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import {
  type CustomerPrediction,
  type CustomerSummary,
  type DayNumber,
  DEFAULT_PREDICT_OPTIONS,
  type ModelAnswer,
  type ModelRun,
  predictCustomersNow,
  tripleOf,
} from "../core/index";
import { type ModelReply, type ModelTask, type ModelWorkerData, NOT_STARTED, STARTED } from "./modelMessages";

/**
 * The command line's BG/NBD hook (ModelHooks.predict): the fit and the predictions run on a second thread
 * (modelWorker.ts) while this thread builds the customer rows, and collect() blocks until they are there. On the
 * 1M-row bench file that is ~0.4 s of the main thread (fit ~0.26 s, predictions) that now overlaps the rows.
 * Same numbers: the worker runs the core's own fitShop and predictCustomersFromTriples on the triples tripleOf
 * gives here, exactly as predictCustomers does, and answerOf assembles them as it does
 * (test/cli/modelInWorker.test.ts compares the two).
 */

/** The worker's script, set by the command line's entry when it runs from its bundle (main.ts). */
let workerScript: URL | null = null;

export function useModelWorker(script: URL | null): void {
  workerScript = script;
}

/**
 * Below this many rows used (at most as many customers; the 1M-row bench file has ~8 a customer) the model runs
 * in this thread: a worker costs ~40–70 ms of its own to start (a second V8 isolate that loads its bundle), about
 * what fitting and predicting 10,000–20,000 customers takes.
 */
export const MODEL_IN_THREAD_BELOW = 50_000;

/**
 * How long collect() waits for the worker to start at all before it runs the model itself (a worker that cannot
 * load its bundle never starts, and its error event cannot arrive while this thread is blocked). The answer is
 * the same either way; only the time differs.
 */
const START_WAIT_MS = 5_000;

type Predict = (summaries: readonly CustomerSummary[], asOf: DayNumber) => ModelRun;

/**
 * ModelHooks.predict for `sodatsu analyze` on a shop whose cleaning used `rows` rows (CleanResult.counts.used):
 * a large shop's model on the model worker, started now so that its start-up overlaps the analysis up to the
 * rows; else predictCustomersNow.
 */
export function modelHook(rows: number): Predict {
  if (workerScript === null || rows < MODEL_IN_THREAD_BELOW) return predictCustomersNow;
  return startModelWorker(workerScript);
}

/**
 * A model worker running script, started now; the hook it returns hands it the model of
 * predictCustomers(summaries, asOf) (once), whatever the shop's size.
 */
export function startModelWorker(script: URL, startWaitMs = START_WAIT_MS): Predict {
  const state = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(script, {
    workerData: { state, port: port2 } satisfies ModelWorkerData,
    transferList: [port2],
  });
  // Its answer comes through the port; the worker must not keep the process alive (a run that fails before it
  // asks for the model), nor its error events crash it (a failure is reported through the port, or as never
  // starting: see collect).
  worker.unref();
  worker.on("error", () => {});

  return (summaries, asOf) => {
    // The customers the model sees and their (x, t_x, T), picked as fitShopModel picks them.
    const indexes: number[] = [];
    const triples = new Float64Array(3 * summaries.length);
    for (let i = 0; i < summaries.length; i++) {
      const t = tripleOf(summaries[i], asOf);
      if (!t) continue;
      const at = 3 * indexes.length;
      triples[at] = t.x;
      triples[at + 1] = t.tx;
      triples[at + 2] = t.T;
      indexes.push(i);
    }
    const task: ModelTask = {
      triples: triples.subarray(0, 3 * indexes.length),
      minCustomers: DEFAULT_PREDICT_OPTIONS.minCustomers,
      nextPurchaseMaxDays: DEFAULT_PREDICT_OPTIONS.nextPurchaseMaxDays,
    };
    port1.postMessage(task, [triples.buffer]);
    const startedBy = performance.now() + startWaitMs;

    return {
      collect(): ModelAnswer {
        const flag = new Int32Array(state);
        while (Atomics.load(flag, 0) === NOT_STARTED) {
          const left = startedBy - performance.now();
          if (left <= 0) {
            void worker.terminate();
            port1.close();
            return predictCustomersNow(summaries, asOf).collect();
          }
          Atomics.wait(flag, 0, NOT_STARTED, left);
        }
        Atomics.wait(flag, 0, STARTED); // returns at once once ANSWERED
        const received = receiveMessageOnPort(port1);
        port1.close();
        if (received === undefined) throw new Error("the model worker ended without an answer");
        return answerOf(received.message as ModelReply, indexes, summaries.length, asOf);
      },
    };
  };
}

/**
 * The worker's reply as predictCustomers builds its result: byIndex at the summaries' positions, the next
 * purchase as asOf + days, the note only when there are no parameters. A failure in the worker is thrown here
 * as the same error (name, message, stack), so main.ts reports it as it would have in this thread.
 */
function answerOf(
  reply: ModelReply,
  indexes: readonly number[],
  count: number,
  asOf: DayNumber,
): ModelAnswer {
  if (reply.kind === "error") {
    const e = new Error(reply.message);
    e.name = reply.name;
    e.stack = reply.stack;
    throw e;
  }
  const byIndex = new Array<CustomerPrediction | undefined>(count).fill(undefined);
  const { values, nulls } = reply;
  if (values === null || nulls === null) return { byIndex, note: reply.note };
  for (let k = 0; k < indexes.length; k++) {
    const at = 3 * k;
    byIndex[indexes[k]] = {
      pAlive: nulls[at] === 1 ? null : values[at],
      expectedPurchases90d: nulls[at + 1] === 1 ? null : values[at + 1],
      expectedNextPurchase: nulls[at + 2] === 1 ? null : asOf + values[at + 2],
    };
  }
  return { byIndex, note: null };
}
