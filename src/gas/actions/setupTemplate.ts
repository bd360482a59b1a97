// TEMPORARY placeholder so the bundle builds before the menu actions land; the actions engineer replaces this file.
export function setupTemplate(): void {
  throw new Error("この機能は準備中です / Not available yet");
}
