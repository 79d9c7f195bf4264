// Every user action, declared once: its id, label, keys, the contexts its keys work in and where
// it is listed. One keydown listener (Workspace.svelte) dispatches keys through `dispatchKey`;
// the buttons take their titles from `titleOf`, the `?` list and ui/README.md's key table are
// generated from `ACTIONS`. What an action does is provided by the component that owns it
// (`provide`), with when it is enabled, while that component is on screen.

export type ActionId =
  | "undo"
  | "redo"
  | "help"
  | "close_help"
  | "present"
  | "leave_presentation"
  | "next_stage"
  | "prev_stage"
  | "insights"
  | "friction_view"
  | "find"
  | "find_next"
  | "find_prev"
  | "zoom_in"
  | "zoom_out"
  | "zoom_reset"
  | "zoom_fit"
  | "cancel"
  | "delete"
  | "add_stage"
  | "add_lane"
  | "add_card"
  | "edit_title"
  | "connect"
  | "move_left"
  | "move_right"
  | "move_up"
  | "move_down"
  | "add_journey"
  | "add_persona"
  | "show_map"
  | "show_plan"
  | "plan_move_up"
  | "plan_move_down"
  | "plan_move_left"
  | "plan_move_right"
  | "protect"
  | "export";

/** What the screen is doing: a key means what its action in this context says. */
export type KeyContext = "editing" | "presenting" | "help";

export type Group = "Edit" | "Map" | "View" | "Find" | "Presentation" | "Sidebar" | "Plan";

export interface KeySpec {
  /** Lower-case `KeyboardEvent.key`. */
  key: string;
  /** Ctrl on Linux and Windows, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
}

export interface ActionSpec {
  id: ActionId;
  label: string;
  group: Group;
  keys: KeySpec[];
  /** The contexts its keys work in. */
  contexts: KeyContext[];
  /** Its keys work while a text field has focus (otherwise letters there are typing). */
  whileTyping?: boolean;
  /** Its plain keys act only when the map or nothing has focus (Enter on a sidebar button
   * stays that button's). */
  onMapOnly?: boolean;
}

const EDITING: KeyContext[] = ["editing"];
const ANY: KeyContext[] = ["editing", "presenting"];

