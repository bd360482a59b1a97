/**
 * The orders sheet's column mapping: one dropdown per column the rules need, listing the sheet's own headers, with
 * "自動" (detect by header) first. Only the user's corrections are saved (SODATSU_MAPPING on the 設定 sheet).
 */
import { callServer, SIDEBAR_MAPPING_KEYS, type SidebarState } from "./contract";
import { byId, enterSubmits, h } from "./dom";
import { MAPPING_LABELS } from "./fields";
import { currentLang, errorId, inputId, t, UI } from "./text";

function status(text: string, kind: "ok" | "error" | ""): void {
  const el = byId("mapping-status");
  el.textContent = text;
  el.className = `status ${kind}`;
}

function save(event: Event, server: SidebarState, onSaved: () => void): void {
  event.preventDefault();
  const mapping: Record<string, string> = {};
  for (const key of SIDEBAR_MAPPING_KEYS) mapping[key] = byId<HTMLSelectElement>(inputId(key)).value;
  const button = byId<HTMLButtonElement>("save-mapping");
  button.disabled = true;
  callServer("saveMapping", mapping).then(
    (answer) => {
      button.disabled = false;
      for (const key of SIDEBAR_MAPPING_KEYS) byId(errorId(key)).textContent = "";
      byId("mapping-errors").textContent = "";
      if (!answer.ok) {
        for (const e of answer.errors) {
          const at = document.getElementById(errorId(e.field)) ?? byId("mapping-errors");
          at.textContent = `${at.textContent} ${t(e.message)}`.trim();
        }
        status("", "");
        return;
      }
      server.mapping = answer.mapping;
      status(t(UI.mappingSaved), "ok");
      onSaved();
    },
    (error: Error) => {
      button.disabled = false;
      status(`${t(UI.failed)}${error.message}`, "error");
    },
  );
}

/** The mapping section; `onSaved` runs after a successful save (the counts may change with other columns). */
export function mappingForm(server: SidebarState, onSaved: () => void): HTMLElement {
  const section = h(
    "section",
    { id: "mapping", "aria-labelledby": "mapping-title" },
    h("h2", { id: "mapping-title" }, t(UI.mappingTitle)),
  );
  const info = server.orders;
  if (info.sheetName === null) {
    section.append(h("p", { class: "note" }, t(UI.noOrdersSheet)));
    return section;
  }
  section.append(h("p", { class: "help", id: "mapping-help" }, t(UI.mappingHelp)));
  const form = h("form", { id: "mapping-form", novalidate: true });
  for (const key of SIDEBAR_MAPPING_KEYS) {
    const detected = info.detected[key];
    const autoText =
      key === "orders.amountKind" && detected
        ? t(detected === "line_amount" ? UI.lineAmount : UI.orderTotal)
        : (detected ?? t(UI.notFound));
    const select = h(
      "select",
      { id: inputId(key), name: key, "aria-describedby": `mapping-help ${errorId(key)}` },
      h("option", { value: "" }, currentLang() === "en" ? `Automatic (${autoText})` : `自動(${autoText})`),
    );
    if (key === "orders.amountKind") {
      select.append(
        h("option", { value: "order_total" }, t(UI.orderTotal)),
        h("option", { value: "line_amount" }, t(UI.lineAmount)),
      );
    } else for (const header of info.headers) select.append(h("option", { value: header }, header));
    select.value = server.mapping[key] ?? "";
    form.append(
      h(
        "div",
        { class: "field" },
        h("label", { for: inputId(key) }, t(MAPPING_LABELS[key] ?? { ja: key, en: key })),
        select,
        h("p", { class: "error", id: errorId(key) }),
      ),
    );
  }
  form.append(
    h("p", { id: "mapping-errors", class: "error", role: "alert" }),
    h("div", { class: "actions" }, h("button", { type: "submit", id: "save-mapping" }, t(UI.saveMapping))),
    h("p", { id: "mapping-status", class: "status", role: "status", "aria-live": "polite" }),
  );
  form.addEventListener("submit", (event) => save(event, server, onSaved));
  enterSubmits(form);
  section.append(form);
  return section;
}
