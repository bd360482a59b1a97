/**
 * Tests on the BUILT dist/Code.js: what Apps Script needs from the file (top-level functions, custom-function
 * JSDoc, no module syntax, readable code), the manifest, and the menu in every authorization mode.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { CUSTOM_FUNCTIONS, ENTRY_POINTS } from "../../src/gas/entrypoints";
import { createGasWorld } from "./fakes/index";
import {
  actionsSource,
  bundleSource,
  ensureBundle,
  loadBundle,
  MANIFEST_PATH,
  ROOT,
  SIDEBAR_PATH,
} from "./loadBundle";

beforeAll(ensureBundle);

const source = () => bundleSource().source;
/**
 * The generated part at the end of the file. The bundle's module scope is not indented, so its own (inner)
 * `function CRM_STATE(` also starts a line: checks on the top-level declarations look only here.
 */
const entrySection = () => source().slice(source().lastIndexOf("\n// ---- Entry points"));

/** The minimal Ui/menu/Session/HtmlService fake this file needs; every call is recorded by loadBundle. */
function menuFakes(opts: { userLocale?: string; spreadsheetLocale?: string } = {}) {
  const menus: { items: [string, string][]; separators: number }[] = [];
  const sidebars: { file: string; title: string }[] = [];
  const ui = {
    createAddonMenu() {
      const menu = {
        items: [] as [string, string][],
        separators: 0,
        addItem(label: string, fn: string) {
          menu.items.push([label, fn]);
          return menu;
        },
        addSeparator() {
          menu.separators++;
          return menu;
        },
        addToUi() {
          menus.push(menu);
        },
      };
      return menu;
    },
    showSidebar(html: { file: string; title: string }) {
      sidebars.push(html);
    },
  };
  const fakes = {
    SpreadsheetApp: {
      getUi: () => ui,
      getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => opts.spreadsheetLocale ?? "ja_JP" }),
    },
    Session: { getActiveUserLocale: () => opts.userLocale ?? "ja" },
    PropertiesService: { getDocumentProperties: () => ({ getProperty: () => null }) },
    HtmlService: {
      createHtmlOutputFromFile: (file: string) => {
        const out = { file, title: "", setTitle: (t: string) => Object.assign(out, { title: t }) };
        return out;
      },
    },
  };
  return { fakes, menus, sidebars };
}

