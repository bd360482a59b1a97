import { isAscii } from "node:buffer";
import { createRequire } from "node:module";
import type iconvType from "iconv-lite";
import { CliError, oneLine } from "./errors";

/**
 * iconv-lite, loaded on the first Shift_JIS file only: loading it takes ~15 ms, which a UTF-8 export (and the
 * reading worker before its first chunk, while the main thread waits for it) would otherwise pay at start-up.
 */
let iconvModule: typeof iconvType | null = null;
function iconv(): typeof iconvType {
  iconvModule ??= createRequire(import.meta.url)("iconv-lite") as typeof iconvType;
  return iconvModule;
}

/** The first megabyte decides the encoding. */
const PROBE = 1 << 20;

/** What to call the file in messages. */
const where = (path: string) => oneLine(path);

/**
 * Text decoding chosen from the first bytes; later bytes that break the choice are an error, not a guess.
 * A UTF-8 chunk that is all ASCII (most chunks of most exports) is copied byte for byte (latin1,
 * a plain copy checked by isAscii) instead of going through TextDecoder, unless a character the previous chunk
 * began is still waiting for its last bytes. The BOM is dropped here, at the start of the file only.
 */
export class ChunkDecoder {
  private utf8: TextDecoder | null = null;
  private sjis: ReturnType<typeof iconvType.getDecoder> | null = null;
  private offset = 0;
  /** Whether the UTF-8 decoder holds the first bytes of a character cut by the chunk boundary. */
  private midCharacter = false;
  /** No text has come out yet: a BOM here is dropped (anywhere else U+FEFF is text). */
  private atStart = true;

  constructor(private readonly path: string) {}

  get encoding(): "utf-8" | "cp932" | null {
    return this.utf8 ? "utf-8" : this.sjis ? "cp932" : null;
  }

  decode(bytes: Buffer): string {
    if (!this.utf8 && !this.sjis) this.choose(bytes);
    const at = this.offset;
    this.offset += bytes.length;
    if (this.sjis) return this.sjis.write(bytes);
    if (!this.midCharacter && isAscii(bytes)) {
      if (bytes.length > 0) this.atStart = false;
      return bytes.toString("latin1");
    }
    let text: string;
    try {
      text = this.utf8!.decode(bytes, { stream: true });
    } catch {
      const byte = at + firstInvalidUtf8(bytes);
      throw new CliError(
        `UTF-8 として読めない文字があります(${byte} バイト目): ${where(this.path)}。文字コードを UTF-8 か Shift_JIS にそろえて保存し直してください`,
        `Bytes that are not UTF-8 at byte ${byte}: ${where(this.path)}. Save the file as UTF-8 or Shift_JIS throughout`,
      );
    }
    this.midCharacter = endsMidCharacter(bytes, this.midCharacter);
    if (!this.atStart || text.length === 0) return text;
    this.atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
    const probe = first.subarray(0, PROBE);
    if (probe.includes(0)) throw binary(this.path);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(probe, { stream: true });
      // ignoreBOM: the BOM is dropped above at the start of the file, not wherever this decoder first sees text.
      this.utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    } catch {
      const text = iconv().decode(probe, "cp932");
      // Shift_JIS decodes almost any bytes; junk shows as many replacement or control characters.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
      const junk = text.match(/[\ufffd\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
      if (junk > Math.max(3, text.length / 100)) throw binary(this.path);
      this.sjis = iconv().getDecoder("cp932");
    }
  }
}

/**
 * Whether valid UTF-8 bytes, just decoded, end inside a character (its remaining bytes come with the next
 * chunk). A chunk of continuation bytes only continues what was already open.
 */
export function endsMidCharacter(bytes: Uint8Array, wasOpen: boolean): boolean {
  const n = bytes.length;
  for (let back = 1; back <= 4 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead byte
    const len = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    return len > back;
  }
  // Only continuation bytes in the last four: a long character spans this whole (tiny) chunk.
  return n < 4 ? wasOpen : false;
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
