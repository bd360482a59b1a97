import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The public data sets and seed articles live beside the repository, in ../shared (CI clones the project next
 * to it); SODATSU_SHARED points elsewhere. Everything that reads them comes through here, so a missing folder
 * fails with one message that says where it looked, never as a skipped test.
 */
export const SHARED_DIR: string =
  process.env.SODATSU_SHARED ?? fileURLToPath(new URL("../../../shared/", import.meta.url));

/** Absolute path of `rel` under the shared folder, e.g. sharedPath("data/cdnow/CDNOW_sample.txt"). */
export function sharedPath(rel: string): string {
  const path = join(SHARED_DIR, rel);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: the tests read the shared data sets from ${SHARED_DIR} (set SODATSU_SHARED)`,
    );
  }
  return path;
}
