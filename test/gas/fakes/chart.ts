import type { Env } from "./env";
import { expose } from "./env";
import type { FakeRange } from "./range";

/** An embedded chart: its type, source ranges (A1), position and options. Not drawn. */
export interface FakeChart {
  id: string;
  type: string;
  ranges: string[];
  position: [number, number, number, number];
  options: Record<string, unknown>;
  getChartId(): string;
  getRanges(): string[];
  getOptions(): { get(key: string): unknown };
  modify(): FakeChartBuilder;
}

let nextChart = 1;

export const CHART_TYPES = {
  AREA: "AREA",
  BAR: "BAR",
  COLUMN: "COLUMN",
  LINE: "LINE",
  PIE: "PIE",
  SCATTER: "SCATTER",
  TABLE: "TABLE",
} as const;

/** sheet.newChart() / chart.modify(): the builder subset the add-on uses. */
export class FakeChartBuilder {
  private type = "COLUMN";
  private ranges: string[] = [];
  private position: [number, number, number, number] = [1, 1, 0, 0];
  private options: Record<string, unknown> = {};
  constructor(
    private readonly env: Env,
    private readonly id: string | null = null,
    from?: FakeChart,
  ) {
    if (from) {
      this.type = from.type;
      this.ranges = [...from.ranges];
      this.position = [...from.position];
      this.options = { ...from.options };
    }
  }
  setChartType(type: string) {
    this.type = String(type);
    return this;
  }
  asColumnChart() {
    return this.setChartType("COLUMN");
  }
  asBarChart() {
    return this.setChartType("BAR");
  }
  asPieChart() {
    return this.setChartType("PIE");
  }
  addRange(range: FakeRange) {
    this.ranges.push(`${range.sheet.name}!${range.getA1Notation()}`);
    return this;
  }
  clearRanges() {
    this.ranges = [];
    return this;
  }
  setPosition(row: number, col: number, offX: number, offY: number) {
    this.position = [row, col, offX, offY];
    return this;
  }
  setOption(key: string, value: unknown) {
    this.options[key] = value;
    return this;
  }
  setTitle(title: string) {
    return this.setOption("title", title);
  }
  build(): FakeChart {
    const env = this.env;
    const chart: FakeChart = {
      id: this.id ?? `chart-${nextChart++}`,
      type: this.type,
      ranges: [...this.ranges],
      position: [...this.position],
      options: { ...this.options },
      getChartId: () => chart.id,
      getRanges: () => chart.ranges,
      getOptions: () => ({ get: (k: string) => chart.options[k] }),
      modify: () => expose(env, new FakeChartBuilder(env, chart.id, chart), "EmbeddedChartBuilder"),
    };
    return expose(env, chart, "EmbeddedChart");
  }
}
