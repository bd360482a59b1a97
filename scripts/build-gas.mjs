// Builds the Apps Script project into dist/: Code.js, actions.html, appsscript.json, sidebar.html (what
// `clasp push` uploads).
//
// Code splitting (issue 2: every custom-function call loads and evaluates all .gs files, so Code.js must stay small):
// src/gas/main.ts (custom functions, triggers, the entry points) and src/gas/actionsEntry.ts (menu actions, sidebar
// server) are bundled together by esbuild with `splitting: true`. That gives three ES modules: the code both use
// (a shared chunk), main's own code, and the actions' own code. Code.js holds the first two; actions.html holds the
// third as the body of a function that takes the shared chunk's exports (see src/gas/lazyActions.ts, which reads
// it with HtmlService from the pushed project and evaluates it on first use). The rewrite of esbuild's
// `import {...} from "./chunk-X.js"` / `export {...}` into that form is checked below: any other output shape
// fails the build.
//
// The ways an Apps Script + TypeScript bundle usually breaks, and what this build does about each:
// - esbuild tree-shakes or hides top-level functions inside its IIFE: the bundle is wrapped in an IIFE with a global
//   name (`var Sodatsu = ...`), and every entry point gets a generated top-level `function NAME(...)` that calls it;
// - comments (and the @customfunction JSDoc Sheets reads for autocomplete) are dropped: the JSDoc is generated
//   from src/gas/entrypoints.ts and written right above each wrapper;
// - minification renames globals: nothing is minified (the code is only re-indented with tabs, see tabIndent.mjs);
// - a CJS shim wraps the entry: the output format is a plain IIFE, checked below for import/export leftovers.
// Run directly (`node scripts/build-gas.mjs`) or through build.mjs.
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { indentWithTabs } from "./tabIndent.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const GLOBAL_NAME = "Sodatsu";
/** The constant (in Code.js) and the parameter (of actions.html's code) holding the shared chunk's exports. */
const SHARED = "SODATSU_SHARED";
/** The HTML file of the project with the actions' code (src/gas/lazyActions.ts reads it as "actions"). */
const ACTIONS_HTML = "actions.html";
const CORE_DIR = join(ROOT, "src", "core") + sep;

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
 * esbuild only drops a module nobody uses when it can tell that evaluating it has no effect; src/core's modules
 * build constant tables at their top level (`const X = new Map(...)`), which esbuild must assume have effects, so
 * every core module the barrel src/core/index.ts re-exports would land in the shared chunk, custom functions or
 * not. src/core is pure TypeScript with no I/O (README, docs/core-api.md): its modules declare things and do
 * nothing else when loaded, which checkCoreHasNoTopLevelEffects verifies line by line. So each core module is
 * marked side-effect free, as `"sideEffects": false` would mark a package, and only what is used is bundled.
 */
const coreHasNoSideEffects = {
  name: "core-has-no-side-effects",
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.coreHasNoSideEffects) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { coreHasNoSideEffects: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return resolved.path.startsWith(CORE_DIR) ? { path: resolved.path, sideEffects: false } : undefined;
    });
  },
};

/** Top-level lines (Biome puts them at column 0) a declaration-only module may start. */
const DECLARATION_LINE =
  /^(?:$|\/\/|\/\*|\*|[}\])>|&]|export\s*[{*]|(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:import|const|let|var|function|async\s+function|class|abstract\s+class|type|interface|enum)\b)/;
/**
 * Code that runs at load although it sits in a declaration: a class's static block (indented, inside the class,
 * so the column-0 check above never sees it). A constant's initializer runs at load too, but builds the value
 * the module exports, which a module nobody imports needs no more than its exports.
 */
