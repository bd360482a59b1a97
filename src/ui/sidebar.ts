/**
 * The settings sidebar (issue 4): edits the settings with a message per field (the core's validateSettings, the
 * same code the server runs again), previews the state counts before saving, applies thresholds from the shop's
 * own repurchase cycle, and corrects the orders sheet's column mapping. Every server call goes through callServer.
 */
import { SETTING_HELP, type Settings, type SettingsError, validateSettings } from "../core/index";
import {
  callServer,
  type RepurchaseCycle,
  SIDEBAR_MAPPING_KEYS,
  type SidebarState,
  type StatePreview,
  type Text,
} from "./contract";
import { byId, debounce, enterSubmits, h } from "./dom";
import { FIELDS, type FieldSpec, GROUPS } from "./fields";
import { mappingForm } from "./mappingForm";
import { type PanelData, showCycle, showPreview } from "./preview";
import { currentLang, errorId, helpId, inputId, setLang, t, UI } from "./text";

const SUGGESTED_FIELDS = ["activeDays", "atRiskDays", "vipRecencyDays"] as const;
const PREVIEW_DELAY_MS = 400;

interface Model {
  server: SidebarState;
  /** The settings last saved (or loaded): the base that missing keys and action points come from. */
  saved: Settings;
  cycle: RepurchaseCycle | null;
  preview: StatePreview | null;
  previewNote: Text | null;
  /** Bumped by every request and by every edit that makes the answer on its way stale: only the latest counts. */
  previewSeq: number;
  /** The settings (as JSON) that `preview` counts; null once they may no longer hold (the column mapping changed). */
  shownFor: string | null;
  /** The settings (as JSON) of the preview request on its way, null when none is awaited. */
  askedFor: string | null;
}

let model: Model | null = null;

// ---------------------------------------------------------------------------------------------------------------
// Reading and validating the form
// ---------------------------------------------------------------------------------------------------------------

/** The form's values as validateSettings takes them: text as typed (it reads "３０" and "30" alike). */
function draft(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const el = byId<HTMLInputElement | HTMLSelectElement>(inputId(f.key));
    if (f.kind === "checkbox") out[f.key] = (el as HTMLInputElement).checked;
    else if (f.kind === "date") out[f.key] = el.value.trim() === "" ? null : el.value;
    else out[f.key] = el.value;
  }
  return out;
}

function validate(): ReturnType<typeof validateSettings> {
  if (!model) throw new Error("not loaded");
  const result = validateSettings(draft(), model.saved);
  showFieldErrors(result.ok ? [] : result.errors);
  return result;
}

function showFieldErrors(errors: readonly SettingsError[]): void {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const e of errors) {
    const text = t(e.message);
    if (FIELDS.some((f) => f.key === e.field)) byField.set(e.field, [...(byField.get(e.field) ?? []), text]);
    else general.push(text);
  }
  for (const f of FIELDS) {
    const messages = byField.get(f.key) ?? [];
    byId(errorId(f.key)).textContent = messages.join(" ");
    const input = byId(inputId(f.key));
    if (messages.length > 0) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
  byId("form-errors").textContent = general.join(" ");
  // A message inside the closed 詳細設定 would be invisible: open it.
  const advanced = document.getElementById("advanced") as HTMLDetailsElement | null;
  if (advanced && FIELDS.some((f) => f.group === "advanced" && byField.has(f.key))) advanced.open = true;
  // A message about the whole form (a run holding the lock) is worth a retry; a wrong field is not.
  byId<HTMLButtonElement>("save").disabled = errors.some((e) => e.field !== "settings");
}

// ---------------------------------------------------------------------------------------------------------------
// Preview and cycle
// ---------------------------------------------------------------------------------------------------------------

/** What the preview and cycle panels show now. */
const shown = (): PanelData => ({
  preview: model?.preview ?? null,
  note: model?.previewNote ?? null,
  cycle: model?.cycle ?? null,
});
const renderPreview = (busy: boolean, invalid = false): void => showPreview(shown(), busy, invalid);
const renderCycle = (): void => showCycle(shown());

/** The answer on its way (if any) no longer matches the form: whenever it arrives, it is dropped. */
function dropAnswerOnItsWay(): void {
  if (!model) return;
  model.previewSeq++;
  model.askedFor = null;
}

function requestPreview(settings: Settings): void {
  if (!model) return;
  const seq = ++model.previewSeq;
  const asked = JSON.stringify(settings);
  model.askedFor = asked;
  renderPreview(true);
  callServer("previewSettings", settings).then(
    (result) => {
      // An answer is shown only if nothing was asked or edited since it was asked: an older answer arriving after
      // a newer request, or after the form moved on to other values, would show counts for settings not in the form.
      if (!model || seq !== model.previewSeq) return;
      model.askedFor = null;
      if (!result.ok) {
        showFieldErrors(result.errors);
        renderPreview(false, true);
        return;
      }
      model.preview = result.preview;
      model.previewNote = result.note;
      model.shownFor = asked;
      if (result.preview) model.cycle = result.preview.cycle;
      renderPreview(false);
      renderCycle();
    },
    (error: Error) => {
      if (!model || seq !== model.previewSeq) return;
      // The counts shown are still those of shownFor: the same settings typed again are asked again.
      model.askedFor = null;
      renderPreview(false);
      status(`${t(UI.failed)}${error.message}`, "error");
    },
  );
}

