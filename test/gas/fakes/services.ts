import { actionsSource } from "../loadBundle";
import { type Env, expose } from "./env";
import { wallClock } from "./zonedTime";

/** PropertiesService store: strings only, as in Apps Script. */
export class FakeProperties {
  readonly data = new Map<string, string>();
  getProperty(key: string) {
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: unknown) {
    this.data.set(key, String(value));
    return this;
  }
  deleteProperty(key: string) {
    this.data.delete(key);
    return this;
  }
  getProperties() {
    return Object.fromEntries(this.data);
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers = false) {
    if (deleteAllOthers) this.data.clear();
    for (const [k, v] of Object.entries(props)) this.data.set(k, String(v));
    return this;
  }
  deleteAllProperties() {
    this.data.clear();
    return this;
  }
  getKeys() {
    return [...this.data.keys()];
  }
}

/**
 * One document lock shared by every "execution". `heldByOther` lets a test play a second run that holds it:
 * tryLock then fails and waitLock throws Apps Script's timeout message.
 */
export class FakeLockState {
  held = false;
  heldByOther = false;
  acquisitions = 0;
  releases = 0;
}

export class FakeLock {
  private mine = false;
  constructor(private readonly state: FakeLockState) {}
  tryLock(_timeoutMs: number) {
    if (this.mine) return true;
    if (this.state.held || this.state.heldByOther) return false;
    this.state.held = true;
    this.state.acquisitions++;
    this.mine = true;
    return true;
  }
  waitLock(timeoutMs: number) {
    if (!this.tryLock(timeoutMs))
      throw new Error("Exception: Lock timeout: another process was holding the lock for too long.");
  }
  hasLock() {
    return this.mine;
  }
  releaseLock() {
    if (this.mine) {
      this.mine = false;
      this.state.held = false;
      this.state.releases++;
    }
  }
}

export class FakeCache {
  readonly data = new Map<string, string>();
  get(key: string) {
    return this.data.get(key) ?? null;
  }
  put(key: string, value: string, _ttl?: number) {
    if (String(value).length > 100_000) throw new Error("Exception: Argument too large: value");
    this.data.set(key, String(value));
  }
  remove(key: string) {
    this.data.delete(key);
  }
  getAll(keys: string[]) {
    return Object.fromEntries(keys.filter((k) => this.data.has(k)).map((k) => [k, this.data.get(k)]));
  }
  putAll(values: Record<string, string>) {
    for (const [k, v] of Object.entries(values)) this.put(k, v);
  }
}

/**
 * HtmlService: outputs keep their content, title and size for tests. Besides `files`, it serves the project's
 * built files the add-on reads itself: "actions" (dist/actions.html, the code the menu actions and the sidebar's
 * server functions run, read by src/gas/lazyActions.ts), read when asked for, as Apps Script does.
 */
export function fakeHtmlService(env: Env, files: Record<string, string>) {
  const output = (content: string) => {
    const o = {
      content,
      title: "",
      width: 0,
      height: 0,
      getContent: () => o.content,
      setContent: (c: string) => {
        o.content = c;
        return ex;
      },
      append: (c: string) => {
        o.content += c;
        return ex;
      },
      setTitle: (t: string) => {
        o.title = t;
        return ex;
      },
      getTitle: () => o.title,
      setWidth: (w: number) => {
        o.width = w;
        return ex;
      },
      setHeight: (h: number) => {
        o.height = h;
        return ex;
      },
      setSandboxMode: () => ex,
      setXFrameOptionsMode: () => ex,
      addMetaTag: () => ex,
    };
    const ex = expose(env, o, "HtmlOutput");
    return ex;
  };
  const file = (name: string) => {
    const content =
      files[name] ?? files[`${name}.html`] ?? (name === "actions" ? actionsSource() : undefined);
    if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
    return content;
  };
  return {
    createHtmlOutput: (html = "") => output(String(html)),
    createHtmlOutputFromFile: (name: string) => output(file(name)),
    createTemplateFromFile: (name: string) => {
      const t = { evaluate: () => output(file(name)) };
      return expose(env, t, "HtmlTemplate");
    },
    SandboxMode: { IFRAME: "IFRAME" },
    XFrameOptionsMode: { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" },
  };
}

/** Utilities: formatDate for the patterns the add-on uses (y M d H m s), getUuid, sleep (no wait). */
export function fakeUtilities() {
  let uuid = 0;
  return {
    formatDate(date: Date, timeZone: string, pattern: string) {
      const w = wallClock(date.getTime(), timeZone);
      return pattern.replace(
        /yyyy|MM|dd|HH|mm|ss/g,
        (tok) =>
          ({ yyyy: w.year, MM: w.month, dd: w.day, HH: w.hour, mm: w.minute, ss: w.second })[tok] ?? tok,
      );
    },
    getUuid: () => `00000000-0000-4000-8000-${String(++uuid).padStart(12, "0")}`,
    sleep: (_ms: number) => undefined,
  };
}
