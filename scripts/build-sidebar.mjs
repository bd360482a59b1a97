// Builds the settings sidebar into ONE self-contained HTML page (Apps Script's HtmlService serves a single file):
// src/ui/sidebar.ts bundled by esbuild (with the core's validateSettings, so the browser checks exactly what the
// server checks) and src/ui/sidebar.css, both inlined into src/ui/sidebar.html. scripts/build-gas.mjs writes the
// result to dist/sidebar.html; the sidebar tests load it the same way.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const UI = join(ROOT, "src/ui");

/** Text placed inside <script> must not close it early; `<\/script` means the same to JavaScript. */
const scriptSafe = (js) => js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
const styleSafe = (css) => css.replace(/<\/(style)/gi, "<\\/$1");

/** @returns {Promise<string>} the sidebar page */
export async function buildSidebar() {
  const [bundle, css, template] = await Promise.all([
    esbuild.build({
      entryPoints: [join(UI, "sidebar.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      // Sheets runs in current desktop browsers; ES2020 keeps the bundle free of down-levelling helpers.
      target: "es2020",
      minify: true,
      legalComments: "none",
      charset: "utf8",
      logLevel: "silent",
    }),
    readFile(join(UI, "sidebar.css"), "utf8"),
    readFile(join(UI, "sidebar.html"), "utf8"),
  ]);
  const js = bundle.outputFiles[0].text;
  const page = template
    .replace("/* SIDEBAR_CSS */", () => styleSafe(css.trim()))
    .replace("/* SIDEBAR_JS */", () => scriptSafe(js.trim()));
  if (page.includes("SIDEBAR_CSS") || page.includes("SIDEBAR_JS"))
    throw new Error("build-sidebar: src/ui/sidebar.html lost its SIDEBAR_CSS / SIDEBAR_JS markers");
  return page;
}

// `node scripts/build-sidebar.mjs [out.html]` builds it alone (for a quick look in a browser).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { writeFile } = await import("node:fs/promises");
  const out = process.argv[2] ?? join(ROOT, "dist/sidebar.html");
  await writeFile(out, await buildSidebar());
  console.log(`wrote ${out}`);
}
