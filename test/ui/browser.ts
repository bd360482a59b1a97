/**
 * The sidebar in a real headless Chromium (Debian's, driven by playwright-core): the BUILT page
 * (scripts/build-sidebar.mjs, exactly what dist/sidebar.html holds) with google.script.run replaced by a stub
 * that records each call and answers with the REAL server functions running on a fake spreadsheet in Node.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { buildSidebar } from "../../scripts/build-sidebar.mjs";
import {
  applySuggestedThresholdsOf,
  previewSettingsOf,
  saveMappingOf,
  saveSettingsOf,
  sidebarStateOf,
} from "../../src/gas/sidebarServer";
import type { ServerName } from "../../src/ui/contract";
import type { ServerWorld } from "./serverWorld";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const URL = "http://sodatsu.test/sidebar.html";

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the sidebar tests need a real browser. Run \`node scripts/ensure-chromium.mjs\` (installs Debian's chromium) or set CHROMIUM_PATH.`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export interface RecordedCall {
  name: ServerName;
  args: unknown[];
}

let built: Promise<string> | undefined;
/** The page as scripts/build-sidebar.mjs builds it, once per test file. */
export function sidebarHtml(): Promise<string> {
  if (!built) built = buildSidebar();
  return built;
}

/**
 * google.script.run as the page sees it: withSuccessHandler / withFailureHandler chain, any other property is a
 * server function that hands its JSON-serialised arguments to Node. Plain JavaScript text (not a serialised
 * function) so that a transpiler's helpers (tsx's __name) never leak into the page.
 */
const STUB_SCRIPT = `(() => {
  const runner = (success, failure) => new Proxy({}, {
    get(_target, prop) {
      if (prop === "withSuccessHandler") return (fn) => runner(fn, failure);
      if (prop === "withFailureHandler") return (fn) => runner(success, fn);
      return (...args) => {
        window.__sodatsuServer(prop, JSON.stringify(args)).then((answer) => {
          const parsed = JSON.parse(answer);
          if (parsed.error !== undefined) failure && failure(new Error(parsed.error));
          else success && success(parsed.value);
        });
      };
    },
  });
  window.google = { script: { run: runner(null, null) } };
})();`;

export interface SidebarOptions {
  width?: number;
  height?: number;
  /** Server functions that throw, as Apps Script reports a server exception to the failure handler. */
  failing?: ServerName[];
  /** Pixels per CSS pixel (2 for a sharp screenshot). */
  scale?: number;
  /** What marks the page as ready (the settings form, unless a test expects something else). */
  ready?: string;
}

/**
 * Opens the sidebar at `width` × `height` (Sheets' sidebar is 300 px wide) against `server`. Arguments and results
 * cross a JSON boundary, as google.script.run's serialisation does (no Dates, no functions, no undefined).
 */
export async function openSidebar(
  browser: Browser,
  server: ServerWorld,
  options: SidebarOptions = {},
): Promise<{ page: Page; calls: RecordedCall[] }> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 300, height: options.height ?? 900 },
    locale: "ja-JP",
    deviceScaleFactor: options.scale ?? 1,
  });
  page.setDefaultTimeout(10_000);
  const calls: RecordedCall[] = [];
  const { ss } = server;
  const handlers: Record<ServerName, (...args: unknown[]) => unknown> = {
    getSidebarState: () => sidebarStateOf(ss),
    previewSettings: (s) => previewSettingsOf(ss, s),
    saveSettings: (s) => saveSettingsOf(ss, s),
    saveMapping: (m) => saveMappingOf(ss, m),
    applySuggestedThresholds: (s) => applySuggestedThresholdsOf(ss, s),
  };
  await page.exposeFunction("__sodatsuServer", (name: string, argsJson: string) => {
    const args = JSON.parse(argsJson) as unknown[];
    calls.push({ name: name as ServerName, args });
    if (options.failing?.includes(name as ServerName))
      return JSON.stringify({ error: `Exception: ${name} failed on the server` });
    const handler = handlers[name as ServerName];
    if (!handler) return JSON.stringify({ error: `Script function not found: ${name}` });
    try {
      return JSON.stringify({ value: handler(...args) });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  });
  await page.addInitScript({ content: STUB_SCRIPT });
  const html = await sidebarHtml();
  await page.route(URL, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(URL);
  await page.waitForSelector(options.ready ?? "#settings-form");
  if (errors.length > 0) throw new Error(`the sidebar threw: ${errors.join("; ")}`);
  return { page, calls };
}

/** The state counts the preview shows, by state code. */
export async function shownCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval("#state-counts [data-state]", (items) =>
    Object.fromEntries(
      items.map((el) => [
        el.getAttribute("data-state") ?? "",
        Number((el.querySelector("dd")?.textContent ?? "").replace(/[^\d]/g, "")),
      ]),
    ),
  );
}
