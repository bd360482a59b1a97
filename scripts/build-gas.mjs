// Builds the Apps Script project into dist/: Code.js, appsscript.json, sidebar.html (what `clasp push` uploads).
//
// The ways an Apps Script + TypeScript bundle usually breaks, and what this build does about each:
// - esbuild tree-shakes or hides top-level functions inside its IIFE: the bundle is wrapped in an IIFE with a global
//   name (`var Sodatsu = ...`), and every entry point gets a generated top-level `function NAME(...)` that calls it;
// - comments (and the @customfunction JSDoc Sheets reads for autocomplete) are dropped: the JSDoc is generated
//   from src/gas/entrypoints.ts and written right above each wrapper;
// - minification renames globals: nothing is minified (the code is only re-indented with tabs, see tabIndent.mjs);
// - a CJS shim wraps the entry: the output format is a plain IIFE, checked below for import/export leftovers.
// Run directly (`node scripts/build-gas.mjs`) or through build.mjs.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { indentWithTabs } from "./tabIndent.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const GLOBAL_NAME = "Sodatsu";

/** Compiles src/gas/entrypoints.ts (data only) in memory and imports it: the single source of truth. */
export async function loadEntryPoints() {
  const out = await build({
    entryPoints: [join(ROOT, "src/gas/entrypoints.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "warning",
  });
  const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`;
  const mod = await import(url);
  return mod.ENTRY_POINTS;
}

/**
 * The bundle of src/gas/main.ts as `var Sodatsu = (() => { ... })();`, readable and ES2020.
 *
 * esbuild bundles it as an ES module and the module scope is then wrapped here, rather than with esbuild's own
 * `format: "iife"`: that format indents every line of the bundle one more level and routes the exports through
 * a getter-per-name `__export`/`__toCommonJS` runtime. Every custom-function call loads the whole file, so those
 * ~13 KB are paid on every recalculation; a plain `return { NAME, ... }` says the same.
 */
async function bundleMain() {
  const out = await build({
    entryPoints: [join(ROOT, "src/gas/main.ts")],
    bundle: true,
    format: "esm",
    platform: "browser", // no Node built-ins may sneak into the add-on
    target: "es2020",
    minify: false,
    legalComments: "none",
    charset: "utf8", // Japanese stays readable (and smaller than \u escapes)
    treeShaking: true,
    write: false,
    logLevel: "warning",
  });
  return wrapModule(out.outputFiles[0].text);
}

/** esbuild's ES module → the global `Sodatsu`: its final `export { a, b as c };` becomes the object returned. */
function wrapModule(esm) {
  const tail = /\nexport \{([^}]*)\};\s*$/.exec(esm);
  if (!tail) throw new Error("build-gas: the ES module bundle does not end with one export list");
  const members = tail[1]
    .split(",")
    .map((spec) => spec.trim())
    .filter((spec) => spec !== "")
    .map((spec) => {
      const [local, exported] = spec.split(/\s+as\s+/);
      return exported === undefined ? local : `${exported}: ${local}`;
    });
  const body = esm.slice(0, tail.index);
  return `var ${GLOBAL_NAME} = (() => {\n${body}\nreturn {\n${members.map((m) => `  ${m},`).join("\n")}\n};\n})();\n`;
}

const jsdocLine = (text) => ` * ${text.replace(/\*\//g, "*\\/")}`;

/** The JSDoc Sheets shows as the function's help: description with an example, @param, @return, @customfunction. */
function customFunctionJsdoc(entry) {
  const lines = [
    "/**",
    jsdocLine(entry.help.summary),
    " *",
    jsdocLine(`例 / Example: ${entry.help.example}`),
    " *",
  ];
  for (const p of entry.params) lines.push(jsdocLine(`@param {${p.type}} ${p.name} ${p.doc}`));
  lines.push(jsdocLine(`@return {${entry.help.returns.type}} ${entry.help.returns.doc}`));
  lines.push(" * @customfunction", " */");
  return lines.join("\n");
}

/** One top-level declaration per entry point: Apps Script only finds functions declared at the top level. */
function wrapperOf(entry) {
  if (entry.kind === "menu" || entry.kind === "server") {
    // google.script.run passes the sidebar's arguments; menus pass none.
    return `function ${entry.name}(...args) {\n  return ${GLOBAL_NAME}.${entry.name}(...args);\n}`;
  }
  const names = entry.params.map((p) => p.name).join(", ");
  const fn = `function ${entry.name}(${names}) {\n  return ${GLOBAL_NAME}.${entry.name}(${names});\n}`;
  return entry.kind === "custom" ? `${customFunctionJsdoc(entry)}\n${fn}` : fn;
}

/**
 * Fails the build rather than shipping a project Apps Script would reject or a menu item that points nowhere:
 * the bundle must evaluate with no Apps Script globals at all (a custom function loads the whole file, so nothing
 * may touch a service at load time) and export every listed entry point, and nothing more.
 */
function checkBundle(code, entries) {
  for (const line of code.split("\n")) {
    if (/^\s*(import|export)\s[^=]/.test(line))
      throw new Error(`build-gas: module syntax left in Code.js: ${line}`);
  }
  const sandbox = {};
  runInNewContext(`${code}\nthis.__exports = ${GLOBAL_NAME};`, sandbox, { filename: "Code.js" });
  const exported = Object.keys(sandbox.__exports);
  const listed = new Set(entries.map((e) => e.name));
  const missing = entries.filter((e) => typeof sandbox.__exports[e.name] !== "function").map((e) => e.name);
  const unlisted = exported.filter((name) => !listed.has(name));
  if (missing.length > 0) throw new Error(`build-gas: src/gas/main.ts does not export ${missing.join(", ")}`);
  if (unlisted.length > 0) {
    throw new Error(
      `build-gas: src/gas/main.ts exports ${unlisted.join(", ")}, not in src/gas/entrypoints.ts`,
    );
  }
}

/** The sidebar is built by scripts/build-sidebar.mjs; until it exists, a page that says so. */
async function sidebarHtml() {
  const script = join(ROOT, "scripts/build-sidebar.mjs");
  let mod;
  try {
    mod = await import(pathToFileURL(script).href);
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("build-sidebar"))
      throw error;
    return [
      "<!DOCTYPE html>",
      '<html lang="ja"><head><meta charset="utf-8"><base target="_top"><title>Sodatsu</title></head>',
      "<body><p>設定画面は準備中です。 / The settings sidebar is not built yet.</p></body></html>",
      "",
    ].join("\n");
  }
  return mod.buildSidebar();
}

/** Writes via a temporary file and rename, so a test loading dist/Code.js never reads half a file. */
async function writeAtomically(path, text) {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

export async function buildGas({ outDir = join(ROOT, "dist") } = {}) {
  const [entries, bundle, manifest, sidebar] = await Promise.all([
    loadEntryPoints(),
    bundleMain(),
    readFile(join(ROOT, "appsscript.json"), "utf8"),
    sidebarHtml(),
  ]);
  const header = [
    "// Sodatsu (育つ): generated by scripts/build-gas.mjs from src/gas/main.ts. Do not edit; run `npm run build`.",
    "// The bundle lives in the global `Sodatsu`; the functions at the end are the entry points Apps Script calls.",
    '"use strict";',
    "",
  ].join("\n");
  const wrappers = entries.map(wrapperOf).join("\n\n");
  const code = await indentWithTabs(
    `${header}${bundle}\n// ---- Entry points (generated from src/gas/entrypoints.ts) ----\n\n${wrappers}\n`,
  );
  checkBundle(code, entries);
  JSON.parse(manifest); // a broken manifest fails here, not at clasp push
  await Promise.all([
    writeAtomically(join(outDir, "Code.js"), code),
    writeAtomically(join(outDir, "appsscript.json"), manifest),
    writeAtomically(join(outDir, "sidebar.html"), sidebar),
  ]);
  return { code, entries };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildGas();
}
