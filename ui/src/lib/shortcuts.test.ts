import { describe, expect, it } from "vitest";
import { BINDINGS, describeBinding, isMacPlatform, matchShortcut, type KeyLike } from "./shortcuts";

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe("matchShortcut", () => {
  it("uses Ctrl off macOS and Cmd on macOS for undo and redo", () => {
    expect(matchShortcut(key("z", { ctrlKey: true }), false, false)).toBe("undo");
    expect(matchShortcut(key("Z", { ctrlKey: true, shiftKey: true }), false, false)).toBe("redo");
    expect(matchShortcut(key("z", { metaKey: true }), true, false)).toBe("undo");
    expect(matchShortcut(key("z", { ctrlKey: true }), true, false)).toBeNull();
    expect(matchShortcut(key("z", { metaKey: true }), false, false)).toBeNull();
  });
  it("maps find, delete, escape and help", () => {
    expect(matchShortcut(key("f", { ctrlKey: true }), false, false)).toBe("find");
    expect(matchShortcut(key("Delete"), false, false)).toBe("delete");
    expect(matchShortcut(key("Backspace"), false, false)).toBe("delete");
    expect(matchShortcut(key("Escape"), false, false)).toBe("cancel");
    expect(matchShortcut(key("?", { shiftKey: true }), false, false)).toBe("help");
  });
  it("gives the arrows to selection when editing and to stages when presenting", () => {
    expect(matchShortcut(key("ArrowRight"), false, false)).toBe("move_right");
    expect(matchShortcut(key("ArrowRight"), false, true)).toBe("next_stage");
    expect(matchShortcut(key("ArrowLeft"), false, true)).toBe("prev_stage");
  });
  it("ignores plain letters with a modifier they are not bound to", () => {
    expect(matchShortcut(key("s", { ctrlKey: true }), false, false)).toBeNull();
    expect(matchShortcut(key("s"), false, false)).toBe("add_stage");
    expect(matchShortcut(key("s", { altKey: true }), false, false)).toBeNull();
  });
});

describe("help text", () => {
  it("describes bindings per platform", () => {
    const redo = BINDINGS.find((b) => b.action === "redo" && b.key === "z");
    if (!redo) throw new Error("redo binding missing");
    expect(describeBinding(redo, false)).toBe("Ctrl+Shift+Z");
    expect(describeBinding(redo, true)).toBe("⌘⇧Z");
  });
  it("recognises macOS platforms", () => {
    expect(isMacPlatform("MacIntel")).toBe(true);
    expect(isMacPlatform("Linux x86_64")).toBe(false);
  });
});
