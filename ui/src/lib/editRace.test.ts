// The race the builder form of `app.apply` closes: an inspector change still queued when the
// map renames the same card. Run against the fake shell (src/dev/fake.ts), which applies edits
// to its own copy of the file as the real one does.
import { beforeEach, describe, expect, it } from "vitest";
import { api, setApi } from "./api";
import { createFakeApi } from "../dev/fake";
import { renameEdit, updateStep } from "./edits";
import { app } from "./state.svelte";
import type { Step } from "./types";

async function openDemo(): Promise<Step> {
  setApi(createFakeApi(new URLSearchParams("demo=demo")));
  await app.open(() => api().openDemo());
  const step = app.view?.model.steps.find((s) => s.emotion === null);
  if (!step) throw new Error("the demo has no card");
  return step;
}

/** The inspector's change of a card's notes: queued as a builder, as Inspector.svelte does. */
function typeNotes(id: string, notes: string): Promise<boolean> {
  return app.apply(() => {
    const s = app.viewLookups?.steps.get(id);
    return s ? updateStep(s, { notes }) : null;
  }, id);
}

const now = (id: string) => app.viewLookups?.steps.get(id);

describe("a map edit queued behind an inspector change", () => {
  beforeEach(async () => {
    await app.close();
  });

  it("built from the copy on screen, reverts the change (the race)", async () => {
    const card = await openDemo();
    const notes = typeNotes(card.id, "typed in the inspector");
    // The map's rename built at once from the card as shown: the notes are not in it yet.
    const rename = app.apply(updateStep(card, { title: "Renamed on the map" }), card.id);
    await Promise.all([notes, rename]);
    expect(now(card.id)?.title).toBe("Renamed on the map");
    expect(now(card.id)?.notes).toBe(card.notes);
  });

  it("built when it runs, keeps both", async () => {
    const card = await openDemo();
    const notes = typeNotes(card.id, "typed in the inspector");
    const rename = app.apply(() => renameEdit(app.view?.model ?? null, app.viewLookups?.steps ?? null, "step", card.id, "Renamed on the map"), card.id);
    await Promise.all([notes, rename]);
    expect(now(card.id)?.title).toBe("Renamed on the map");
    expect(now(card.id)?.notes).toBe("typed in the inspector");
  });
});

describe("an undo pressed while edits are still queued", () => {
  beforeEach(async () => {
    await app.close();
  });

  it("undoes the last edit asked for, and redo brings it back", async () => {
    const card = await openDemo();
    const first = typeNotes(card.id, "first");
    const second = typeNotes(card.id, "second");
    // Ctrl+Z at once: before the second edit has even been sent.
    const undone = app.undo();
    await Promise.all([first, second, undone]);
    expect(now(card.id)?.notes).toBe("first");
    expect(app.canRedo).toBe(true);
    await app.redo();
    expect(now(card.id)?.notes).toBe("second");
  });
});