export const ACTIONS: readonly ActionSpec[] = [
  { id: "undo", label: "Undo", group: "Edit", keys: [{ key: "z", mod: true }], contexts: ANY },
  { id: "redo", label: "Redo", group: "Edit", keys: [{ key: "z", mod: true, shift: true }, { key: "y", mod: true }], contexts: ANY },
  { id: "delete", label: "Delete the selection", group: "Edit", keys: [{ key: "delete" }, { key: "backspace" }], contexts: EDITING, onMapOnly: true },
  { id: "edit_title", label: "Edit the selected title in place", group: "Edit", keys: [{ key: "enter" }, { key: "f2" }], contexts: EDITING, onMapOnly: true },
  { id: "cancel", label: "Cancel a gesture, close a panel", group: "Edit", keys: [{ key: "escape" }], contexts: EDITING },
  { id: "add_stage", label: "Add a stage after the selection", group: "Map", keys: [{ key: "s" }], contexts: EDITING, onMapOnly: true },
  { id: "add_lane", label: "Add a lane below the selection", group: "Map", keys: [{ key: "l" }], contexts: EDITING, onMapOnly: true },
  { id: "add_card", label: "Add a card in the selected cell", group: "Map", keys: [{ key: "n" }], contexts: EDITING, onMapOnly: true },
  { id: "connect", label: "Draw a handoff from the selected card, Enter on the target", group: "Map", keys: [{ key: "h" }], contexts: EDITING, onMapOnly: true },
  { id: "move_left", label: "Select left", group: "Map", keys: [{ key: "arrowleft" }], contexts: EDITING, onMapOnly: true },
  { id: "move_right", label: "Select right", group: "Map", keys: [{ key: "arrowright" }], contexts: EDITING, onMapOnly: true },
  { id: "move_up", label: "Select up", group: "Map", keys: [{ key: "arrowup" }], contexts: EDITING, onMapOnly: true },
  { id: "move_down", label: "Select down", group: "Map", keys: [{ key: "arrowdown" }], contexts: EDITING, onMapOnly: true },
  { id: "zoom_in", label: "Zoom in", group: "View", keys: [{ key: "=", mod: true }, { key: "+", mod: true }], contexts: ANY },
  { id: "zoom_out", label: "Zoom out", group: "View", keys: [{ key: "-", mod: true }], contexts: ANY },
  { id: "zoom_reset", label: "Zoom to 100%", group: "View", keys: [{ key: "0", mod: true }], contexts: ANY },
  { id: "zoom_fit", label: "Fit the map to the window", group: "View", keys: [{ key: "1", mod: true }], contexts: ANY },
  { id: "help", label: "Show this help", group: "View", keys: [{ key: "?", shift: true }], contexts: ANY },
  { id: "close_help", label: "Close this help", group: "View", keys: [{ key: "escape" }, { key: "?", shift: true }], contexts: ["help"], whileTyping: true },
  { id: "insights", label: "Show or hide the insights panel", group: "View", keys: [{ key: "i" }], contexts: EDITING },
  { id: "friction_view", label: "Friction view: colour handoffs by friction", group: "View", keys: [{ key: "f" }], contexts: EDITING },
  { id: "find", label: "Find cards", group: "Find", keys: [{ key: "f", mod: true }], contexts: ANY, whileTyping: true },
  { id: "find_next", label: "Next match", group: "Find", keys: [{ key: "g", mod: true }], contexts: ANY, whileTyping: true },
  { id: "find_prev", label: "Previous match", group: "Find", keys: [{ key: "g", mod: true, shift: true }], contexts: ANY, whileTyping: true },
  { id: "present", label: "Presentation mode", group: "Presentation", keys: [{ key: "f5" }], contexts: ANY, whileTyping: true },
  { id: "next_stage", label: "Next stage", group: "Presentation", keys: [{ key: "arrowright" }, { key: " " }], contexts: ["presenting"] },
  { id: "prev_stage", label: "Previous stage", group: "Presentation", keys: [{ key: "arrowleft" }], contexts: ["presenting"] },
  { id: "leave_presentation", label: "Leave presentation mode", group: "Presentation", keys: [{ key: "escape" }], contexts: ["presenting"], whileTyping: true },
  { id: "add_journey", label: "New journey", group: "Sidebar", keys: [], contexts: EDITING },
  { id: "add_persona", label: "New persona", group: "Sidebar", keys: [], contexts: EDITING },
  { id: "show_map", label: "Show the map", group: "Plan", keys: [{ key: "m" }], contexts: EDITING },
  { id: "show_plan", label: "Show the improvement plan", group: "Plan", keys: [{ key: "p" }], contexts: EDITING },
  { id: "plan_move_up", label: "Move the initiative up in its phase", group: "Plan", keys: [{ key: "arrowup", shift: true }], contexts: EDITING },
  { id: "plan_move_down", label: "Move the initiative down in its phase", group: "Plan", keys: [{ key: "arrowdown", shift: true }], contexts: EDITING },
  { id: "plan_move_left", label: "Move the initiative to the previous phase", group: "Plan", keys: [{ key: "arrowleft", shift: true }], contexts: EDITING },
  { id: "plan_move_right", label: "Move the initiative to the next phase", group: "Plan", keys: [{ key: "arrowright", shift: true }], contexts: EDITING },
  { id: "protect", label: "Protect with a passphrase…", group: "Sidebar", keys: [], contexts: EDITING },
  { id: "export", label: "Export the plan or a map…", group: "Edit", keys: [{ key: "e", mod: true }], contexts: EDITING },
];

/** Pointer gestures, listed with the keys in the `?` list. */
export const GESTURES: readonly { group: Group; label: string; how: (mac: boolean) => string[] }[] = [
  { group: "Map", label: "Add a card in an empty cell", how: () => ["Double-click"] },
  { group: "Map", label: "Move a card, reorder stages and lanes", how: () => ["Drag"] },
  { group: "Map", label: "Draw a handoff", how: () => ["Drag the card's + handle"] },
  { group: "Edit", label: "Import survey responses (CSV) into the journey", how: () => ["Import… in the top bar"] },
  { group: "View", label: "Zoom", how: (mac) => [mac ? "⌘+wheel" : "Ctrl+wheel"] },
  { group: "View", label: "Pan", how: () => ["Wheel", "Drag empty space"] },
  { group: "Plan", label: "Move an initiative to another phase or place", how: () => ["Drag the card"] },
];

export const GROUPS: readonly Group[] = ["Edit", "Map", "View", "Find", "Presentation", "Plan"];

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

export function actionSpec(id: ActionId): ActionSpec {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`no action ${id}`);
  return spec;
}

// ---- what actions do, provided by the components on screen ----

export interface Handler {
  run(): void;
  /** When false, its keys and buttons do nothing (buttons show disabled). */
  enabled?(): boolean;
}

const handlers = new Map<ActionId, Handler>();

/** Provides what `actions` do while the caller is on screen; returns the function that takes
 * them back (call it on destroy). */
export function provide(actions: Partial<Record<ActionId, Handler>>): () => void {
  const entries = Object.entries(actions) as [ActionId, Handler][];
  for (const [id, h] of entries) handlers.set(id, h);
  return () => {
    for (const [id, h] of entries) if (handlers.get(id) === h) handlers.delete(id);
  };
}

