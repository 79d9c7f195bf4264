import { beforeEach, describe, expect, it } from "vitest";
import { GestureController, type GestureHost } from "./gestures.svelte";
import { ViewportController } from "./viewport.svelte";
import { gridLayout } from "./fixture.test-util";
import type { Selection } from "../lib/state.svelte";
import type { Edit, Id, Step } from "../lib/types";

const layout = gridLayout(4, 3);
let selection: Selection;
let applied: { edit: Edit; about: Id }[];
let connected: [Id, Id][];
let presenting: boolean;
let readOnly: boolean;
let focused: number;

function setUp() {
  const viewport = new ViewportController(() => layout);
  viewport.width = 1000;
  viewport.height = 600;
  const cards = new Map(layout.cards.map((c) => [c.step_id, c]));
  const step = (id: Id): Step | undefined => {
    const m = /^c(\d+)_(\d+)$/.exec(id);
    return m ? ({ id, stage_id: `s${m[1]}`, lane_id: `l${m[2]}`, position: 0 } as Step) : undefined;
  };
  const host: GestureHost = {
    layout: () => layout,
    shownCards: () => layout.cards,
    step,
    card: (id) => cards.get(id),
    cellCards: (stageId, laneId, except) => layout.cards.filter((c) => c.step_id === `c${stageId.slice(1)}_${laneId.slice(1)}` && c.step_id !== except),
    select: (s) => (selection = s),
    apply: async (edit, about) => applied.push({ edit, about }),
    connect: async (from, to) => connected.push([from, to]),
    presenting: () => presenting,
    readOnly: () => readOnly,
    focus: () => focused++,
  };
  return { viewport, gestures: new GestureController(host, viewport) };
}
// Screen points: at zoom 1 and no pan, screen = layout.
const centreOf = (id: Id) => {
  const c = layout.cards.find((k) => k.step_id === id)!;
  return { x: c.x + c.w / 2, y: c.y + c.h / 2 };
};

beforeEach(() => {
  selection = null;
  applied = [];
  connected = [];
  presenting = false;
  readOnly = false;
  focused = 0;
});

describe("the map's pointer gestures", () => {
  it("a click on the background selects the cell under it; a drag pans without selecting", async () => {
    const { viewport, gestures } = setUp();
    // A window smaller than the map, so that it can pan.
    viewport.width = 400;
    viewport.height = 200;
    expect(gestures.pressBody({ x: 190, y: 60 })).toBe(true);
    expect(focused).toBe(1);
    await gestures.release();
    expect(selection).toEqual({ kind: "cell", stageId: "s0", laneId: "l0" });

    selection = null;
    gestures.pressBody({ x: 190, y: 60 });
    gestures.move({ x: 150, y: 40 });
    expect(gestures.panning).toBe(true);
    expect(viewport.vp).toMatchObject({ tx: -40, ty: -20 });
    await gestures.release();
    expect(selection).toBeNull();
    expect(gestures.current).toBeNull();
  });

  it("a card dragged to another cell moves there, in one edit, showing where it lands", async () => {
    const { gestures } = setUp();
    const from = centreOf("c0_0");
    gestures.pressBody(from);
    expect(selection).toEqual({ kind: "step", id: "c0_0" });
    gestures.move({ x: from.x + 2, y: from.y });
    expect(gestures.dragged).toBeNull();
    gestures.move({ x: from.x + 200, y: from.y + 100 });
    expect(gestures.dragged).toEqual({ id: "c0_0", delta: { x: 200, y: 100 } });
    expect(gestures.dropCell).toEqual({ x: 380, y: 148, width: 200, height: 100 });
    await gestures.release();
    expect(applied).toHaveLength(1);
    expect(applied[0].about).toBe("c0_0");
    expect(applied[0].edit).toMatchObject({ op: "move_step", id: "c0_0", stage_id: "s1", lane_id: "l1" });
  });

  it("a card dropped back where it was makes no edit", async () => {
    const { gestures } = setUp();
    const from = centreOf("c1_1");
    gestures.pressBody(from);
    gestures.move({ x: from.x + 10, y: from.y + 5 });
    await gestures.release();
    expect(applied).toEqual([]);
  });

  it("the handle draws a handoff onto another card, never onto its own", async () => {
    const { gestures } = setUp();
    gestures.pressHandle({ x: 0, y: 0 }, "c0_0");
    gestures.move(centreOf("c0_0"));
    expect(gestures.connectTarget).toBeNull();
    gestures.move(centreOf("c2_1"));
    expect(gestures.connectTarget).toBe("c2_1");
    expect(gestures.connectLine).toMatchObject({ x1: 360, y1: 98, x2: centreOf("c2_1").x });
    await gestures.release();
    expect(connected).toEqual([["c0_0", "c2_1"]]);
  });

  it("a stage header dragged past its neighbour moves the stage; a lane header the lane", async () => {
    const { gestures } = setUp();
    gestures.pressHeader("stage", "s0", 0, { x: 200, y: 10 });
    expect(selection).toEqual({ kind: "stage", id: "s0" });
    gestures.move({ x: 420, y: 10 });
    expect(gestures.headerOffset("stage", 0)).toBe(220);
    expect(gestures.headerOffset("stage", 1)).toBe(0);
    await gestures.release();
    expect(applied.map((a) => a.edit)).toEqual([{ op: "move_stage", id: "s0", position: 1 }]);

    gestures.pressHeader("lane", "l2", 2, { x: 10, y: 300 });
    gestures.move({ x: 10, y: 90 });
    await gestures.release();
    expect(applied[1].edit).toEqual({ op: "move_lane", id: "l2", position: 0 });
  });

  it("in presentation mode nothing is pressed or selected", () => {
    presenting = true;
    const { gestures } = setUp();
    expect(gestures.pressBody(centreOf("c0_0"))).toBe(false);
    expect(gestures.pressHeader("stage", "s0", 0, { x: 200, y: 10 })).toBe(false);
    gestures.pressItem({ kind: "handoff", id: "h0_0" });
    expect(selection).toBeNull();
    expect(gestures.current).toBeNull();
  });

  it("Escape ends the gesture first, then the keyboard handoff, then reports nothing to end", () => {
    const { gestures } = setUp();
    gestures.connectFrom = "c0_0";
    gestures.pressBody(centreOf("c1_1"));
    expect(gestures.cancel()).toBe(true);
    expect(gestures.current).toBeNull();
    expect(gestures.connectFrom).toBe("c0_0");
    expect(gestures.cancel()).toBe(true);
    expect(gestures.connectFrom).toBeNull();
    expect(gestures.cancel()).toBe(false);
  });

  it("a pointer taken away ends the gesture without an edit, and keeps a keyboard handoff", async () => {
    const { gestures } = setUp();
    gestures.connectFrom = "c0_0";
    const from = centreOf("c0_0");
    gestures.pressBody(from);
    gestures.move({ x: from.x + 200, y: from.y });
    gestures.abort();
    await gestures.release();
    expect(applied).toEqual([]);
    expect(gestures.connectFrom).toBe("c0_0");
  });

  it("finds the card or the cell under a point", () => {
    const { gestures } = setUp();
    expect(gestures.hit(centreOf("c3_2"))).toEqual({ card: "c3_2", cell: null });
    expect(gestures.hit({ x: 190, y: 60 })).toEqual({ card: null, cell: { stageId: "s0", laneId: "l0" } });
    expect(gestures.hit({ x: 10, y: 10 })).toEqual({ card: null, cell: null });
  });
});

