// While the screen is read only (a snapshot on the map), the actions that change the file are
// off, keys and buttons alike, and typing on the map starts nothing; reading actions run.
import { afterEach, describe, expect, it } from "vitest";
import { ACTIONS, dispatchKey, isEnabled, perform, provide, provideTyping } from "./actions";
import { OFF_WHILE_READ_ONLY, provideReadOnly } from "./readOnly";
import { lockOf } from "./lockControls";
import { createdJourney, snapshotDate } from "./snapshots";
import type { EditAnswer } from "./types";

const place = { mac: false, context: "editing" as const, typing: false, onMap: true };
const press = (key: string) => dispatchKey({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false }, place);

let undo: Array<() => void> = [];
afterEach(() => {
  for (const u of undo) u();
  undo = [];
});

describe("a read-only screen", () => {
  it("turns off every action that writes, and only while read only", () => {
    let readOnly = true;
    const ran: string[] = [];
    undo.push(provideReadOnly(() => readOnly));
    undo.push(provide(Object.fromEntries(ACTIONS.map((a) => [a.id, { run: () => ran.push(a.id) }]))));
    for (const id of ["delete", "undo", "redo", "add_card", "paste", "duplicate", "nudge_left", "handoff_blind", "metrics", "export", "insights", "copy"] as const) {
      expect(OFF_WHILE_READ_ONLY.has(id), id).toBe(true);
      expect(perform(id), id).toBe(false);
    }
    for (const id of ["find", "zoom_in", "move_left", "present", "show_plan", "cancel"] as const) expect(perform(id), id).toBe(true);
    expect(ran).toEqual(["find", "zoom_in", "move_left", "present", "show_plan", "cancel"]);
    readOnly = false;
    expect(isEnabled("delete")).toBe(true);
  });

  it("gives typed text on the map to no one", () => {
    let readOnly = true;
    const typed: string[] = [];
    undo.push(provideReadOnly(() => readOnly));
    undo.push(provideTyping((t) => (typed.push(t), true)));
    expect(press("q")).toBe(false);
    readOnly = false;
    expect(press("q")).toBe(true);
    expect(typed).toEqual(["q"]);
  });

  it("locks text fields read only (their text stays selectable) and disables every other control", () => {
    expect(lockOf("TEXTAREA", null)).toBe("readonly");
    expect(lockOf("INPUT", null)).toBe("readonly");
    expect(lockOf("INPUT", "number")).toBe("readonly");
    expect(lockOf("INPUT", "checkbox")).toBe("disabled");
    expect(lockOf("INPUT", "range")).toBe("disabled");
    expect(lockOf("SELECT", null)).toBe("disabled");
    expect(lockOf("BUTTON", "submit")).toBe("disabled");
    expect(lockOf("DIV", null)).toBeNull();
  });
});

describe("snapshot helpers", () => {
  it("finds the journey a restore created among the rows it wrote", () => {
    const answer = (touched: EditAnswer["outcome"]["touched"]) => ({ outcome: { revision: 2, can_undo: true, can_redo: false, touched, label: "restore snapshot" } }) as EditAnswer;
    expect(createdJourney(answer([{ kind: "stage", id: "s" }, { kind: "journey", id: "j2" }]))).toBe("j2");
    expect(createdJourney(answer([{ kind: "stage", id: "s" }]))).toBeNull();
    expect(createdJourney(null)).toBeNull();
  });

  it("dates a snapshot for reading, and shows a date it cannot read as given", () => {
    expect(snapshotDate("2026-12-06T10:00:00Z")).toMatch(/2026/);
    expect(snapshotDate("not a date")).toBe("not a date");
  });
});
