/**
 * scripts/build-gas.mjs's rewrite of esbuild's split output (two entry modules importing one shared chunk) into
 * Code.js's bundle and actions.html's code, on small hand-written modules: what it makes of the expected shape,
 * and that any other shape fails the build instead of shipping a bundle that breaks at the first menu click.
 */
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { assemble, coreTopLevelEffect } from "../../scripts/build-gas.mjs";

const chunk = "chunk-ABC123.js";
const shared = [
  "var base = 1;",
  "function plusBase(n) {",
  "  return n + base;",
  "}",
  "export {",
  "  base as BASE,",
  "  plusBase",
  "};",
  "",
].join("\n");
const main = [
  "import {",
  "  BASE as base2,",
  "  plusBase",
  `} from "./${chunk}";`,
  "",
  "// src/gas/lazyActions.ts",
  "function actions() {",
  '  return new Function("SODATSU_SHARED", ACTIONS)(SODATSU_SHARED);',
  "}",
  "function CRM_X(n) {",
  "  return plusBase(n) * base2;",
  "}",
  "function menuRun() {",
  "  return actions().run(2);",
  "}",
  "export {",
  "  CRM_X,",
  "  menuRun",
  "};",
  "",
].join("\n");
const actions = [
  `import { plusBase } from "./${chunk}";`,
  "function run(n) {",
  "  return plusBase(n) * 10;",
  "}",
  "export {",
  "  run",
  "};",
  "",
].join("\n");

describe("the split build's rewrite", () => {
  it("gives a bundle and an actions body that work together, the shared code once", async () => {
    const out = await assemble({ main, actions, chunk, shared });
    expect(out.actionNames).toEqual(["run"]);
    expect(out.actions).not.toContain("function plusBase(");
    const sandbox: Record<string, unknown> = { ACTIONS: out.actions };
    runInNewContext(`"use strict";\n${out.bundle}\nthis.S = Sodatsu;`, sandbox);
    const bundle = sandbox.S as { CRM_X(n: number): number; menuRun(): number };
    expect(bundle.CRM_X(4)).toBe(5);
    expect(bundle.menuRun()).toBe(30);
    expect(Object.keys(bundle).sort()).toEqual(["CRM_X", "menuRun"]);
  });

  const fails = async (parts: Partial<Record<"main" | "actions" | "shared", string>>, message: RegExp) => {
    await expect(assemble({ main, actions, chunk, shared, ...parts })).rejects.toThrow(message);
  };

  it("fails when an entry does not start with one import of the chunk", async () => {
    await fails(
      { main: main.replace(/^import \{[^}]*\} from "[^"]+";\n/, "") },
      /does not start with one import/,
    );
    await fails({ actions: `import { x } from "./other.js";\n${actions}` }, /does not start with one import/);
    await fails({ actions: actions.replace(chunk, "chunk-OTHER.js") }, /does not start with one import/);
  });

  it("fails on module syntax it would leave behind, or a missing export list", async () => {
    await fails(
      { actions: actions.replace("function run", `import "./side.js";\nfunction run`) },
      /module syntax/,
    );
    await fails(
      { shared: shared.replace(/export \{[^}]*\};\n$/, "export default plusBase;\n") },
      /export list/,
    );
  });

  it("fails when an entry imports a name the chunk does not export", async () => {
    await fails({ actions: actions.replace("{ plusBase }", "{ plusBase, missing }") }, /imports missing/);
  });

  it("fails when the chunk assigns an export again (the copy in SODATSU_SHARED would go stale)", async () => {
    await fails(
      {
        shared: shared.replace("function plusBase", "function reset() {\n  base = 0;\n}\nfunction plusBase"),
      },
      /assigns base/,
    );
  });

  it("fails when SODATSU_SHARED is named anywhere but the loader", async () => {
    await fails({ actions: actions.replace("* 10", "* SODATSU_SHARED.length") }, /SODATSU_SHARED/);
    await fails(
      { main: main.replace('new Function("SODATSU_SHARED", ACTIONS)(SODATSU_SHARED)', "null") },
      /SODATSU_SHARED/,
    );
  });
});

describe("the check that src/core only declares at load (the bundle marks it side-effect free)", () => {
  const module = (...lines: string[]) =>
    [
      "/** A table. */",
      'import { x } from "./x";',
      "",
      "export const TABLE = new Map<string, number>([",
      '  ["a", 1],',
      "]);",
      ...lines,
      "",
    ].join("\n");

  it("lets declarations through, constant tables included", () => {
    expect(coreTopLevelEffect(module("export function f(): number {", "  return x;", "}"))).toBeNull();
    expect(coreTopLevelEffect(module("export class C {", "  static readonly N = 1;", "}"))).toBeNull();
  });

  it("names a top-level call, an IIFE and a class static block, which a dropped module would silently lose", () => {
    expect(coreTopLevelEffect(module('TABLE.set("b", 2);'))).toEqual({ line: 7, text: 'TABLE.set("b", 2);' });
    expect(coreTopLevelEffect(module("(() => {", '  TABLE.set("b", 2);', "})();"))?.line).toBe(7);
    expect(
      coreTopLevelEffect(module("export class C {", "  static {", '    TABLE.set("b", 2);', "  }", "}")),
    ).toEqual({
      line: 8,
      text: "  static {",
    });
  });
});
