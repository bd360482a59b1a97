import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { CsvTokenizer, MAX_QUOTED, OpenQuote, type RowSink, sniffDelimiter } from "./csvTokenizer";
import { ChunkDecoder } from "./decodeText";
import { CliError, oneLine } from "./errors";

/**
 * Streams a CSV/TSV export from disk: gzip by its magic bytes (not the name), UTF-8 with or without BOM or
 * Shift_JIS/CP932 (most Japanese shop exports) decided from the first megabyte — valid UTF-8 or not — and
 * comma or tab from the header line. Rows go straight to the caller's sink, so memory stays flat in rows.
 */
export interface TableInfo {
  encoding: "utf-8" | "cp932";
  delimiter: "," | "\t";
  gzip: boolean;
  /** Records read, header included. */
  records: number;
}

/** A sink that reads only some columns: the others arrive as "" (see CsvTokenizer.onlyColumns). */
export interface ColumnsSink {
  columns: readonly number[];
  row: RowSink;
  /**
   * The sink keeps no reference to the fields array once it returns (it may keep the strings), so the reader may
   * hand it the same array, refilled, for every row: a million rows then make no million arrays to collect.
   */
  reusesRow?: boolean;
}

export interface TableHandlers {
  /** Called with the header row; returns the sink for the data rows (record number 2 onwards). */
  header(fields: string[]): RowSink | ColumnsSink;
  /** Bytes of the file read so far, of total (for a progress bar). */
  progress?(read: number, total: number): void;
}

const CHUNK = 1 << 20;

/** What to call the file in messages. */
const where = (path: string) => oneLine(path);

/**
 * The file's size, and whether it is gzip from its first two bytes; null for a pipe (/dev/stdin, a shell's
 * <(zcat …)), which cannot be read at a position nor twice: its stream tells (startsWithGzip). Every error the
 * user can cause is a CliError. readTableFast (readInWorker.ts) sizes the file with it too.
 */
export async function openChecked(path: string): Promise<{ size: number; gzip: boolean | null }> {
  let size: number;
  let regular: boolean;
  try {
    const s = await stat(path);
    if (s.isDirectory())
      throw new CliError(
        `フォルダーです。CSVファイルを指定してください: ${where(path)}`,
        `Is a folder, not a file: ${where(path)}`,
      );
    size = s.size;
    regular = s.isFile();
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new CliError(`ファイルが見つかりません: ${where(path)}`, `File not found: ${where(path)}`);
    throw new CliError(
      `ファイルを開けません (${code}): ${where(path)}`,
      `Cannot open file (${code}): ${where(path)}`,
    );
  }
  if (!regular) return { size, gzip: null };
  const handle = await open(path, "r").catch((e: NodeJS.ErrnoException) => {
    throw new CliError(
      `ファイルを開けません (${e.code}): ${where(path)}`,
      `Cannot open file (${e.code}): ${where(path)}`,
    );
  });
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return { size, gzip: bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b };
  } finally {
    await handle.close();
  }
}

export async function readTable(path: string, handlers: TableHandlers): Promise<TableInfo> {
  let tokenizer: CsvTokenizer | null = null;
  let sink: RowSink | null = null;
  const dispatch: RowSink = (fields, n) => {
    if (sink !== null) {
      sink(fields, n);
      return;
    }
    const chosen = handlers.header(fields);
    if (typeof chosen === "function") sink = chosen;
    else {
      sink = chosen.row;
      tokenizer!.onlyColumns(chosen.columns);
    }
  };
  const info = await tokenizeFile(path, {
    tokenizer(delimiter) {
      tokenizer = new CsvTokenizer(delimiter, dispatch);
      return tokenizer;
    },
    progress: handlers.progress,
  });
  if (sink === null) throw emptyFile(path);
  return info;
}

export const emptyFile = (path: string) =>
  new CliError(
    `ファイルが空です(見出し行がありません): ${where(path)}`,
    `The file is empty (no header row): ${where(path)}`,
  );

/** What tokenizeFile asks of its caller: readTable here, or the reading worker (readWorker.ts). */
export interface TokenizeHooks {
  /** The tokenizer to feed, made once the delimiter is known. */
  tokenizer(delimiter: "," | "\t"): CsvTokenizer;
  /** Bytes of the file read so far, of total. */
  progress?(read: number, total: number): void;
  /** After each chunk's text went through the tokenizer: the worker sends its batch here and may wait. */
  chunkDone?(): Promise<void> | void;
}

/**
 * The file's text, chunk by chunk, through a tokenizer: opening, gzip, decoding and the delimiter sniff. Every
 * error the user can cause is a CliError. Whether a header came is the caller's to check.
 */
