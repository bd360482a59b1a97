import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { suggestThresholds } from "../../src/core/index";
import { readMapping, readSettings } from "../../src/gas/settingsSheet";
import { previewSettingsOf, sidebarStateOf } from "../../src/gas/sidebarServer";
import { type RecordedCall, sentFrom, shownCounts, WAIT } from "./browser";
import { serverWorld } from "./serverWorld";
import { sidebarBrowser } from "./sidebarBrowser";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const openSidebar = sidebarBrowser();
/**
 * With the page's clock paused, how long the user then leaves the form alone: far past the preview's debounce, so
 * whatever the sidebar would ask, it has asked.
 */
const QUIET = 60_000;

const named = (calls: RecordedCall[], name: RecordedCall["name"]) => calls.filter((c) => c.name === name);

/** Counts the server gives for these settings: the preview must show exactly these. */
function expectedCounts(server: ReturnType<typeof serverWorld>, settings: unknown) {
  const r = previewSettingsOf(server.ss, settings);
  if (!r.ok || !r.preview) throw new Error("fixture preview refused");
  const counts: Record<string, number> = { ...r.preview.counts };
  // The sidebar leaves out the member-only states when nobody is in them.
  for (const s of ["paused", "cancelled"]) if (counts[s] === 0) delete counts[s];
  return counts;
}

async function noHorizontalOverflow(page: Page): Promise<{ scroll: number; client: number; wide: string[] }> {
  return page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > client + 0.5) wide.push(`${el.tagName}#${el.id}.${el.className}`);
    }
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
}

