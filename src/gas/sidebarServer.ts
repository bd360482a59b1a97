// TEMPORARY placeholder so the bundle builds before the sidebar's server functions land; the sidebar engineer
// replaces this file (same export names, called by google.script.run through the entry points in Code.js).
const notYet = (): never => {
  throw new Error("設定画面は準備中です / The settings sidebar is not available yet");
};
export const getSidebarState = notYet;
export const previewSettings = notYet;
export const saveSettings = notYet;
export const saveMapping = notYet;
export const applySuggestedThresholds = notYet;
