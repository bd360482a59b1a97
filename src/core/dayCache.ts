/**
 * parseDay for a column of cells, remembering the last text it read. Line items of one order repeat the order's
 * date, so in a typical export about half the rows find their date already read: comparing the text with the
 * last one costs far less than scanning it again (and nothing at all when it is the very same string).
 */
import { type ParseDayOptions, parseDay } from "./parseDate";
import type { DayNumber } from "./types";

export class LastDayCache {
  private text: string | null = null;
  private day: DayNumber | null = null;

  constructor(private readonly opts: ParseDayOptions) {}

  /** Exactly parseDay(value, opts). */
  read(value: unknown): DayNumber | null {
    if (typeof value !== "string") return parseDay(value, this.opts);
    if (value === this.text) return this.day;
    const day = parseDay(value, this.opts);
    this.text = value;
    this.day = day;
    return day;
  }
}
