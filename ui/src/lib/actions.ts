// Every user action, declared once: its id, label, keys, the contexts its keys work in and where
// it is listed. One keydown listener (Workspace.svelte) dispatches keys through `dispatchKey`;
// the buttons take their titles from `titleOf`, the `?` list and ui/README.md's key table are
// generated from `ACTIONS`. What an action does is provided by the component that owns it
// (`provide`), with when it is enabled, while that component is on screen.

import { CHANNEL_CHOICES, LANE_KIND_CHOICES, describeChoices } from "./choices";
import { offWhileReadOnly, readOnlyNow } from "./readOnly";

export type ActionId =
  | "undo"
  | "redo"
  | "help"
  | "close_help"
  | "present"
  | "leave_presentation"
  | "next_stage"
  | "prev_stage"
  | "next_page"
  | "prev_page"
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
  | "plan_clear_filter"
  | "protect"
  | "nudge_left"
  | "nudge_right"
  | "nudge_up"
  | "nudge_down"
  | "toggle_verification"
  | "toggle_resolution"
  | "touchpoint"
  | "emotion_negative"
  | "emotion_0"
  | "emotion_1"
  | "emotion_2"
  | "emotion_3"
  | "handoff_blind"
  | "handoff_assisted"
  | "handoff_automated"
  | "new_file"
  | "open_file"
  | "close_file"
  | "focus_mode"
  | "reveal_mode"
  | "copy"
  | "cut"
  | "paste"
  | "duplicate"
  | "extend_left" | "extend_right" | "extend_up" | "extend_down"
  | "export"
  | "metrics";

/** What the screen is doing: a key means what its action in this context says. */
export type KeyContext = "editing" | "presenting" | "help" | "start";

export type Group = "File" | "Edit" | "Map" | "View" | "Find" | "Presentation" | "Sidebar" | "Plan";

