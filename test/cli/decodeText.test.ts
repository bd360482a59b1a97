import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ChunkDecoder, endsMidCharacter, firstInvalidUtf8 } from "../../src/cli/decodeText";
import { CliError } from "../../src/cli/errors";

/** Cuts bytes at the given offsets (any byte, so also inside a character) and decodes chunk by chunk. */
function decodeInChunks(bytes: Buffer, cuts: number[]): string {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const decoder = new ChunkDecoder("test.csv");
  let text = "";
  let from = 0;
  for (const c of [...at, bytes.length]) {
    text += decoder.decode(bytes.subarray(from, c));
    from = c;
  }
  return text + decoder.end();
}

// ASCII runs long and short, Japanese (3 bytes), an emoji (4 bytes), é (2 bytes), U+FEFF inside the text.
const unit = fc.constantFrom("a", "1", ",", "\n", "注", "文", "😀", "é", "\ufeff", "abcdefgh");

describe("ChunkDecoder", () => {
  it("decodes UTF-8 cut anywhere, ASCII chunks and others mixed, exactly as a whole-file decode", () => {
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 60 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        (text, bom, cuts) => {
          const bytes = Buffer.from(bom ? `\ufeff${text}` : text, "utf8");
          // A BOM is dropped only at the very start of the file; a U+FEFF further on is text.
          const expected = bom || text.charCodeAt(0) !== 0xfeff ? text : text.slice(1);
          expect(decodeInChunks(bytes, cuts)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("decodes Shift_JIS cut in the middle of a character", () => {
    const text = "注文番号,顧客ID\n1,山田\n".repeat(50);
    const bytes = iconv.encode(text, "cp932");
    // The first chunk decides the encoding (a megabyte in real runs), so the first cut is past a few characters.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 24, max: bytes.length }), { maxLength: 8 }), (cuts) => {
        expect(decodeInChunks(bytes, cuts)).toBe(text);
      }),
    );
  });

  it("still refuses bytes that are not UTF-8 after ASCII chunks, and a file cut inside a character", () => {
    const decoder = new ChunkDecoder("x.csv");
    expect(decoder.decode(Buffer.from("id,name\n", "utf8"))).toBe("id,name\n");
    expect(() => decoder.decode(Buffer.from([0x41, 0xff, 0x41]))).toThrow(CliError);
    const cut = new ChunkDecoder("y.csv");
    cut.decode(Buffer.from("a,注", "utf8").subarray(0, 3));
    expect(() => cut.end()).toThrow(CliError);
  });

  it("knows when a chunk ends inside a character", () => {
    const ja = Buffer.from("a注", "utf8"); // 61 e6 b3 a8
    expect(endsMidCharacter(ja, false)).toBe(false);
    expect(endsMidCharacter(ja.subarray(0, 2), false)).toBe(true);
    expect(endsMidCharacter(ja.subarray(0, 3), false)).toBe(true);
    expect(endsMidCharacter(Buffer.from("😀", "utf8").subarray(0, 3), false)).toBe(true);
  });
});

describe("firstInvalidUtf8", () => {
  it("finds no fault in valid UTF-8 and finds an inserted bad byte exactly where it is", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }),
        fc.nat(),
        fc.constantFrom(0xff, 0xc0, 0x80, 0xf8),
        (text, at, bad) => {
          const bytes = Buffer.from(text, "utf8");
          expect(firstInvalidUtf8(bytes)).toBe(bytes.length);
          // Insert at a character boundary so the bytes before stay valid.
          const chars = [...text];
          const cut = Buffer.from(chars.slice(0, at % (chars.length + 1)).join(""), "utf8").length;
          const broken = Buffer.concat([
            bytes.subarray(0, cut),
            Buffer.from([bad, 0x41]),
            bytes.subarray(cut),
          ]);
          // A stray continuation byte at the very start reads as the tail of the previous chunk's character.
          expect(firstInvalidUtf8(broken)).toBe(cut === 0 && bad === 0x80 ? broken.length : cut);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("skips the tail of a character begun in the previous chunk, and Shift_JIS fails at its first byte", () => {
    const ja = Buffer.from("あいう", "utf8"); // 3 bytes each
    expect(firstInvalidUtf8(ja.subarray(1))).toBe(8);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x82, 0xa0]))).toBe(1); // 「あ」 in Shift_JIS
  });
});
