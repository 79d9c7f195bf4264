import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import {
  ACTIONS,
  actionFor,
  actionSpec,
  describeKey,
  dispatchKey,
  helpRows,
  isMacPlatform,
  keyConflicts,
  provideTyping,
  keyTableMarkdown,
  provide,
  type ActionSpec,
  type KeyLike,
  type KeyPlace,
} from "./actions";
import { isChoiceTarget, isTypingTarget } from "./keyTargets";

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});
const id = (k: KeyLike, mac = false, context: KeyPlace["context"] = "editing") => actionFor(k, mac, context)?.id ?? null;

describe("the registry", () => {
  it("binds no key to two actions in one context", () => {
    expect(keyConflicts()).toEqual([]);
  });
  it("catches two actions bound to one key in one context", () => {
    const clash: ActionSpec[] = [
      { id: "add_stage", label: "a", group: "Map", keys: [{ key: "s" }], contexts: ["editing"] },
      { id: "add_lane", label: "b", group: "Map", keys: [{ key: "s" }], contexts: ["editing", "presenting"] },
    ];
    expect(keyConflicts(clash)).toEqual(["editing:s: add_stage and add_lane"]);
  });
  it("lets a Map key and a Plan key share a key (never on screen together), and finds the one provided", () => {
    const shared: ActionSpec[] = [
      { id: "extend_up", label: "a", group: "Map", keys: [{ key: "arrowup", shift: true }], contexts: ["editing"] },
      { id: "plan_move_up", label: "b", group: "Plan", keys: [{ key: "arrowup", shift: true }], contexts: ["editing"] },
      { id: "undo", label: "c", group: "Edit", keys: [{ key: "arrowup", shift: true }], contexts: ["editing"] },
    ];
    expect(keyConflicts(shared)).toEqual(["editing:shift+arrowup: extend_up and undo", "editing:shift+arrowup: plan_move_up and undo"]);
    expect(id(key("ArrowUp", { shiftKey: true }))).toBe("extend_up");
    const unprovide = provide({ plan_move_up: { run: () => {} } });
    expect(id(key("ArrowUp", { shiftKey: true }))).toBe("plan_move_up");
    unprovide();
  });
  it("lets one key mean different actions in different contexts", () => {
    expect(id(key("ArrowRight"))).toBe("move_right");
    expect(id(key("ArrowRight"), false, "presenting")).toBe("next_stage");
    expect(id(key("ArrowLeft"), false, "presenting")).toBe("prev_stage");
    expect(id(key("Escape"))).toBe("cancel");
    expect(id(key("Escape"), false, "presenting")).toBe("leave_presentation");
    expect(id(key("Escape"), false, "help")).toBe("close_help");
  });
  it("declares every action once", () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
  });
});

