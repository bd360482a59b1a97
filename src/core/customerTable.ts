/**
 * The customer rows of an analysis, kept in columns: analyzeCleaned writes each customer's figures, codes and
 * scores into typed arrays and plain arrays, and AnalysisResult.customers holds one small view per customer that
 * reads and writes them. A row built as an object literal was ~340 bytes in 10–15 heap objects (the row, and a
 * number box for every field that ever held a fraction); at 177k customers that was 60 MB that every scavenge
 * copied and every mark-compact traced (1M-row bench: most of analyzeCleaned's ~150–230 ms of GC). A view is
 * one 20-byte object; the numbers live outside the heap.
 *
 * A view behaves as the CustomerRow it stands for when its fields are read or assigned, which is all the
 * adapters, the report columns and the rules do. It is not a plain object: `{ ...row }` and Object.keys see only
 * its place in the table. JSON.stringify gives the plain row (toJSON, same keys in the same order as the literal
 * rows had); plainRow(row) gives it as an object.
 */
import type { CustomerRow } from "./types";

/** Whole-number fields (counts, days) that are never null: one Int32Array each. */
const WHOLES = ["purchases", "orders", "firstPurchase", "lastPurchase", "recencyDays", "tenureDays"] as const;

/**
 * Whole-number fields that may be null: an Int32Array each, NO_WHOLE standing for null. Read from an Int32Array a
 * day is a small integer, which a caller can keep in an object as is; from a Float64Array it would be a double,
 * which V8 keeps in a number box of its own (the follow-up list measured 16 bytes more per entry).
 */
const NULLABLE_WHOLES = ["previousPurchase", "visits30d", "lastVisit", "secondPurchase"] as const;

/** A null in a whole-number column: no count or day is this small. */
export const NO_WHOLE = -0x80000000;

/** Fractional fields that are never null: one Float64Array each. */
const NUMBERS = [
  "monetary",
  "vipScore",
  "continuationScore",
  "relationshipScore",
  "relationshipPoints",
] as const;

/** Fractional fields that may be null: a Float64Array each, NaN standing for null (no figure is ever NaN). */
const NULLABLE_NUMBERS = [
  "avgIntervalDays",
  "pAlive",
  "expectedPurchases90d",
  "expectedNextPurchase",
] as const;

const FLAGS = ["vip", "engaged"] as const;

/**
 * Codes (the rules' constant strings, a handful per field): a byte per row and the field's own list of the
 * codes met so far. Kept out of the heap like the numbers: a pointer array per field was 1.4 MB more for every
 * collection to trace, and each write into it, made while the collector marks, went through its write barrier.
 */
const CODES = [
  "state",
  "previousState",
  "stage",
  "segment",
  "nextAction",
  "membership",
  "fanRank",
  "previousFanRank",
] as const;

/** Texts and small objects, one array each: the keys and names are the cleaner's strings, the rest mostly null. */
const VALUES = ["customerKey", "riskNote", "rfm", "fanMessage", "name"] as const;

type WholeField = (typeof WHOLES)[number] | (typeof NULLABLE_WHOLES)[number];
type NumberField = (typeof NUMBERS)[number] | (typeof NULLABLE_NUMBERS)[number];
type FlagField = (typeof FLAGS)[number];
type CodeField = (typeof CODES)[number];
type ValueField = (typeof VALUES)[number];

/**
 * The keys of a row in the order the literal rows had them (JSON output and every hash of it depend on it);
 * `name` last, and left out when undefined, as before.
 */
const ROW_KEYS: readonly (keyof CustomerRow)[] = [
  "customerKey",
  "purchases",
  "orders",
  "monetary",
  "firstPurchase",
  "lastPurchase",
  "previousPurchase",
  "recencyDays",
  "tenureDays",
  "avgIntervalDays",
  "state",
  "previousState",
  "stage",
  "segment",
  "vip",
  "vipScore",
  "continuationScore",
  "relationshipScore",
  "relationshipPoints",
  "nextAction",
  "engaged",
  "membership",
  "fanRank",
  "previousFanRank",
  "visits30d",
  "lastVisit",
  "pAlive",
  "expectedPurchases90d",
  "expectedNextPurchase",
  "riskNote",
  "rfm",
  "secondPurchase",
  "fanMessage",
  "name",
];

/** The columns of `size` customer rows. Filled by analyzeCleaned, read through the views. */
export class CustomerTable {
  readonly wholes: Record<WholeField, Int32Array>;
  readonly numbers: Record<NumberField, Float64Array>;
  readonly flags: Record<FlagField, Uint8Array>;
  readonly codes: Record<CodeField, CodeColumn>;
  readonly values: Record<ValueField, unknown[]>;
  /** The views, one per row, made once (see rows). */
  private views: CustomerRow[] | null = null;

  constructor(readonly size: number) {
    const wholes = {} as Record<WholeField, Int32Array>;
    for (const f of WHOLES) wholes[f] = new Int32Array(size);
    for (const f of NULLABLE_WHOLES) wholes[f] = new Int32Array(size).fill(NO_WHOLE);
    const numbers = {} as Record<NumberField, Float64Array>;
    for (const f of NUMBERS) numbers[f] = new Float64Array(size);
    for (const f of NULLABLE_NUMBERS) numbers[f] = new Float64Array(size).fill(Number.NaN);
    const flags = {} as Record<FlagField, Uint8Array>;
    for (const f of FLAGS) flags[f] = new Uint8Array(size);
    const codes = {} as Record<CodeField, CodeColumn>;
    for (const f of CODES) codes[f] = new CodeColumn(size);
    const values = {} as Record<ValueField, unknown[]>;
    for (const f of VALUES) values[f] = new Array(size).fill(f === "name" ? undefined : null);
    this.wholes = wholes;
    this.numbers = numbers;
    this.flags = flags;
    this.codes = codes;
    this.values = values;
  }

