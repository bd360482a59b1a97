/**
 * The split of the built add-on (scripts/build-gas.mjs): dist/Code.js holds the custom functions, the triggers and
 * every entry point; the menu actions and the sidebar's server functions run code from dist/actions.html, which
 * src/gas/lazyActions.ts reads with HtmlService and evaluates on first use. Checked here through the BUILT files on
 * the fake services: who reads actions.html, how often, and that loading it touches nothing else.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CUSTOM_FUNCTIONS } from "../../src/gas/entrypoints";
import { newHarness, orderRows, setSetting, templateShop } from "./actionsHarness";
import type { GasWorld } from "./fakes/index";
import { actionsSource, ensureBundle, loadBundle } from "./loadBundle";

beforeAll(ensureBundle);

/** Times the script asked HtmlService for the project's file "actions", and read an HtmlOutput's content. */
function actionsReads(world: GasWorld): { opened: number; read: number } {
  return {
    opened: world.log.named("HtmlService.createHtmlOutputFromFile").filter((c) => c.args[0] === "actions")
      .length,
    read: world.log.named("HtmlOutput.getContent").length,
  };
}

const tokyo = (ymd: string) => new Date(`${ymd}T00:00:00+09:00`);
const AS_OF = tokyo("2026-10-31");

/** The BG/NBD functions fit on the range and want at least 50 customers: 60 of them, some repeat buyers. */
const MODEL_COLUMNS = [0, 1, 2].map((column) =>
  Array.from({ length: 60 }, (_, i) => {
    const first = new Date(tokyo("2026-01-01").getTime() + (i % 30) * 86_400_000);
    const last = new Date(first.getTime() + (i % 4) * 40 * 86_400_000);
    return [[1 + (i % 4), first, last][column]];
  }),
);

/** One plausible call of each custom function: single values and small columns. */
const CUSTOM_CALLS: Record<string, unknown[]> = {
  CRM_STATE: [tokyo("2026-10-20"), 2, tokyo("2026-09-01"), 5000, AS_OF],
  VIP_SCORE: [[[3], [1]], [[tokyo("2026-10-01")], [tokyo("2026-05-01")]], [[9000], [2000]], "", AS_OF],
  NEXT_ACTION: ["休眠", 3],
  FAN_RANK: [4],
  FAN_PROGRESS: [2, 5],
  NPS: [[[10], [9], [3], [""]]],
  CRM_CUSTOMERS: [
    [["a"], ["b"], ["a"]],
    [[tokyo("2026-01-05")], [tokyo("2026-03-01")], [tokyo("2026-06-01")]],
  ],
  P_ALIVE: [...MODEL_COLUMNS, AS_OF],
  EXPECTED_PURCHASES: [...MODEL_COLUMNS, 90, AS_OF],
};

describe("dist/actions.html, read on first use", () => {
  it("is never read by a custom function, by the menu's triggers or by opening the sidebar", () => {
    expect(Object.keys(CUSTOM_CALLS).sort()).toEqual(CUSTOM_FUNCTIONS.map((e) => e.name).sort());
    const { world, gas } = newHarness({ htmlFiles: { sidebar: "<!DOCTYPE html><p>sidebar</p>" } });
    for (const [name, args] of Object.entries(CUSTOM_CALLS)) {
      expect(() => gas.call(name, ...args), name).not.toThrow();
    }
    gas.call("onOpen", { authMode: "NONE" });
    gas.call("onInstall", { authMode: "FULL" });
    gas.call("menuOpenSettings");
    expect(actionsReads(world)).toEqual({ opened: 0, read: 0 });
    expect(world.log.named("HtmlService.createHtmlOutputFromFile").map((c) => c.args[0])).toEqual([
      "sidebar",
    ]);
  });

  it("is read and evaluated once per execution, however many actions and server functions that execution runs", () => {
    const { world, gas } = templateShop();
    expect(actionsReads(world)).toEqual({ opened: 1, read: 1 });
    world.ss.sheetNamed("注文")?.paste(orderRows(200));
    setSetting(world, "asOf", "2026-10-31");
    gas.call("menuRunAnalysis");
    const state = gas.call("getSidebarState") as { settings: Record<string, unknown> };
    gas.call("previewSettings", { ...state.settings, activeDays: 45 });
    gas.call("menuCreateDiagnosis");
    expect(actionsReads(world)).toEqual({ opened: 1, read: 1 });

    // The next execution (a fresh global scope on the same spreadsheet) reads it again, once.
    const next = loadBundle(world.globals, { record: false });
    next.call("getSidebarState");
    next.call("saveSettings", { ...state.settings, activeDays: 45 });
    expect(actionsReads(world)).toEqual({ opened: 2, read: 2 });
  });

  it("is evaluated before the action touches any other service, and its evaluation touches none", () => {
    const html = {
      createHtmlOutputFromFile: (name: string) => ({
        getContent: () => (name === "actions" ? actionsSource() : ""),
      }),
    };
    for (const entry of ["menuRunAnalysis", "getSidebarState"]) {
      // Only HtmlService exists: the action's first service call after loading fails, and nothing came before it.
      const gas = loadBundle({ HtmlService: html });
      expect(() => gas.call(entry), entry).toThrow(/is not defined/);
      expect(
        gas.calls.map((c) => c.path),
        entry,
      ).toEqual([
        "HtmlService.createHtmlOutputFromFile",
        "HtmlService.createHtmlOutputFromFile().getContent",
      ]);
    }
  });

  it("when it is missing or broken, a menu click or sidebar call says so in Japanese first, then English, and tries again next time", () => {
    const missing = {
      createHtmlOutputFromFile: (name: string) => {
        throw new Error(`No HTML file named ${name} was found.`);
      },
    };
    const broken = {
      createHtmlOutputFromFile: () => ({ getContent: () => `${actionsSource().slice(0, 500)}\n}}}` }),
    };
    for (const HtmlService of [missing, broken]) {
      for (const entry of ["menuRunAnalysis", "getSidebarState"]) {
        const gas = loadBundle({ HtmlService });
        let message = "";
        try {
          gas.call(entry);
        } catch (error) {
          message = String((error as Error).message);
        }
        expect(message, entry).toMatch(
          /^育つのメニューと設定画面のプログラム \(actions\.html\) を読み込めませんでした。/,
        );
        expect(message, entry).toContain("Sodatsu could not load the code of its menus and settings sidebar");
        expect(message, entry).toMatch(
          HtmlService === missing ? /No HTML file named actions/ : /SyntaxError/,
        );
        // Not remembered as loaded: the next call of the same execution reads the file again.
        expect(() => gas.call(entry)).toThrow(/読み込めませんでした/);
        expect(gas.calls.filter((c) => c.path === "HtmlService.createHtmlOutputFromFile")).toHaveLength(2);
      }
    }
  });

  it("is JavaScript for the server, not a page, and loads nothing from the network", () => {
    const source = actionsSource();
    expect(source).not.toMatch(/<(script|html|body)\b/i);
    expect(source).not.toMatch(/\bUrlFetchApp\b|\bfetch\(/);
    expect(source).toMatch(/^"use strict";$/m);
    // Readable like Code.js: names kept, short lines.
    const lines = source.split("\n");
    expect(source).toContain("function runAnalysis(");
    expect(source.length / lines.length).toBeLessThan(60);
  });
});
