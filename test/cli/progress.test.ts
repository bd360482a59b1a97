import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/progress";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
}

describe("progressBar", () => {
  it("draws on a terminal and clears its line when done", () => {
    const { writes, stream } = fakeStream(true);
    const bar = progressBar("読み込み中", stream);
    bar.update(50, 100);
    bar.done();
    expect(writes[0]).toMatch(/^\r読み込み中 \[#{15}-{15}\] 50%$/);
    expect(writes.at(-1)).toBe("\r\x1b[K");
  });

  it("stays quiet when stderr is not a terminal (pipes, CI logs)", () => {
    const { writes, stream } = fakeStream(false);
    const bar = progressBar("Reading", stream);
    bar.update(50, 100);
    bar.done();
    expect(writes).toEqual([]);
  });
});