/** True when `id` is provided and enabled now. */
export function isEnabled(id: ActionId): boolean {
  const h = handlers.get(id);
  return !!h && (h.enabled?.() ?? true);
}

/** Runs `id` if it is provided and enabled; true when it ran. */
export function perform(id: ActionId): boolean {
  if (!isEnabled(id)) return false;
  handlers.get(id)?.run();
  return true;
}

// ---- keys ----

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** True when `k` is the key press `spec` describes. `?` and `+` are typed with Shift on most
 * layouts, so Shift is ignored for them. */
export function keyMatches(spec: KeySpec, k: KeyLike, mac: boolean): boolean {
  const mod = mac ? k.metaKey : k.ctrlKey;
  const otherMod = mac ? k.ctrlKey : k.metaKey;
  if (otherMod || k.altKey) return false;
  if (spec.key !== k.key.toLowerCase() || !!spec.mod !== mod) return false;
  return spec.key === "?" || spec.key === "+" || !!spec.shift === k.shiftKey;
}

/** The action `k` means in `context`, or null. */
export function actionFor(k: KeyLike, mac: boolean, context: KeyContext): ActionSpec | null {
  return ACTIONS.find((a) => a.contexts.includes(context) && a.keys.some((s) => keyMatches(s, k, mac))) ?? null;
}

/** Where the key press happened, as far as dispatching cares. */
export interface KeyPlace {
  mac: boolean;
  context: KeyContext;
  /** A text field has focus. */
  typing: boolean;
  /** The map, or nothing, has focus. */
  onMap: boolean;
}

/** The one keydown dispatch: runs the action the key means here, if it may run; true when it
 * did (the caller then prevents the key's default). */
export function dispatchKey(k: KeyLike, place: KeyPlace): boolean {
  const a = actionFor(k, place.mac, place.context);
  if (!a) return false;
  if (place.typing && !a.whileTyping) return false;
  const plain = !k.ctrlKey && !k.metaKey;
  if (a.onMapOnly && plain && !place.onMap) return false;
  return perform(a.id);
}

/** Pairs of actions one key would trigger in one context: must be none (a unit test checks). */
export function keyConflicts(actions: readonly ActionSpec[] = ACTIONS): string[] {
  const seen = new Map<string, ActionId>();
  const out: string[] = [];
  for (const a of actions) {
    for (const c of a.contexts) {
      for (const k of a.keys) {
        const sig = `${c}:${k.mod ? "mod+" : ""}${k.shift && k.key !== "?" && k.key !== "+" ? "shift+" : ""}${k.key}`;
        const other = seen.get(sig);
        if (other && other !== a.id) out.push(`${sig}: ${other} and ${a.id}`);
        else if (other === a.id) out.push(`${sig}: ${a.id} twice`);
        seen.set(sig, a.id);
      }
    }
  }
  return out;
}

const KEY_NAMES: Record<string, string> = {
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

/** A key as the user reads it ("Ctrl+Shift+Z", "⌘⇧Z"). */
export function describeKey(k: KeySpec, mac: boolean): string {
  const parts: string[] = [];
  if (k.mod) parts.push(mac ? "⌘" : "Ctrl");
  if (k.shift && k.key !== "?") parts.push(mac ? "⇧" : "Shift");
  parts.push(KEY_NAMES[k.key] ?? k.key.toUpperCase());
  return parts.join(mac ? "" : "+");
}

/** A button's title: the action's label and its first key ("Undo (Ctrl+Z)"). */
export function titleOf(id: ActionId, mac: boolean): string {
  const a = actionSpec(id);
  return a.keys[0] ? `${a.label} (${describeKey(a.keys[0], mac)})` : a.label;
}

/** The `?` list: one row per action with keys, then the gestures, by group. */
export function helpRows(mac: boolean): { group: Group; label: string; keys: string[] }[] {
  const keyed = ACTIONS.filter((a) => a.keys.length > 0).map((a) => ({
    group: a.group,
    label: a.label,
    keys: a.keys.map((k) => describeKey(k, mac)),
  }));
  return [...keyed, ...GESTURES.map((g) => ({ group: g.group, label: g.label, keys: g.how(mac) }))];
}

/** ui/README.md's key table (Linux and Windows keys), generated from `ACTIONS`. */
export function keyTableMarkdown(): string {
  const rows = ACTIONS.filter((a) => a.keys.length > 0).map(
    (a) => `| ${a.keys.map((k) => "`" + describeKey(k, false) + "`").join(", ")} | ${a.label} | ${a.contexts.join(", ")} |`,
  );
  return ["| Keys | Action | Works when |", "| --- | --- | --- |", ...rows].join("\n");
}

/** True when the key went to a text field, where letters and Backspace are typing, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== "object" || !("tagName" in target)) return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === "input" || tag === "textarea" || tag === "select" || el.isContentEditable === true;
}