export interface KeySpec {
  /** Lower-case `KeyboardEvent.key`. */
  key: string;
  /** Ctrl on Linux and Windows, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
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
  { id: "add_lane", label: "Add a lane below the selection (then its kind by key)", group: "Map", keys: [{ key: "l" }], contexts: EDITING, onMapOnly: true },
  { id: "add_card", label: "Add a card in the selected cell", group: "Map", keys: [{ key: "n" }], contexts: EDITING, onMapOnly: true },
  { id: "connect", label: "Draw a handoff from the selected card, Enter on the target", group: "Map", keys: [{ key: "h" }], contexts: EDITING, onMapOnly: true },
  { id: "move_left", label: "Select left", group: "Map", keys: [{ key: "arrowleft" }], contexts: EDITING, onMapOnly: true },
  { id: "move_right", label: "Select right", group: "Map", keys: [{ key: "arrowright" }], contexts: EDITING, onMapOnly: true },
  { id: "move_up", label: "Select up", group: "Map", keys: [{ key: "arrowup" }], contexts: EDITING, onMapOnly: true },
  { id: "move_down", label: "Select down", group: "Map", keys: [{ key: "arrowdown" }], contexts: EDITING, onMapOnly: true },
  { id: "extend_left", label: "Add to the selected cards, leftwards", group: "Map", keys: [{ key: "arrowleft", shift: true }], contexts: EDITING, onMapOnly: true },
  { id: "extend_right", label: "Add to the selected cards, rightwards", group: "Map", keys: [{ key: "arrowright", shift: true }], contexts: EDITING, onMapOnly: true },
  { id: "extend_up", label: "Add to the selected cards, upwards", group: "Map", keys: [{ key: "arrowup", shift: true }], contexts: EDITING, onMapOnly: true },
  { id: "extend_down", label: "Add to the selected cards, downwards", group: "Map", keys: [{ key: "arrowdown", shift: true }], contexts: EDITING, onMapOnly: true },
  { id: "nudge_left", label: "Move the card or stage left", group: "Map", keys: [{ key: "arrowleft", alt: true }], contexts: EDITING, onMapOnly: true },
  { id: "nudge_right", label: "Move the card or stage right", group: "Map", keys: [{ key: "arrowright", alt: true }], contexts: EDITING, onMapOnly: true },
  { id: "nudge_up", label: "Move the card or lane up", group: "Map", keys: [{ key: "arrowup", alt: true }], contexts: EDITING, onMapOnly: true },
  { id: "nudge_down", label: "Move the card or lane down", group: "Map", keys: [{ key: "arrowdown", alt: true }], contexts: EDITING, onMapOnly: true },
  { id: "copy", label: "Copy the selected cards", group: "Edit", keys: [{ key: "c", mod: true }], contexts: EDITING, onMapOnly: true },
  { id: "cut", label: "Cut the selected cards", group: "Edit", keys: [{ key: "x", mod: true }], contexts: EDITING, onMapOnly: true },
  { id: "paste", label: "Paste cards into the selected cell (this journey or another)", group: "Edit", keys: [{ key: "v", mod: true }], contexts: EDITING, onMapOnly: true },
  { id: "duplicate", label: "Duplicate the selected cards", group: "Edit", keys: [{ key: "d", mod: true }], contexts: EDITING, onMapOnly: true },
  { id: "toggle_verification", label: "Card: the customer verifies here; handoff: verified again", group: "Map", keys: [{ key: "v" }], contexts: EDITING, onMapOnly: true },
  { id: "toggle_resolution", label: "Card: the need is met here; handoff: the customer retells", group: "Map", keys: [{ key: "r" }], contexts: EDITING, onMapOnly: true },
  { id: "touchpoint", label: "Mark the card as a touchpoint, then its channel by key", group: "Map", keys: [{ key: "t" }], contexts: EDITING, onMapOnly: true },
  { id: "emotion_negative", label: "Emotion point: the next digit is negative", group: "Map", keys: [{ key: "-" }], contexts: EDITING, onMapOnly: true },
  { id: "emotion_0", label: "Emotion point: neutral", group: "Map", keys: [{ key: "0" }], contexts: EDITING, onMapOnly: true },
  { id: "emotion_1", label: "Emotion point: +1 (after -: -1)", group: "Map", keys: [{ key: "1" }], contexts: EDITING, onMapOnly: true },
  { id: "emotion_2", label: "Emotion point: +2 (after -: -2)", group: "Map", keys: [{ key: "2" }], contexts: EDITING, onMapOnly: true },
  { id: "emotion_3", label: "Emotion point: +3 (after -: -3)", group: "Map", keys: [{ key: "3" }], contexts: EDITING, onMapOnly: true },
  { id: "handoff_blind", label: "Handoff: blind (cold)", group: "Map", keys: [{ key: "b" }], contexts: EDITING, onMapOnly: true },
  { id: "handoff_assisted", label: "Handoff: assisted (warm)", group: "Map", keys: [{ key: "a" }], contexts: EDITING, onMapOnly: true },
  { id: "handoff_automated", label: "Handoff: automated", group: "Map", keys: [{ key: "u" }], contexts: EDITING, onMapOnly: true },
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
  { id: "next_page", label: "Down the stage (when taller than the screen), then the next stage", group: "Presentation", keys: [{ key: "arrowdown" }, { key: "pagedown" }], contexts: ["presenting"] },
  { id: "prev_page", label: "Up the stage, then the previous stage", group: "Presentation", keys: [{ key: "arrowup" }, { key: "pageup" }], contexts: ["presenting"] },
  { id: "reveal_mode", label: "Reveal mode: dim the stages not reached yet", group: "Presentation", keys: [{ key: "d" }], contexts: ["presenting"] },
  { id: "leave_presentation", label: "Leave presentation mode", group: "Presentation", keys: [{ key: "escape" }], contexts: ["presenting"], whileTyping: true },
  { id: "add_journey", label: "New journey", group: "Sidebar", keys: [{ key: "j" }], contexts: EDITING, onMapOnly: true },
  { id: "new_file", label: "New client file…", group: "File", keys: [{ key: "n", mod: true }], contexts: ["start", "editing"], whileTyping: true },
  { id: "open_file", label: "Open a client file…", group: "File", keys: [{ key: "o", mod: true }], contexts: ["start", "editing"], whileTyping: true },
  { id: "close_file", label: "Close the file", group: "File", keys: [{ key: "w", mod: true }], contexts: EDITING, whileTyping: true },
  { id: "focus_mode", label: "Focus: hide or show the sidebar and inspector", group: "View", keys: [{ key: "\\", mod: true }], contexts: EDITING },
  { id: "add_persona", label: "New persona", group: "Sidebar", keys: [], contexts: EDITING },
  { id: "show_map", label: "Show the map", group: "Plan", keys: [{ key: "m" }], contexts: EDITING },
  { id: "show_plan", label: "Show the improvement plan", group: "Plan", keys: [{ key: "p" }], contexts: EDITING },
  { id: "plan_move_up", label: "Move the initiative up in its phase", group: "Plan", keys: [{ key: "arrowup", shift: true }], contexts: EDITING },
  { id: "plan_move_down", label: "Move the initiative down in its phase", group: "Plan", keys: [{ key: "arrowdown", shift: true }], contexts: EDITING },
  { id: "plan_move_left", label: "Move the initiative to the previous phase", group: "Plan", keys: [{ key: "arrowleft", shift: true }], contexts: EDITING },
  { id: "plan_move_right", label: "Move the initiative to the next phase", group: "Plan", keys: [{ key: "arrowright", shift: true }], contexts: EDITING },
  { id: "plan_clear_filter", label: "Clear the plan's filter", group: "Plan", keys: [{ key: "x" }], contexts: EDITING },
  { id: "protect", label: "Protect with a passphrase…", group: "Sidebar", keys: [], contexts: EDITING },
  { id: "export", label: "Export the plan or a map…", group: "File", keys: [{ key: "e", mod: true }], contexts: EDITING },
  { id: "metrics", label: "Metrics: add, rename, reorder, delete…", group: "File", keys: [{ key: "m", mod: true, shift: true }], contexts: EDITING },
];

/** Pointer gestures, listed with the keys in the `?` list. */
export const GESTURES: readonly { group: Group; label: string; how: (mac: boolean) => string[] }[] = [
  { group: "Map", label: "Add a card in an empty cell", how: () => ["Type its title", "Enter", "Double-click"] },
  { group: "Map", label: "Rapid capture: commit and name the next card in the same cell", how: () => ["Enter while naming"] },
  { group: "Map", label: "Rapid capture: commit and name a card in the next stage", how: () => ["Tab while naming"] },
  { group: "Map", label: "Rapid capture: stop (a title typed is kept)", how: () => ["Esc while naming"] },
  { group: "Map", label: "A new lane's kind, after L", how: () => [describeChoices(LANE_KIND_CHOICES)] },
  { group: "Map", label: "A touchpoint's channel, after T", how: () => [describeChoices(CHANNEL_CHOICES)] },
  { group: "Map", label: "Move a card, reorder stages and lanes", how: () => ["Drag"] },
  { group: "Map", label: "Draw a handoff", how: () => ["Drag the card's + handle"] },
  { group: "Edit", label: "Import survey responses (CSV or XLSX) into the journey", how: () => ["Import… in the top bar"] },
  { group: "Edit", label: "Import a BPMN 2.0 model as a new journey", how: () => ["BPMN… beside Journeys in the sidebar"] },
  { group: "View", label: "Zoom", how: (mac) => [mac ? "⌘+wheel" : "Ctrl+wheel"] },
  { group: "View", label: "Pan", how: () => ["Wheel", "Drag empty space"] },
  { group: "Plan", label: "Move an initiative to another phase or place", how: () => ["Drag the card"] },
];

export const GROUPS: readonly Group[] = ["File", "Edit", "Map", "View", "Find", "Presentation", "Plan", "Sidebar"];

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
  if (offWhileReadOnly(id)) return false;
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
  if (otherMod || !!spec.alt !== k.altKey) return false;
  if (spec.key !== k.key.toLowerCase() || !!spec.mod !== mod) return false;
  return spec.key === "?" || spec.key === "+" || !!spec.shift === k.shiftKey;
}

