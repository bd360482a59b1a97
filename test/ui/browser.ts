/**
 * The sidebar in a real headless Chromium (Debian's, driven by playwright-core): the BUILT page
 * (scripts/build-sidebar.mjs, exactly what dist/sidebar.html holds) with google.script.run replaced by a stub
 * that records each call and answers with the REAL server functions running on a fake spreadsheet in Node.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
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

/**
 * How long a test waits for something it expects the sidebar to do: playwright's actions and every expect.poll of
 * the sidebar tests (vitest's default poll gives up after 1 s, which a debounce plus a preview on a loaded 2-core
 * CI machine can exceed). A bound on waiting for a condition, never a sleep: a passing wait ends at once.
 */
export const WAIT_MS = 10_000;
/** expect.poll's options for the sidebar tests: `expect.poll(() => shownCounts(page), WAIT)`. */
export const WAIT = { timeout: WAIT_MS } as const;

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
 *
 * The page keeps its own record (window.__sodatsuRun): `sent` is written the moment the sidebar calls, so "the
 * sidebar asked nothing" can be read without waiting for the call to reach Node; `answered` counts answers whose
 * handler has run (the sidebar's reactions are microtasks of the same turn), so a test can wait for every answer to
 * have been taken in before checking what it left on screen.
 */
const STUB_SCRIPT = `(() => {
  const run = { sent: [], answered: 0 };
  window.__sodatsuRun = run;
  const runner = (success, failure) => new Proxy({}, {
    get(_target, prop) {
      if (prop === "withSuccessHandler") return (fn) => runner(fn, failure);
      if (prop === "withFailureHandler") return (fn) => runner(success, fn);
      return (...args) => {
        run.sent.push(prop);
        window.__sodatsuServer(prop, JSON.stringify(args)).then((answer) => {
          const parsed = JSON.parse(answer);
          try {
            if (parsed.error !== undefined) failure && failure(new Error(parsed.error));
            else success && success(parsed.value);
          } finally {
            run.answered++;
          }
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
  /**
   * Server functions whose answers wait until the test calls `release` (a slow connection, made deterministic: the
   * test decides what the user does while an answer is on its way).
   */
  held?: ServerName[];
  /**
   * "paused": the page's timers are fake and stand still once the sidebar is loaded; only page.clock.runFor moves
   * them. What the debounce does then depends on what the test types, not on how fast a loaded machine types it.
   */
  clock?: "paused";
  /** Pixels per CSS pixel (2 for a sharp screenshot). */
  scale?: number;
  /** What marks the page as ready (the settings form, unless a test expects something else). */
  ready?: string;
}

export interface OpenedSidebar {
  page: Page;
  /** Every server call, in the order Node received it. */
  calls: RecordedCall[];
  /** Lets the oldest held answer of `name` go and resolves once the sidebar has taken it in. */
  release(name: ServerName): Promise<void>;
  /** Resolves once the sidebar has taken in every answer Node has given so far. */
  settled(): Promise<void>;
}

/** The fake clock's start and the moment it stops (page load takes far less than the hour between them). */
const CLOCK_START = "2026-11-01T09:00:00+09:00";
const CLOCK_PAUSE = "2026-11-01T10:00:00+09:00";

interface PageRun {
  sent: ServerName[];
  answered: number;
}

/** The server functions the sidebar has called so far, read in the page: no call can still be on its way to it. */
export function sentFrom(page: Page): Promise<ServerName[]> {
  return page.evaluate(() => (window as unknown as { __sodatsuRun: PageRun }).__sodatsuRun.sent);
}

/**
 * Opens the sidebar at `width` × `height` (Sheets' sidebar is 300 px wide) against `server`. Arguments and results
 * cross a JSON boundary, as google.script.run's serialisation does (no Dates, no functions, no undefined).
 */
export async function openSidebar(
  browser: Browser,
  server: ServerWorld,
  options: SidebarOptions = {},
): Promise<OpenedSidebar> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 300, height: options.height ?? 900 },
    locale: "ja-JP",
    deviceScaleFactor: options.scale ?? 1,
  });
  page.setDefaultTimeout(WAIT_MS);
  const calls: RecordedCall[] = [];
  const { ss } = server;
  const handlers: Record<ServerName, (...args: unknown[]) => unknown> = {
    getSidebarState: () => sidebarStateOf(ss),
    previewSettings: (s) => previewSettingsOf(ss, s),
    saveSettings: (s) => saveSettingsOf(ss, s),
    saveMapping: (m) => saveMappingOf(ss, m),
    applySuggestedThresholds: (s) => applySuggestedThresholdsOf(ss, s),
  };
  const answer = (name: ServerName, args: unknown[]): string => {
    if (options.failing?.includes(name))
      return JSON.stringify({ error: `Exception: ${name} failed on the server` });
    const handler = handlers[name];
    if (!handler) return JSON.stringify({ error: `Script function not found: ${name}` });
    try {
      return JSON.stringify({ value: handler(...args) });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  const held: { name: ServerName; go: () => void; answered: Promise<void> }[] = [];
  let answeredInNode = 0;
  await page.exposeFunction("__sodatsuServer", async (nameText: string, argsJson: string) => {
    const name = nameText as ServerName;
    const args = JSON.parse(argsJson) as unknown[];
    calls.push({ name, args });
    let markAnswered = (): void => {};
    if (options.held?.includes(name)) {
      let go = (): void => {};
      const gate = new Promise<void>((resolve) => {
        go = resolve;
      });
      const answered = new Promise<void>((resolve) => {
        markAnswered = resolve;
      });
      held.push({ name, go, answered });
      await gate;
    }
    // Answered from the sheet as it is when the answer leaves, as the real server would read it then.
    const text = answer(name, args);
    answeredInNode++;
    markAnswered();
    return text;
  });
  await page.addInitScript({ content: STUB_SCRIPT });
  const html = await sidebarHtml();
  await page.route(URL, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (options.clock === "paused") await page.clock.install({ time: CLOCK_START });
  await page.goto(URL);
  await page.waitForSelector(options.ready ?? "#settings-form");
  if (options.clock === "paused") await page.clock.pauseAt(CLOCK_PAUSE);
  if (errors.length > 0) throw new Error(`the sidebar threw: ${errors.join("; ")}`);
  const settled = async (): Promise<void> => {
    const target = answeredInNode;
    await expect
      .poll(
        () => page.evaluate(() => (window as unknown as { __sodatsuRun: PageRun }).__sodatsuRun.answered),
        WAIT,
      )
      .toBeGreaterThanOrEqual(target);
  };
  const release = async (name: ServerName): Promise<void> => {
    // The page may have sent the call a moment before it reaches Node: wait for it rather than fail.
    await expect
      .poll(() => held.some((h) => h.name === name), { ...WAIT, message: `an answer of ${name} is held` })
      .toBe(true);
    const [waiting] = held.splice(
      held.findIndex((h) => h.name === name),
      1,
    );
    waiting.go();
    await waiting.answered;
    await settled();
  };
  return { page, calls, release, settled };
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
