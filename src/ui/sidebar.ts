/**
 * The settings sidebar (issue 4): edits the settings with a message per field (the core's validateSettings, the
 * same code the server runs again), previews the state counts before saving, applies thresholds from the shop's
 * own repurchase cycle, and corrects the orders sheet's column mapping. Every server call goes through callServer.
 */
import {
  type CustomerState,
  type Lang,
  type Settings,
  type SettingsError,
  STATE_LABELS,
  validateSettings,
} from "../core/index";
import {
  callServer,
  type RepurchaseCycle,
  SIDEBAR_MAPPING_KEYS,
  type SidebarState,
  type StatePreview,
  type Text,
} from "./contract";
import { byId, debounce, h } from "./dom";
import { FIELDS, type FieldSpec, GROUPS, MAPPING_LABELS } from "./fields";

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
const SUGGESTED_FIELDS = ["activeDays", "atRiskDays", "vipRecencyDays"] as const;
const PREVIEW_DELAY_MS = 400;

const UI = {
  title: { ja: "育つ 設定", en: "Sodatsu settings" },
  cycleTitle: { ja: "お店の購入サイクル", en: "Your repurchase cycle" },
  cycleNone: {
    ja: "2回以上購入したお客様がまだいないため、購入サイクルから目安を出せません。",
    en: "No customer has bought twice yet, so there is no cycle to suggest thresholds from.",
  },
  apply: { ja: "目安を当てはめる", en: "Apply suggestion" },
  applied: {
    ja: "目安を当てはめました(まだ保存していません)。",
    en: "Suggestion applied (not saved yet).",
  },
  previewTitle: { ja: "この設定での人数(保存前)", en: "Customers per state (before saving)" },
  previewBusy: { ja: "計算しています…", en: "Calculating…" },
  previewInvalid: { ja: "入力を直すと人数が出ます。", en: "Fix the highlighted fields to see the counts." },
  save: { ja: "設定を保存", en: "Save settings" },
  saving: { ja: "保存しています…", en: "Saving…" },
  saved: {
    ja: "保存しました。次の「顧客分析を実行」から使われます。",
    en: "Saved. The next analysis run uses these settings.",
  },
  refused: {
    ja: "保存できません。赤字の項目を直してください。",
    en: "Not saved: please fix the fields in red.",
  },
  sheetErrors: {
    ja: "設定シートに読めない値があるため、初期値を表示しています:",
    en: "The Settings sheet holds values that cannot be used, so the defaults are shown:",
  },
  mappingTitle: { ja: "注文シートの列の対応", en: "Orders sheet columns" },
  mappingHelp: {
    ja: "列が自動で見つからないときや、違う列が選ばれているときに直します。「自動」は見出しから判定します。",
    en: "Correct a column that was not found or was found wrongly. Automatic finds it by its header.",
  },
  noOrdersSheet: {
    ja: "注文シートがまだありません。メニューの「テンプレートを準備」で作れます。",
    en: "There is no Orders sheet yet. Use Set up template in the menu.",
  },
  auto: { ja: "自動", en: "Automatic" },
  notFound: { ja: "見つかりません", en: "not found" },
  orderTotal: { ja: "注文合計(1注文に1回数える)", en: "Order total (once per order)" },
  lineAmount: { ja: "明細金額(行ごとに足す)", en: "Line amount (summed per order)" },
  saveMapping: { ja: "列の対応を保存", en: "Save columns" },
  mappingSaved: { ja: "列の対応を保存しました。", en: "Columns saved." },
  failed: { ja: "サーバーとの通信に失敗しました: ", en: "The server call failed: " },
  people: { ja: "人", en: "" },
  customers: { ja: "お客様", en: "Customers" },
  asOf: { ja: "基準日", en: "As of" },
  languageJa: { ja: "日本語", en: "Japanese (日本語)" },
  languageEn: { ja: "英語 (English)", en: "English" },
} satisfies Record<string, Text>;

interface Model {
  server: SidebarState;
  /** The settings last saved (or loaded): the base that missing keys and action points come from. */
  saved: Settings;
  lang: Lang;
  cycle: RepurchaseCycle | null;
  preview: StatePreview | null;
  previewNote: Text | null;
  previewSeq: number;
}

let model: Model | null = null;

const t = (text: Text): string => (model?.lang === "en" ? text.en : text.ja);
const inputId = (key: string) => `f-${key}`;
const helpId = (key: string) => `h-${key}`;
const errorId = (key: string) => `e-${key}`;

// ---------------------------------------------------------------------------------------------------------------
// Reading and validating the form
// ---------------------------------------------------------------------------------------------------------------

