import { type Env, expose } from "./env";

export interface MenuItem {
  caption: string;
  functionName: string | null;
}
export interface FakeMenuRecord {
  title: string;
  addon: boolean;
  items: MenuItem[];
}

/** Buttons of ui.alert; an alert answers with the first button unless a test queues answers. */
export const BUTTON_SETS = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
};
export const BUTTONS = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" };

/** SpreadsheetApp.getUi(): menus, alerts, sidebars and dialogs, all kept for tests. */
export class FakeUi {
  readonly menus: FakeMenuRecord[] = [];
  readonly alerts: { title: string; message: string; buttons: string }[] = [];
  readonly sidebars: unknown[] = [];
  readonly dialogs: { html: unknown; title: string }[] = [];
  /** Answers the next alerts give (a test stands in for the user); default: the first button of the set. */
  readonly answers: string[] = [];
  readonly Button = BUTTONS;
  readonly ButtonSet = BUTTON_SETS;

  constructor(private readonly env: Env) {}

  private menu(title: string, addon: boolean) {
    const record: FakeMenuRecord = { title, addon, items: [] };
    const menu = {
      addItem: (caption: string, functionName: string) => {
        record.items.push({ caption: String(caption), functionName: String(functionName) });
        return exposed;
      },
      addSeparator: () => {
        record.items.push({ caption: "---", functionName: null });
        return exposed;
      },
      addSubMenu: (_sub: unknown) => exposed,
      addToUi: () => {
        this.menus.push(record);
      },
    };
    const exposed = expose(this.env, menu, "Menu");
    return exposed;
  }
  createAddonMenu() {
    return this.menu("Sodatsu", true);
  }
  createMenu(title: string) {
    return this.menu(String(title), false);
  }
  alert(a: string, b?: string, c?: string) {
    const [title, message, buttons] =
      b === undefined ? ["", a, "OK"] : c === undefined ? ["", a, b] : [a, b, c];
    this.alerts.push({ title: String(title), message: String(message), buttons: String(buttons) });
    const first = { OK: "OK", OK_CANCEL: "OK", YES_NO: "YES", YES_NO_CANCEL: "YES" }[buttons] ?? "OK";
    return this.answers.shift() ?? first;
  }
  showSidebar(html: unknown) {
    this.sidebars.push(html);
  }
  showModalDialog(html: unknown, title: string) {
    this.dialogs.push({ html, title });
  }
  showModelessDialog(html: unknown, title: string) {
    this.dialogs.push({ html, title });
  }
}
