import { parseArgs } from "node:util";
import { CliError } from "./errors";
import { PRESET_NAMES } from "./help";

/** Command-line options, checked; anything the user mistyped is a one-line CliError naming the option. */
export interface AnalyzeOptions {
  orders: string;
  engagement?: string;
  survey?: string;
  membership?: string;
  visits?: string;
  asOf?: string;
  settings?: string;
  preset: (typeof PRESET_NAMES)[number];
  lang?: "ja" | "en";
  format: "csv" | "xlsx" | "both";
  out: string;
}

export interface DiagnoseOptions {
  orders: string[];
  out: string;
  preset: (typeof PRESET_NAMES)[number];
  asOf?: string;
  settings?: string;
  lang?: "ja" | "en";
}

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "analyze"; options: AnalyzeOptions }
  | { kind: "diagnose"; options: DiagnoseOptions };

export const DEFAULT_OUT = "sodatsu-out";

const OPTIONS = {
  engagement: { type: "string" },
  survey: { type: "string" },
  membership: { type: "string" },
  visits: { type: "string" },
  "as-of": { type: "string" },
  settings: { type: "string" },
  preset: { type: "string" },
  lang: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

function oneOf<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(
    `--${option} の値「${value}」は使えません(${allowed.join(" / ")} のどれか)`,
    `--${option} "${value}" is not one of ${allowed.join(", ")}`,
  );
}

export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const text = (e as Error).message.split("\n")[0];
    throw new CliError(
      `オプションが正しくありません: ${text}(sodatsu --help を参照)`,
      `Bad option: ${text} (see sodatsu --help)`,
    );
  }
  const { values, positionals } = parsed;
  if (values.version) return { kind: "version" };
  if (values.help || positionals.length === 0 || positionals[0] === "help") return { kind: "help" };
  const [command, ...files] = positionals;
  const common = {
    out: values.out ?? DEFAULT_OUT,
    preset: oneOf("preset", values.preset, PRESET_NAMES) ?? "auto",
    asOf: values["as-of"],
    settings: values.settings,
    lang: oneOf("lang", values.lang, ["ja", "en"] as const),
  };
  if (command === "analyze") {
    if (files.length !== 1)
      throw new CliError(
        files.length === 0
          ? "注文データのファイルを指定してください: sodatsu analyze <注文.csv>"
          : `注文データは1ファイルだけ指定できます(${files.length} 個あります)`,
        files.length === 0
          ? "Give the order file: sodatsu analyze <orders.csv>"
          : `analyze takes one order file (got ${files.length})`,
      );
    return {
      kind: "analyze",
      options: {
        ...common,
        orders: files[0],
        engagement: values.engagement,
        survey: values.survey,
        membership: values.membership,
        visits: values.visits,
        format: oneOf("format", values.format, ["csv", "xlsx", "both"] as const) ?? "both",
      },
    };
  }
  if (command === "diagnose") return { kind: "diagnose", options: { ...common, orders: files } };
  throw new CliError(
    `「${command}」というコマンドはありません(analyze か diagnose。sodatsu --help を参照)`,
    `Unknown command "${command}" (analyze or diagnose; see sodatsu --help)`,
  );
}
