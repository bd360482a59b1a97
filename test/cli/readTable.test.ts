import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstInvalidUtf8 } from "../../src/cli/decodeText";

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
