/**
 * A failure the user can fix (missing file, unknown columns, bad settings). main.ts prints it as ONE line,
 * Japanese first then English, and exits with code 1; anything else is a bug and shows a stack trace.
 */
export class CliError extends Error {
  constructor(
    readonly ja: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "CliError";
  }

  /** The single line printed on stderr. */
  line(): string {
    return oneLine(`sodatsu: ${this.ja} / ${this.en}`);
  }
}

/** Control characters and line breaks from a file must not split the one-line message. */
export function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

/** The core's messages list every header seen; a junk file can have thousands, and the line must stay readable. */
export function clip(text: string, max = 600): string {
  const line = oneLine(text);
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
