import { computeNps } from "../../core/index";
import type { Cell } from "./cells";

/**
 * =NPS(scores): §9 over every cell of the range (any shape; blanks are unanswered). The result is rounded to one
 * decimal, as NPS is reported. With no valid answer there is no NPS: a message says so instead of a misleading 0.
 */
export function NPS(scores: unknown): Cell {
  const cells: unknown[] = [];
  if (Array.isArray(scores)) {
    for (const row of scores) {
      if (Array.isArray(row)) for (const v of row) cells.push(v);
      else cells.push(row);
    }
  } else cells.push(scores);
  const result = computeNps(cells);
  if (result.nps === null) {
    return result.invalid > 0
      ? `0〜10 の回答がありません(無効 ${result.invalid} 件) / No valid 0-10 answer (${result.invalid} invalid)`
      : "回答がありません / No answers";
  }
  return Math.round(result.nps * 10) / 10;
}
