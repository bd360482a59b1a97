/**
 * A streaming RFC 4180 tokenizer over decoded text chunks. Hand-written rather than csv-parse because the
 * command line must keep pace with DuckDB on a million rows (issue 5): most export lines hold no quote at all,
 * so such a line is cut field by field with indexOf (native, fast); only a line that holds a quote goes through the
 * character-level state machine, which knows escaped quotes ("") and newlines inside quoted fields.
 *
 * Records end at LF or CRLF (a file that uses bare CR throughout is recognised from its first chunk).
 * An empty line is a record with no fields and is not emitted, but it still takes its record number, so
 * the numbers match the rows a spreadsheet shows when it opens the file. Lenient where exports are sloppy:
 * a quote inside an unquoted field is kept as text; text after a closing quote is appended to the field.
 * Not lenient with a quote that never closes (a stray " at the start of a product name): it would swallow the
 * rest of the file into one field, so the tokenizer stops with OpenQuote instead (see MAX_QUOTED).
 */
export type RowSink = (fields: string[], recordNumber: number) => void;

/**
 * Takes a quote-free record as its place in the scanned text instead of as cut fields: the reading worker
 * (readWorker.ts) sends field offsets to the main thread rather than strings, so it does not cut any.
 */
export type PlainSink = (text: string, start: number, end: number, recordNumber: number) => void;

/**
 * The longest quoted field, in UTF-16 code units, before the tokenizer gives up on it: 1 Mi. Excel keeps at most
 * 32,767 characters in a cell and Google Sheets 50,000, so no shop export that went through a spreadsheet holds
 * a longer cell; a field this long is a quote left open. The bound also keeps the work per chunk bounded: an
 * open field is rescanned from its start on each 1 MB chunk until it closes, and stopping here (after one or two
 * chunks) keeps that linear, where reading on grew quadratically and ended in V8's string length limit.
 */
export const MAX_QUOTED = 1 << 20;