describe("dist/Code.js as Apps Script sees it", () => {
  it("declares every entry point as a global function of the script", () => {
    const gas = loadBundle();
    const missing = ENTRY_POINTS.map((e) => e.name).filter((name) => !gas.hasGlobalFunction(name));
    expect(missing).toEqual([]);
    for (const e of ENTRY_POINTS) expect(entrySection()).toMatch(new RegExp(`^function ${e.name}\\(`, "m"));
  });

  it("forwards every argument of each entry point to the bundle, and its result back", () => {
    const gas = loadBundle();
    const received: Record<string, unknown[]> = {};
    const spy: Record<string, (...args: unknown[]) => unknown> = {};
    for (const e of ENTRY_POINTS) {
      spy[e.name] = (...args: unknown[]) => {
        received[e.name] = args;
        return `result of ${e.name}`;
      };
    }
    (gas.context as Record<string, unknown>).Sodatsu = spy;
    for (const e of ENTRY_POINTS) {
      // Custom functions and triggers pass their declared parameters; menu and server entries pass all they get.
      const args =
        e.kind === "menu" || e.kind === "server" ? [{ k: 1 }, "two", 3] : e.params.map((_, i) => i * 10);
      expect(gas.call(e.name, ...args), e.name).toBe(`result of ${e.name}`);
      expect(received[e.name], e.name).toEqual(args);
    }
  });

  it("adds nothing to the global scope but the bundle and the entry points", () => {
    const gas = loadBundle();
    const globals = Object.keys(gas.context).sort();
    const expected = ["Date", "Sodatsu", "console", ...ENTRY_POINTS.map((e) => e.name)].sort();
    expect(globals).toEqual(expected);
  });

  it("puts each custom function's JSDoc, with @customfunction, right above its declaration", () => {
    const text = entrySection();
    for (const entry of CUSTOM_FUNCTIONS) {
      const declaration = text.indexOf(`\nfunction ${entry.name}(`);
      expect(declaration, entry.name).toBeGreaterThan(0);
      expect(text.indexOf(`\nfunction ${entry.name}(`, declaration + 1), `${entry.name} declared twice`).toBe(
        -1,
      );
      const before = text.slice(0, declaration + 1);
      const open = before.lastIndexOf("/**");
      const jsdoc = before.slice(open);
      // Nothing but the comment itself between its start and the declaration.
      expect(jsdoc, entry.name).toMatch(/^\/\*\*[\s\S]*?\*\/\n$/);
      expect(jsdoc.indexOf("*/"), entry.name).toBe(jsdoc.length - 3);
      expect(jsdoc).toContain("@customfunction");
      expect(jsdoc).toMatch(/例 \/ Example: =\w+\(/);
      expect(jsdoc).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // Japanese help
      const params = [...jsdoc.matchAll(/@param \{[^}]+\} (\w+)/g)].map((m) => m[1]);
      expect(params).toEqual(entry.params.map((p) => p.name));
      expect(jsdoc).toMatch(/@return \{[^}]+\} \S/);
      const declared = text.slice(declaration + 1).match(/^function \w+\(([^)]*)\)/)?.[1];
      expect(declared?.split(", ")).toEqual(entry.params.map((p) => p.name));
    }
  });

  it("marks only custom functions with @customfunction", () => {
    const marked = [...source().matchAll(/@customfunction\s*\*\/\nfunction (\w+)\(/g)].map((m) => m[1]);
    expect(marked.sort()).toEqual(CUSTOM_FUNCTIONS.map((e) => e.name).sort());
    expect(source().split("@customfunction").length - 1).toBe(CUSTOM_FUNCTIONS.length);
  });

  it("has no import, export or require left", () => {
    for (const line of source().split("\n")) {
      expect(line).not.toMatch(/^\s*(import|export)\s/);
      expect(line).not.toMatch(/\brequire\(|\bimport\(|import\.meta/);
    }
  });

  it("calls no built-in newer than its ES2020 target (esbuild lowers syntax, never library calls)", () => {
    const newer =
      /\bObject\.(hasOwn|groupBy)\(|\.(replaceAll|findLast|findLastIndex|toSorted|toReversed|toSpliced)\(|\bstructuredClone\(|\bArray\.fromAsync\(/;
    for (const [file, text] of [
      ["Code.js", source()],
      ["actions.html", actionsSource()],
    ]) {
      const lines = text.split("\n");
      expect(
        lines.filter((line) => newer.test(line)),
        file,
      ).toEqual([]);
    }
  });

  it("is not minified: internal names and line structure survive", () => {
    const text = source();
    expect(text).toContain("function classifyState(");
    expect(text).toMatch(/^var Sodatsu = \(\(\) => \{$/m);
    // Minifiers join statements into few, very long lines; here only long string literals (the seeds' texts)
    // make a line long, so lines stay short on average and nearly all of them are short.
    const lines = text.split("\n");
    expect(lines.length).toBeGreaterThan(500);
    expect(text.length / lines.length).toBeLessThan(60);
    expect(lines.filter((l) => l.length > 200).length / lines.length).toBeLessThan(0.01);
  });

  it("leaves the menu actions and the sidebar server to dist/actions.html, and keeps the shared code once", () => {
    const code = source();
    const actions = actionsSource();
    // Only the menu actions and the sidebar use these: found in Code.js, they would mean the split collapsed and
    // every recalculation pays for them again (src/gas/lazyActions.ts).
    const actionsOnly = [
      "function runAnalysis(",
      "function createDiagnosis(",
      "function setupTemplate(",
      "function sidebarStateOf(",
      "function writeSettings(",
      "function cleanOrders(",
    ];
    for (const marker of actionsOnly) {
      expect(code, marker).not.toContain(marker);
      expect(actions, marker).toContain(marker);
    }
    // What both use lives in Code.js only; actions.html reads it from there.
    for (const marker of [
      "function classifyState(",
      "function settingsFromPairs(",
      "function fitShopModel(",
    ]) {
      expect(code, marker).toContain(marker);
      expect(actions, marker).not.toContain(marker);
    }
  });

  it("evaluates without any Apps Script service (a custom function loads the whole file)", () => {
    const gas = loadBundle({}, {});
    expect(gas.calls).toEqual([]);
  });
});

describe("the manifest and the clasp project", () => {
  const manifest = () => JSON.parse(readFileSync(MANIFEST_PATH, "utf8"));

  it("asks for exactly the two scopes", () => {
    expect([...manifest().oauthScopes].sort()).toEqual([
      "https://www.googleapis.com/auth/script.container.ui",
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
    ]);
  });

  it("runs on V8 in Tokyo time with Stackdriver logging", () => {
    expect(manifest()).toMatchObject({
      runtimeVersion: "V8",
      timeZone: "Asia/Tokyo",
      exceptionLogging: "STACKDRIVER",
    });
  });

  it("pushes dist/ with clasp, and the sidebar page and the actions' code are built there", () => {
    const clasp = JSON.parse(readFileSync(`${ROOT}.clasp.json`, "utf8"));
    expect(clasp.rootDir).toBe("dist");
    expect(actionsSource()).toMatch(/^\/\/ Sodatsu/); // the actions' code is part of the pushed project
    const html = readFileSync(SIDEBAR_PATH, "utf8");
    expect(html).toMatch(/<html/i);
    expect(html).not.toMatch(/<script[^>]+src=["']?https?:/i); // self-contained
  });
});

describe("the menu", () => {
  const JA = ["テンプレートを準備", "顧客分析を実行", "診断シートを作成", "設定"];
  const EN = ["Set up template", "Run analysis", "Create diagnostic sheet", "Settings"];
  const HANDLERS = ["menuSetupTemplate", "menuRunAnalysis", "menuCreateDiagnosis", "menuOpenSettings"];

  it("in AuthMode.NONE builds the add-on menu and calls nothing else", () => {
    const { fakes, menus } = menuFakes({ userLocale: "ja" });
    const gas = loadBundle(fakes);
    gas.call("onOpen", { authMode: "NONE" });
    expect(menus).toHaveLength(1);
    expect(menus[0].items.map(([label]) => label)).toEqual(JA);
    expect(menus[0].items.map(([, fn]) => fn)).toEqual(HANDLERS);
    const allowed =
      /^(Session\.getActiveUserLocale|SpreadsheetApp\.getUi(\(\)\.createAddonMenu(\(\)\.\w+)?)?)$/;
    expect(gas.calls.filter((c) => !allowed.test(c.path))).toEqual([]);
    expect(gas.calls.some((c) => c.path.startsWith("PropertiesService"))).toBe(false);
    expect(gas.calls.some((c) => c.path === "SpreadsheetApp.getActiveSpreadsheet")).toBe(false);
  });

  it("in AuthMode.NONE touches no other service of the full fake world (properties, sheets, locks)", () => {
    const world = createGasWorld({ userLocale: "en_US", locale: "ja_JP" });
    const gas = loadBundle(world.globals, { record: false });
    gas.call("onOpen", { authMode: "NONE" });
    expect(world.ui.menus).toHaveLength(1);
    expect(world.ui.menus[0].addon).toBe(true);
    expect(world.ui.menus[0].items.filter((i) => i.functionName).map((i) => i.caption)).toEqual(EN);
    const names = new Set(world.log.calls.map((c) => c.name));
    expect([...names].sort()).toEqual(
      [
        "Menu.addItem",
        "Menu.addSeparator",
        "Menu.addToUi",
        "Session.getActiveUserLocale",
        "SpreadsheetApp.getUi",
        "Ui.createAddonMenu",
      ].sort(),
    );
  });

  it("every item runs a global function of the script", () => {
    const { fakes, menus } = menuFakes();
    const gas = loadBundle(fakes);
    gas.call("onOpen", { authMode: "FULL" });
    for (const [, fn] of menus[0].items) expect(gas.hasGlobalFunction(fn), fn).toBe(true);
  });

  it("speaks English when the locale is not Japanese", () => {
    const none = menuFakes({ userLocale: "en_US" });
    loadBundle(none.fakes).call("onOpen", { authMode: "NONE" });
    expect(none.menus[0].items.map(([label]) => label)).toEqual(EN);

    const full = menuFakes({ spreadsheetLocale: "en_GB", userLocale: "ja" });
    loadBundle(full.fakes).call("onOpen", { authMode: "LIMITED" });
    expect(full.menus[0].items.map(([label]) => label)).toEqual(EN);

    const ja = menuFakes({ spreadsheetLocale: "ja_JP", userLocale: "en_US" });
    loadBundle(ja.fakes).call("onOpen", { authMode: "FULL" });
    expect(ja.menus[0].items.map(([label]) => label)).toEqual(JA);
  });

  it("still appears when the locale cannot be read", () => {
    const { fakes, menus } = menuFakes();
    fakes.Session.getActiveUserLocale = () => {
      throw new Error("Authorization is required");
    };
    loadBundle(fakes).call("onOpen", { authMode: "NONE" });
    expect(menus[0].items.map(([label]) => label)).toEqual(JA);
  });

  it("onInstall builds the same menu", () => {
    const { fakes, menus } = menuFakes({ spreadsheetLocale: "en_US" });
    loadBundle(fakes).call("onInstall", { authMode: "FULL" });
    expect(menus[0].items.map(([label]) => label)).toEqual(EN);
  });

  it("設定 opens the built sidebar page", () => {
    const { fakes, sidebars } = menuFakes();
    const gas = loadBundle(fakes);
    gas.call("menuOpenSettings");
    expect(sidebars).toEqual([{ file: "sidebar", title: "育つ 設定", setTitle: expect.any(Function) }]);
    expect(gas.calls.map((c) => c.path)).toContain("HtmlService.createHtmlOutputFromFile");
  });
});
