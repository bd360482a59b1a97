// The sidebar tests drive Debian's Chromium through playwright-core (no browser download is possible here).
// On a fresh machine install it; when that is impossible, fail loudly: a browser test must never skip silently.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  console.log(`${CHROMIUM} not found: installing Debian's chromium package`);
  const run = (args) => execFileSync(args[0], args.slice(1), { stdio: "inherit" });
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  run([...sudo, "apt-get", "update", "-qq"]);
  run([...sudo, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "chromium"]);
}
if (!existsSync(CHROMIUM)) {
  console.error(`chromium is still missing at ${CHROMIUM}; the sidebar tests cannot run`);
  process.exit(1);
}