/** A quoted field that does not close: at the end of the file (atEnd), or not within MAX_QUOTED. */
export class OpenQuote extends Error {
  constructor(
    /** The record the field belongs to, numbered as a spreadsheet shows it (see recordCount). */
    readonly record: number,
    readonly atEnd: boolean,
  ) {
    super(
      `the quoted field of record ${record} ${atEnd ? "is not closed at the end of the text" : "is too long"}`,
    );
    this.name = "OpenQuote";
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvTokenizer {
  private rest = "";
  private records = 0;
  private newline: "\n" | "\r" | null = null;
  private readonly delim: number;
  /** Position of the next delimiter in the text being scanned (see cutPlain). */
  private delimAt = -1;
  /** Which columns to cut out of quote-free lines (1 = wanted); null = all. See onlyColumns. */
  private wanted: Uint8Array | null = null;
  private readonly cutter = new FieldSlicer();

  /**
   * onRow takes every record as fields; with onPlain, quote-free records go there instead (quoted ones, whose
   * fields are unescaped copies, still go to onRow).
   */
  constructor(
    private readonly delimiter: string,
    private readonly onRow: RowSink,
    private readonly onPlain: PlainSink | null = null,
  ) {
    if (delimiter.length !== 1) throw new Error("delimiter must be one character");
    this.delim = delimiter.charCodeAt(0);
  }

  /**
   * From the next record on, quote-free lines give "" for the columns not listed (the row keeps its length and
   * column positions). A sink that reads a handful of an export's columns (Shopify has over seventy) then
   * does not pay for a string per unused cell. Lines with quotes still give every field.
   */
  onlyColumns(columns: readonly number[] | null): void {
    if (columns === null) {
      this.wanted = null;
      return;
    }
    this.wanted = columnMask(columns);
  }

  /** Number of records seen so far (header included, empty lines included). */
  get recordCount(): number {
    return this.records;
  }

  push(chunk: string): void {
    if (chunk.length === 0) return;
    const text = this.rest.length > 0 ? this.rest + chunk : chunk;
    if (this.newline === null) {
      this.newline = lineEndOf(text);
      if (this.newline === null) {
        // No line end yet. Past MAX_QUOTED the first line holds a quote left open (or is no CSV line at all):
        // scan it as LF text, which stops at the open quote, rather than rescanning an ever longer text.
        if (text.length <= MAX_QUOTED) {
          this.rest = text;
          return;
        }
        this.newline = "\n";
      }
    }
    this.rest = text.slice(this.scan(text, false));
  }

  /** Flushes the last record (a file need not end with a newline). */
  finish(): void {
    const text = this.rest;
    this.rest = "";
    if (text.length > 0) this.scan(text, true);
  }

  /** Emits every complete record of text and returns where the incomplete tail starts. */
  private scan(text: string, final: boolean): number {
    const nlChar = this.newline ?? "\n";
    const n = text.length;
    let pos = 0;
    this.delimAt = -1;
    // Cached position of the next quote, so a file without quotes is not rescanned for each line.
    let nextQuote = text.indexOf('"');
    if (nextQuote === -1) nextQuote = n;
    while (pos < n) {
      let nl = text.indexOf(nlChar, pos);
      if (nl === -1) {
        if (!final) return pos;
        nl = n;
      }
      if (nextQuote < pos) {
        nextQuote = text.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = n;
      }
      if (nextQuote >= nl) {
        let end = nl;
        if (nlChar === "\n" && end > pos && text.charCodeAt(end - 1) === CR) end--;
        this.records++;
        if (end > pos) {
          if (this.onPlain !== null) this.onPlain(text, pos, end, this.records);
          else this.onRow(this.plainFields(text, pos, end), this.records);
        }
        pos = nl + 1;
        continue;
      }
      const next = this.quotedRecord(text, pos, final);
      if (next < 0) return pos;
      pos = next;
    }
    return pos;
  }

  /** Fields of a quote-free line: indexOf per field (measured faster than slicing the line and splitting it). */
  private plainFields(text: string, start: number, end: number): string[] {
    const cutter = this.cutter;
    cutter.text = text;
    cutter.fields = [];
    cutter.wanted = this.wanted;
    this.delimAt = cutPlain(text, start, end, this.delimiter, this.delimAt, cutter);
    return cutter.fields;
  }

  /**
   * Parses one record that contains a quote, starting at pos. Returns the index after its line end,
   * or -1 when the record is not complete in text yet (a quoted field runs past the chunk).
   */
  private quotedRecord(text: string, pos: number, final: boolean): number {
    const n = text.length;
    const nl = this.newline === "\r" ? CR : LF;
    const fields: string[] = [];
    let i = pos;
    for (;;) {
      // At the start of a field.
      let value: string;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const opened = i;
        let start = i + 1;
        value = "";
        for (;;) {
          const q = text.indexOf('"', start);
          if (q === -1) {
            if (final) throw new OpenQuote(this.records + 1, true);
            if (n - opened > MAX_QUOTED) throw new OpenQuote(this.records + 1, false);
            return -1;
          }
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(start, q + 1);
            start = q + 2;
            continue;
          }
          if (q + 1 >= n && !final) {
            // Cannot tell "" from " yet.
            if (n - opened > MAX_QUOTED) throw new OpenQuote(this.records + 1, false);
            return -1;
          }
          value += text.slice(start, q);
          i = q + 1;
          break;
        }
        // Sloppy exports: text after the closing quote belongs to the same field.
        const tailStart = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === this.delim || c === nl || (c === CR && nl === LF && text.charCodeAt(i + 1) === LF)) break;
          if (c === CR && nl === LF && i + 1 >= n && !final) return -1;
          i++;
        }
        if (i > tailStart) value += text.slice(tailStart, i);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === this.delim || c === nl) break;
          i++;
        }
        if (i >= n && !final) return -1;
        let end = i;
        if (
          nl === LF &&
          end > start &&
          text.charCodeAt(end - 1) === CR &&
          (i >= n || text.charCodeAt(i) === LF)
        )
          end--;
        value = text.slice(start, end);
      }
      fields.push(value);
      if (i >= n) {
        if (!final) return -1;
        break;
      }
      const c = text.charCodeAt(i);
      if (c === this.delim) {
        i++;
        if (i >= n) {
          if (!final) return -1;
          fields.push("");
          break;
        }
        continue;
      }
      if (c === CR && nl === LF) i++; // CRLF after a quoted field
      i++; // the newline itself
      break;
    }
    this.records++;
    this.onRow(fields, this.records);
    return i;
  }
}