  /** Every row as a view, in table order (the same array on every call). */
  rows(): CustomerRow[] {
    if (this.views !== null) return this.views;
    const View = viewClassOf(this);
    const views: CustomerRow[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) views[i] = new View(i);
    this.views = views;
    return views;
  }
}

/** A column of codes: a byte per row, indexing the codes met so far (0 is null). */
export class CodeColumn {
  private readonly at: Uint8Array;
  private readonly codes: unknown[] = [null];

  constructor(size: number) {
    this.at = new Uint8Array(size);
  }

  get(i: number): unknown {
    return this.codes[this.at[i]];
  }

  set(i: number, v: unknown): void {
    const codes = this.codes;
    // A field has a handful of codes (the rules' constant strings, so === is a pointer compare): a short scan.
    let k = 0;
    while (k < codes.length && codes[k] !== v) k++;
    if (k === codes.length) {
      if (k === 256) throw new Error("CodeColumn: more than 255 distinct codes");
      codes.push(v);
    }
    this.at[i] = k;
  }
}

/** A copy of a row as a plain object (a view's fields, or a plain row's own). */
export function plainRow(row: CustomerRow): CustomerRow {
  const out: Record<string, unknown> = {};
  for (const k of ROW_KEYS) {
    const v = row[k];
    if (v !== undefined) out[k] = v;
  }
  return out as unknown as CustomerRow;
}

/** Whether a value is a view of a CustomerTable row (tests compare views by their fields through plainRow). */
export function isRowView(x: unknown): x is CustomerRow {
  return typeof x === "object" && x !== null && (x as { toJSON?: unknown }).toJSON === viewToJSON;
}

/** A view's toJSON: the plain row, so JSON.stringify gives what it gave for the literal rows. */
function viewToJSON(this: CustomerRow): CustomerRow {
  return plainRow(this);
}

/**
 * The class of a table's views: an object holding its row index, whose prototype has a getter and a setter per
 * field, each closing over its column (so a read is one typed-array load, and the view needs no table field).
 * Made per table, from the field lists above, rather than 68 accessors written out by hand.
 */
function viewClassOf(table: CustomerTable): new (index: number) => CustomerRow {
  class CustomerRowView {
    constructor(readonly index: number) {}
  }
  const proto = CustomerRowView.prototype;
  Object.defineProperty(proto, "toJSON", { value: viewToJSON });
  for (const f of WHOLES) Object.defineProperty(proto, f, wholeAccessor(f, table.wholes[f], false));
  for (const f of NULLABLE_WHOLES) Object.defineProperty(proto, f, wholeAccessor(f, table.wholes[f], true));
  for (const f of NUMBERS) Object.defineProperty(proto, f, numberAccessor(table.numbers[f]));
  for (const f of NULLABLE_NUMBERS) Object.defineProperty(proto, f, nullableNumberAccessor(table.numbers[f]));
  for (const f of FLAGS) Object.defineProperty(proto, f, flagAccessor(table.flags[f]));
  for (const f of CODES) Object.defineProperty(proto, f, codeAccessor(table.codes[f]));
  for (const f of VALUES) Object.defineProperty(proto, f, valueAccessor(table.values[f]));
  // Every field of CustomerRow has an accessor (test/core/customerTable.test.ts checks the lists against a row).
  return CustomerRowView as unknown as new (
    index: number,
  ) => CustomerRow;
}

/** What a view is to its accessors: its row. */
interface View {
  readonly index: number;
}

/** A getter and setter pair for one field (not enumerable: a view's own keys stay its index). */
interface Accessor<T> {
  get(this: View): T;
  set(this: View, v: T): void;
}

function wholeAccessor(field: string, column: Int32Array, nullable: boolean): Accessor<number | null> {
  return {
    get() {
      const v = column[this.index];
      return v === NO_WHOLE ? null : v;
    },
    set(v) {
      if (v == null && nullable) column[this.index] = NO_WHOLE;
      else if (typeof v === "number" && Number.isInteger(v) && v > NO_WHOLE && v <= 0x7fffffff)
        column[this.index] = v;
      // An Int32Array would store 1.5 as 1 and null as 0 without a word: refuse instead.
      else
        throw new RangeError(
          `CustomerRow.${field} takes a whole number${nullable ? " or null" : ""}, not ${v}`,
        );
    },
  };
}

function numberAccessor(column: Float64Array): Accessor<number> {
  return {
    get() {
      return column[this.index];
    },
    set(v) {
      column[this.index] = v;
    },
  };
}

function nullableNumberAccessor(column: Float64Array): Accessor<number | null> {
  return {
    get() {
      const v = column[this.index];
      return Number.isNaN(v) ? null : v;
    },
    set(v) {
      column[this.index] = v ?? Number.NaN;
    },
  };
}

function flagAccessor(column: Uint8Array): Accessor<boolean> {
  return {
    get() {
      return column[this.index] === 1;
    },
    set(v) {
      column[this.index] = v ? 1 : 0;
    },
  };
}

function codeAccessor(column: CodeColumn): Accessor<unknown> {
  return {
    get() {
      return column.get(this.index);
    },
    set(v) {
      column.set(this.index, v);
    },
  };
}

function valueAccessor(column: unknown[]): Accessor<unknown> {
  return {
    get() {
      return column[this.index];
    },
    set(v) {
      column[this.index] = v;
    },
  };
}
