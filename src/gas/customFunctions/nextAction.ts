import { NEXT_ACTIONS, nextActionOf, parseStateLabel, stageOf } from "../../core/index";
import { type Cell, CellError, cellAt, columnOf, isBlankCell, mapRows, shown } from "./cells";
import { readSettings } from "./context";
import { PURCHASES, readCount } from "./readers";

/**
 * =NEXT_ACTION(state, [purchases], [settings]): the §6 next step for a state label in either language. Only an
 * active customer needs purchases (nurturing or established); without it the step for nurturing is given, which is
 * where most active customers are. settings is an added optional argument: the language and vipMinPurchases.
 */
export function NEXT_ACTION(state: unknown, purchases?: unknown, settings?: unknown): Cell | Cell[][] {
  const s = readSettings(settings);
  const states = columnOf(state, "state");
  const counts = columnOf(purchases, "purchases");
  return mapRows([states, counts], s.language, (row) => {
    const text = cellAt(states, row);
    const code = parseStateLabel(typeof text === "string" ? text.trim() : text);
    if (code === null) {
      throw new CellError({
        ja: `顧客状態を読めません: ${shown(text)}`,
        en: `Unknown state: ${shown(text)}`,
      });
    }
    const countCell = cellAt(counts, row);
    const stage = isBlankCell(countCell) ? "nurturing" : stageOf(readCount(countCell, PURCHASES), s);
    return NEXT_ACTIONS[nextActionOf(code, stage)].step[s.language];
  });
}