describe("settings sidebar in headless Chromium", () => {
  it("loads the settings and shows the server's state counts and repurchase cycle", async () => {
    const server = serverWorld();
    const { page, calls } = await openSidebar(server);
    expect(named(calls, "getSidebarState")).toHaveLength(1);
    expect(await page.inputValue("#f-activeDays")).toBe(String(server.settings.activeDays));
    expect(await page.inputValue("#f-asOf")).toBe("2026-10-31");
    await expect.poll(() => shownCounts(page), WAIT).toEqual(expectedCounts(server, server.settings));
    const median = sidebarStateOf(server.ss).preview?.cycle.medianDays ?? null;
    expect(median).not.toBeNull();
    expect(await page.textContent("#cycle-median")).toContain(String(Math.round((median ?? 0) * 10) / 10));
    await page.close();
  });

  it("changing a threshold previews the new counts before anything is saved (debounced)", async () => {
    const server = serverWorld();
    const { page, calls } = await openSidebar(server, { clock: "paused" });
    const before = expectedCounts(server, server.settings);
    await page.click("#f-activeDays");
    await page.fill("#f-activeDays", "");
    // 5 and 50 are both valid: only the debounce keeps the sidebar from asking for 5 on the way.
    await page.keyboard.type("50");
    expect(await sentFrom(page)).toEqual(["getSidebarState"]);
    await page.clock.runFor(QUIET);
    const after = expectedCounts(server, { ...server.settings, activeDays: 50 });
    expect(after).not.toEqual(before);
    await expect.poll(() => shownCounts(page), WAIT).toEqual(after);
    expect(await page.getAttribute("#preview", "aria-busy")).toBe("false");
    const previews = named(calls, "previewSettings");
    expect(previews.map((c) => (c.args[0] as { activeDays: number }).activeDays)).toEqual([50]);
    expect(named(calls, "saveSettings")).toHaveLength(0);
    expect(readSettings(server.ss).settings).toEqual(server.settings);
    await page.close();
  });

  it("going back to the value already previewed asks nothing and leaves no stale counts", async () => {
    const server = serverWorld();
    const { page } = await openSidebar(server, { clock: "paused" });
    const shown = expectedCounts(server, server.settings);
    expect(await shownCounts(page)).toEqual(shown);
    await page.fill("#f-atRiskDays", "180");
    await page.fill("#f-atRiskDays", "60");
    await page.click("#f-activeDays"); // leaving the field fires "change" too
    // However long the user then waits, the counts are still those for 60 and the server was not asked.
    await page.clock.runFor(QUIET);
    expect(await sentFrom(page)).toEqual(["getSidebarState"]);
    expect(await shownCounts(page)).toEqual(shown);
    expect(await page.getAttribute("#preview", "aria-busy")).toBe("false");
    await page.close();
  });

  it("an answer for a value the form has left is never shown, even when it arrives late", async () => {
    const server = serverWorld();
    const { page, calls, release } = await openSidebar(server, {
      clock: "paused",
      held: ["previewSettings"],
    });
    const shown = expectedCounts(server, server.settings);
    // The user pauses on 180: the sidebar asks for it, and the answer is slow.
    await page.fill("#f-atRiskDays", "180");
    await page.clock.runFor(QUIET);
    expect(await sentFrom(page)).toEqual(["getSidebarState", "previewSettings"]);
    // Back to 60 before it arrives: the counts on screen are 60's again, nothing more to wait for.
    await page.fill("#f-atRiskDays", "60");
    expect(await page.getAttribute("#preview", "aria-busy")).toBe("false");
    await release("previewSettings");
    expect(await shownCounts(page)).toEqual(shown);
    expect(await page.getAttribute("#preview", "aria-busy")).toBe("false");
    await page.clock.runFor(QUIET);
    expect(await sentFrom(page)).toEqual(["getSidebarState", "previewSettings"]);
    expect(
      named(calls, "previewSettings").map((c) => (c.args[0] as { atRiskDays: number }).atRiskDays),
    ).toEqual([180]);
    await page.close();
  });

  it("typing on while an answer is on its way shows only the counts for what the form holds", async () => {
    const server = serverWorld();
    const { page, calls, release } = await openSidebar(server, {
      clock: "paused",
      held: ["previewSettings"],
    });
    const shown = expectedCounts(server, server.settings);
    const for120 = expectedCounts(server, { ...server.settings, atRiskDays: 120 });
    expect(for120).not.toEqual(expectedCounts(server, { ...server.settings, atRiskDays: 180 }));
    await page.fill("#f-atRiskDays", "180");
    await page.clock.runFor(QUIET);
    await page.fill("#f-atRiskDays", "120");
    // 180's answer arrives while 120 waits for the user to pause: the old counts stay, marked as updating.
    await release("previewSettings");
    expect(await shownCounts(page)).toEqual(shown);
    expect(await page.getAttribute("#preview", "aria-busy")).toBe("true");
    await page.clock.runFor(QUIET);
    await expect.poll(() => named(calls, "previewSettings").length, WAIT).toBe(2);
    await release("previewSettings");
    expect(await shownCounts(page)).toEqual(for120);
    expect(await page.getAttribute("#preview", "aria-busy")).toBe("false");
    expect(
      named(calls, "previewSettings").map((c) => (c.args[0] as { atRiskDays: number }).atRiskDays),
    ).toEqual([180, 120]);
    await page.close();
  });

  it("after a failed preview, the same value typed again is asked again", async () => {
    const server = serverWorld();
    const { page, calls, settled } = await openSidebar(server, {
      clock: "paused",
      failing: ["previewSettings"],
    });
    const shown = expectedCounts(server, server.settings);
    await page.fill("#f-atRiskDays", "180");
    await page.clock.runFor(QUIET);
    await expect.poll(() => named(calls, "previewSettings").length, WAIT).toBe(1);
    await settled();
    expect(await page.textContent("#status")).toContain("previewSettings failed on the server");
    // Another value and back within the debounce: the counts on screen are still 60's, so 180 is asked again.
    await page.fill("#f-atRiskDays", "1800");
    await page.fill("#f-atRiskDays", "180");
    await page.clock.runFor(QUIET);
    await expect.poll(() => named(calls, "previewSettings").length, WAIT).toBe(2);
    await settled();
    expect(await shownCounts(page)).toEqual(shown);
    expect(await page.getAttribute("#preview", "aria-busy")).toBe("false");
    await page.close();
  });

  it("an invalid value shows a message naming the field, disables save, and Enter does not save", async () => {
    const server = serverWorld();
    const { page, calls } = await openSidebar(server);
    await page.fill("#f-atRiskDays", "20");
    const message = await page.textContent("#e-atRiskDays");
    expect(message).toContain("休眠とみなす日数");
    expect(message).toContain("30");
    expect(await page.getAttribute("#f-atRiskDays", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#f-atRiskDays", "aria-describedby")).toContain("e-atRiskDays");
    expect(await page.isDisabled("#save")).toBe(true);
    await page.fill("#f-vipTopPercent", "abc");
    expect(await page.textContent("#e-vipTopPercent")).toContain("vipTopPercent");
    await page.focus("#f-vipTopPercent");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.textContent("#status"), WAIT).toContain("保存できません");
    expect(named(calls, "saveSettings")).toHaveLength(0);
    expect(await page.textContent("#preview-body")).toContain("入力を直す");
    // Fixing it clears the message and enables save again.
    await page.fill("#f-atRiskDays", "60");
    await page.fill("#f-vipTopPercent", "1");
    expect(await page.textContent("#e-atRiskDays")).toBe("");
    expect(await page.getAttribute("#f-atRiskDays", "aria-invalid")).toBeNull();
    expect(await page.isDisabled("#save")).toBe(false);
    await page.close();
  });

  it("applies the thresholds suggested from the shop's cycle in one click, then previews them", async () => {
    const server = serverWorld();
    const { page, calls } = await openSidebar(server);
    await page.click("#apply-suggestion");
    const median = sidebarStateOf(server.ss).preview?.cycle.medianDays ?? null;
    const suggested = suggestThresholds(median);
    await expect.poll(() => page.inputValue("#f-activeDays"), WAIT).toBe(String(suggested.activeDays));
    expect(await page.inputValue("#f-atRiskDays")).toBe(String(suggested.atRiskDays));
    expect(await page.inputValue("#f-vipRecencyDays")).toBe(String(suggested.vipRecencyDays));
    expect(named(calls, "applySuggestedThresholds")).toHaveLength(1);
    await expect
      .poll(() => shownCounts(page), WAIT)
      .toEqual(expectedCounts(server, { ...server.settings, ...suggested }));
    expect(await page.textContent("#status")).toContain("まだ保存していません");
    expect(readSettings(server.ss).settings).toEqual(server.settings);
    await page.close();
  });

  it("saves: the recorded call carries the edited settings and the 設定 sheet holds them", async () => {
    const server = serverWorld();
    const { page, calls } = await openSidebar(server);
    await page.fill("#f-activeDays", "45");
    await page.fill("#f-vipRecencyDays", "50");
    await page.click("#save");
    await expect.poll(() => page.textContent("#status"), WAIT).toContain("保存しました");
    const saves = named(calls, "saveSettings");
    const edited = { ...server.settings, activeDays: 45, vipRecencyDays: 50 };
    expect(saves).toEqual([{ name: "saveSettings", args: [edited] }]);
    expect(readSettings(server.ss)).toEqual({ settings: edited, errors: [] });
    await page.close();
  });

  it("keyboard only: Tab reaches the fields in order, focus is visible, Enter saves", async () => {
    const server = serverWorld();
    const { page, calls } = await openSidebar(server);
    const order: string[] = [];
    for (let i = 0; i < 40 && !order.includes("f-activeDays"); i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement?.id ?? ""));
    }
    expect(order).toContain("f-activeDays");
    expect(order.indexOf("apply-suggestion")).toBeLessThan(order.indexOf("f-activeDays"));
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement as Element);
      return { style: s.outlineStyle, width: Number.parseFloat(s.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("20");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-atRiskDays");
    await page.keyboard.press("Enter");
    await expect.poll(() => named(calls, "saveSettings").length, WAIT).toBe(1);
    expect(named(calls, "saveSettings")[0].args[0]).toMatchObject({ activeDays: 20 });
    // Enter on a select (not a native submit) saves too: the language switches to English.
    await page.focus("#f-language");
    await page.selectOption("#f-language", "en");
    await page.keyboard.press("Enter");
    await expect.poll(() => named(calls, "saveSettings").length, WAIT).toBe(2);
    expect(named(calls, "saveSettings")[1].args[0]).toMatchObject({ language: "en", activeDays: 20 });
    await page.close();
  });

  it("every control has a label and its help and message tied with aria-describedby; the preview is a live region", async () => {
    const server = serverWorld();
    const { page } = await openSidebar(server);
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll("input, select"))) {
        const control = el as HTMLInputElement | HTMLSelectElement;
        if (!control.labels || control.labels.length === 0 || !control.labels[0].textContent?.trim())
          out.push(`${control.id}: no label`);
        const ids = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
        if (ids.length === 0) out.push(`${control.id}: no aria-describedby`);
        for (const id of ids) if (!document.getElementById(id)) out.push(`${control.id}: missing #${id}`);
      }
      return out;
    });
    expect(problems).toEqual([]);
    expect(await page.getAttribute("#preview", "aria-live")).toBe("polite");
    expect(await page.$$eval("input, select", (els) => els.length)).toBeGreaterThan(20);
    await page.close();
  });

  it("at 300 px nothing overflows horizontally, advanced settings open", async () => {
    const server = serverWorld();
    const { page } = await openSidebar(server, { width: 300 });
    await page.click("#advanced summary");
    await page.fill("#f-atRiskDays", "20"); // with a long message showing
    const { scroll, client, wide } = await noHorizontalOverflow(page);
    expect(wide).toEqual([]);
    expect(scroll).toBeLessThanOrEqual(client);
    await page.close();
  });

  it("English: labels in English, help in Japanese first and English second", async () => {
    const server = serverWorld();
    const { page } = await openSidebar(server);
    await page.fill("#f-activeDays", "25");
    await page.focus("#f-language");
    await page.selectOption("#f-language", "en");
    await expect.poll(() => page.textContent("label[for=f-activeDays]"), WAIT).toBe("Active within (days)");
    const help = await page.$$eval("#h-activeDays span", (s) => s.map((x) => x.getAttribute("lang")));
    expect(help).toEqual(["ja", "en"]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    // The switch keeps what was typed and the focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-language");
    expect(await page.inputValue("#f-activeDays")).toBe("25");
    await expect.poll(() => page.textContent("#preview-title"), WAIT).toContain("Customers per state");
    await page.close();
  });

  it("edits the column mapping from the orders sheet's headers", async () => {
    const server = serverWorld();
    const { page, calls } = await openSidebar(server);
    const options = await page.$$eval("#f-orders\\.customer option", (os) => os.map((o) => o.textContent));
    expect(options[0]).toContain("自動");
    expect(options[0]).toContain("顧客ID");
    expect(options.slice(1)).toEqual(["顧客ID", "注文番号", "注文日時", "合計金額", "ステータス", "氏名"]);
    await page.selectOption("#f-orders\\.name", "氏名");
    await page.selectOption("#f-orders\\.amountKind", "line_amount");
    await page.click("#save-mapping");
    await expect.poll(() => page.textContent("#mapping-status"), WAIT).toContain("保存しました");
    const saved = named(calls, "saveMapping");
    expect(saved).toHaveLength(1);
    expect(saved[0].args[0]).toMatchObject({
      "orders.name": "氏名",
      "orders.amountKind": "line_amount",
      "orders.customer": "",
    });
    expect(readMapping(server.ss)).toEqual({ "orders.name": "氏名", "orders.amountKind": "line_amount" });
    await page.close();
  });

  it("a server failure is shown in words, and the form stays usable", async () => {
    const server = serverWorld();
    const { page, calls } = await openSidebar(server, { failing: ["saveSettings"] });
    await page.fill("#f-activeDays", "25");
    await page.click("#save");
    await expect.poll(() => page.textContent("#status"), WAIT).toContain("サーバーとの通信に失敗しました");
    expect(await page.textContent("#status")).toContain("saveSettings failed on the server");
    expect(await page.isDisabled("#save")).toBe(false);
    expect(named(calls, "saveSettings")).toHaveLength(1);
    await page.close();
  });

  it("when the sidebar cannot load its state it says so instead of showing an empty form", async () => {
    const server = serverWorld();
    const { page } = await openSidebar(server, {
      failing: ["getSidebarState"],
      ready: "#app .error",
    });
    expect(await page.textContent("#app")).toContain("サーバーとの通信に失敗しました");
    expect(await page.textContent("#app")).toContain("getSidebarState failed on the server");
    expect(await page.$("#settings-form")).toBeNull();
    await page.close();
  });

  it("saving while an analysis runs says so and lets the user try again", async () => {
    const server = serverWorld();
    const { page, calls } = await openSidebar(server);
    server.world.lock.heldByOther = true;
    await page.fill("#f-activeDays", "25");
    await page.click("#save");
    await expect.poll(() => page.textContent("#form-errors"), WAIT).toContain("別の分析が実行中");
    expect(await page.isDisabled("#save")).toBe(false);
    server.world.lock.heldByOther = false;
    await page.click("#save");
    await expect.poll(() => page.textContent("#status"), WAIT).toContain("保存しました");
    expect(named(calls, "saveSettings")).toHaveLength(2);
    expect(readSettings(server.ss).settings.activeDays).toBe(25);
    await page.close();
  });

  // The README's picture is refreshed on request (SODATSU_SCREENSHOT=docs npx vitest run test/ui/sidebar.test.ts);
  // a plain test run writes to test/.out so it never leaves the checkout dirty.
  it("keeps a screenshot for the README (docs/img/sidebar.png)", async () => {
    const server = serverWorld();
    const { page } = await openSidebar(server, { width: 300, height: 900, scale: 2 });
    await expect.poll(() => shownCounts(page), WAIT).toEqual(expectedCounts(server, server.settings));
    const target =
      process.env.SODATSU_SCREENSHOT === "docs" ? "docs/img/sidebar.png" : "test/.out/sidebar.png";
    const path = join(ROOT, target);
    mkdirSync(dirname(path), { recursive: true });
    const png = await page.screenshot({ path, fullPage: false });
    expect(png.length).toBeGreaterThan(10_000);
    await page.close();
  });
});
