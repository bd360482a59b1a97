// The sidebar tests drive Debian's Chromium through playwright-core (no browser download is possible here).
// On a fresh machine install it; when that is impossible, fail loudly: a browser test must never skip silently.
// A Japanese font comes with it: without one the sidebar's labels render as boxes in the screenshot.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const JAPANESE_FONT = "/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf";

const missing = [];
if (!existsSync(CHROMIUM)) missing.push("chromium");
if (!existsSync(JAPANESE_FONT)) missing.push("fonts-ipafont-gothic");

if (missing.length > 0) {
  console.log(`installing Debian's ${missing.join(" and ")} (the sidebar is tested in a real browser)`);
  const run = (args) => execFileSync(args[0], args.slice(1), { stdio: "inherit" });
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  run([...sudo, "apt-get", "update", "-qq"]);
  run([...sudo, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", ...missing]);
}
if (!existsSync(CHROMIUM)) {
  console.error(`chromium is still missing at ${CHROMIUM}; the sidebar tests cannot run`);
  process.exit(1);
}