const previewSoon = debounce((settings: Settings) => requestPreview(settings), PREVIEW_DELAY_MS);

function onEdit(): void {
  if (!model) return;
  status("");
  const result = validate();
  if (!result.ok) {
    dropAnswerOnItsWay();
    previewSoon.cancel();
    renderPreview(false, true);
    return;
  }
  if (result.value.language !== currentLang()) {
    // Switching the language redraws the panel in it, keeping what has been typed, chosen and opened.
    const values = draft();
    const focused = document.activeElement?.id;
    const advanced = document.getElementById("advanced") as HTMLDetailsElement | null;
    const advancedOpen = advanced?.open ?? false;
    const columns = SIDEBAR_MAPPING_KEYS.map((k) => [k, document.getElementById(inputId(k))] as const);
    const chosen = columns.map(([k, el]) => [k, el instanceof HTMLSelectElement ? el.value : null] as const);
    setLang(result.value.language);
    render(values);
    (byId("advanced") as HTMLDetailsElement).open = advancedOpen;
    for (const [k, value] of chosen) {
      const el = document.getElementById(inputId(k));
      if (value !== null && el instanceof HTMLSelectElement) el.value = value;
    }
    if (focused) document.getElementById(focused)?.focus();
  }
  const wanted = JSON.stringify(result.value);
  // Leaving a field fires "change" after "input": nothing new to ask then, the answer is already on its way.
  if (wanted === model.askedFor) {
    previewSoon.cancel();
    renderPreview(true);
    return;
  }
  // Whatever was asked before is not what the form holds now (typing 180 then back to 60 while 180's counts are
  // on a slow way): its answer must not be shown, even in the moment before the next request goes out.
  dropAnswerOnItsWay();
  if (wanted === model.shownFor) {
    // Back to the settings whose counts are on screen: nothing to ask.
    previewSoon.cancel();
    renderPreview(false);
    return;
  }
  renderPreview(true);
  previewSoon(result.value);
}

