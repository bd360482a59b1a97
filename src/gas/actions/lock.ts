import { UserError } from "./userError";

/** How long a second run waits for the first before giving up with a message. */
const WAIT_MS = 10_000;

/**
 * Runs `fn` under the document lock, so two runs (two people, or a double click) never interleave their writes;
 * the lock is released whatever happens.
 */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(WAIT_MS))
    throw new UserError({
      ja: "別の分析が実行中です。終わってからもう一度お試しください。",
      en: "Another run is in progress. Please try again when it has finished.",
    });
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
