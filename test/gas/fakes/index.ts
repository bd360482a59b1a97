import { CallLog } from "./callLog";
import { CHART_TYPES } from "./chart";
import { type Env, expose } from "./env";
import { LOCATION_TYPES } from "./metadata";
import {
  FakeCache,
  FakeLock,
  FakeLockState,
  FakeProperties,
  fakeHtmlService,
  fakeUtilities,
} from "./services";
import { FakeSpreadsheet } from "./spreadsheet";
import { FakeUi } from "./ui";
import { FakeDataValidationBuilder } from "./validation";

export type { Call } from "./callLog";
export { CallLog } from "./callLog";
export type { FakeRange } from "./range";
export { FakeLockState } from "./services";
export type { FakeSheet } from "./sheet";
export { CELL_LIMIT, FakeSpreadsheet } from "./spreadsheet";
export { FakeUi } from "./ui";

export interface GasOptions {
  timeZone?: string;
  locale?: string;
  /** Files HtmlService.createHtmlOutputFromFile can open (e.g. { sidebar: "<html>…" }). */
  htmlFiles?: Record<string, string>;
  /** The user's locale (Session.getActiveUserLocale), default "ja". */
  userLocale?: string;
}

export interface GasWorld {
  /** The globals to hand to the script (loadBundle(world.globals, { record: false })): they record themselves. */
  globals: Record<string, unknown>;
  log: CallLog;
  /** The active spreadsheet (raw: test-side reads are not recorded). */
  ss: FakeSpreadsheet;
  ui: FakeUi;
  lock: FakeLockState;
  documentProperties: FakeProperties;
  userProperties: FakeProperties;
  scriptProperties: FakeProperties;
}

/**
 * The Apps Script services as fakes: SpreadsheetApp (one active spreadsheet), HtmlService, PropertiesService,
 * LockService, CacheService, Utilities, Session, ScriptApp, Charts, Logger. Every call the script makes on them,
 * and on what they return, is recorded in `log` as "Type.method". `RealmDate` is the Date of the script's realm
 * (test/gas/loadBundle.ts shares the host's Date with the script, the default here).
 */
export function createGasWorld(options: GasOptions = {}, RealmDate: DateConstructor = Date): GasWorld {
  const log = new CallLog();
  let ssRef: FakeSpreadsheet | null = null;
  const env: Env = { log, RealmDate, timeZone: () => ssRef?.timeZone ?? "Asia/Tokyo" };
  const ss = new FakeSpreadsheet(env, options.timeZone ?? "Asia/Tokyo", options.locale ?? "ja_JP");
  ssRef = ss;
  const ui = new FakeUi(env);
  const lock = new FakeLockState();
  const documentProperties = new FakeProperties();
  const userProperties = new FakeProperties();
  const scriptProperties = new FakeProperties();
  const caches = { document: new FakeCache(), user: new FakeCache(), script: new FakeCache() };

  const services: Record<string, object> = {
    SpreadsheetApp: {
      getActive: () => ss.exposed(),
      getActiveSpreadsheet: () => ss.exposed(),
      getActiveSheet: () => ss.exposed().getActiveSheet(),
      getUi: () => expose(env, ui, "Ui"),
      newDataValidation: () => expose(env, new FakeDataValidationBuilder(env), "DataValidationBuilder"),
      flush: () => undefined,
      DataValidationCriteria: { VALUE_IN_LIST: "VALUE_IN_LIST", CHECKBOX: "CHECKBOX" },
      DeveloperMetadataLocationType: LOCATION_TYPES,
      WrapStrategy: { WRAP: "WRAP", CLIP: "CLIP", OVERFLOW: "OVERFLOW" },
    },
    HtmlService: fakeHtmlService(env, options.htmlFiles ?? {}),
    PropertiesService: {
      getDocumentProperties: () => expose(env, documentProperties, "Properties"),
      getUserProperties: () => expose(env, userProperties, "Properties"),
      getScriptProperties: () => expose(env, scriptProperties, "Properties"),
    },
    LockService: {
      getDocumentLock: () => expose(env, new FakeLock(lock), "Lock"),
      getScriptLock: () => expose(env, new FakeLock(lock), "Lock"),
      getUserLock: () => expose(env, new FakeLock(new FakeLockState()), "Lock"),
    },
    CacheService: {
      getDocumentCache: () => expose(env, caches.document, "Cache"),
      getUserCache: () => expose(env, caches.user, "Cache"),
      getScriptCache: () => expose(env, caches.script, "Cache"),
    },
    Utilities: fakeUtilities(),
    Session: {
      getScriptTimeZone: () => "Asia/Tokyo",
      getActiveUserLocale: () => options.userLocale ?? "ja",
      getActiveUser: () => ({ getEmail: () => "" }),
      getEffectiveUser: () => ({ getEmail: () => "" }),
      getTemporaryActiveUserKey: () => "fake-user-key",
    },
    ScriptApp: {
      AuthMode: { NONE: "NONE", LIMITED: "LIMITED", FULL: "FULL", CUSTOM_FUNCTION: "CUSTOM_FUNCTION" },
      getScriptId: () => "fake-script-id",
    },
    Charts: { ChartType: CHART_TYPES },
    Logger: { log: (..._args: unknown[]) => undefined },
  };
  const globals: Record<string, unknown> = {};
  for (const [name, service] of Object.entries(services)) globals[name] = expose(env, service, name);
  return { globals, log, ss, ui, lock, documentProperties, userProperties, scriptProperties };
}
