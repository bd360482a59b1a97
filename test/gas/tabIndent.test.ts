/**
 * The bundle's re-indentation (scripts/tabIndent.mjs): two spaces become a tab, but never inside a template literal,
 * whose spaces are part of the string.
 */
import { describe, expect, it } from "vitest";
import { indentWithTabs, linesInsideTemplates, tabIndented } from "../../scripts/tabIndent.mjs";

describe("re-indenting the bundle with tabs", () => {
  it("turns each two leading spaces into a tab and leaves the rest of the line alone", () => {
    expect(tabIndented('function f() {\n  if (a) {\n    return "  two  ";\n  }\n}')).toBe(
      'function f() {\n\tif (a) {\n\t\treturn "  two  ";\n\t}\n}',
    );
  });

  it("keeps the spaces of lines inside template literals, past placeholders with braces and regexes with backticks", () => {
    const code = [
      "const a = `first",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is part of the JavaScript under test
      "    kept ${ { b: 1 }.b } still kept",
      "  kept`;",
      "  const r = /[`'\"]/g;",
      "  const d = 1 / 2 / 3;",
      "  // a comment with a ` backtick",
      "  const s = 'it`s';",
      "  const t = `${`inner",
      "  kept`}`;",
    ].join("\n");
    expect([...linesInsideTemplates(code)]).toEqual([1, 2, 8]);
    expect(tabIndented(code).split("\n")).toEqual([
      "const a = `first",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is part of the JavaScript under test
      "    kept ${ { b: 1 }.b } still kept",
      "  kept`;",
      "\tconst r = /[`'\"]/g;",
      "\tconst d = 1 / 2 / 3;",
      "\t// a comment with a ` backtick",
      "\tconst s = 'it`s';",
      "\tconst t = `${`inner",
      "  kept`}`;",
    ]);
  });

  it("changes no token: the checked version equals the plain one when the scanner reads the code right", async () => {
    const code = "var x = (() => {\n  const m = `a\n  b`;\n  return m;\n})();\n";
    expect(await indentWithTabs(code)).toBe(tabIndented(code));
    expect(new Function(`${await indentWithTabs(code)}; return x;`)()).toBe("a\n  b");
  });
});
