import { Worker } from "node:worker_threads";
import { columnMask, type RowSink } from "./csvTokenizer";
import { CliError } from "./errors";
import { type ReadStart, SAME, type WorkerMessage } from "./readMessages";
import { emptyFile, openChecked, readTable, type TableHandlers, type TableInfo } from "./readTable";

/**
 * readTable with the reading on the second core: a worker (readWorker.ts) reads, decodes and tokenizes the file
 * and sends each chunk's records as one batch, while this thread cleans the batch before. On 1,000,000 rows the
 * main thread then spends its time on the cleaner rather than on bytes and delimiters (issue 5).
 *
 * Same rows, record numbers, errors and progress as readTable; only a ColumnsSink's unread columns are "" on
 * every line here, not only on lines without quotes (they are never read, see mappedColumns).
 */

/** The worker's script, set by the command line's entry when it runs from its bundle (main.ts). */
let workerScript: URL | null = null;

export function useReadWorker(script: URL | null): void {
  workerScript = script;
}

/**
 * Below this much text a file is read in this thread: starting the worker costs ~40 ms (a second V8 isolate that
 * loads its bundle), which a small file never wins back. Measured with the built command line on order files
 * like the example shop's (analyze, best of 5): 0.2 MB 167 vs 198 ms, 2 MB 232 vs 281, 8 MB 309 vs 354,
 * 16 MB 427 vs 433 (even), 64 MB 1105 vs 932 (the worker ahead): 16 MiB is where the worker starts to pay.
 */
export const IN_THREAD_BELOW = 16 << 20;

/**
 * What a byte of gzip is taken to expand to: shop CSVs compress 5–10 to 1. A gzip file's text is judged by this
 * multiple of its size on disk, and the worker then also takes the inflating off the main thread.
 */
const GZIP_RATIO = 8;

/**
 * readTable in a worker when the command line runs from its bundle and the file is large (see IN_THREAD_BELOW),
 * else in this thread (small files; tests and tsx, which have no bundled worker).
 */
export async function readTableFast(path: string, handlers: TableHandlers): Promise<TableInfo> {
  if (workerScript === null || (await textSize(path)) < IN_THREAD_BELOW) return readTable(path, handlers);
  return readInWorker(workerScript, path, handlers);
}

/**
 * About how much text a file holds: its size, times GZIP_RATIO for gzip. A pipe (/dev/stdin, a shell's <(…)) has
 * no size to tell: Infinity, so it goes to the worker, which costs a small one 40 ms but saves a large one (what
 * one usually pipes, `zcat export.csv.gz | …`) seconds. A file that cannot be opened gives 0: readTable, in this
 * thread, then reports it with the very message the worker would.
 */
async function textSize(path: string): Promise<number> {
  try {
    const { size, gzip } = await openChecked(path);
    return gzip === null ? Number.POSITIVE_INFINITY : gzip ? size * GZIP_RATIO : size;
  } catch {
    return 0;
  }
}

/** readTable in a worker (readWorker.ts) running script, whatever the file's size (readTableFast chooses). */
export function readInWorker(script: URL, path: string, handlers: TableHandlers): Promise<TableInfo> {
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
            wanted = columnMask(chosen.columns);
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
