import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { analyzeCommand } from "./analyzeCommand";
import { parseCommand } from "./args";
import { diagnoseCommand } from "./diagnoseCommand";
import { CliError } from "./errors";
import { HELP } from "./help";
import { useReadWorker } from "./readInWorker";

/**
 * The `sodatsu` command line. User mistakes (files, columns, settings, options) end as ONE line on stderr and
 * exit code 1; anything else is a bug and keeps its stack trace so it can be reported.
 */
// `sodatsu analyze … | head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

// Built, the order file is read on a second core by dist-cli/read-worker.mjs (readInWorker.ts); run from source
// (no such file beside this one) it is read in this thread.
const readWorker = new URL("./read-worker.mjs", import.meta.url);
if (existsSync(fileURLToPath(readWorker))) useReadWorker(readWorker);

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

function version(): string {
  try {
    return (createRequire(import.meta.url)("../package.json") as { version: string }).version;
  } catch {
    return "unknown";
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCommand(argv);
  switch (command.kind) {
    case "help":
      io.out(HELP);
      return 0;
    case "version":
      io.out(`sodatsu ${version()}`);
      return 0;
    case "analyze":
      await analyzeCommand(command.options, io);
      return 0;
    case "diagnose":
      await diagnoseCommand(command.options, io);
      return 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      io.err(e.line());
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`sodatsu: internal error / 内部エラー: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