export async function tokenizeFile(path: string, hooks: TokenizeHooks): Promise<TableInfo> {
  const opened = await openChecked(path);
  const { size } = opened;
  const raw = createReadStream(path, { highWaterMark: CHUNK });
  let gzip = false;
  let read = 0;
  const report = hooks.progress;
  const decoder = new ChunkDecoder(path);
  let delimiter: "," | "\t" | null = null;
  let tokenizer: CsvTokenizer | null = null;
  let pending = "";
  try {
    gzip = opened.gzip ?? (await startsWithGzip(raw));
    // Progress counts bytes of the file on disk (compressed ones for gzip), against its size (0 for a pipe: no bar).
    if (report && gzip)
      raw.on("data", (b) => {
        read += b.length;
        report(read, size);
      });
    const source = gzip ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (report && !gzip) {
        read += chunk.length;
        report(read, size);
      }
      const text = decoder.decode(chunk);
      if (tokenizer === null) {
        pending += text;
        if (!/[\r\n]/.test(pending) && pending.length < CHUNK) continue;
        delimiter = sniffDelimiter(pending);
        tokenizer = hooks.tokenizer(delimiter);
        tokenizer.push(pending);
        pending = "";
      } else tokenizer.push(text);
      await hooks.chunkDone?.();
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (e instanceof OpenQuote) throw openQuote(path, e);
    const code = (e as NodeJS.ErrnoException).code ?? "";
    if (gzip && code.startsWith("Z_"))
      throw new CliError(
        `gzip ファイルを展開できません(壊れているか途中までです): ${where(path)}`,
        `Cannot decompress the gzip file (damaged or truncated): ${where(path)}`,
      );
    throw new CliError(
      `ファイルを読めません (${code}): ${where(path)}`,
      `Cannot read the file (${code}): ${where(path)}`,
    );
  } finally {
    raw.destroy();
  }
  const tail = decoder.end();
  try {
    if (tokenizer === null) {
      pending += tail;
      delimiter = sniffDelimiter(pending);
      tokenizer = hooks.tokenizer(delimiter);
      tokenizer.push(pending);
    } else tokenizer.push(tail);
    tokenizer.finish();
  } catch (e) {
    throw e instanceof OpenQuote ? openQuote(path, e) : e;
  }
  return {
    encoding: decoder.encoding ?? "utf-8",
    delimiter: delimiter ?? ",",
    gzip,
    records: tokenizer.recordCount,
  };
}

/** A quote left open: where it opened and what to change there (the record number is the spreadsheet's row). */
function openQuote(path: string, e: OpenQuote): CliError {
  const limit = MAX_QUOTED.toLocaleString("en-US");
  const fix = {
    ja: `その行の " を確かめてください(文字としての " は "" と書くか、閉じる " を足す)`,
    en: `check the quotes in that row (write a quote inside a field as "", or add the closing quote)`,
  };
  return e.atEnd
    ? new CliError(
        `${e.record} 行目で開いた引用符 " が閉じないまま、ファイルが終わっています。${fix.ja}: ${where(path)}`,
        `The quote (") opened in row ${e.record} is never closed before the file ends; ${fix.en}: ${where(path)}`,
      )
    : new CliError(
        `${e.record} 行目で開いた引用符 " が ${limit} 文字を過ぎても閉じません(以降がすべて1つのセルになります)。${fix.ja}: ${where(path)}`,
        `The quote (") opened in row ${e.record} is not closed within ${limit} characters (the rest of the file would become one cell); ${fix.en}: ${where(path)}`,
      );
}

/**
 * Whether a stream starts with gzip's magic bytes, read off it and put back in front: for a pipe, which the magic
 * check of openChecked cannot read at a position (ESPIPE) and whose bytes are gone once read.
 */
function startsWithGzip(stream: Readable): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      stream.off("readable", look);
      stream.off("end", ended);
      stream.off("error", failed);
    };
    const look = () => {
      const head = stream.read(2) as Buffer | null;
      if (head === null) return; // fewer than two bytes so far
      stop();
      stream.unshift(head);
      resolve(head.length === 2 && head[0] === 0x1f && head[1] === 0x8b);
    };
    const ended = () => {
      stop();
      resolve(false);
    };
    const failed = (e: Error) => {
      stop();
      reject(e);
    };
    stream.on("readable", look);
    stream.on("end", ended);
    stream.on("error", failed);
  });
}

/** Reads a small side table (engagement, survey, members, visits) whole: header and rows. */
export async function readSmallTable(
  path: string,
): Promise<{ header: string[]; rows: string[][]; info: TableInfo }> {
  let header: string[] = [];
  const rows: string[][] = [];
  const info = await readTable(path, {
    header(fields) {
      header = fields;
      return (row) => rows.push(row);
    },
  });
  return { header, rows, info };
}
