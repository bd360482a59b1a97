import { open } from "node:fs/promises";
import type { Lang } from "../core/index";
import type { Cell } from "../report/cell";
import { type Audience, type ReportTable, tableCell, tableHeader } from "../report/layout";
import { BOM, csvCell } from "./writeCsv";

/**
 * Writes report CSVs line by line. A shop with 100,000 customers has a customers.csv of ~40 MB; built as one
 * string (two bytes a character once a Japanese note is in it) plus its UTF-8 copy and the cell grid behind
 * it, that was most of the command line's peak memory. Lines are encoded straight into one reused buffer:
 * joining batches and writing strings left a fresh buffer per write for the GC, and the process grew by
 * ~100 MB while writing.
 */
const BUFFER_BYTES = 1 << 18;

/** The same bytes as csvText(grid) in writeCsv.ts — BOM, CRLF after every line — written as they are produced. */
export async function writeCsvFile(path: string, lines: Iterable<string>): Promise<void> {
  const file = await open(path, "w");
  try {
    const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    let at = buffer.write(BOM, 0);
    let any = false;
    for (const line of lines) {
      any = true;
      // A UTF-16 unit takes at most 3 bytes in UTF-8; + CRLF.
      const most = line.length * 3 + 2;
      if (at + most > BUFFER_BYTES) {
        await file.write(buffer, 0, at);
        at = 0;
        if (most > BUFFER_BYTES) {
          await file.write(`${line}\r\n`); // a line longer than the buffer (a very long note)
          continue;
        }
      }
      at += buffer.write(line, at);
      buffer[at++] = 13;
      buffer[at++] = 10;
    }
    if (!any) {
      buffer[at++] = 13; // csvText of an empty grid: a BOM and one empty line
      buffer[at++] = 10;
    }
    if (at > 0) await file.write(buffer, 0, at);
  } finally {
    await file.close();
  }
}

/** A free-form grid (summary, run log) as CSV lines. */
export function* gridCsvLines(grid: readonly (readonly Cell[])[]): Generator<string> {
  for (const row of grid) yield row.map(csvCell).join(",");
}

/**
 * A table part (customers, follow-up) as CSV lines straight from the rows, cell for cell what tableGrid() in
 * src/report/layout.ts gives (tableHeader, tableCell), without holding the grid of every customer.
 */
export function* tableCsvLines<Row>(
  table: ReportTable<Row>,
  lang: Lang,
  audience: Audience,
): Generator<string> {
  const { columns, rows } = table;
  yield columns.map((c) => csvCell(tableHeader(c, lang, audience))).join(",");
  const n = columns.length;
  for (const row of rows) {
    let line = csvCell(tableCell(columns[0], row, lang, audience));
    for (let i = 1; i < n; i++) line += `,${csvCell(tableCell(columns[i], row, lang, audience))}`;
    yield line;
  }
}
