import { open } from "node:fs/promises";
import type { Lang } from "../core/index";
import type { Cell } from "../report/cell";
import { type Audience, type ReportTable, tableCell, tableHeader } from "../report/layout";
import { BOM, csvCell } from "./writeCsv";

/**
 * Writes report CSVs as they are produced. A shop with 100,000 customers has a customers.csv of ~40 MB; built as
 * one string (two bytes a character once a Japanese note is in it) plus its UTF-8 copy and the cell grid behind
 * it, that was most of the command line's peak memory. Text is encoded straight into one reused buffer: joining
 * batches and writing strings left a fresh buffer per write for the GC, and the process grew by ~100 MB while
 * writing. The tables skip the line strings too: each cell's bytes go into the buffer (tableCsvChunks).
 */
const BUFFER_BYTES = 1 << 18;

/**
 * The same bytes as csvText(grid) in writeCsv.ts (BOM, CRLF after every line) from gridCsvChunks or
 * tableCsvChunks. Each chunk is written before the next is asked for: they share one buffer. (Writing one
 * chunk while making the next, in two buffers, was measured no faster: a 256 KB write to the page cache is
 * short next to making the chunk.)
 */
export async function writeCsvFile(path: string, chunks: Iterable<Uint8Array>): Promise<void> {
  const file = await open(path, "w");
  try {
    const write: WriteAt = (bytes, offset, length) => file.write(bytes, offset, length);
    await writeAll(write, BOM_BYTES);
    for (const chunk of chunks) await writeAll(write, chunk);
  } finally {
    await file.close();
  }
}

const BOM_BYTES = Buffer.from(BOM, "utf8");

/** One write call: writes bytes[offset, offset + length) and says how many it wrote (FileHandle.write). */
export type WriteAt = (
  bytes: Uint8Array,
  offset: number,
  length: number,
) => Promise<{ bytesWritten: number }>;

/**
 * All of bytes, however few each write takes: a write may write less than asked (a full disk, a pipe or FUSE
 * mount) and only says so in bytesWritten, so writing each chunk once could end a report silently short.
 */
export async function writeAll(write: WriteAt, bytes: Uint8Array): Promise<void> {
  let at = 0;
  while (at < bytes.length) {
    const { bytesWritten } = await write(bytes, at, bytes.length - at);
    // A write that takes nothing and reports no error would loop forever: stop with the bug's own error.
    if (!(bytesWritten > 0)) throw new Error(`a write took ${bytesWritten} of ${bytes.length - at} bytes`);
    at += bytesWritten;
  }
}

/** The reused buffer the chunks are views of. A generator yields take() when full(n) says n more bytes won't fit. */
class ChunkBuffer {
  private readonly bytes = Buffer.allocUnsafe(BUFFER_BYTES);
  private at = 0;

  full(n: number): boolean {
    return this.at + n > BUFFER_BYTES;
  }

  get empty(): boolean {
    return this.at === 0;
  }

  take(): Uint8Array {
    const chunk = this.bytes.subarray(0, this.at);
    this.at = 0;
    return chunk;
  }

  byte(b: number): void {
    this.bytes[this.at++] = b;
  }

  crlf(): void {
    this.bytes[this.at++] = 13;
    this.bytes[this.at++] = 10;
  }

  /** Text as UTF-8. A short one is copied code by code while it is ASCII (cheaper than a call into the encoder). */
  text(s: string): void {
    const n = s.length;
    if (n > 32) {
      this.at += this.bytes.write(s, this.at);
      return;
    }
    const bytes = this.bytes;
    const at = this.at;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.at = at + i + bytes.write(s.slice(i), at + i); // a surrogate pair starts at or after i: not cut
        return;
      }
      bytes[at + i] = c;
    }
    this.at = at + n;
  }

  /** A whole number 0 ≤ v < 1e9 in decimal digits: String(v) without making the string. */
  digits(v: number): void {
    let length = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) length++;
    const bytes = this.bytes;
    let x = v;
    for (let i = this.at + length - 1; i >= this.at; i--) {
      bytes[i] = 48 + (x % 10);
      x = Math.floor(x / 10);
    }
    this.at += length;
  }
}

/** Room for any cell that is not text (a number, a date, a boolean), with its comma. */
const SCALAR_BYTES = 40;

/** A free-form grid (summary, run log) as CSV chunks, line by line. */
export function* gridCsvChunks(grid: readonly (readonly Cell[])[]): Generator<Uint8Array> {
  const out = new ChunkBuffer();
  for (const row of grid) yield* line(out, row.map(csvCell).join(","));
  if (grid.length === 0) out.crlf(); // csvText of an empty grid: a BOM and one empty line
  if (!out.empty) yield out.take();
}

/** One line of text and its CRLF; a line longer than the buffer (a very long note) goes out on its own. */
function* line(out: ChunkBuffer, text: string): Generator<Uint8Array> {
  const most = text.length * 3 + 2; // a UTF-16 unit takes at most 3 bytes in UTF-8
  if (out.full(most) && !out.empty) yield out.take();
  if (most > BUFFER_BYTES) {
    yield Buffer.from(`${text}\r\n`);
    return;
  }
  out.text(text);
  out.crlf();
}

/**
 * A table part (customers, follow-up) as CSV chunks straight from the rows, cell for cell what tableGrid() in
 * src/report/layout.ts gives (tableHeader, tableCell) written as csvCell writes it, without holding the grid of
 * every customer or making a string per line: customers.csv lines took ~25% longer through line strings and
 * the encoder (bench/.data harness, 1M-row bench file).
 */
export function* tableCsvChunks<Row>(
  table: ReportTable<Row>,
  lang: Lang,
  audience: Audience,
): Generator<Uint8Array> {
  const { columns, rows } = table;
  const out = new ChunkBuffer();
  yield* line(out, columns.map((c) => csvCell(tableHeader(c, lang, audience))).join(","));
  const n = columns.length;
  for (const row of rows) {
    for (let i = 0; i < n; i++) {
      const v = tableCell(columns[i], row, lang, audience);
      if (typeof v === "number" && v >= 0 && v < 1e9 && Number.isInteger(v)) {
        if (out.full(SCALAR_BYTES)) yield out.take();
        if (i > 0) out.byte(44);
        out.digits(v);
        continue;
      }
      const text = csvCell(v);
      const most = text.length * 3 + 1;
      if (out.full(most)) {
        if (!out.empty) yield out.take();
        if (most > BUFFER_BYTES) {
          yield Buffer.from(i > 0 ? `,${text}` : text);
          continue;
        }
      }
      if (i > 0) out.byte(44);
      out.text(text);
    }
    if (out.full(2)) yield out.take();
    out.crlf();
  }
  if (!out.empty) yield out.take();
}
