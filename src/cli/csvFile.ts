import { open } from "node:fs/promises";
import type { Lang } from "../core/index";
import type { Cell } from "../report/cell";
import { type Column, columnTitle } from "../report/columns";
import type { Audience } from "../report/layout";
import { localizeCode } from "../report/localize";
import { BOM, csvCell } from "./writeCsv";

/**
 * Writes report CSVs line by line in small batches. A shop with 100,000 customers has a customers.csv of
 * ~40 MB; built as one string (two bytes a character once a Japanese note is in it) plus its UTF-8 copy and
 * the cell grid behind it, that was most of the command line's peak memory. Batches stay small (64K
 * characters): lines held longer outlive the young generation and are copied by the GC, measured 3× slower
 * in total at 10,000 lines a batch than at a few hundred.
 */
const BATCH_CHARS = 1 << 16;

/** The same text as csvText(grid) in writeCsv.ts — BOM, CRLF after every line — written as it is produced. */
export async function writeCsvFile(path: string, lines: Iterable<string>): Promise<void> {
  const file = await open(path, "w");
  try {
    // Lines are joined per batch (one flat string, written as one buffer); += would build a rope that the
    // write has to flatten first.
    let batch: string[] = [];
    let size = 0;
    let head = BOM;
    let any = false;
    for (const line of lines) {
      any = true;
      batch.push(line);
      size += line.length;
      if (size >= BATCH_CHARS) {
        await file.write(`${head}${batch.join("\r\n")}\r\n`);
        head = "";
        batch = [];
        size = 0;
      }
    }
    if (!any) batch.push(""); // csvText of an empty grid: a BOM and one empty line
    if (batch.length > 0) await file.write(`${head}${batch.join("\r\n")}\r\n`);
  } finally {
    await file.close();
  }
}

/** A free-form grid (summary, run log) as CSV lines. */
export function* gridCsvLines(grid: readonly (readonly Cell[])[]): Generator<string> {
  for (const row of grid) yield row.map(csvCell).join(",");
}

/**
 * A table part (customers, follow-up) as CSV lines straight from the rows, cell for cell what
 * tableGrid() in src/report/layout.ts gives, without holding the grid of every customer.
 */
export function* tableCsvLines<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  lang: Lang,
  audience: Audience,
): Generator<string> {
  yield columns.map((c) => csvCell(audience === "codes" ? c.id : columnTitle(c, lang))).join(",");
  const n = columns.length;
  for (const row of rows) {
    let line = "";
    for (let i = 0; i < n; i++) {
      const c = columns[i];
      const v = c.value(row, lang);
      const cell =
        audience === "labels" && c.labelKind && typeof v === "string"
          ? localizeCode(c.labelKind, v, lang)
          : v;
      line += i === 0 ? csvCell(cell) : `,${csvCell(cell)}`;
    }
    yield line;
  }
}
