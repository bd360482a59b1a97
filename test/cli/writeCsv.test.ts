import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvTokenizer } from "../../src/cli/csvTokenizer";
import { csvCell, csvText } from "../../src/cli/writeCsv";
import { dayFromYmd } from "../../src/core/index";

function readBack(text: string): string[][] {
  const rows: string[][] = [];
  const t = new CsvTokenizer(",", (f) => rows.push(f));
  t.push(text.replace(/^\ufeff/, ""));
  t.finish();
  return rows;
}

describe("csvText", () => {
  it("writes BOM, CRLF, dates as YYYY-MM-DD, booleans as true/false, blanks for null and non-finite numbers", () => {
    const text = csvText([
      ["id", "day", "vip", "score", "none", "nan"],
      ["C1", { date: dayFromYmd(2026, 10, 31) }, true, 27.5, null, Number.NaN],
    ]);
    expect(text).toBe("\ufeffid,day,vip,score,none,nan\r\nC1,2026-10-31,true,27.5,,\r\n");
  });

  it("neutralises text that starts with = + - @ but leaves negative numbers as numbers", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+81")).toBe("'+81");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell("@a")).toBe("'@a");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell('=HYPERLINK("a","b")')).toBe(`"'=HYPERLINK(""a"",""b"")"`);
  });

  it("reads back as the same text through an RFC 4180 reader, whatever the text holds", () => {
    const unit = fc.constantFrom("a", "日", ",", '"', "\n", "\r", " ", "=", "-", "1");
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit, minLength: 1 }), { minLength: 2, maxLength: 5 }), {
          minLength: 1,
        }),
        (grid) => {
          const expected = grid.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
          expect(readBack(csvText(grid))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
