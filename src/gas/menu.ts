import type { Lang } from "../core/index";
import { uiLang } from "./locale";

/** The add-on menu: label per language and the top-level function (src/gas/entrypoints.ts) each item runs. */
export const MENU_ITEMS: readonly { ja: string; en: string; fn: string }[] = [
  { ja: "テンプレートを準備", en: "Set up template", fn: "menuSetupTemplate" },
  { ja: "顧客分析を実行", en: "Run analysis", fn: "menuRunAnalysis" },
  { ja: "診断シートを作成", en: "Create diagnostic sheet", fn: "menuCreateDiagnosis" },
  { ja: "設定", en: "Settings", fn: "menuOpenSettings" },
];

/** Trigger events carry authMode; run from the script editor there is no event, which means full authorization. */
interface OpenEvent {
  authMode?: unknown;
}

/**
 * Whether the add-on runs authorized. The AuthMode enum stringifies to its name, so no ScriptApp call is needed
 * (in AuthMode.NONE every call counts: the menu must appear even for a collaborator who never authorized).
 */
export function isAuthorized(e: OpenEvent | undefined): boolean {
  return !(e && String(e.authMode) === "NONE");
}

export function buildMenu(lang: Lang): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    if (i === MENU_ITEMS.length - 1) menu.addSeparator(); // settings apart from the actions
    menu.addItem(item[lang], item.fn);
  });
  menu.addToUi();
}

/** Simple trigger: builds the menu and does nothing else, whatever the authorization mode. */
export function onOpen(e?: OpenEvent): void {
  buildMenu(uiLang(isAuthorized(e)));
}

/** Runs in AuthMode.FULL right after installation; the menu must appear without reopening the file. */
export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}
