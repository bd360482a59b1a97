/**
 * Loads the menu actions and the sidebar's server functions (src/gas/actionsEntry.ts, built into
 * dist/actions.html) on first use, at most once per execution.
 *
 * Why: Apps Script evaluates every .gs file of the project on each custom-function call, but reads an HTML file
 * of the project only when asked, so the code only menus and the sidebar need lives in actions.html and costs
 * nothing to a recalculation. The file is part of the pushed project (clasp pushes dist/) and is read with
 * HtmlService like any page of the project: nothing is ever fetched from the network. Its content is plain
 * JavaScript, the body of a function whose one parameter, SODATSU_SHARED, holds the exports of the code Code.js
 * shares with it (core, model, settings), and which returns the actions' exports. scripts/build-gas.mjs writes
 * the file and fails the build when its shape is not this one.
 */
import type * as ActionsModule from "./actionsEntry";

export type Actions = typeof ActionsModule;

/** The HTML file of the project (dist/actions.html) that holds the actions' code. */
export const ACTIONS_FILE = "actions";

/**
 * The exports of the code shared with the actions. scripts/build-gas.mjs defines this constant in the scope of
 * the bundle (`var Sodatsu = (() => { const SODATSU_SHARED = ...; ... })()`): it is not a global.
 */
declare const SODATSU_SHARED: Readonly<Record<string, unknown>>;

type ActionsFactory = (shared: Readonly<Record<string, unknown>>) => Actions;

/** A module variable lives as long as the execution's global scope: one evaluation per execution at most. */
let loaded: Actions | null = null;

export function actions(): Actions {
  if (loaded) return loaded;
  try {
    const source = HtmlService.createHtmlOutputFromFile(ACTIONS_FILE).getContent();
    // new Function rather than eval: the code sees the global scope and its parameter, none of this bundle's names.
    const factory = new Function("SODATSU_SHARED", source) as ActionsFactory;
    loaded = factory(SODATSU_SHARED);
  } catch (error) {
    throw notLoaded(error);
  }
  return loaded;
}

/**
 * What the shop owner sees when actions.html cannot be read or evaluated (a project pushed without it, or with a
 * Code.js and an actions.html from different builds): Apps Script shows a thrown error's message as it is, and
 * HtmlService's own ("No HTML file named actions was found") or a SyntaxError says nothing about what to do.
 * Japanese first, then English, then the original message for whoever reads the execution log.
 */
function notLoaded(error: unknown): Error {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const wrapped = new Error(
    `育つのメニューと設定画面のプログラム (${ACTIONS_FILE}.html) を読み込めませんでした。` +
      "Code.js と actions.html を同じビルドから一緒にアップロードし直してください。 / " +
      `Sodatsu could not load the code of its menus and settings sidebar (${ACTIONS_FILE}.html). ` +
      `Push Code.js and actions.html again, together, from the same build. (${cause})`,
  );
  if (error instanceof Error && error.stack) wrapped.stack = `${wrapped.stack}\nCaused by: ${error.stack}`;
  return wrapped;
}
