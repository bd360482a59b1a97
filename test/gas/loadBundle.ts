/**
 * The harness for every add-on test: loads the BUILT dist/Code.js into a node:vm context with the fake Apps Script
 * services a test gives, records every call made on them, and calls entry points by their global name, exactly as
 * Apps Script does. Testing the built file (not the TypeScript) is the point: that is where bundles break.
 * Menu actions and sidebar server functions read dist/actions.html through the HtmlService fake (test/gas/fakes
 * serves it as the project's file "actions"), so they run through the same lazy path as in Apps Script.
 *
 *   beforeAll(ensureBundle);
 *   const gas = loadBundle({ SpreadsheetApp: fakeApp, Session: fakeSession });
 *   gas.call("onOpen", { authMode: "NONE" });
 *   gas.calls  // [{ path: "SpreadsheetApp.getUi().createAddonMenu", args: [] }, ...]
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Context, createContext, Script } from "node:vm";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BUNDLE_PATH = `${ROOT}dist/Code.js`;
export const MANIFEST_PATH = `${ROOT}dist/appsscript.json`;
export const SIDEBAR_PATH = `${ROOT}dist/sidebar.html`;
/** The menu actions' and sidebar server's code, read by Code.js as the HTML file "actions" (src/gas/lazyActions.ts). */
export const ACTIONS_PATH = `${ROOT}dist/actions.html`;

let built = false;

/**
 * Builds dist/ once per test process (`node scripts/build-gas.mjs`, which writes atomically, so parallel test
 * files never read half a bundle). Use as `beforeAll(ensureBundle)`.
 */
export function ensureBundle(): void {
  if (built) return;
  execFileSync(process.execPath, ["scripts/build-gas.mjs"], { cwd: ROOT, stdio: "pipe" });
  built = true;
}

/**
 * A built file's content and what is made from it, read again only after a rebuild (its mtime changed). Missing,
 * it says how to build it.
 */
function builtFile<T>(path: string, name: string, make: (source: string) => T): () => T {
  let cached: { mtimeMs: number; value: T } | null = null;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      throw new Error(`${name} is missing: call ensureBundle() in beforeAll, or run \`npm run build\``);
    }
    if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, value: make(readFileSync(path, "utf8")) };
    return cached.value;
  };
}

/** The built source and its compiled script (compiled once per build; each load runs it in a fresh context). */
export const bundleSource: () => { source: string; script: Script } = builtFile(
  BUNDLE_PATH,
  "dist/Code.js",
  (source) => ({ source, script: new Script(source, { filename: "Code.js" }) }),
);

/** The built dist/actions.html, as HtmlService's getContent returns it (read again only after a rebuild). */
export const actionsSource: () => string = builtFile(ACTIONS_PATH, "dist/actions.html", (source) => source);

export interface RecordedCall {
  /** Where the call went, as a chain from the service: "SpreadsheetApp.getUi().createAddonMenu". */
  path: string;
  /** The last segment: "createAddonMenu". */
  method: string;
  args: unknown[];
}

export interface Bundle {
  context: Context;
  /** Every call the bundle made on the fakes, in order. */
  calls: RecordedCall[];
  /** Calls one entry point as Apps Script would: a global function of the script. */
  call(name: string, ...args: unknown[]): unknown;
  /** Whether `name` is a function of the script's global scope. */
  hasGlobalFunction(name: string): boolean;
}

/** Values handed through as they are: recording them would change what the bundle sees (arrays, dates). */
function passesThrough(value: unknown): boolean {
  return (
    value === null ||
    (typeof value !== "object" && typeof value !== "function") ||
    Array.isArray(value) ||
    value instanceof Date ||
    ArrayBuffer.isView(value)
  );
}

/**
 * Wraps a fake so that every method call is recorded with its path, and what it returns is wrapped too (so
 * `getUi().createAddonMenu().addItem` is recorded). Methods run with the fake itself as `this`, so fakes written
 * as classes with private fields keep working.
 */
function recording(target: object, path: string, calls: RecordedCall[]): object {
  return new Proxy(target, {
    get(obj, key) {
      const value: unknown = Reflect.get(obj, key);
      if (typeof key === "symbol" || passesThrough(value)) return value;
      const here = `${path}.${key}`;
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          calls.push({ path: here, method: key, args });
          const result: unknown = Reflect.apply(value, obj, args);
          return passesThrough(result) ? result : recording(result as object, `${here}()`, calls);
        };
      }
      return recording(value as object, here, calls);
    },
  });
}

/** What a fake factory gets: the context the script runs in and its Date (the host's, shared: see loadBundle). */
export interface Realm {
  context: Context;
  Date: DateConstructor;
}

export type Fakes = Record<string, unknown>;

export interface LoadOptions {
  /** Record calls on the fakes in `Bundle.calls` (default true). Fakes that keep their own log may turn it off. */
  record?: boolean;
}

/**
 * A fresh script context with the given fakes as globals (each recorded under its global name), the host's Date
 * (so `instanceof Date` holds for dates a test passes in and for dates fakes hand out, as in Apps Script's single
 * realm) and console. `fakes` may be a factory, for fakes that want the realm before the script runs.
 */
export function loadBundle(fakes: Fakes | ((realm: Realm) => Fakes) = {}, options: LoadOptions = {}): Bundle {
  const calls: RecordedCall[] = [];
  const context = createContext({ Date, console });
  const given = typeof fakes === "function" ? fakes({ context, Date }) : fakes;
  const globals = context as Record<string, unknown>;
  for (const [name, fake] of Object.entries(given)) {
    globals[name] =
      options.record === false || passesThrough(fake) ? fake : recording(fake as object, name, calls);
  }
  bundleSource().script.runInContext(context);
  // Top-level function declarations of a script become properties of the context's global object.
  const globalFunction = (name: string): unknown => globals[name];
  return {
    context,
    calls,
    call(name, ...args) {
      const fn = globalFunction(name);
      if (typeof fn !== "function") throw new Error(`dist/Code.js has no global function ${name}`);
      return Reflect.apply(fn, undefined, args);
    },
    hasGlobalFunction: (name) => typeof globalFunction(name) === "function",
  };
}
