import { uiLang } from "./locale";

const TITLE = { ja: "育つ 設定", en: "Sodatsu settings" };

/** Opens dist/sidebar.html (built by scripts/build-sidebar.mjs) as the settings sidebar. */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("sidebar").setTitle(TITLE[uiLang(true)]);
  SpreadsheetApp.getUi().showSidebar(html);
}
