import { Worker } from "node:worker_threads";
import type { RowSink } from "./csvTokenizer";
import { CliError } from "./errors";
import { emptyFile, readTable, type TableHandlers, type TableInfo } from "./readTable";

/**
 * readTable with the reading on the second core: a worker (readWorker.ts) reads, decodes and tokenizes the file
 * and sends each chunk's records as one batch, while this thread cleans the batch before. On 1,000,000 rows the
 * main thread then spends its time on the cleaner rather than on bytes and delimiters (issue 5).
 *
 * Same rows, record numbers, errors and progress as readTable; only a ColumnsSink's unread columns are "" on
 * every line here, not only on lines without quotes (they are never read, see mappedColumns).
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

/** The worker's script, set by the command line's entry when it runs from its bundle (main.ts). */
let workerScript: URL | null = null;

export function useReadWorker(script: URL | null): void {
  workerScript = script;
}

/** readTable in a worker when the command line runs from its bundle, else in this thread (tests, tsx). */
export function readTableFast(path: string, handlers: TableHandlers): Promise<TableInfo> {
  return workerScript === null ? readTable(path, handlers) : readInWorker(workerScript, path, handlers);
}

function readInWorker(script: URL, path: string, handlers: TableHandlers): Promise<TableInfo> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { path } satisfies ReadStart });
    let sink: RowSink | null = null;
    /** Columns the sink reads (1 = read); null = all. */
    let wanted: Uint8Array | null = null;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(e);
    };

    /** The string given for each column in the record before, for fields sent as SAME. */
    const before: string[] = [];
    /** The one array handed to a sink that reusesRow; otherwise null and each row gets its own. */
    let shared: string[] | null = null;

    const rows = (text: string, extra: string, ints: Int32Array, length: number) => {
      let p = 0;
      while (p < length) {
        const record = ints[p];
        const count = ints[p + 1];
        p += 2;
        const w = wanted;
        // A shared array is refilled in place: emptying it (length = 0) would drop its storage and make pushes
        // allocate it again.
        const row = shared ?? [];
        if (row.length !== count) row.length = count;
        for (let k = 0; k < count; k++, p += 2) {
          const s = ints[p];
          const e = ints[p + 1];
          if (w !== null && w[k] !== 1) row[k] = "";
          else {
            const value = e === SAME ? before[k] : s >= 0 ? text.slice(s, e) : extra.slice(~s, e);
            before[k] = value;
            row[k] = value;
          }
        }
        if (sink !== null) sink(row, record);
        else {
          const chosen = handlers.header(row);
          if (typeof chosen === "function") sink = chosen;
          else {
            sink = chosen.row;
            if (chosen.reusesRow) shared = [];
            const columns = new Uint8Array(Math.max(0, ...chosen.columns) + 1);
            for (const c of chosen.columns) if (c >= 0) columns[c] = 1;
            wanted = columns;
          }
        }
      }
    };

    worker.on("message", (m: WorkerMessage) => {
      if (settled) return;
      try {
        if (m.kind === "rows") {
          handlers.progress?.(m.read, m.total);
          rows(m.text, m.extra, m.ints, m.length);
          worker.postMessage(0); // one batch cleaned: the worker may read one more
        } else if (m.kind === "end") {
          if (sink === null) throw emptyFile(path);
          settled = true;
          resolve(m.info);
        } else if ("ja" in m) throw new CliError(m.ja, m.en);
        else throw new Error(`the reading worker failed: ${m.message}`);
      } catch (e) {
        fail(e);
      }
    });
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the reading worker stopped early (exit code ${code})`)));
  });
}
