import { type Env, expose } from "./env";
import type { FakeSheet } from "./sheet";
import type { FakeSpreadsheet } from "./spreadsheet";

/** SpreadsheetApp.DeveloperMetadataLocationType: where a piece of metadata is attached. */
export const LOCATION_TYPES = { SPREADSHEET: "SPREADSHEET", SHEET: "SHEET", ROW: "ROW", COLUMN: "COLUMN" };
export type LocationType = keyof typeof LOCATION_TYPES;

let nextMetadataId = 1;

/**
 * DeveloperMetadata: a key/value pair attached to the spreadsheet or to one sheet (rows and columns are not
 * faked). As in Sheets, it travels with a copy of the file and is found again by key, wherever it is attached.
 */
export class FakeMetadata {
  readonly id = nextMetadataId++;
  constructor(
    private readonly env: Env,
    private readonly owner: FakeMetadata[],
    readonly location: { spreadsheet: FakeSpreadsheet; sheet: FakeSheet | null },
    public key: string,
    public value: string | null,
  ) {}

  getId() {
    return this.id;
  }
  getKey() {
    return this.key;
  }
  getValue() {
    return this.value;
  }
  getVisibility() {
    return "DOCUMENT";
  }
  setKey(key: string) {
    this.key = String(key);
    return this;
  }
  setValue(value: string) {
    this.value = String(value);
    return this;
  }
  getLocation() {
    const { spreadsheet, sheet } = this.location;
    return expose(
      this.env,
      {
        getLocationType: () => (sheet ? LOCATION_TYPES.SHEET : LOCATION_TYPES.SPREADSHEET),
        getSheet: () => (sheet ? expose(this.env, sheet, "Sheet", () => sheet.name) : null),
        getSpreadsheet: () => (sheet ? null : spreadsheet.exposed()),
        getRow: () => null,
        getColumn: () => null,
      },
      "DeveloperMetadataLocation",
    );
  }
  remove() {
    const i = this.owner.indexOf(this);
    if (i >= 0) this.owner.splice(i, 1);
  }
}

/** Adds metadata to `owner` (the spreadsheet's or a sheet's list), as addDeveloperMetadata(key, value?) does. */
export function addMetadata(
  env: Env,
  owner: FakeMetadata[],
  location: FakeMetadata["location"],
  key: string,
  value?: string,
): FakeMetadata {
  const meta = new FakeMetadata(
    env,
    owner,
    location,
    String(key),
    value === undefined ? null : String(value),
  );
  owner.push(meta);
  return meta;
}

/**
 * DeveloperMetadataFinder: narrows by key, value, id and location type, then find() returns the matches of
 * every location in its scope (for a spreadsheet's finder: the spreadsheet and all its sheets).
 */
export class FakeMetadataFinder {
  private readonly tests: ((m: FakeMetadata) => boolean)[] = [];
  constructor(
    private readonly env: Env,
    private readonly scope: () => FakeMetadata[],
  ) {}

  withKey(key: string) {
    this.tests.push((m) => m.key === key);
    return this;
  }
  withValue(value: string) {
    this.tests.push((m) => m.value === value);
    return this;
  }
  withId(id: number) {
    this.tests.push((m) => m.id === id);
    return this;
  }
  withLocationType(type: string) {
    this.tests.push((m) => (m.location.sheet ? LOCATION_TYPES.SHEET : LOCATION_TYPES.SPREADSHEET) === type);
    return this;
  }
  find() {
    return this.scope()
      .filter((m) => this.tests.every((t) => t(m)))
      .map((m) => expose(this.env, m, "DeveloperMetadata"));
  }
}
