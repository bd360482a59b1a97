import { afterEach, describe, expect, it, vi } from "vitest";
import { callServer } from "../../src/ui/contract";

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A google.script.run double: each server function answers through the handlers set on its chain. */
function stubRun(server: Record<string, (...args: unknown[]) => unknown>, calls: unknown[][] = []) {
  const runner = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): Record<string, unknown> => {
    const r: Record<string, unknown> = {
      withSuccessHandler: (fn: (v: unknown) => void) => runner(fn, fail),
      withFailureHandler: (fn: (e: unknown) => void) => runner(ok, fn),
    };
    for (const [name, fn] of Object.entries(server))
      r[name] = (...args: unknown[]) => {
        calls.push([name, ...args]);
        queueMicrotask(() => {
          try {
            ok?.(fn(...args));
          } catch (e) {
            fail?.(e);
          }
        });
      };
    return r;
  };
  vi.stubGlobal("google", { script: { run: runner() } });
  return calls;
}

describe("callServer", () => {
  it("passes the arguments and resolves with the server's answer", async () => {
    const calls = stubRun({ saveMapping: (m) => ({ ok: true, mapping: m }) });
    await expect(callServer("saveMapping", { "orders.name": "氏名" })).resolves.toEqual({
      ok: true,
      mapping: { "orders.name": "氏名" },
    });
    expect(calls).toEqual([["saveMapping", { "orders.name": "氏名" }]]);
  });

  it("rejects with the server's message when the server throws", async () => {
    stubRun({
      getSidebarState: () => {
        throw new Error("Exception: 権限がありません");
      },
    });
    await expect(callServer("getSidebarState")).rejects.toThrow("権限がありません");
  });

  it("rejects with a message a failure handler gets as a plain object", async () => {
    stubRun({
      getSidebarState: () => {
        throw { message: "Exception: timed out" };
      },
    });
    await expect(callServer("getSidebarState")).rejects.toThrow("timed out");
  });

  it("names a server function the script does not have", async () => {
    stubRun({});
    await expect(callServer("previewSettings", {} as never)).rejects.toThrow("previewSettings");
  });

  it("outside Sheets (no google.script.run) says where to open it", async () => {
    vi.stubGlobal("google", undefined);
    await expect(callServer("getSidebarState")).rejects.toThrow("スプレッドシートの中で開いてください");
  });
});
