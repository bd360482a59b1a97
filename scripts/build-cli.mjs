import { chmod, rename } from "node:fs/promises";
import { build } from "esbuild";

/**
 * The command line: one ESM file with a shebang; npm dependencies stay external (installed with the package).
 * Written to a temporary name and renamed into place, so test files that build it at the same time (vitest runs
 * them in parallel) never run a half-written file.
 */
export async function buildCli(outfile = "dist-cli/sodatsu.mjs") {
  const temp = `${outfile}.${process.pid}.${Date.now()}.tmp.mjs`;
  await build({
    entryPoints: ["src/cli/main.ts"],
    outfile: temp,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    banner: { js: "#!/usr/bin/env node" },
    sourcemap: "inline",
    logLevel: "warning",
  });
  await chmod(temp, 0o755);
  await rename(temp, outfile);
}
