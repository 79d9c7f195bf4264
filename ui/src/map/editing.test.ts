// The editing controller against the fake shell (src/dev/fake.ts), which keeps an undo history
// as the real one does: a new card named in place is one edit and one undo step.
import { beforeEach, describe, expect, it } from "vitest";
import { api, setApi } from "../lib/api";
import { createFakeApi } from "../dev/fake";
import { createStep } from "../lib/edits";
import { app } from "../lib/state.svelte";
import { EditingController, editorBox } from "./editing.svelte";
import type { Layout } from "../lib/types";

let focused = 0;
const controller = () => new EditingController(() => focused++);

async function openDemo() {
  setApi(createFakeApi(new URLSearchParams("demo=demo")));
  await app.open(() => api().openDemo());
  const model = app.view?.model;
  const lane = model?.lanes.find((l) => l.kind !== "emotion");
  const stage = model?.stages[0];
  if (!model || !lane || !stage) throw new Error("the demo has no cell");
  const cards = () => app.view?.model.steps.length ?? 0;
  const [id] = await app.ids(1);
  const build = (title: string) => createStep(model.journey.id, id, stage.id, lane.id, 0, title, lane.kind);
  return { id, build, cards };
}

const at = { x: 10, y: 20, width: 100, height: 50 };
const title = (id: string) => app.viewLookups?.steps.get(id)?.title;

describe("the map's editing controller", () => {
  beforeEach(async () => {
    await app.close();
    focused = 0;
  });

  it("creates a new card with the name typed: one undo step takes it back whole", async () => {
    const { id, build, cards } = await openDemo();
    const before = cards();
    const editing = controller();
    editing.startCreating("step", id, "New card", at, build);
    expect(cards()).toBe(before);
    if (editing.current) editing.current.value = "Calls the bank";
    await editing.commit();
    expect(title(id)).toBe("Calls the bank");
    expect(app.selection).toEqual({ kind: "step", id });
    expect(focused).toBe(1);
    await app.undo();
    expect(cards()).toBe(before);
    expect(title(id)).toBeUndefined();
  });

  it("Escape still creates the new card, with the name it was offered", async () => {
    const { id, build } = await openDemo();
    const editing = controller();
    editing.startCreating("step", id, "New card", at, build);
    if (editing.current) editing.current.value = "half typed";
    await editing.cancel();
    expect(title(id)).toBe("New card");
  });

  it("renames in place, and drops a rename on Escape", async () => {
    const { id, build } = await openDemo();
    await app.apply(build("Old"));
    const editing = controller();
    editing.start("step", id);
    expect(editing.current?.value).toBe("Old");
    if (editing.current) editing.current.value = "Dropped";
    await editing.cancel();
    expect(title(id)).toBe("Old");
    editing.start("step", id);
    if (editing.current) editing.current.value = "Kept";
    await editing.commit();
    expect(title(id)).toBe("Kept");
  });
});

describe("where the editor sits", () => {
  const layout = {
    style: { stage_header_height: 48, lane_header_width: 180 },
    stages: [{ stage_id: "s", name: "S", x: 180, width: 200 }],
    lanes: [{ lane_id: "l", name: "L", kind: "actor", y: 48, height: 200 }],
  } as unknown as Layout;
  const vp = { tx: 5, ty: 7, zoom: 2 };
  it("over the card, at the viewport's zoom, at least 48 px tall", () => {
    const card = { step_id: "c", x: 10, y: 20, w: 100, h: 10, lines: [], clipped: false };
    expect(editorBox({ kind: "step", id: "c", value: "" }, layout, card, vp)).toEqual({ x: 25, y: 47, w: 200, h: 48 });
  });
  it("over a stage header at the top, a lane header at the left", () => {
    expect(editorBox({ kind: "stage", id: "s", value: "" }, layout, undefined, vp)).toEqual({ x: 365, y: 0, w: 400, h: 96 });
    expect(editorBox({ kind: "lane", id: "l", value: "" }, layout, undefined, vp)).toEqual({ x: 0, y: 103, w: 360, h: 192 });
  });
  it("where a new one will stand", () => {
    const create = { build: () => ({ op: "delete_step", id: "x" }) as const, at, offered: "" };
    expect(editorBox({ kind: "step", id: "new", value: "", create }, layout, undefined, vp)).toEqual({ x: 25, y: 47, w: 200, h: 100 });
  });
  it("nowhere for a card that is gone", () => {
    expect(editorBox({ kind: "step", id: "gone", value: "" }, layout, undefined, vp)).toBeNull();
  });
});
