// Where a key went: a control to choose with, or a text field. Decides whether a letter is a
// command or typing (see `dispatchKey`).

/** Inputs chosen with, not typed in. */
const CHOICE_INPUTS = new Set(["checkbox", "radio", "range", "button", "submit", "reset", "color", "file"]);

/** True when the key went to a control to choose with (drop-down, check box, slider): letters
 * and arrows are its own, shortcuts with Ctrl are the app's. */
export function isChoiceTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== "object" || !("tagName" in target)) return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === "select" || (tag === "input" && CHOICE_INPUTS.has((el as HTMLInputElement).type));
}

/** True when the key went to a text field, where letters and Backspace are typing, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== "object" || !("tagName" in target)) return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === "input" || tag === "textarea" || tag === "select" || el.isContentEditable === true;
}