describe("keys", () => {
  it("uses Ctrl off macOS and Cmd on macOS for undo and redo", () => {
    expect(id(key("z", { ctrlKey: true }))).toBe("undo");
    expect(id(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(id(key("y", { ctrlKey: true }))).toBe("redo");
    expect(id(key("z", { metaKey: true }), true)).toBe("undo");
    expect(id(key("z", { ctrlKey: true }), true)).toBeNull();
    expect(id(key("z", { metaKey: true }))).toBeNull();
  });
  it("maps find, delete, escape and help", () => {
    expect(id(key("f", { ctrlKey: true }))).toBe("find");
    expect(id(key("f"))).toBe("friction_view");
    expect(id(key("Delete"))).toBe("delete");
    expect(id(key("Backspace"))).toBe("delete");
    expect(id(key("?", { shiftKey: true }))).toBe("help");
    expect(id(key("+", { ctrlKey: true, shiftKey: true }))).toBe("zoom_in");
  });
  it("ignores plain letters with a modifier they are not bound to", () => {
    expect(id(key("s", { ctrlKey: true }))).toBeNull();
    expect(id(key("s"))).toBe("add_stage");
    expect(id(key("s", { altKey: true }))).toBeNull();
  });
  it("reads keys per platform", () => {
    expect(describeKey(actionSpec("redo").keys[0], false)).toBe("Ctrl+Shift+Z");
    expect(describeKey(actionSpec("redo").keys[0], true)).toBe("⌘⇧Z");
    expect(isMacPlatform("MacIntel")).toBe(true);
    expect(isMacPlatform("Linux x86_64")).toBe(false);
  });
});

describe("dispatch", () => {
  const ran: string[] = [];
  let take: (() => void) | null = null;
  const place = (p: Partial<KeyPlace> = {}): KeyPlace => ({ mac: false, context: "editing", typing: false, onMap: true, ...p });
  afterEach(() => {
    take?.();
    ran.length = 0;
  });
  const handle = (enabled = true) => {
    take = provide({
      add_stage: { run: () => ran.push("add_stage"), enabled: () => enabled },
      find: { run: () => ran.push("find") },
    });
  };

  it("runs the action a key means, once provided", () => {
    expect(dispatchKey(key("s"), place())).toBe(false);
    handle();
    expect(dispatchKey(key("s"), place())).toBe(true);
    expect(ran).toEqual(["add_stage"]);
  });
  it("leaves letters typed in a field to the field, but not Ctrl+F", () => {
    handle();
    expect(dispatchKey(key("s"), place({ typing: true }))).toBe(false);
    expect(dispatchKey(key("f", { ctrlKey: true }), place({ typing: true }))).toBe(true);
    expect(ran).toEqual(["find"]);
  });
  it("takes Ctrl shortcuts from a drop-down, check box or slider, but leaves their letters to them", () => {
    take = provide({ undo: { run: () => ran.push("undo") }, insights: { run: () => ran.push("insights") } });
    const select = { tagName: "SELECT" } as unknown as EventTarget;
    const checkbox = { tagName: "INPUT", type: "checkbox" } as unknown as EventTarget;
    const text = { tagName: "INPUT", type: "text" } as unknown as EventTarget;
    expect([isChoiceTarget(select), isChoiceTarget(checkbox), isChoiceTarget(text)]).toEqual([true, true, false]);
    const inSelect = place({ typing: isTypingTarget(select), choosing: isChoiceTarget(select), onMap: false });
    expect(dispatchKey(key("z", { ctrlKey: true }), inSelect)).toBe(true);
    expect(dispatchKey(key("i"), inSelect)).toBe(false);
    const inText = place({ typing: isTypingTarget(text), choosing: isChoiceTarget(text), onMap: false });
    expect(dispatchKey(key("z", { ctrlKey: true }), inText)).toBe(false);
    expect(ran).toEqual(["undo"]);
  });
  it("types on the map before its letters are actions, where the map takes the text", () => {
    handle();
    const untype = provideTyping((text) => text === "s" && ran.push(`typed ${text}`) > 0);
    expect(dispatchKey(key("s"), place())).toBe(true);
    expect(dispatchKey(key("s"), place({ onMap: false }))).toBe(false);
    expect(dispatchKey(key("s"), place({ typing: true }))).toBe(false);
    untype();
    expect(dispatchKey(key("s"), place())).toBe(true);
    expect(ran).toEqual(["typed s", "add_stage"]);
  });
  it("gives plain map keys to the map only when it (or nothing) has focus", () => {
    handle();
    expect(dispatchKey(key("s"), place({ onMap: false }))).toBe(false);
    expect(ran).toEqual([]);
  });
  it("does nothing for a disabled action", () => {
    handle(false);
    expect(dispatchKey(key("s"), place())).toBe(false);
  });
  it("stops running an action its provider took back", () => {
    handle();
    take?.();
    expect(dispatchKey(key("s"), place())).toBe(false);
  });
});

describe("the generated lists", () => {
  it("the ? list shows every key of every action", () => {
    const rows = helpRows(false);
    for (const a of ACTIONS.filter((x) => x.keys.length > 0)) {
      const row = rows.find((r) => r.label === a.label && r.group === a.group);
      expect(row?.keys).toEqual(a.keys.map((k) => describeKey(k, false)));
    }
  });
  it("ui/README.md's key table is the registry's (BATON_WRITE_KEYS=1 rewrites it)", () => {
    const path = new URL("../../README.md", import.meta.url);
    const readme = readFileSync(path, "utf8");
    const begin = "<!-- keys:begin (generated from src/lib/actions.ts) -->";
    const end = "<!-- keys:end -->";
    const at = readme.indexOf(begin);
    const to = readme.indexOf(end);
    expect(at, "ui/README.md has no key table markers").toBeGreaterThan(-1);
    const table = readme.slice(at + begin.length, to).trim();
    if (process.env.BATON_WRITE_KEYS === "1" && table !== keyTableMarkdown()) {
      writeFileSync(path, readme.slice(0, at + begin.length) + "\n" + keyTableMarkdown() + "\n" + readme.slice(to));
      return;
    }
    expect(table).toBe(keyTableMarkdown());
  });
});
