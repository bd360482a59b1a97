import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import iconv from "iconv-lite";
import { CsvTokenizer, type RowSink, sniffDelimiter } from "./csvTokenizer";
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

export interface TableHandlers {
  /** Called with the header row; returns the sink for the data rows (record number 2 onwards). */
  header(fields: string[]): RowSink;
  /** Bytes of the file read so far, of total (for a progress bar). */
  progress?(read: number, total: number): void;
}

const CHUNK = 1 << 20;

/** What to call the file in messages. */
const where = (path: string) => oneLine(path);

async function openChecked(path: string): Promise<{ size: number; gzip: boolean }> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory())
      throw new CliError(
        `フォルダーです。CSVファイルを指定してください: ${where(path)}`,
        `Is a folder, not a file: ${where(path)}`,
      );
    size = s.size;
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

/** Text decoding chosen from the first bytes; later bytes that break the choice are an error, not a guess. */
class Decoder {
  private utf8: TextDecoder | null = null;
  private sjis: ReturnType<typeof iconv.getDecoder> | null = null;
  private offset = 0;

  constructor(private readonly path: string) {}

  get encoding(): "utf-8" | "cp932" | null {
    return this.utf8 ? "utf-8" : this.sjis ? "cp932" : null;
  }

  decode(bytes: Buffer): string {
    if (!this.utf8 && !this.sjis) this.choose(bytes);
    const at = this.offset;
    this.offset += bytes.length;
    if (this.sjis) return this.sjis.write(bytes);
    try {
      return this.utf8!.decode(bytes, { stream: true });
    } catch {
      const byte = at + firstInvalidUtf8(bytes);
      throw new CliError(
        `UTF-8 として読めない文字があります(${byte} バイト目): ${where(this.path)}。文字コードを UTF-8 か Shift_JIS にそろえて保存し直してください`,
        `Bytes that are not UTF-8 at byte ${byte}: ${where(this.path)}. Save the file as UTF-8 or Shift_JIS throughout`,
      );
    }
  }

  end(): string {
    if (this.sjis) return this.sjis.end() ?? "";
    if (!this.utf8) return "";
    try {
      return this.utf8.decode();
    } catch {
      throw new CliError(
        `ファイルの末尾が UTF-8 として途切れています: ${where(this.path)}`,
        `The file ends in the middle of a UTF-8 character: ${where(this.path)}`,
      );
    }
  }

  private choose(first: Buffer): void {
    const probe = first.subarray(0, CHUNK);
    if (probe.includes(0)) throw binary(this.path);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(probe, { stream: true });
      this.utf8 = new TextDecoder("utf-8", { fatal: true }); // drops a BOM by itself
    } catch {
      const text = iconv.decode(probe, "cp932");
      // Shift_JIS decodes almost any bytes; junk shows as many replacement or control characters.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
      const junk = text.match(/[\ufffd\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
      if (junk > Math.max(3, text.length / 100)) throw binary(this.path);
      this.sjis = iconv.getDecoder("cp932");
    }
  }
}

/**
 * Where a chunk stops being UTF-8, for the error message (0-based within the chunk), so the user can find the
 * byte in an editor.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  // The tail of a character the previous chunk began.
  while (i < 3 && i < bytes.length && (bytes[i] & 0xc0) === 0x80) i++;
  while (i < bytes.length) {
    const b = bytes[i];
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      if (i + k >= bytes.length) return i; // cut at the end of the file
      if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return i;
}

const binary = (path: string) =>
  new CliError(
    `CSVファイルではないようです(文字として読めません): ${where(path)}`,
    `This does not look like a CSV file (not readable as text): ${where(path)}`,
  );

export async function readTable(path: string, handlers: TableHandlers): Promise<TableInfo> {
  const { size, gzip } = await openChecked(path);
  const raw = createReadStream(path, { highWaterMark: CHUNK });
  let read = 0;
  const report = handlers.progress;
  // Progress counts bytes of the file on disk (compressed ones for gzip), against its size.
  if (report && gzip)
    raw.on("data", (b) => {
      read += b.length;
      report(read, size);
    });
  const source = gzip ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw;
  const decoder = new Decoder(path);
  let delimiter: "," | "\t" | null = null;
  let tokenizer: CsvTokenizer | null = null;
  let sink: RowSink | null = null;
  let pending = "";
  const dispatch: RowSink = (fields, n) => {
    if (sink === null) sink = handlers.header(fields);
    else sink(fields, n);
  };
  try {
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
        tokenizer = new CsvTokenizer(delimiter, dispatch);
        tokenizer.push(pending);
        pending = "";
      } else tokenizer.push(text);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
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
  if (tokenizer === null) {
    pending += tail;
    delimiter = sniffDelimiter(pending);
    tokenizer = new CsvTokenizer(delimiter, dispatch);
    tokenizer.push(pending);
  } else tokenizer.push(tail);
  tokenizer.finish();
  if (sink === null)
    throw new CliError(
      `ファイルが空です(見出し行がありません): ${where(path)}`,
      `The file is empty (no header row): ${where(path)}`,
    );
  return {
    encoding: decoder.encoding ?? "utf-8",
    delimiter: delimiter ?? ",",
    gzip,
    records: tokenizer.recordCount,
  };
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