describe("drawing a handoff by keyboard", () => {
  it("previews the line from the source to the card chosen as target, none on the source itself", () => {
    const { gestures } = setUp();
    expect(gestures.keyConnectLine("c1_0")).toBeNull();
    gestures.connectFrom = "c0_0";
    expect(gestures.keyConnectLine("c0_0")).toBeNull();
    // c0_0 at (200, 68) 160 x 60; c1_1 at (400, 168): right edge to left edge, middles.
    expect(gestures.keyConnectLine("c1_1")).toEqual({ x1: 360, y1: 98, x2: 400, y2: 198 });
    // Backwards: left edge to the target's right edge.
    gestures.connectFrom = "c1_1";
    expect(gestures.keyConnectLine("c0_0")).toEqual({ x1: 400, y1: 198, x2: 360, y2: 98 });
  });
});

describe("the map's pointer gestures on a snapshot (read only)", () => {
  it("a card pressed is selected, and dragging it pans the map instead of moving the card", async () => {
    readOnly = true;
    const { viewport, gestures } = setUp();
    viewport.width = 400;
    viewport.height = 200;
    const from = centreOf("c0_0");
    expect(gestures.pressBody(from)).toBe(true);
    expect(selection).toEqual({ kind: "step", id: "c0_0" });
    gestures.move({ x: from.x - 40, y: from.y - 20 });
    expect(gestures.dragged).toBeNull();
    expect(gestures.panning).toBe(true);
    await gestures.release();
    expect(applied).toEqual([]);

    // A click without moving keeps the card selected (a pan's click would select the cell).
    gestures.pressBody(centreOf("c1_1"));
    await gestures.release();
    expect(selection).toEqual({ kind: "step", id: "c1_1" });
    expect(applied).toEqual([]);
  });

  it("the handle draws nothing and a header press selects without a drag", async () => {
    readOnly = true;
    const { gestures } = setUp();
    gestures.pressHandle({ x: 0, y: 0 }, "c0_0");
    gestures.move(centreOf("c2_1"));
    await gestures.release();
    expect(connected).toEqual([]);

    expect(gestures.pressHeader("stage", "s0", 0, { x: 10, y: 10 })).toBe(false);
    expect(selection).toEqual({ kind: "stage", id: "s0" });
    gestures.move({ x: 400, y: 10 });
    await gestures.release();
    expect(applied).toEqual([]);
  });
});