/** The action `k` means in `context`, or null. A Map key may also be a Plan key (the two views
 * are never on screen together): the one provided wins. */
export function actionFor(k: KeyLike, mac: boolean, context: KeyContext): ActionSpec | null {
  const all = ACTIONS.filter((a) => a.contexts.includes(context) && a.keys.some((s) => keyMatches(s, k, mac)));
  return all.find((a) => isEnabled(a.id)) ?? all[0] ?? null;
}
const sharable = (a: Group, b: Group) => (a === "Map" && b === "Plan") || (a === "Plan" && b === "Map");

/** Where the key press happened, as far as dispatching cares. */
export interface KeyPlace {
  mac: boolean;
  context: KeyContext;
  /** A text field, or a control that takes letters and arrows (drop-down, check box, slider),
   * has focus. */
  typing: boolean;
  /** That control is one to choose with, not a text field being typed in: shortcuts with Ctrl
   * (Cmd) still work there (undo from a drop-down). */
  choosing?: boolean;
  /** The map, or nothing, has focus. */
  onMap: boolean;
}

// ---- typing on the map ----

/** What typing on the map does (the map provides it: on an empty cell it starts a card);
 * true when it took the text. */
let typingHandler: ((text: string) => boolean) | null = null;

/** Provides what typing on the map does while the caller is on screen; returns what takes it back. */
export function provideTyping(handler: (text: string) => boolean): () => void {
  typingHandler = handler;
  return () => {
    if (typingHandler === handler) typingHandler = null;
  };
}

