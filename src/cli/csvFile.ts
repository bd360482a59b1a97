import { open } from "node:fs/promises";
import type { Lang } from "../core/index";
import { type Cell, isDateCell, startsLikeFormula } from "../report/cell";
import { type Audience, type ReportTable, tableCell, tableHeader } from "../report/layout";
import { BOM, csvCell, dayText } from "./writeCsv";

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

  /**
   * Free text as csvCell writes it. A short ASCII text that needs neither quotes nor a formula guard (a customer
   * id, most names) is copied as it is checked, in one pass instead of csvCell's test, regular expression and
   * copy; anything else goes through csvCell. Needs room for (2·length + 3) · 3 bytes (csvCell's worst case).
   */
  freeText(s: string): void {
    const n = s.length;
    if (n > 32 || startsLikeFormula(s)) {
      this.text(csvCell(s));
      return;
    }
    const bytes = this.bytes;
    const at = this.at;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      // Non-ASCII (the encoder's), or " , CR LF (csvCell quotes these).
      if (c >= 0x80 || c === 34 || c === 44 || c === 13 || c === 10) {
        this.text(csvCell(s)); // this.at is still `at`: what was copied is written over
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

  /**
   * A number as String(v) writes it (csvCell), the common cases without making the string: whole numbers, and
   * numbers the report rounded to at most four decimals (money, scores, P(alive)). See decimal().
   */
  number(v: number): void {
    if (v >= 0 && v < 1e9 && Number.isInteger(v)) this.digits(v);
    else if (!Number.isFinite(v)) return;
    else if (!this.decimal(v)) this.text(String(v));
  }

  /**
   * v written with d ≤ 4 decimals when v is the double nearest to k / 10^d for a whole k (and |v| < 1e9): then the
   * d-decimal text is what String(v) gives. String(v) is the decimal with the fewest significant digits whose
   * nearest double is v; any other decimal with at most d decimals lies at least 10^-4 from k / 10^d, far more
   * than the spacing of doubles below 1e9, so with the smallest such d no shorter text names v. False (nothing
   * written) otherwise. test/cli/csvFile.test.ts checks it against String on such numbers and on any double.
   */
  private decimal(v: number): boolean {
    const a = v < 0 ? -v : v;
    if (!(a < 1e9)) return false;
    for (let d = 0, scale = 1; d <= 4; d++, scale *= 10) {
      const k = Math.round(a * scale);
      if (k / scale !== a) continue;
      if (v < 0) this.bytes[this.at++] = 45; // "-"
      if (d === 0) {
        this.digits(k);
        return true;
      }
      const whole = Math.floor(k / scale);
      this.digits(whole);
      this.bytes[this.at++] = 46; // "."
      // The decimals, leading zeros kept: k − whole·scale < scale, written as d digits.
      let x = k - whole * scale;
      for (let i = this.at + d - 1; i >= this.at; i--) {
        this.bytes[i] = 48 + (x % 10);
        x = Math.floor(x / 10);
      }
      this.at += d;
      return true;
    }
    return false;
  }
}

/**
 * Room for any cell that is not text (a number, a date, a boolean), with its comma: a number that goes through
 * String(v) takes at most 25 characters ("-1.2345678901234567e-100"), a date 10 (or 11 for a year past 9999).
 */
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
 *
 * Only text goes through csvCell's formula neutralising, quoting and its regular expression. Numbers, dates and
 * booleans are written straight into the buffer (ChunkBuffer.number, dayText), and a column of codes (a
 * labelKind: a state, a segment, or their labels) holds a handful of distinct texts, each made CSV-safe once.
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
  const codes = columns.map((c) => (c.labelKind === undefined ? null : new CodeTexts()));
  /** Room for a whole row of non-text cells and its CRLF: checked once a row, and again before a text cell. */
  const rowBytes = n * SCALAR_BYTES + 2;
  if (rowBytes > BUFFER_BYTES) throw new Error(`a table of ${n} columns does not fit the CSV buffer`);
  for (const row of rows) {
    if (out.full(rowBytes)) yield out.take();
    for (let i = 0; i < n; i++) {
      if (i > 0) out.byte(44);
      const v = tableCell(columns[i], row, lang, audience);
      if (typeof v === "number") out.number(v);
      else if (v === null) continue;
      else if (typeof v === "string") {
        const known = codes[i];
        if (known === null && v.length <= 32) {
          if (out.full((2 * v.length + 3) * 3 + (n - i) * SCALAR_BYTES + 2)) yield out.take();
          out.freeText(v);
          continue;
        }
        const text = known === null ? csvCell(v) : known.of(v);
        // The text, and room left for the rest of the row's cells.
        const most = text.length * 3 + (n - i) * SCALAR_BYTES + 2;
        if (out.full(most)) {
          if (!out.empty) yield out.take();
          if (most > BUFFER_BYTES) {
            yield Buffer.from(text);
            continue;
          }
        }
        out.text(text);
      } else if (typeof v === "boolean") out.text(v ? "true" : "false");
      else out.text(isDateCell(v) ? dayText(v.date) : "");
    }
    out.crlf();
  }
  if (!out.empty) yield out.take();
}

/**
 * A code column's texts as csvCell writes them, each worked out on first sight. Codes are few (a state, a
 * segment); past MAX_CODES distinct texts (a column that is not what its labelKind says) it stops remembering.
 */
class CodeTexts {
  private readonly texts = new Map<string, string>();

  of(code: string): string {
    let text = this.texts.get(code);
    if (text === undefined) {
      text = csvCell(code);
      if (this.texts.size < MAX_CODES) this.texts.set(code, text);
    }
    return text;
  }
}

const MAX_CODES = 256;
