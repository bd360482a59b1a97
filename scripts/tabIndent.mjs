// Re-indents esbuild's output with one tab per level instead of two spaces: the same lines, the same nesting, and
// about 10 KB less of dist/Code.js, which every custom-function call loads (Biome's own default indent is a tab).
//
// Only indentation outside template literals may change: a line that starts inside a multi-line template literal
// keeps its spaces, since they are part of the string. To know where those are, a small scanner follows strings,
// comments, regular expressions and `${}` nesting; then a guard compares both versions minified by esbuild, which
// agree exactly when no token changed. Should the scanner ever misread the code, the guard keeps the spaces (and
// says so) rather than ship a changed string.
import { transform } from "esbuild";

/** Keywords after which a `/` starts a regular expression, not a division. */
const BEFORE_REGEX = new Set([
  "return",
  "typeof",
  "case",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "else",
  "do",
]);

/** Index of the closing quote of the string literal opening at `start`. */
function endOfString(code, start) {
  const quote = code[start];
  let i = start + 1;
  while (i < code.length && code[i] !== quote) i += code[i] === "\\" ? 2 : 1;
  return i;
}

/** Index of the closing slash of the regular expression opening at `start` (a `/` inside [...] does not close it). */
function endOfRegex(code, start) {
  let i = start + 1;
  let inClass = false;
  while (i < code.length && code[i] !== "\n") {
    const c = code[i];
    if (c === "\\") i++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) return i;
    i++;
  }
  return i;
}

/** Whether a `/` at `at` starts a regular expression, judged from the code before it. */
function startsRegex(code, at) {
  let j = at - 1;
  while (j >= 0 && (code[j] === " " || code[j] === "\t" || code[j] === "\n")) j--;
  if (j < 0) return true;
  const c = code[j];
  if (/[\w$]/.test(c)) {
    let k = j;
    while (k >= 0 && /[\w$]/.test(code[k])) k--;
    return BEFORE_REGEX.has(code.slice(k + 1, j + 1));
  }
  return !/[)\]}]/.test(c);
}

/** The numbers (0-based) of the lines that start inside a template literal. */
export function linesInsideTemplates(code) {
  const inside = new Set();
  // Innermost first: "template" while in a literal's text, a number (open braces) while in one of its ${...}.
  const stack = [];
  let line = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "\n") {
      line++;
      if (stack.at(-1) === "template") inside.add(line);
      continue;
    }
    if (stack.at(-1) === "template") {
      if (c === "\\") {
        if (code[i + 1] === "\n") {
          line++;
          inside.add(line);
        }
        i++;
      } else if (c === "`") stack.pop();
      else if (c === "$" && code[i + 1] === "{") {
        stack.push(0);
        i++;
      }
      continue;
    }
    if (c === '"' || c === "'") i = endOfString(code, i);
    else if (c === "`") stack.push("template");
    else if (c === "/" && code[i + 1] === "/") i = code.indexOf("\n", i) - 1;
    else if (c === "/" && code[i + 1] === "*") {
      const end = code.indexOf("*/", i + 2);
      for (let k = i; k < end; k++) if (code[k] === "\n") line++;
      i = end + 1;
    } else if (c === "/" && startsRegex(code, i)) i = endOfRegex(code, i);
    else if (c === "{" && typeof stack.at(-1) === "number") stack.push(stack.pop() + 1);
    else if (c === "}" && typeof stack.at(-1) === "number") {
      const open = stack.pop();
      if (open > 0) stack.push(open - 1); // else the ${...} closed: back in the template's text
    }
    if (i < 0) break; // a line comment on the last line
  }
  return inside;
}

/** The code with each two leading spaces as one tab, except on lines inside template literals. */
export function tabIndented(code) {
  const inside = linesInsideTemplates(code);
  return code
    .split("\n")
    .map((text, n) =>
      inside.has(n) ? text : text.replace(/^(?: {2})+/, (spaces) => "\t".repeat(spaces.length / 2)),
    )
    .join("\n");
}

const minified = async (code) =>
  (await transform(code, { minify: true, charset: "utf8", legalComments: "none" })).code;

/** tabIndented, checked: returns the code unchanged (with a warning) if any token would differ. */
export async function indentWithTabs(code) {
  const tabbed = tabIndented(code);
  const [before, after] = await Promise.all([minified(code), minified(tabbed)]);
  if (before === after) return tabbed;
  console.warn("build-gas: re-indenting with tabs would change the code; the bundle keeps esbuild's spaces");
  return code;
}
