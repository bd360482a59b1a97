/**
 * The two read-only panels: how many customers fall in each state under the edited settings (an aria-live region,
 * so a screen reader hears the new counts), and the shop's repurchase cycle with the thresholds it suggests.
 */
import { type CustomerState, STATE_LABELS } from "../core/index";
import type { RepurchaseCycle, StatePreview, Text } from "./contract";
import { byId, h } from "./dom";
import { currentLang, t, UI } from "./text";

export interface PanelData {
  preview: StatePreview | null;
  /** Why there is no preview (no orders yet, a column not found, too many rows). */
  note: Text | null;
  cycle: RepurchaseCycle | null;
}

const STATE_ORDER: readonly CustomerState[] = [
  "new",
  "active",
  "at_risk",
  "dormant",
  "winback",
  "vip",
  "paused",
  "cancelled",
];
/** Paused and cancelled appear only when the Members sheet makes them possible. */
const MEMBER_STATES: readonly CustomerState[] = ["paused", "cancelled"];

export function showPreview(data: PanelData, busy: boolean, invalid = false): void {
  const box = byId("preview-body");
  box.replaceChildren();
  byId("preview").setAttribute("aria-busy", busy ? "true" : "false");
  if (invalid) {
    box.append(h("p", { class: "note" }, t(UI.previewInvalid)));
    return;
  }
  if (busy && !data.preview) {
    box.append(h("p", { class: "note" }, t(UI.previewBusy)));
    return;
  }
  if (!data.preview) {
    if (data.note) box.append(h("p", { class: "note" }, t(data.note)));
    return;
  }
  const p = data.preview;
  const fmt = (n: number) => n.toLocaleString(currentLang() === "en" ? "en-US" : "ja-JP");
  box.append(
    h(
      "p",
      { class: "meta" },
      `${t(UI.asOf)} ${p.asOf} ・ ${t(UI.customers)} ${fmt(p.customers)}${t(UI.people) ? ` ${t(UI.people)}` : ""}`,
    ),
  );
  const list = h("dl", { class: "counts", id: "state-counts" });
  for (const s of STATE_ORDER) {
    if (MEMBER_STATES.includes(s) && p.counts[s] === 0) continue;
    list.append(
      h(
        "div",
        { class: `count state-${s}`, "data-state": s },
        h("dt", {}, t(STATE_LABELS[s])),
        h("dd", {}, fmt(p.counts[s])),
      ),
    );
  }
  box.append(list);
  if (busy) box.append(h("p", { class: "note" }, t(UI.previewBusy)));
}

export function showCycle(data: PanelData): void {
  const box = byId("cycle-body");
  box.replaceChildren();
  const c = data.cycle;
  const button = byId<HTMLButtonElement>("apply-suggestion");
  if (!c || c.medianDays === null || !c.suggested) {
    box.append(h("p", { class: "note" }, data.note && !data.preview ? t(data.note) : t(UI.cycleNone)));
    button.disabled = true;
    return;
  }
  const days = Math.round(c.medianDays * 10) / 10;
  const s = c.suggested;
  box.append(
    h(
      "p",
      { id: "cycle-median" },
      currentLang() === "en"
        ? `Median days between purchases: ${days} days.`
        : `購入と購入の間隔(中央値): ${days} 日`,
    ),
    h(
      "p",
      { id: "cycle-suggestion", class: "meta" },
      currentLang() === "en"
        ? `Suggested: active ${s.activeDays} days, dormant after ${s.atRiskDays} days, VIP within ${s.vipRecencyDays} days.`
        : `目安: 継続 ${s.activeDays} 日 / 休眠 ${s.atRiskDays} 日 / 優良の最終購入 ${s.vipRecencyDays} 日`,
    ),
  );
  button.disabled = false;
}
