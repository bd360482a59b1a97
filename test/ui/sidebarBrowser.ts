/**
 * What every browser test file of the sidebar sets up: one headless Chromium for the whole file (launching is the
 * slow part), closed after it, and the Apps Script globals serverWorld stubs removed after each test so that no
 * test answers from another's spreadsheet.
 */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { launch, openSidebar, type SidebarOptions } from "./browser";
import type { ServerWorld } from "./serverWorld";

export type OpenSidebar = (server: ServerWorld, options?: SidebarOptions) => ReturnType<typeof openSidebar>;

/** Registers the file's hooks (call at the top level) and returns openSidebar on the file's browser. */
export function sidebarBrowser(): OpenSidebar {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return (server, options) => {
    if (!browser) throw new Error("the browser is launched in beforeAll: open the sidebar inside a test");
    return openSidebar(browser, server, options);
  };
}
