/**
 * A progress bar on stderr, only when stderr is a terminal: redirected output and CI logs stay quiet.
 * Redraws at most ten times a second so drawing never costs speed.
 */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const QUIET: Progress = { update() {}, done() {} };

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return QUIET;
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 || total <= 0) return;
      last = now;
      const share = Math.min(1, done / total);
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(share * 100).toFixed(0)}%`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
