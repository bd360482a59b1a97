import { workerData } from "node:worker_threads";
import { fitShop, predictCustomersFromTriples, type RfmTriple } from "../core/index";
import { ANSWERED, type ModelReply, type ModelTask, type ModelWorkerData, STARTED } from "./modelMessages";

/**
 * The model worker's entry (bundled as dist-cli/model-worker.mjs): fits BG/NBD and predicts every customer, the
 * work of predictCustomers after tripleOf, with the core's own fitShop and predictCustomersFromTriples, while the
 * main thread builds the customer rows (modelInWorker.ts). It is started while the analysis still reads the
 * histories, waits for its one task, answers it and ends.
 */
function run({ state: shared, port }: ModelWorkerData): void {
  const state = new Int32Array(shared);
  // A failure outside answer's try (the task's message itself) ends the worker: the main thread, blocked in
  // Atomics.wait, must still wake up (it then finds no reply and says so) rather than wait forever.
  process.on("exit", () => {
    if (Atomics.load(state, 0) === ANSWERED) return;
    Atomics.store(state, 0, ANSWERED);
    Atomics.notify(state, 0);
  });
  Atomics.store(state, 0, STARTED);
  port.once("message", (task: ModelTask) => answer(task, state, port));
}

function answer(start: ModelTask, state: Int32Array, port: ModelWorkerData["port"]): void {
  let reply: ModelReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const t = start.triples;
    const triples: RfmTriple[] = new Array(t.length / 3);
    for (let k = 0; k < triples.length; k++) triples[k] = { x: t[3 * k], tx: t[3 * k + 1], T: t[3 * k + 2] };
    const fit = fitShop(triples, start.minCustomers);
    if (fit.params === null) reply = { kind: "answer", values: null, nulls: null, note: fit.note };
    else {
      const predicted = predictCustomersFromTriples(triples, fit.params, start.nextPurchaseMaxDays);
      const values = new Float64Array(3 * predicted.length);
      const nulls = new Uint8Array(3 * predicted.length);
      predicted.forEach((p, k) => {
        const three = [p.pAlive, p.expectedPurchases90d, p.nextPurchaseInDays];
        for (let j = 0; j < 3; j++) {
          const v = three[j];
          if (v === null) nulls[3 * k + j] = 1;
          else values[3 * k + j] = v;
        }
      });
      reply = { kind: "answer", values, nulls, note: null };
      transfer.push(values.buffer, nulls.buffer);
    }
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply = { kind: "error", name: error.name, message: error.message, stack: error.stack };
  }
  try {
    port.postMessage(reply, transfer);
    port.close();
  } finally {
    // Whatever happened, the main thread stops waiting: no message on the port is an error there.
    Atomics.store(state, 0, ANSWERED);
    Atomics.notify(state, 0);
  }
}

run(workerData as ModelWorkerData);
