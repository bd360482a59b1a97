import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvTokenizer, detach, MAX_QUOTED, OpenQuote, sniffDelimiter } from "../../src/cli/csvTokenizer";

/**
 * Runs the tokenizer over text cut into the given chunk sizes; returns rows and their record numbers, and the
 * record of a quote left open at the end (the rows before it are kept, as a sink sees them).
 */
function tokenize(
  text: string,
  delimiter = ",",
  cuts: number[] = [],
): { rows: string[][]; numbers: number[]; openQuote?: number } {
  const rows: string[][] = [];
  const numbers: number[] = [];
  const t = new CsvTokenizer(delimiter, (fields, n) => {
    rows.push(fields);
    numbers.push(n);
  });
  let pos = 0;
  try {
    for (const size of cuts) {
      if (pos >= text.length) break;
      t.push(text.slice(pos, pos + size));
      pos += size;
    }
    t.push(text.slice(pos));
    t.finish();
  } catch (e) {
    if (!(e instanceof OpenQuote) || !e.atEnd) throw e;
    return { rows, numbers, openQuote: e.record };
  }
  return { rows, numbers };
}

/**
 * The simple reference: one character at a time, straight from RFC 4180 (LF or CRLF ends a record). A quote
 * still open at the end leaves out its record (the tokenizer refuses it).
 */
function referenceParse(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let sawAny = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      sawAny = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
      sawAny = true;
    } else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      if (c === "\r") i++;
      fields.push(field);
      if (sawAny || field !== "" || fields.length > 1) rows.push(fields);
      fields = [];
      field = "";
      sawAny = false;
    } else {
      field += c;
      sawAny = true;
    }
  }
  if (!quoted && (sawAny || field !== "" || fields.length > 0)) {
    fields.push(field);
    rows.push(fields);
  }
  return rows;
}

