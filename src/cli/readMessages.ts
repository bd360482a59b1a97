import type { TableInfo } from "./readTable";

/**
 * What the reading worker (readWorker.ts) and the main thread (readInWorker.ts) say to each other. A module of its
 * own so that the worker's bundle does not import the main side (and the main side's Worker code) to know it.
 */

/**
 * A field's end offset that means "the text of this column in the record before": the main thread hands over the
 * string it made then (see readWorker.ts). Its start is 0.
 */
export const SAME = -1;

/** What the main thread sends the worker. */
export interface ReadStart {
  path: string;
}

export type WorkerMessage =
  | {
      kind: "rows";
      /** Scan text that plain fields' offsets point into. */
      text: string;
      /** Quoted records' fields, one after the other; their start offsets are stored as ~start. */
      extra: string;
      /** Per record: record number, field count, then start and end of each field (or 0, SAME). */
      ints: Int32Array;
      length: number;
      /** Bytes read of total when the batch was cut (for the progress bar). */
      read: number;
      total: number;
    }
  | { kind: "end"; info: TableInfo }
  | { kind: "error"; ja: string; en: string }
  | { kind: "error"; message: string };
