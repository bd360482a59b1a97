// Types of scripts/tabIndent.mjs for the tests that import it.

/** The numbers (0-based) of the lines that start inside a template literal. */
export function linesInsideTemplates(code: string): Set<number>;
/** The code with each two leading spaces as one tab, except on lines inside template literals. */
export function tabIndented(code: string): string;
/** tabIndented, checked by comparing both versions minified; the code unchanged if any token would differ. */
export function indentWithTabs(code: string): Promise<string>;