/** Writes rows as RFC 4180 CSV, quoting only when needed (as spreadsheet exports do). */
function serialize(rows: string[][], delimiter: string, eol: string): string {
  return rows
    .map((r) =>
      r.length === 1 && r[0] === ""
        ? '""'
        : r
            .map((f) => (/["\r\n]/.test(f) || f.includes(delimiter) ? `"${f.replace(/"/g, '""')}"` : f))
            .join(delimiter),
    )
    .join(eol);
}

const fieldArb = fc.string({ unit: fc.constantFrom("a", "b", "日", ",", "\t", '"', "\n", "\r", " ", "x") });
const rowsArb = fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });
const cutsArb = fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 30 });

describe("CsvTokenizer", () => {
  it("reads plain, quoted, escaped-quote and embedded-newline fields", () => {
    const text = 'id,name,note\r\n1,"Sato, Hanako","said ""hi""\nthen left"\r\n2,鈴木,\n';
    expect(tokenize(text).rows).toEqual([
      ["id", "name", "note"],
      ["1", "Sato, Hanako", 'said "hi"\nthen left'],
      ["2", "鈴木", ""],
    ]);
  });

  it("numbers records as a spreadsheet shows them, counting empty lines and not lines inside quotes", () => {
    const { rows, numbers } = tokenize('h\n"a\nb"\n\nc');
    expect(rows).toEqual([["h"], ["a\nb"], ["c"]]);
    expect(numbers).toEqual([1, 2, 4]);
  });

  it("reads files that end without a newline and files with bare CR line ends", () => {
    expect(tokenize("a,b\n1,2").rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(tokenize('a,b\r1,"x\ry"\r2,3\r').rows).toEqual([
      ["a", "b"],
      ["1", "x\ry"],
      ["2", "3"],
    ]);
  });

  it("is lenient with sloppy quotes instead of losing the row", () => {
    expect(tokenize('a,5" screen,c\n"x"y,z\n"closed"').rows).toEqual([
      ["a", '5" screen', "c"],
      ["xy", "z"],
      ["closed"],
    ]);
  });

  it("refuses a quote that never closes, naming its record, at the end or past MAX_QUOTED", () => {
    expect(tokenize('a,b\n1,2\n\n3,"open\n4,5\n', ",", [3, 5])).toEqual({
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
      numbers: [1, 2],
      openQuote: 4,
    });
    const rows: string[][] = [];
    const t = new CsvTokenizer(",", (fields) => rows.push(fields));
    const line = `${"x".repeat(99)}\n`;
    t.push('a,b\n1,"open ');
    let error: unknown = null;
    let pushed = 0;
    try {
      // Far less than twice the limit is taken before the tokenizer gives up (a chunk's worth beyond it).
      for (; pushed < 4 * MAX_QUOTED; pushed += 100 * line.length) t.push(line.repeat(100));
    } catch (e) {
      error = e;
    }
    expect(error).toEqual(new OpenQuote(2, false));
    expect((error as OpenQuote).atEnd).toBe(false);
    expect(pushed).toBeLessThanOrEqual(MAX_QUOTED + 100 * line.length);
    expect(rows).toEqual([["a", "b"]]);
    // A first line that never ends because its quote stays open is refused the same way.
    const header = new CsvTokenizer(",", () => {});
    header.push('"a,b\n');
    expect(() => header.push("y".repeat(MAX_QUOTED))).toThrow(OpenQuote);
  });

  it("round-trips any rows written as CSV, however the text is cut into chunks", () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.constantFrom(",", "\t"),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        cutsArb,
        (rows, delimiter, eol, trailing, cuts) => {
          const text = serialize(rows, delimiter, eol) + (trailing ? eol : "");
          expect(tokenize(text, delimiter, cuts).rows).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("agrees with the reference parser on arbitrary text, in any chunking", () => {
    const textArb = fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r\n", "b", "日") });
    fc.assert(
      fc.property(textArb, cutsArb, (text, cuts) => {
        // The reference is strict RFC 4180; compare on text where every quote opens or closes a field.
        fc.pre(!/[^,\n]"|"[^,\r\n"]/.test(text.replace(/""/g, "")));
        fc.pre(!/\r(?!\n)/.test(text));
        expect(tokenize(text, ",", cuts).rows).toEqual(referenceParse(text, ","));
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the same rows whole or chunked on arbitrary (also malformed) text", () => {
    const textArb = fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", "b") });
    fc.assert(
      fc.property(textArb, cutsArb, (text, cuts) => {
        fc.pre(text.includes("\n") || !text.includes("\r"));
        expect(tokenize(text, ",", cuts)).toEqual(tokenize(text, ","));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("CsvTokenizer against csv-parse", () => {
  it("reads whatever csv-parse reads from written CSV (quotes, newlines, CRLF, emoji), cut anywhere", () => {
    const unit = fc.constantFrom("a", "1", ",", '"', "\n", "\r\n", "日", "😀", " ");
    const rows = fc.array(fc.array(fc.string({ unit, maxLength: 8 }), { minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 10,
    });
    const cuts = fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 40 });
    fc.assert(
      fc.property(rows, fc.constantFrom("\n", "\r\n"), fc.boolean(), cuts, (rs, eol, trailing, cs) => {
        const text = serialize(rs, ",", eol) + (trailing ? eol : "");
        const reference = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
        expect(tokenize(text, ",", cs).rows).toEqual(reference);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("CsvTokenizer.onlyColumns", () => {
  it('gives "" for the other columns of quote-free lines, keeping positions; quoted lines stay whole', () => {
    const rows: string[][] = [];
    const t = new CsvTokenizer(",", (fields) => {
      rows.push(fields);
      if (rows.length === 1) t.onlyColumns([0, 2]);
    });
    t.push('id,name,amount,note\n1,Sato,100,x\n2,"Suzuki, I",200,y\n3,Kato,300\n4\n');
    t.finish();
    expect(rows).toEqual([
      ["id", "name", "amount", "note"],
      ["1", "", "100", ""],
      ["2", "Suzuki, I", "200", "y"],
      ["3", "", "300"],
      ["4"],
    ]);
  });
});

describe("sniffDelimiter", () => {
  it("chooses tab for tab-separated headers and comma otherwise, ignoring quoted text", () => {
    expect(sniffDelimiter("order-id\tpurchase-date\tbuyer-email\n1,2,3,4")).toBe("\t");
    expect(sniffDelimiter('"a\tb\tc",d\n')).toBe(",");
    expect(sniffDelimiter("受注番号,注文日時,合計金額")).toBe(",");
  });
});

describe("CsvTokenizer on one-column files", () => {
  it("reads a file without any delimiter line by line", () => {
    const lines = Array.from({ length: 2000 }, (_, i) => String(i % 11));
    expect(tokenize(`score\n${lines.join("\n")}\n`, ",", [4096, 4096]).rows).toEqual([
      ["score"],
      ...lines.map((l) => [l]),
    ]);
  });
});

describe("detach", () => {
  it("gives back the same text, whatever its length", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        expect(detach(s)).toBe(s);
        expect(detach(`prefix,${s},suffix`.slice(7, 7 + s.length))).toBe(s);
      }),
    );
  });
});
