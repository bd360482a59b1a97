import { chmod, rename } from "node:fs/promises";
import { build } from "esbuild";

/**
 * The command line: one ESM file with a shebang; npm dependencies stay external (installed with the package).
 * Written to a temporary name and renamed into place, so test files that build it at the same time (vitest runs
 * them in parallel) never run a half-written file.
 */
export async function buildCli(outfile = "dist-cli/sodatsu.mjs") {
  // The worker that reads the order file on a second core (src/cli/readInWorker.ts), beside the command line.
  // Built first: a command line that finds no worker beside it reads in its own thread.
  const dir = outfile.slice(0, outfile.lastIndexOf("/") + 1);
  await buildOne("src/cli/readWorker.ts", `${dir}read-worker.mjs`, false);
  await buildOne("src/cli/main.ts", outfile, true);
}

async function buildOne(entry, outfile, shebang) {
  const temp = `${outfile}.${process.pid}.${Date.now()}.tmp.mjs`;
  await build({
    entryPoints: [entry],
    outfile: temp,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    banner: shebang ? { js: "#!/usr/bin/env node" } : {},
    sourcemap: "inline",
    logLevel: "warning",
  });
  await chmod(temp, 0o755);
  await rename(temp, outfile);
}