/** The form's values as validateSettings takes them: text as typed (it reads "３０" and "30" alike). */
function draft(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const el = byId<HTMLInputElement | HTMLSelectElement>(inputId(f.key));
    if (f.kind === "dayFirst") out[f.key] = (el as HTMLInputElement).checked;
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
  byId<HTMLButtonElement>("save").disabled = errors.length > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Preview and cycle
// ---------------------------------------------------------------------------------------------------------------

function renderPreview(busy: boolean, invalid = false): void {
  if (!model) return;
  const box = byId("preview-body");
  box.replaceChildren();
  byId("preview").setAttribute("aria-busy", busy ? "true" : "false");
  if (invalid) {
    box.append(h("p", { class: "note" }, t(UI.previewInvalid)));
    return;
  }
  if (busy && !model.preview) {
    box.append(h("p", { class: "note" }, t(UI.previewBusy)));
    return;
  }
  if (!model.preview) {
    if (model.previewNote) box.append(h("p", { class: "note" }, t(model.previewNote)));
    return;
  }
  const p = model.preview;
  const fmt = (n: number) => n.toLocaleString(model?.lang === "en" ? "en-US" : "ja-JP");
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

function renderCycle(): void {
  if (!model) return;
  const box = byId("cycle-body");
  box.replaceChildren();
  const c = model.cycle;
  const button = byId<HTMLButtonElement>("apply-suggestion");
  if (!c || c.medianDays === null || !c.suggested) {
    box.append(
      h("p", { class: "note" }, model.previewNote && !model.preview ? t(model.previewNote) : t(UI.cycleNone)),
    );
    button.disabled = true;
    return;
  }
  const days = Math.round(c.medianDays * 10) / 10;
  const s = c.suggested;
  box.append(
    h(
      "p",
      { id: "cycle-median" },
      model.lang === "en"
        ? `Median days between purchases: ${days} days.`
        : `購入と購入の間隔(中央値): ${days} 日`,
    ),
    h(
      "p",
      { id: "cycle-suggestion", class: "meta" },
      model.lang === "en"
        ? `Suggested: active ${s.activeDays} days, dormant after ${s.atRiskDays} days, VIP within ${s.vipRecencyDays} days.`
        : `目安: 継続 ${s.activeDays} 日 / 休眠 ${s.atRiskDays} 日 / 優良の最終購入 ${s.vipRecencyDays} 日`,
    ),
  );
  button.disabled = false;
}

function requestPreview(settings: Settings): void {
  if (!model) return;
  const seq = ++model.previewSeq;
  renderPreview(true);
  callServer("previewSettings", settings).then(
    (result) => {
      // An older answer arriving after a newer request must not overwrite it.
      if (!model || seq !== model.previewSeq) return;
      if (!result.ok) {
        showFieldErrors(result.errors);
        renderPreview(false, true);
        return;
      }
      model.preview = result.preview;
      model.previewNote = result.note;
      if (result.preview) model.cycle = result.preview.cycle;
      renderPreview(false);
      renderCycle();
    },
    (error: Error) => {
      if (!model || seq !== model.previewSeq) return;
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
    model.previewSeq++; // drop any answer still on its way
    renderPreview(false, true);
    return;
  }
  if (result.value.language !== model.lang) {
    // Switching the language redraws the panel in it, keeping what has been typed.
    const values = draft();
    const focused = document.activeElement?.id;
    model.lang = result.value.language;
    render(values);
    if (focused) document.getElementById(focused)?.focus();
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

function saveMapping(event: Event): void {
  event.preventDefault();
  const mapping: Record<string, string> = {};
  for (const key of SIDEBAR_MAPPING_KEYS) mapping[key] = byId<HTMLSelectElement>(inputId(key)).value;
  const button = byId<HTMLButtonElement>("save-mapping");
  button.disabled = true;
  callServer("saveMapping", mapping).then(
    (answer) => {
      button.disabled = false;
      if (!model) return;
      for (const key of SIDEBAR_MAPPING_KEYS) byId(errorId(key)).textContent = "";
      byId("mapping-errors").textContent = "";
      if (!answer.ok) {
        for (const e of answer.errors) {
          const at = document.getElementById(errorId(e.field)) ?? byId("mapping-errors");
          at.textContent = `${at.textContent} ${t(e.message)}`.trim();
        }
        mappingStatus("", "");
        return;
      }
      model.server.mapping = answer.mapping;
      mappingStatus(t(UI.mappingSaved), "ok");
      // Other columns may change the counts: preview again under the edited settings.
      const result = validate();
      if (result.ok) requestPreview(result.value);
    },
    (error: Error) => {
      button.disabled = false;
      mappingStatus(`${t(UI.failed)}${error.message}`, "error");
    },
  );
}

function mappingStatus(text: string, kind: "ok" | "error" | ""): void {
  const el = byId("mapping-status");
  el.textContent = text;
  el.className = `status ${kind}`;
}

/** Enter saves from any field, selects and checkboxes included (natively only text fields do). */
function enterSubmits(form: HTMLFormElement): void {
  form.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== "Enter" || event.isComposing) return;
    // Text fields submit natively only while the save button is enabled; asking explicitly means an invalid form
    // answers "not saved" with the field to fix instead of doing nothing.
    if (target instanceof HTMLSelectElement || target instanceof HTMLInputElement) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------------------------

function helpNodes(text: Text): Node[] {
  // Plain Japanese always; English underneath when the shop works in English.
  const nodes: Node[] = [h("span", { lang: "ja" }, text.ja)];
  if (model?.lang === "en") nodes.push(h("span", { lang: "en", class: "en" }, text.en));
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
    case "dayFirst": {
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
    f.kind === "dayFirst"
      ? h("div", { class: "check" }, control, label)
      : h("div", { class: "input-line" }, control, f.unit ? h("span", { class: "unit" }, t(f.unit)) : null);
  return h(
    "div",
    { class: "field", "data-field": f.key },
    f.kind === "dayFirst" ? null : label,
    inputLine,
    h("p", { class: "help", id: helpId(f.key) }, ...helpNodes(f.help)),
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

function mappingForm(server: SidebarState): HTMLElement {
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
      h("option", { value: "" }, `${t(UI.auto)}(${autoText})`),
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
  form.addEventListener("submit", saveMapping);
  enterSubmits(form);
  section.append(form);
  return section;
}

function render(values: Record<string, unknown>): void {
  if (!model) return;
  document.documentElement.lang = model.lang;
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
    mappingForm(model.server),
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
      model = {
        server,
        saved: server.settings,
        lang: server.settings.language,
        cycle: server.preview?.cycle ?? null,
        preview: server.preview,
        previewNote: server.previewNote,
        previewSeq: 0,
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
