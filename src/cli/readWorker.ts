import { parentPort, workerData } from "node:worker_threads";
import { CsvTokenizer, cutPlain, type FieldCut } from "./csvTokenizer";
import { CliError } from "./errors";
import { type ReadStart, SAME, type WorkerMessage } from "./readMessages";
import { tokenizeFile } from "./readTable";

/**
 * The reading worker's entry (bundled as dist-cli/read-worker.mjs): reads, decodes and tokenizes the order file
 * on the second core while the main thread cleans the rows it already has (readInWorker.ts). Each chunk of text
 * goes over as one batch: the text itself and an Int32Array of (record number, field count, then start and end
 * of each field). Strings are what a structured clone copies slowly, so plain fields are not cut here at all,
 * only located; a quoted record's fields (unescaped copies) are appended to a second string of the batch.
 * A field equal to the same column of the record before (an order's line items repeat its id, customer, date
 * and status) is sent as SAME, and the main thread hands the cleaner the string it already made: fewer strings
 * to allocate and collect there, and the cleaner's comparisons with the previous row find the same string.
 */

/** Batches sent but not yet cleaned: enough to keep the main thread busy, few enough to keep memory flat. */
const AHEAD = 3;

class BatchBuilder implements FieldCut {
  /**
   * The tokenizer's scan texts that plain records point into (one per chunk; the file's tail may add one):
   * offsets are into their concatenation.
   */
  private pieces: string[] = [];
  private textLength = 0;
  /** Quoted records' fields, one after the other; their offsets are stored as ~start (negative) and end. */
  private extra: string[] = [];
  private extraLength = 0;
  /** The scan text last seen, and where it starts in the batch's text. */
  private text: string | null = null;
  private base = 0;
  private ints = new Int32Array(1 << 16);
  private length = 0;
  /** Position of the next delimiter in the current scan text (see cutPlain). */
  private delimAt = -1;
  /**
   * Each column's field in the record before, as start and end in the current scan text; −1: none to compare
   * with (the first record of a batch or of a scan text, after a quoted record, or a column it lacked).
   */
  private before = new Int32Array(64).fill(-1);

  constructor(private readonly delimiter: string) {}

  get empty(): boolean {
    return this.length === 0;
  }

  private room(n: number): void {
    if (this.length + n <= this.ints.length) return;
    const grown = new Int32Array(Math.max(this.ints.length * 2, this.length + n));
    grown.set(this.ints.subarray(0, this.length));
    this.ints = grown;
  }

  /** A quote-free record: its fields located by the tokenizer's own rule (cutPlain), not cut. */
  plain(text: string, start: number, end: number, record: number): void {
    if (text !== this.text) {
      this.text = text;
      this.base = this.textLength;
      this.pieces.push(text);
      this.textLength += text.length;
      this.delimAt = -1;
      this.before.fill(-1);
    }
    this.room(2);
    const head = this.length;
    this.ints[head] = record;
    this.length += 2;
    this.delimAt = cutPlain(text, start, end, this.delimiter, this.delimAt, this);
    this.ints[head + 1] = (this.length - head - 2) >> 1; // cut() adds two ints per field
  }

  /** One field of the record plain() is locating (FieldCut): its offsets in the batch's text, or SAME. */
  cut(k: number, from: number, to: number): void {
    this.room(2);
    if (this.sameAsBefore(this.text!, k, from, to)) {
      this.ints[this.length++] = 0;
      this.ints[this.length++] = SAME;
    } else {
      this.ints[this.length++] = this.base + from;
      this.ints[this.length++] = this.base + to;
    }
  }

  /** Whether text[from, to) equals column k of the record before; either way it becomes the one to compare to. */
  private sameAsBefore(text: string, k: number, from: number, to: number): boolean {
    if (2 * k + 1 >= this.before.length) {
      const grown = new Int32Array(4 * k + 4).fill(-1);
      grown.set(this.before);
      this.before = grown;
    }
    const b = this.before;
    const start = b[2 * k];
    const length = to - from;
    const same = start >= 0 && length > 0 && b[2 * k + 1] - start === length;
    b[2 * k] = from;
    b[2 * k + 1] = to;
    if (!same) return false;
    for (let i = 0; i < length; i++)
      if (text.charCodeAt(start + i) !== text.charCodeAt(from + i)) return false;
    return true;
  }

  /** A record with quotes, already cut (and unescaped) by the tokenizer: its fields join the batch's text. */
  fields(fields: string[], record: number): void {
    this.room(2 + 2 * fields.length);
    this.ints[this.length++] = record;
    this.ints[this.length++] = fields.length;
    this.before.fill(-1);
    for (const f of fields) {
      this.ints[this.length++] = ~this.extraLength;
      this.extraLength += f.length;
      this.ints[this.length++] = this.extraLength;
      if (f.length > 0) this.extra.push(f);
    }
  }

  /** The batch so far as a message (its array transferred), and a fresh builder state. */
  take(read: number, total: number): { message: WorkerMessage; transfer: ArrayBuffer } {
    const message: WorkerMessage = {
      kind: "rows",
      text: this.pieces.length === 1 ? this.pieces[0] : this.pieces.join(""),
      extra: this.extra.join(""),
      ints: this.ints,
      length: this.length,
      read,
      total,
    };
    const transfer = this.ints.buffer as ArrayBuffer;
    // The next chunk is about as big as this one: start at this batch's size.
    this.ints = new Int32Array(Math.max(1 << 16, this.length));
    this.length = 0;
    this.pieces = [];
    this.textLength = 0;
    this.text = null;
    this.before.fill(-1);
    this.extra = [];
    this.extraLength = 0;
    return { message, transfer };
  }
}

async function run(start: ReadStart): Promise<void> {
  const port = parentPort!;
  let ahead = 0;
  let wake: (() => void) | null = null;
  // Each message from the main thread says it has cleaned one batch.
  port.on("message", () => {
    ahead--;
    wake?.();
    wake = null;
  });
  let builder: BatchBuilder | null = null;
  let read = 0;
  let total = 0;
  const send = async () => {
    if (builder === null || builder.empty) return;
    const { message, transfer } = builder.take(read, total);
    port.postMessage(message, [transfer]);
    ahead++;
    while (ahead >= AHEAD) await new Promise<void>((r) => (wake = r));
  };
  try {
    const info = await tokenizeFile(start.path, {
      tokenizer(delimiter) {
        const b = new BatchBuilder(delimiter);
        builder = b;
        return new CsvTokenizer(
          delimiter,
          (fields, n) => b.fields(fields, n),
          (text, s, e, n) => b.plain(text, s, e, n),
        );
      },
      progress(r, t) {
        read = r;
        total = t;
      },
      chunkDone: send,
    });
    await send();
    port.postMessage({ kind: "end", info } satisfies WorkerMessage);
  } catch (e) {
    const message: WorkerMessage =
      e instanceof CliError
        ? { kind: "error", ja: e.ja, en: e.en }
        : { kind: "error", message: (e as Error)?.stack ?? String(e) };
    port.postMessage(message);
  }
  port.close();
}

void run(workerData as ReadStart);