/** The text a plain key types, if it types one that may start a card ("?" is help, a space
 * nothing). */
export function typedText(k: KeyLike): string | null {
  if (k.ctrlKey || k.metaKey || k.altKey || [...k.key].length !== 1) return null;
  return k.key === "?" || k.key.trim() === "" ? null : k.key;
}

/** The one keydown dispatch: typing on the map first (where the map takes it, on an empty
 * cell), then the action the key means here, if it may run; true when either did (the caller
 * then prevents the key's default). */
export function dispatchKey(k: KeyLike, place: KeyPlace): boolean {
  const text = place.context === "editing" && place.onMap && !place.typing && !readOnlyNow() ? typedText(k) : null;
  if (text !== null && typingHandler?.(text)) return true;
  const a = actionFor(k, place.mac, place.context);
  if (!a) return false;
  if (place.typing && !a.whileTyping && !(place.choosing && (k.ctrlKey || k.metaKey))) return false;
  const plain = !k.ctrlKey && !k.metaKey;
  if (a.onMapOnly && plain && !place.onMap) return false;
  return perform(a.id);
}

/** Pairs of actions one key would trigger in one context: must be none (a unit test checks). */
export function keyConflicts(actions: readonly ActionSpec[] = ACTIONS): string[] {
  const seen = new Map<string, ActionSpec[]>();
  const out: string[] = [];
  for (const a of actions) {
    for (const c of a.contexts) {
      for (const k of a.keys) {
        const sig = `${c}:${k.mod ? "mod+" : ""}${k.alt ? "alt+" : ""}${k.shift && k.key !== "?" && k.key !== "+" ? "shift+" : ""}${k.key}`;
        const before = seen.get(sig) ?? [];
        for (const other of before) {
          if (other.id === a.id) out.push(`${sig}: ${a.id} twice`);
          else if (!sharable(other.group, a.group)) out.push(`${sig}: ${other.id} and ${a.id}`);
        }
        seen.set(sig, [...before, a]);
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
  pagedown: "PgDn",
  pageup: "PgUp",
};

/** A key as the user reads it ("Ctrl+Shift+Z", "⌘⇧Z"). */
export function describeKey(k: KeySpec, mac: boolean): string {
  const parts: string[] = [];
  if (k.mod) parts.push(mac ? "⌘" : "Ctrl");
  if (k.alt) parts.push(mac ? "⌥" : "Alt");
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
