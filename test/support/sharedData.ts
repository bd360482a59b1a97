import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Where a clone made elsewhere (`git clone . /tmp/fresh`, as CI does) finds the data: beside the checkout it was
 * cloned from. Only a local path can be followed; a URL origin gives nothing.
 */
function besideOrigin(): string | null {
  try {
    const origin = execFileSync("git", ["-C", REPO, "config", "--get", "remote.origin.url"], {
      encoding: "utf8",
    });
    const path = origin.trim().replace(/^file:\/\//, "");
    return isAbsolute(path) ? resolve(path, "../shared") : null;
  } catch {
    return null;
  }
}

/**
 * The public data sets and seed articles live beside the repository, in ../shared, and are never copied into it
 * (../shared/data/README.md). In order: SODATSU_SHARED, ../shared, ../shared beside the origin checkout.
 * Everything that reads them comes through here, so a missing folder fails with one message that says where it
 * looked, never as a skipped test.
 */
function findSharedDir(): { dir: string | null; tried: string[] } {
  const candidates = process.env.SODATSU_SHARED
    ? [process.env.SODATSU_SHARED]
    : [resolve(REPO, "../shared"), besideOrigin()].filter((c): c is string => c !== null);
  const dir = candidates.find((c) => existsSync(join(c, "data"))) ?? null;
  return { dir, tried: candidates };
}

const found = findSharedDir();

/** Absolute path of `rel` under the shared folder, e.g. sharedPath("data/cdnow/CDNOW_sample.txt"). */
export function sharedPath(rel: string): string {
  if (found.dir === null) {
    throw new Error(
      `the shared data sets were not found (looked in ${found.tried.join(", ")}; set SODATSU_SHARED)`,
    );
  }
  const path = join(found.dir, rel);
  if (!existsSync(path)) throw new Error(`${path} is missing from the shared data sets`);
  return path;
}
