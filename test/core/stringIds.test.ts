import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packedWordsOf, StringIds } from "../../src/core/stringIds";
import { numberedByMap } from "../support/numberedByMap";

/** idOf numbers the strings in order of first appearance as a Map would, keeps each once, and find agrees. */
function numbersAsAMapWould(ids: StringIds, strings: readonly string[]): void {
  expect(strings.map((s) => ids.idOf(s))).toEqual(numberedByMap(strings));
  expect(ids.keys).toEqual([...new Set(strings)]);
  for (const s of strings) expect(ids.find(s)).toBe(ids.keys.indexOf(s));
}

describe("StringIds", () => {
  it("numbers strings as a Map would, through many table growths", () => {
    // Small alphabets make repeats common; long lists make the table grow several times.
    const key = fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.nat().map(String),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (strings) => {
        const ids = new StringIds();
        numbersAsAMapWould(ids, strings);
      }),
      { numRuns: 60 },
    );
  });

  it("keeps a new key's slot when its own function looks strings up in another table", () => {
    // The slot words are shared by every table (a module-level scratch array): idOf must not read them after
    // calling `own`, which may itself look strings up.
    const other = new StringIds();
    const ids = new StringIds((s) => {
      other.idOf(`other:${s}:${s}`);
      other.find("C9");
      return s;
    });
    const strings = ["C1", "C2", "C1", "an.email@example.com", "C3", "C2", "another.email@example.com"];
    numbersAsAMapWould(ids, strings);
  });

  it("tells apart keys that differ only in length or in a unit near the short-key limits", () => {
    // Keys of up to 11 units ≤ 0xFF are written into their slot (length and units packed in three words);
    // the rest are hashed. Units 0, 0xFF and 0x100 and lengths 10–13 sit on the edges of that packing.
    const unit = fc.constantFrom("\0", "\u0001", "a", "b", "\u00ff", "\u0100", "\u0080");
    const key = fc.array(unit, { maxLength: 13 }).map((units) => units.join(""));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 2000 }), (strings) => {
        const ids = new StringIds();
        numbersAsAMapWould(ids, strings);
        expect(ids.find("\u0101")).toBe(-1);
      }),
      { numRuns: 60 },
    );
    const ids = new StringIds();
    const edge = [
      "a",
      "a\0",
      "\0a",
      "",
      "\0",
      "aaaaaaaaaaa",
      "aaaaaaaaaaa\0",
      "aaaaaaaaaaaa",
      "\u00ff".repeat(11),
      "\u0100\0",
      "\0\u0001",
    ];
    expect(edge.map((s) => ids.idOf(s))).toEqual(edge.map((_, i) => i));
    expect(edge.map((s) => ids.find(s))).toEqual(edge.map((_, i) => i));
  });

  it("finds nothing it was not given, and gives the next number to a new string", () => {
    const ids = new StringIds();
    expect(ids.find("")).toBe(-1);
    for (let i = 0; i < 5000; i++) expect(ids.idOf(`C${i}`)).toBe(i);
    expect(ids.size).toBe(5000);
    expect(ids.find("C5000")).toBe(-1);
    expect(ids.find("C4999")).toBe(4999);
    expect(ids.idOf("")).toBe(5000);
    expect(ids.idOf("C0")).toBe(0);
  });

  it("keeps each key's slot words by number, found through its keys array", () => {
    const ids = new StringIds();
    const strings = Array.from({ length: 3000 }, (_, i) =>
      i % 7 === 0 ? `long.address.${i}@example.jp` : `C${i}`,
    );
    for (const s of [...strings, ...strings]) ids.idOf(s);
    const words = packedWordsOf(ids.keys);
    expect(words).not.toBeNull();
    if (words === null) return;
    expect(words.length).toBeGreaterThanOrEqual(3 * ids.size);
    strings.forEach((s, id) => {
      const w0 = words[3 * id];
      if (s.length > 11) expect(w0 & 0xff).toBe(0xff);
      else {
        // Length, then the units one byte each.
        expect(w0 & 0xff).toBe(s.length);
        const bytes = [w0, words[3 * id + 1], words[3 * id + 2]].flatMap((w) =>
          [0, 8, 16, 24].map((b) => (w >>> b) & 0xff),
        );
        expect(String.fromCharCode(...bytes.slice(1, 1 + s.length))).toBe(s);
        expect(bytes.slice(1 + s.length).every((b) => b === 0)).toBe(true);
      }
    });
    expect(packedWordsOf([...ids.keys])).toBeNull();
    // A keys array grown other than by idOf no longer matches its words.
    ids.keys.push("C-1");
    expect(packedWordsOf(ids.keys)).toBeNull();
  });
});
