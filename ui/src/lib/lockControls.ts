// A panel's controls made read only while a snapshot is shown (the inspector): text fields keep
// their text selectable and copyable (`readonly`), every other control (a choice, a check box,
// a slider, a button) is disabled. Only what this sets is undone when the lock is lifted.

export type Lock = "readonly" | "disabled";

/** The input types a user types text into: locked read only, so their text can still be copied. */
const TEXT_TYPES = new Set(["", "text", "number", "search", "email", "url", "tel", "date", "time", "datetime-local", "month", "week"]);

/** How a control (tag name and `type` attribute) is locked; null for what is not a control. */
export function lockOf(tag: string, type: string | null): Lock | null {
  const t = tag.toLowerCase();
  if (t === "textarea") return "readonly";
  if (t === "input") return TEXT_TYPES.has((type ?? "").toLowerCase()) ? "readonly" : "disabled";
  if (t === "select" || t === "button") return "disabled";
  return null;
}

/** Marks a control locked here, with the attribute set (so unlocking removes only that). */
const MARK = "data-locked";
const CONTROLS = "input, textarea, select, button";

function lockAll(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>(CONTROLS)) {
    const marked = el.getAttribute(MARK) as Lock | null;
    const lock = marked ?? lockOf(el.tagName, el.getAttribute("type"));
    if (!lock) continue;
    // A control already locked by its own logic is left to it.
    if (!marked && el.hasAttribute(lock)) continue;
    if (!el.hasAttribute(lock)) el.setAttribute(lock, "");
    el.setAttribute(MARK, lock);
  }
}

function unlockAll(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>(`[${MARK}]`)) {
    const lock = el.getAttribute(MARK);
    if (lock) el.removeAttribute(lock);
    el.removeAttribute(MARK);
  }
}

/** Svelte action, `use:lockControls={locked}`: while `locked`, every control under the node, and
 * every one drawn there later (another selection), is locked. */
export function lockControls(node: HTMLElement, locked: boolean): { update(locked: boolean): void; destroy(): void } {
  let observer: MutationObserver | null = null;
  function set(on: boolean): void {
    observer?.disconnect();
    observer = null;
    if (!on) return unlockAll(node);
    lockAll(node);
    observer = new MutationObserver(() => lockAll(node));
    observer.observe(node, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled", "readonly"] });
  }
  set(locked);
  return { update: set, destroy: () => observer?.disconnect() };
}
