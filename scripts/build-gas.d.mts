// Types of scripts/build-gas.mjs for the tests that import it.

/** esbuild's three ES modules from the split build: main.js, actions.js and the shared chunk (name and text). */
export interface SplitModules {
  main: string;
  actions: string;
  chunk: string;
  shared: string;
}

/** The modules as Code.js's bundle and actions.html's code; throws on any output shape the rewrite does not expect. */
export function assemble(modules: SplitModules): Promise<{
  bundle: string;
  sharedPart: string;
  actions: string;
  actionNames: string[];
}>;

/** The first line of a src/core module's text that runs code at load (not a declaration, or a static block), or null. */
export function coreTopLevelEffect(text: string): { line: number; text: string } | null;

/** Builds dist/ (Code.js, actions.html, appsscript.json, sidebar.html). */
export function buildGas(options?: { outDir?: string }): Promise<{ code: string; actions: string }>;
