/** A tiny element builder: the sidebar is a handful of forms, not worth a framework inside a 300 px iframe. */
type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing element #${id}`);
  return el as T;
}

/**
 * Calls fn once input has been quiet for `ms` (typing 3-6-5 previews 365 once, not 3, 36 and 365); `cancel` drops
 * a call still waiting (the value went back to what is already shown).
 */
export function debounce<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const call = (...args: A) => {
    cancel();
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, ms);
  };
  return Object.assign(call, { cancel });
}

/** Enter saves from any field, selects and checkboxes included (natively only text fields do). */
export function enterSubmits(form: HTMLFormElement): void {
  form.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== "Enter" || event.isComposing) return;
    // Text fields submit natively only while the save button is enabled; asking explicitly means an invalid form
    // answers "not saved" with the field to fix instead of doing nothing.
    if (target instanceof HTMLSelectElement || target instanceof HTMLInputElement) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}