function status(text: string, kind: "ok" | "error" | "" = ""): void {
  const el = byId("status");
  el.textContent = text;
  el.className = `status ${kind}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------------------------

function save(event: Event): void {
  event.preventDefault();
  if (!model) return;
  const result = validate();
  if (!result.ok) {
    status(t(UI.refused), "error");
    const first = result.errors.find((e) => FIELDS.some((f) => f.key === e.field));
    if (first) byId(inputId(first.field)).focus();
    return;
  }
  const button = byId<HTMLButtonElement>("save");
  button.disabled = true;
  status(t(UI.saving));
  callServer("saveSettings", result.value).then(
    (answer) => {
      button.disabled = false;
      if (!model) return;
      if (!answer.ok) {
        showFieldErrors(answer.errors);
        status(t(UI.refused), "error");
        return;
      }
      model.saved = answer.settings;
      status(t(UI.saved), "ok");
    },
    (error: Error) => {
      button.disabled = false;
      status(`${t(UI.failed)}${error.message}`, "error");
    },
  );
}

function applySuggestion(): void {
  if (!model) return;
  // The three thresholds are about to be replaced, so a half-typed value in one of them must not block it.
  const values = draft();
  for (const k of SUGGESTED_FIELDS) delete values[k];
  const base = validateSettings(values, model.saved);
  if (!base.ok) {
    showFieldErrors(base.errors);
    return;
  }
  callServer("applySuggestedThresholds", base.value).then(
    (answer) => {
      if (!model) return;
      if (!answer.ok) {
        status(answer.errors.map((e) => t(e.message)).join(" "), "error");
        return;
      }
      for (const k of SUGGESTED_FIELDS) byId<HTMLInputElement>(inputId(k)).value = String(answer.settings[k]);
      model.cycle = answer.cycle;
      onEdit();
      status(t(UI.applied), "ok");
    },
    (error: Error) => status(`${t(UI.failed)}${error.message}`, "error"),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------------------------

function helpNodes(text: Text): Node[] {
  // Plain Japanese always; English underneath when the shop works in English.
  const nodes: Node[] = [h("span", { lang: "ja" }, text.ja)];
  if (currentLang() === "en") nodes.push(h("span", { lang: "en", class: "en" }, text.en));
  return nodes;
}

function fieldControl(f: FieldSpec, value: unknown): HTMLElement {
  const common = {
    id: inputId(f.key),
    name: f.key,
    "aria-describedby": `${helpId(f.key)} ${errorId(f.key)}`,
  };
  switch (f.kind) {
    case "language": {
      const select = h(
        "select",
        common,
        h("option", { value: "ja" }, t(UI.languageJa)),
        h("option", { value: "en" }, t(UI.languageEn)),
      );
      select.value = String(value);
      return select;
    }
    case "checkbox": {
      const box = h("input", { ...common, type: "checkbox" });
      box.checked = value === true;
      return box;
    }
    default: {
      const input = h("input", {
        ...common,
        type: "text",
        inputmode: f.kind === "int" ? "numeric" : f.kind === "percent" ? "decimal" : undefined,
        autocomplete: "off",
        spellcheck: "false",
        placeholder: f.kind === "date" ? "YYYY-MM-DD" : undefined,
      });
      input.value = value === null || value === undefined ? "" : String(value);
      return input;
    }
  }
}

function fieldRow(f: FieldSpec, value: unknown): HTMLElement {
  const control = fieldControl(f, value);
  const label = h("label", { for: inputId(f.key) }, t(f.label));
  const inputLine =
    f.kind === "checkbox"
      ? h("div", { class: "check" }, control, label)
      : h("div", { class: "input-line" }, control, f.unit ? h("span", { class: "unit" }, t(f.unit)) : null);
  return h(
    "div",
    { class: "field", "data-field": f.key },
    f.kind === "checkbox" ? null : label,
    inputLine,
    h("p", { class: "help", id: helpId(f.key) }, ...helpNodes(SETTING_HELP[f.key])),
    h("p", { class: "error", id: errorId(f.key) }),
  );
}

function settingsForm(values: Record<string, unknown>): HTMLFormElement {
  const form = h("form", { id: "settings-form", novalidate: true });
  for (const { group, title } of GROUPS) {
    const fields = FIELDS.filter((f) => f.group === group).map((f) => fieldRow(f, values[f.key]));
    if (group === "advanced") {
      form.append(h("details", { id: "advanced" }, h("summary", {}, t(title)), ...fields));
    } else form.append(h("fieldset", {}, h("legend", {}, t(title)), ...fields));
  }
  form.append(
    h("p", { id: "form-errors", class: "error", role: "alert" }),
    h("div", { class: "actions" }, h("button", { type: "submit", id: "save", class: "primary" }, t(UI.save))),
    h("p", { id: "status", class: "status", role: "status", "aria-live": "polite" }),
  );
  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  form.addEventListener("submit", save);
  enterSubmits(form);
  return form;
}

function render(values: Record<string, unknown>): void {
  if (!model) return;
  document.documentElement.lang = currentLang();
  document.title = t(UI.title);
  const app = byId("app");
  const sheetErrors = model.server.settingsErrors;
  app.replaceChildren(
    h("h1", {}, t(UI.title)),
    sheetErrors.length > 0
      ? h(
          "div",
          { class: "warning", role: "alert" },
          h("p", {}, t(UI.sheetErrors)),
          h("ul", {}, ...sheetErrors.map((e) => h("li", {}, t(e.message)))),
        )
      : document.createDocumentFragment(),
    h(
      "section",
      { id: "cycle", "aria-labelledby": "cycle-title" },
      h("h2", { id: "cycle-title" }, t(UI.cycleTitle)),
      h("div", { id: "cycle-body" }),
      h("button", { type: "button", id: "apply-suggestion" }, t(UI.apply)),
    ),
    h(
      "section",
      { id: "preview", "aria-labelledby": "preview-title", "aria-live": "polite", "aria-busy": "false" },
      h("h2", { id: "preview-title" }, t(UI.previewTitle)),
      h("div", { id: "preview-body" }),
    ),
    settingsForm(values),
    mappingForm(model.server, () => {
      // Other columns may change the counts: preview again under the edited settings, and forget which settings
      // the counts on screen were for (they were made with the old columns).
      if (model) model.shownFor = null;
      const result = validate();
      if (result.ok) requestPreview(result.value);
    }),
  );
  app.setAttribute("aria-busy", "false");
  byId("apply-suggestion").addEventListener("click", applySuggestion);
  renderCycle();
  renderPreview(false);
  validate();
}

function settingsValues(s: Settings): Record<string, unknown> {
  return { ...s };
}

export function start(): void {
  callServer("getSidebarState").then(
    (server) => {
      setLang(server.settings.language);
      model = {
        server,
        saved: server.settings,
        cycle: server.preview?.cycle ?? null,
        preview: server.preview,
        previewNote: server.previewNote,
        previewSeq: 0,
        shownFor: server.preview ? JSON.stringify(server.settings) : null,
        askedFor: null,
      };
      render(settingsValues(server.settings));
    },
    (error: Error) => {
      byId("app").replaceChildren(
        h(
          "p",
          { class: "error", role: "alert" },
          `${UI.failed.ja}${error.message} / ${UI.failed.en}${error.message}`,
        ),
      );
    },
  );
}

start();