/**
 * Columns to cut as a lookup by column index (1 = wanted, 0 or past the end = not): the tokenizer's onlyColumns
 * and the main side of the reading worker (readInWorker.ts) read a ColumnsSink's columns the same way.
 */
export function columnMask(columns: readonly number[]): Uint8Array {
  const mask = new Uint8Array(Math.max(0, ...columns) + 1);
  for (const c of columns) if (c >= 0) mask[c] = 1;
  return mask;
}

/** Where cutPlain reports each field of a record: k counts from 0, text[from, to) is the field. */
export interface FieldCut {
  cut(k: number, from: number, to: number): void;
}

/**
 * The one rule for cutting a quote-free record text[start, end) at the delimiter, shared by the tokenizer and the
 * reading worker (readWorker.ts, which records offsets instead of slicing). delimAt is the position of the next
 * delimiter found for the record before in the same text (−1 for a new text) and the return value is the one to
 * pass for the next record: the search is not repeated per line, so a file with one column is not rescanned to
 * its end for every line. A method call per field rather than a closure per record: each thread uses one sink
 * class, so the call site stays monomorphic. Measured on 1M rows read by the worker alone (10 runs each, A/B
 * alternating): median 587/579/574 ms with the worker's own copy of this loop, 553/555/601 ms sharing it.
 */
export function cutPlain(
  text: string,
  start: number,
  end: number,
  delimiter: string,
  delimAt: number,
  sink: FieldCut,
): number {
  let from = start;
  let d = delimAt;
  for (let k = 0; ; k++) {
    if (d < from) {
      d = text.indexOf(delimiter, from);
      if (d === -1) d = text.length;
    }
    sink.cut(k, from, Math.min(d, end));
    if (d >= end) return d;
    from = d + 1;
  }
}

/** The tokenizer's FieldCut: slices the fields asked for (onlyColumns), "" for the others. */
class FieldSlicer implements FieldCut {
  text = "";
  fields: string[] = [];
  wanted: Uint8Array | null = null;

  cut(k: number, from: number, to: number): void {
    const wanted = this.wanted;
    this.fields.push(wanted === null || wanted[k] === 1 ? this.text.slice(from, to) : "");
  }
}

/**
 * The field as a string of its own. Fields are slices of the decoded chunk, and V8 keeps a slice of 13 or
 * more characters as a pointer into its parent string: one kept customer name or e-mail pins its whole
 * megabyte of file text. Values the caller keeps beyond the row go through this (shorter ones are already
 * copies). Concatenating and slicing off one character makes V8 copy the text into a fresh string.
 */
export function detach(field: string): string {
  return field.length < 13 ? field : ` ${field}`.slice(1);
}

/**
 * A file whose first line end is a bare CR uses old Mac line ends throughout; null while undecided
 * (no line end yet, or a CR at the very end of the text that an LF may follow).
 */
function lineEndOf(text: string): "\n" | "\r" | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF) return "\n";
    else if (c === CR) {
      if (i + 1 >= text.length) return null;
      return text.charCodeAt(i + 1) === LF ? "\n" : "\r";
    }
  }
  return null;
}

/**
 * Picks the delimiter from the header line: tab when it has more tabs than commas outside quotes
 * (Amazon reports are tab-separated), comma otherwise.
 */
export function sniffDelimiter(firstText: string): "," | "\t" {
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < firstText.length; i++) {
    const c = firstText[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      if (c === "\n" || c === "\r") break;
      if (c === ",") commas++;
      else if (c === "\t") tabs++;
    }
  }
  return tabs > commas ? "\t" : ",";
}