const STATIC_BLOCK = /^\s*static\s*\{/;

/**
 * The first line of a core module's text that runs code at load other than making what it declares, as
 * { line (1-based), text }, or null: a top-level statement other than a declaration (a call, a loop...), or a
 * class static block.
 */
export function coreTopLevelEffect(text) {
  const lines = text.split("\n");
  const bad = lines.findIndex(
    (line) => (!/^\s/.test(line) && !DECLARATION_LINE.test(line)) || STATIC_BLOCK.test(line),
  );
  return bad < 0 ? null : { line: bad + 1, text: lines[bad] };
}

/** Fails the build if a src/core file runs code at load (see coreTopLevelEffect). */
async function checkCoreHasNoTopLevelEffects() {
  const files = (await readdir(CORE_DIR, { recursive: true })).filter((f) => f.endsWith(".ts"));
  for (const file of files) {
    const bad = coreTopLevelEffect(await readFile(join(CORE_DIR, file), "utf8"));
    if (bad) {
      throw new Error(
        `build-gas: src/core/${file}:${bad.line} runs code at load, it is not a declaration ("${bad.text}"); ` +
          "the bundle marks src/core side-effect free (see coreHasNoSideEffects)",
      );
    }
  }
}

/**
 * Bundles the two entry points with code splitting, readable and ES2020. Returns esbuild's three ES modules
 * (main, actions, the shared chunk) as text, after checking that there are exactly these three.
 */
async function bundleSplit() {
  const outdir = join(ROOT, "dist", "esm"); // never written: write is false
  const out = await build({
    entryPoints: {
      main: join(ROOT, "src/gas/main.ts"),
      actions: join(ROOT, "src/gas/actionsEntry.ts"),
    },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser", // no Node built-ins may sneak into the add-on
    target: "es2020",
    minify: false,
    legalComments: "none",
    charset: "utf8", // Japanese stays readable (and smaller than \u escapes)
    treeShaking: true,
    outdir,
    write: false,
    plugins: [coreHasNoSideEffects],
    logLevel: "warning",
  });
  const byName = new Map(out.outputFiles.map((f) => [f.path.slice(outdir.length + 1), f.text]));
  const chunks = [...byName.keys()].filter((name) => /^chunk-[\w-]+\.js$/.test(name));
  const names = [...byName.keys()].sort();
  if (chunks.length !== 1 || byName.size !== 3 || !byName.has("main.js") || !byName.has("actions.js")) {
    throw new Error(
      `build-gas: expected esbuild to write main.js, actions.js and one shared chunk, got ${names.join(", ")}`,
    );
  }
  return {
    main: byName.get("main.js"),
    actions: byName.get("actions.js"),
    chunk: chunks[0],
    shared: byName.get(chunks[0]),
  };
}

/** `a, b as c` (an export or import list) → [{ local, exported }]. */
function specifiers(list) {
  return list
    .split(",")
    .map((spec) => spec.trim())
    .filter((spec) => spec !== "")
    .map((spec) => {
      const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(spec);
      if (!m) throw new Error(`build-gas: cannot read the import/export specifier "${spec}"`);
      return { local: m[1], exported: m[2] ?? m[1] };
    });
}

/**
 * Splits one of esbuild's ES modules into what it imports from the shared chunk, its body and what it exports,
 * and fails on anything else: another import, an import of the chunk for its effects, a second export, a
 * default export. `imports` is true for main and actions (one import of the chunk first), false for the chunk.
 */
function readModule(text, name, { imports, chunk }) {
  let rest = text;
  let imported = [];
  if (imports) {
    const head = /^import \{([^}]*)\} from "\.\/([^"]+)";\n/.exec(rest);
    if (!head || head[2] !== chunk) {
      throw new Error(`build-gas: ${name} does not start with one import of the shared chunk ${chunk}`);
    }
    // `import { a as b }`: a is the chunk's name, b this module's.
    imported = specifiers(head[1]).map(({ local, exported }) => ({ name: local, local: exported }));
    rest = rest.slice(head[0].length);
  }
  const tail = /\nexport \{([^}]*)\};\s*$/.exec(rest);
  if (!tail) throw new Error(`build-gas: ${name} does not end with one export list`);
  const body = rest.slice(0, tail.index);
  for (const line of body.split("\n")) {
    if (/^\s*(import|export)\b[^=:(]/.test(line) || /\bimport\(|import\.meta/.test(line)) {
      throw new Error(`build-gas: module syntax left in ${name} after its import and export lists: ${line}`);
    }
  }
  if (new RegExp(`\\b${SHARED}\\b`).test(body) !== (name === "main.js")) {
    throw new Error(
      `build-gas: ${SHARED} must be used by main.js (src/gas/lazyActions.ts) and by nothing else esbuild wrote`,
    );
  }
  return { imported, body, exported: specifiers(tail[1]) };
}

/**
 * ES modules bind imports live; the rewrite copies values once. That is the same only for names never assigned
 * again after their declaration, which is checked here for every name the chunk exports.
 */
function checkExportsAreConstant(body, exported) {
  for (const { local } of exported) {
    const assigned = new RegExp(
      `(?:^|[^.\\w$])${local.replace(/\$/g, "\\$")}\\s*(?:(?:[-+*/%&|^]|\\*\\*|<<|>>>?|&&|\\|\\||\\?\\?)?=(?![=>])|\\+\\+|--)`,
      "gm",
    );
    const count = body.match(assigned)?.length ?? 0;
    const declaredByVar = new RegExp(`^(?:var|let|const) ${local.replace(/\$/g, "\\$")} =`, "m").test(body);
    if (count > (declaredByVar ? 1 : 0)) {
      throw new Error(
        `build-gas: the shared chunk assigns ${local} after declaring it; Code.js copies it once`,
      );
    }
  }
}

/** `{ a, b: c }` lines (object literal / destructuring) from [{ key, value }]. */
const objectLines = (pairs) =>
  pairs.map(({ key, value }) => `  ${key === value ? key : `${key}: ${value}`},`).join("\n");

/**
 * The three modules as the two files' code: Code.js's `var Sodatsu = (() => { ... })();` (the shared chunk in its
 * own function scope, its exports in SODATSU_SHARED, then main's code, which reads its imports from there) and
 * actions.html's function body (the same for the actions' code, SODATSU_SHARED being its parameter). Each part is
 * re-indented with tabs. A plain `return { NAME, ... }` replaces esbuild's `format: "iife"` wrapper, which would
 * indent every line one more level and route the exports through a getter-per-name runtime (~13 KB paid on every
 * recalculation).
 */
export async function assemble({ main, actions, chunk, shared }) {
  const sharedModule = readModule(shared, chunk, { imports: false, chunk });
  const mainModule = readModule(main, "main.js", { imports: true, chunk });
  const actionsModule = readModule(actions, "actions.js", { imports: true, chunk });
  checkExportsAreConstant(sharedModule.body, sharedModule.exported);
  const sharedNames = new Set(sharedModule.exported.map((e) => e.exported));
  for (const [name, mod] of [
    ["main.js", mainModule],
    ["actions.js", actionsModule],
  ]) {
    const unknown = mod.imported.filter((i) => !sharedNames.has(i.name)).map((i) => i.name);
    if (unknown.length > 0)
      throw new Error(`build-gas: ${name} imports ${unknown.join(", ")}, not exported by ${chunk}`);
  }
  const readShared = (imported) =>
    `const {\n${objectLines(imported.map((i) => ({ key: i.name, value: i.local })))}\n} = ${SHARED};\n`;
  const objectOf = (exported) =>
    `{\n${objectLines(exported.map((e) => ({ key: e.exported, value: e.local })))}\n}`;
  const sharedPart = await indentWithTabs(
    `const ${SHARED} = (() => {\n${sharedModule.body}\nreturn Object.freeze(${objectOf(sharedModule.exported)});\n})();\n`,
  );
  const mainPart = await indentWithTabs(
    `${readShared(mainModule.imported)}${mainModule.body}\nreturn ${objectOf(mainModule.exported)};\n`,
  );
  const actionsPart = await indentWithTabs(
    `"use strict";\n${readShared(actionsModule.imported)}${actionsModule.body}\nreturn ${objectOf(actionsModule.exported)};\n`,
  );
  return {
    bundle: `var ${GLOBAL_NAME} = (() => {\n${sharedPart}${mainPart}})();\n`,
    sharedPart,
    actions: actionsPart,
    actionNames: actionsModule.exported.map((e) => e.exported),
  };
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

/**
 * The same for actions.html: its code, run as src/gas/lazyActions.ts runs it (a `new Function` body taking the
 * shared exports), must touch no Apps Script service while it loads (there is none in this sandbox), find every
 * name it reads from the shared chunk, and return the functions src/gas/actionsEntry.ts exports.
 */
function checkActions(sharedPart, actionsCode, actionNames) {
  for (const line of actionsCode.split("\n")) {
    if (/^\s*(import|export)\s[^=]/.test(line))
      throw new Error(`build-gas: module syntax left in ${ACTIONS_HTML}: ${line}`);
  }
  const sandbox = { __actionsCode: actionsCode };
  runInNewContext(
    `"use strict";\n${sharedPart}\nthis.__shared = ${SHARED};\n` +
      `this.__actions = new Function("${SHARED}", this.__actionsCode)(${SHARED});`,
    sandbox,
    { filename: ACTIONS_HTML },
  );
  const got = Object.keys(sandbox.__actions).sort();
  const missing = actionNames.filter((name) => typeof sandbox.__actions[name] !== "function");
  if (missing.length > 0 || got.join() !== [...actionNames].sort().join()) {
    throw new Error(
      `build-gas: ${ACTIONS_HTML} returns ${got.join(", ")}, not the functions of actionsEntry.ts`,
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
  const [entries, split, manifest, sidebar] = await Promise.all([
    loadEntryPoints(),
    bundleSplit(),
    readFile(join(ROOT, "appsscript.json"), "utf8"),
    sidebarHtml(),
    checkCoreHasNoTopLevelEffects(),
  ]);
  const { bundle, sharedPart, actions, actionNames } = await assemble(split);
  const header = [
    "// Sodatsu (育つ): generated by scripts/build-gas.mjs from src/gas/main.ts. Do not edit; run `npm run build`.",
    "// The bundle lives in the global `Sodatsu`; the functions at the end are the entry points Apps Script calls.",
    `// The menu actions and the sidebar's server functions run code from the project's file ${ACTIONS_HTML}, read`,
    "// with HtmlService and evaluated on their first call (src/gas/lazyActions.ts); it is never fetched from the network.",
    '"use strict";',
    "",
  ].join("\n");
  const wrappers = await indentWithTabs(entries.map(wrapperOf).join("\n\n"));
  const code = `${header}${bundle}\n// ---- Entry points (generated from src/gas/entrypoints.ts) ----\n\n${wrappers}\n`;
  checkBundle(code, entries);
  const actionsFile = [
    `// Sodatsu (育つ): generated by scripts/build-gas.mjs from src/gas/actionsEntry.ts. Do not edit; run \`npm run build\`.`,
    "// Not a page: plain JavaScript, the menu actions and the sidebar's server functions. Code.js reads this file of",
    '// the project with HtmlService.createHtmlOutputFromFile("actions").getContent() on their first call and runs',
    `// it as the body of new Function("${SHARED}", ...), ${SHARED} being the code Code.js shares with it.`,
    actions,
    `//# sourceURL=${ACTIONS_HTML}`, // names the file in stack traces of the evaluated code
    "",
  ].join("\n");
  checkActions(sharedPart, actionsFile, actionNames);
  JSON.parse(manifest); // a broken manifest fails here, not at clasp push
  await Promise.all([
    writeAtomically(join(outDir, "Code.js"), code),
    writeAtomically(join(outDir, ACTIONS_HTML), actionsFile),
    writeAtomically(join(outDir, "appsscript.json"), manifest),
    writeAtomically(join(outDir, "sidebar.html"), sidebar),
  ]);
  return { code, actions: actionsFile, entries };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildGas();
}
