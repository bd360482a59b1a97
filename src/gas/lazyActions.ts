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
  const source = HtmlService.createHtmlOutputFromFile(ACTIONS_FILE).getContent();
  // new Function rather than eval: the code sees the global scope and its parameter, none of this bundle's names.
  const factory = new Function("SODATSU_SHARED", source) as ActionsFactory;
  loaded = factory(SODATSU_SHARED);
  return loaded;
}
