// Every keyboard shortcut in one table: the key handler and the help overlay both read it.

export type Action =
  | "undo"
  | "redo"
  | "find"
  | "find_next"
  | "find_prev"
  | "help"
  | "delete"
  | "cancel"
  | "add_stage"
  | "add_lane"
  | "add_card"
  | "edit_title"
  | "connect"
  | "move_left"
  | "move_right"
  | "move_up"
  | "move_down"
  | "zoom_in"
  | "zoom_out"
  | "zoom_reset"
  | "zoom_fit"
  | "present"
  | "insights"
  | "friction_view"
  | "next_stage"
  | "prev_stage";

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Binding {
  action: Action;
  /** Lower-case `key` value. */
  key: string;
  /** Ctrl on Linux and Windows, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  /** Shown in help; defaults to a rendering of the binding. */
  label: string;
  group: "Edit" | "Map" | "View" | "Find" | "Presentation";
  /** Active only in presentation mode (true) or only outside it (false); both when unset. */
  presenting?: boolean;
}

export const BINDINGS: Binding[] = [
  { action: "undo", key: "z", mod: true, label: "Undo", group: "Edit" },
  { action: "redo", key: "z", mod: true, shift: true, label: "Redo", group: "Edit" },
  { action: "redo", key: "y", mod: true, label: "Redo", group: "Edit" },
  { action: "delete", key: "delete", label: "Delete the selection", group: "Edit" },
  { action: "delete", key: "backspace", label: "Delete the selection", group: "Edit" },
  { action: "edit_title", key: "enter", label: "Edit the selected title in place", group: "Edit" },
  { action: "edit_title", key: "f2", label: "Edit the selected title in place", group: "Edit" },
  { action: "cancel", key: "escape", label: "Cancel a gesture, close a panel", group: "Edit" },
  { action: "add_stage", key: "s", label: "Add a stage after the selection", group: "Map" },
  { action: "add_lane", key: "l", label: "Add a lane below the selection", group: "Map" },
  { action: "add_card", key: "n", label: "Add a card in the selected cell", group: "Map" },
  { action: "connect", key: "h", label: "Draw a handoff from the selected card, Enter on the target", group: "Map" },
  { action: "move_left", key: "arrowleft", label: "Select left", group: "Map", presenting: false },
  { action: "move_right", key: "arrowright", label: "Select right", group: "Map", presenting: false },
  { action: "move_up", key: "arrowup", label: "Select up", group: "Map", presenting: false },
  { action: "move_down", key: "arrowdown", label: "Select down", group: "Map", presenting: false },
  { action: "zoom_in", key: "=", mod: true, label: "Zoom in", group: "View" },
  { action: "zoom_in", key: "+", mod: true, label: "Zoom in", group: "View" },
  { action: "zoom_out", key: "-", mod: true, label: "Zoom out", group: "View" },
  { action: "zoom_reset", key: "0", mod: true, label: "Zoom to 100%", group: "View" },
  { action: "zoom_fit", key: "1", mod: true, label: "Fit the map to the window", group: "View" },
  { action: "find", key: "f", mod: true, label: "Find cards", group: "Find" },
  { action: "find_next", key: "g", mod: true, label: "Next match", group: "Find" },
  { action: "find_prev", key: "g", mod: true, shift: true, label: "Previous match", group: "Find" },
  { action: "help", key: "?", shift: true, label: "Show this help", group: "View" },
  { action: "insights", key: "i", label: "Show or hide the insights panel", group: "View", presenting: false },
  { action: "friction_view", key: "f", label: "Friction view: colour handoffs by friction", group: "View", presenting: false },
  { action: "present", key: "f5", label: "Presentation mode", group: "Presentation" },
  { action: "next_stage", key: "arrowright", label: "Next stage", group: "Presentation", presenting: true },
  { action: "prev_stage", key: "arrowleft", label: "Previous stage", group: "Presentation", presenting: true },
  { action: "next_stage", key: " ", label: "Next stage", group: "Presentation", presenting: true },
  { action: "cancel", key: "escape", label: "Leave presentation mode", group: "Presentation", presenting: true },
];

export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** The action a key press triggers, or null. `?` is typed with Shift on most layouts, so Shift is ignored for it. */
export function matchShortcut(e: KeyLike, mac: boolean, presenting: boolean): Action | null {
  const mod = mac ? e.metaKey : e.ctrlKey;
  const otherMod = mac ? e.ctrlKey : e.metaKey;
  if (otherMod || e.altKey) return null;
  const key = e.key.toLowerCase();
  for (const b of BINDINGS) {
    if (b.presenting !== undefined && b.presenting !== presenting) continue;
    if (b.key !== key) continue;
    if (!!b.mod !== mod) continue;
    if (b.key !== "?" && b.key !== "+" && !!b.shift !== e.shiftKey) continue;
    return b.action;
  }
  return null;
}

/** A binding as the user reads it ("Ctrl+Shift+Z", "⌘⇧Z"). */
export function describeBinding(b: Binding, mac: boolean): string {
  const names: Record<string, string> = {
    arrowleft: "←",
    arrowright: "→",
    arrowup: "↑",
    arrowdown: "↓",
    escape: "Esc",
    delete: "Delete",
    backspace: "Backspace",
    enter: "Enter",
    " ": "Space",
    f2: "F2",
    f5: "F5",
  };
  const k = names[b.key] ?? b.key.toUpperCase();
  const parts: string[] = [];
  if (b.mod) parts.push(mac ? "⌘" : "Ctrl");
  if (b.shift && b.key !== "?") parts.push(mac ? "⇧" : "Shift");
  parts.push(k);
  return parts.join(mac ? "" : "+");
}

/** True when the key went to a text field, where letters and Backspace are typing, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== "object" || !("tagName" in target)) return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === "input" || tag === "textarea" || tag === "select" || el.isContentEditable === true;
}
