import { chmod } from "node:fs/promises";
import { build } from "esbuild";

/** The command line: one ESM file with a shebang; npm dependencies stay external (installed with the package). */
export async function buildCli() {
  await build({
    entryPoints: ["src/cli/main.ts"],
    outfile: "dist-cli/sodatsu.mjs",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    banner: { js: "#!/usr/bin/env node" },
    sourcemap: true,
    logLevel: "warning",
  });
  await chmod("dist-cli/sodatsu.mjs", 0o755);
}
