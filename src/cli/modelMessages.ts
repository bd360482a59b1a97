import type { MessagePort } from "node:worker_threads";

/**
 * What the model worker (modelWorker.ts) and the main thread (modelInWorker.ts) say to each other. A module of its
 * own so that neither bundle imports the other side to know it.
 */

/** The worker's progress in ModelWorkerData.state[0]; the main thread blocks on it with Atomics.wait. */
export const NOT_STARTED = 0;
/** The worker is up and waits for its ModelTask (or works on it). */
export const STARTED = 1;
/** The reply is on the port (or the worker failed and the error is): receiveMessageOnPort takes it. */
export const ANSWERED = 2;

/** The worker's workerData: it starts before the customers are known (see startModelWorker). */
export interface ModelWorkerData {
  /** One Int32: NOT_STARTED, STARTED, ANSWERED. */
  state: SharedArrayBuffer;
  /** The task comes in on it and the reply goes out; the main thread reads it synchronously (receiveMessageOnPort). */
  port: MessagePort;
}

/** The one task, sent on the port. */
export interface ModelTask {
  /** The customers the model sees, as predictCustomers picks them (tripleOf): x, t_x, T of each, in order. */
  triples: Float64Array;
  minCustomers: number;
  nextPurchaseMaxDays: number;
}

export type ModelReply =
  | {
      kind: "answer";
      /**
       * predictCustomersFromTriples' values, three per triple (pAlive, expectedPurchases90d, nextPurchaseInDays),
       * null when the model was not fitted (see note).
       */
      values: Float64Array | null;
      /** 1 where the value at the same place is null (a number never stands for null). */
      nulls: Uint8Array | null;
      /** fitShop's note when it gave no parameters. */
      note: { ja: string; en: string } | null;
    }
  | { kind: "error"; name: string; message: string; stack: string | undefined };
