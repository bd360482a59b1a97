/**
 * The one contract between the sidebar (browser) and the server (Apps Script): every function the sidebar may
 * call through google.script.run, with its argument and result types. Both sides code against it, so a renamed
 * field or a changed result is a type error on both sides rather than an `undefined` at run time.
 *
 * Types only from the core (erased at build time): the sidebar bundle must not pull Apps Script globals in.
 */
import type { Settings, SettingsError, StateCounts } from "../core/index";

export type Text = { ja: string; en: string };

/** The order-sheet columns the user may correct in the sidebar (a subset of settingsSheet's MAPPING_FIELDS). */
export const SIDEBAR_MAPPING_KEYS = [
  "orders.customer",
  "orders.date",
  "orders.orderId",
  "orders.amount",
  "orders.amountKind",
  "orders.status",
  "orders.name",
] as const;
export type SidebarMappingKey = (typeof SIDEBAR_MAPPING_KEYS)[number];

/** "orders.customer" → header text of the orders sheet; a missing key means "detect automatically". */
export type ColumnMapping = Record<string, string>;

/** What the orders sheet looks like now, for the mapping dropdowns. */
export interface OrdersSheetInfo {
  /** Name of the sheet read (注文 or Orders); null when there is none yet. */
  sheetName: string | null;
  /** Header texts of row 1, in sheet order (blank headers left out). */
  headers: string[];
  /** Columns found automatically, by mapping key ("orders.date" → "注文日時"); shown as the "自動" choice. */
  detected: Partial<Record<SidebarMappingKey, string>>;
  /** Data rows below the header. */
  rows: number;
}

/** The shop's repurchase cycle and the thresholds derived from it (core suggestThresholds). */
export interface RepurchaseCycle {
  /** Median days between consecutive purchases; null without repeat buyers. */
  medianDays: number | null;
  suggested: Partial<Settings> | null;
}

/** How many customers fall in each state under some settings, before they are saved. */
export interface StatePreview {
  counts: StateCounts;
  customers: number;
  /** The as-of date the preview used (YYYY-MM-DD). */
  asOf: string;
  cycle: RepurchaseCycle;
}

export interface SidebarState {
  /** The settings in force (the defaults when the 設定 sheet holds invalid values: see settingsErrors). */
  settings: Settings;
  /** Values on the 設定 sheet that were refused, one per field. */
  settingsErrors: SettingsError[];
  /** The user's column corrections (SODATSU_MAPPING). */
  mapping: ColumnMapping;
  orders: OrdersSheetInfo;
  /** Preview under the settings in force; null when there are no orders yet or they cannot be read. */
  preview: StatePreview | null;
  /** Why there is no preview (no orders sheet, a column not found, ...). */
  previewNote: Text | null;
}

export type PreviewResult =
  | { ok: true; preview: StatePreview | null; note: Text | null }
  | { ok: false; errors: SettingsError[] };

export type SaveSettingsResult = { ok: true; settings: Settings } | { ok: false; errors: SettingsError[] };

export type SaveMappingResult =
  | { ok: true; mapping: ColumnMapping }
  | { ok: false; errors: { field: string; message: Text }[] };

export type SuggestionResult =
  | { ok: true; settings: Settings; cycle: RepurchaseCycle }
  | { ok: false; errors: SettingsError[] };

/** The server functions, exposed as top-level functions by src/gas/main.ts (names fixed). */
export interface SidebarServer {
  getSidebarState(): SidebarState;
  /** State counts under edited settings (validated again on the server); nothing is written. */
  previewSettings(settings: Settings): PreviewResult;
  /** Validates and writes the settings to the 設定 sheet; refused settings leave the sheet untouched. */
  saveSettings(settings: Settings): SaveSettingsResult;
  /** Checks the headers exist in the orders sheet and writes SODATSU_MAPPING. */
  saveMapping(mapping: ColumnMapping): SaveMappingResult;
  /** The edited settings with the thresholds from the shop's own cycle applied (not saved). */
  applySuggestedThresholds(settings: Settings): SuggestionResult;
}

export type ServerName = keyof SidebarServer;

/** The part of google.script.run the wrapper uses (the real one has a method per server function). */
interface ScriptRunner {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } } | undefined;

/** A server error as google.script.run reports it (an Error whose message is the server's). */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === "object" && error !== null && "message" in error)
    return new Error(String((error as { message: unknown }).message));
  return new Error(String(error));
}

/**
 * Calls a server function and resolves with its typed result (as enuchi/React-Google-Apps-Script's serverFunctions
 * do): google.script.run is callback-based and untyped; this is the only place that touches it.
 */
export function callServer<K extends ServerName>(
  name: K,
  ...args: Parameters<SidebarServer[K]>
): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === "undefined" || !google?.script?.run) {
      reject(new Error("google.script.run がありません(スプレッドシートの中で開いてください)。"));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarServer[K]>))
      .withFailureHandler((error) => reject(asError(error)));
    const fn = runner[name];
    if (typeof fn !== "function") {
      reject(new Error(`サーバー関数 ${name} がありません / no server function ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}
