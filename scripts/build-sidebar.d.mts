/** Types of scripts/build-sidebar.mjs for the TypeScript tests that build the page. */
export function buildSidebar(): Promise<string>;
