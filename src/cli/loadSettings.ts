import { readFile } from "node:fs/promises";
import {
  type DayNumber,
  DEFAULT_SETTINGS,
  type Lang,
  parseIsoDay,
  type Settings,
  todayIn,
  validateSettings,
} from "../core/index";
import { CliError, oneLine } from "./errors";

/**
 * Settings for a run: the rule book's defaults, overlaid by a settings.json (only the keys it names), then by
 * --lang and --as-of. Refused settings stop the run with the field and the reason, as the 設定 sheet does.
 */
export async function loadSettings(
  file: string | undefined,
  overrides: { lang?: Lang; asOf?: string },
): Promise<{ settings: Settings; asOf: DayNumber }> {
  let fromFile: Record<string, unknown> = {};
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw code === "ENOENT"
        ? new CliError(
            `設定ファイルが見つかりません: ${oneLine(file)}`,
            `Settings file not found: ${oneLine(file)}`,
          )
        : new CliError(
            `設定ファイルを読めません (${code}): ${oneLine(file)}`,
            `Cannot read the settings file (${code}): ${oneLine(file)}`,
          );
    }
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\ufeff/, ""));
    } catch (e) {
      const why = oneLine((e as Error).message);
      throw new CliError(
        `設定ファイルが JSON として読めません: ${oneLine(file)}: ${why}`,
        `Settings file is not valid JSON: ${oneLine(file)}: ${why}`,
      );
    }
    if (typeof json !== "object" || json === null || Array.isArray(json))
      throw new CliError(
        `設定ファイルは { "activeDays": 30, ... } の形の JSON にしてください: ${oneLine(file)}`,
        `The settings file must be a JSON object such as { "activeDays": 30 }: ${oneLine(file)}`,
      );
    fromFile = json as Record<string, unknown>;
  }
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS, ...fromFile };
  if (overrides.lang) merged.language = overrides.lang;
  if (overrides.asOf !== undefined) merged.asOf = overrides.asOf;
  if (overrides.asOf !== undefined && parseIsoDay(overrides.asOf) === null)
    throw new CliError(
      `--as-of の日付「${oneLine(overrides.asOf)}」が読めません。YYYY-MM-DD(例 2026-10-31)で指定してください`,
      `--as-of "${oneLine(overrides.asOf)}" is not a date; use YYYY-MM-DD (e.g. 2026-10-31)`,
    );
  const checked = validateSettings(merged);
  if (!checked.ok) {
    const first = checked.errors[0];
    const place = file === undefined ? "" : `${oneLine(file)}: `;
    throw new CliError(
      `設定が正しくありません: ${place}${first.field}: ${first.message.ja}`,
      `Bad settings: ${place}${first.field}: ${first.message.en}`,
    );
  }
  const settings = checked.value;
  const asOf = settings.asOf === null ? todayIn(settings.timeZone) : parseIsoDay(settings.asOf);
  if (asOf === null)
    throw new CliError(
      `設定の asOf「${settings.asOf}」が読めません(YYYY-MM-DD)`,
      `Settings asOf "${settings.asOf}" is not YYYY-MM-DD`,
    );
  return { settings, asOf };
}
