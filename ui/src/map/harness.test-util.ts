// The map's controllers against the fake shell (src/dev/fake.ts, which keeps an undo history as
// the real one does), wired as the map host wires them, for the keyboard tests.
import { api, setApi } from "../lib/api";
import { createFakeApi } from "../dev/fake";
import { dispatchKey } from "../lib/actions";
import { app } from "../lib/state.svelte";
import { EditingController } from "./editing.svelte";
import { MapData } from "./data.svelte";
import { ViewportController } from "./viewport.svelte";
import { GestureController } from "./gestures.svelte";
import { FindController } from "./find.svelte";
import { MapCommands } from "./commands.svelte";

const place = { mac: false, context: "editing" as const, typing: false, onMap: true };

/** A key pressed on the map, through the one dispatch. True when something took it. */
export const key = (k: string, mods: { shift?: boolean; alt?: boolean; ctrl?: boolean } = {}) =>
  dispatchKey({ key: k, ctrlKey: !!mods.ctrl, metaKey: false, altKey: !!mods.alt, shiftKey: !!mods.shift }, place);

/** Lets the queued edits and their view updates land: a pause for what is asked before an edit
 * (ids), then the end of the edit queue (an edit that builds nothing waits for those before it). */
export async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 20));
  await app.apply(() => null);
}

export interface Harness {
  data: MapData;
  editing: EditingController;
  commands: MapCommands;
  /** Takes the map's actions back. */
  close: () => void;
}

/** Opens the fake shell's demo file and the map's controllers over its first journey. */
export async function openMap(): Promise<Harness> {
  setApi(createFakeApi(new URLSearchParams("demo=demo")));
  await app.open(() => api().openDemo());
  const data = new MapData();
  const viewport = new ViewportController(() => data.layout);
  viewport.width = 1280;
  viewport.height = 720;
  const editing = new EditingController(() => {});
  const gestures = new GestureController(
    {
      layout: () => data.layout,
      shownCards: () => data.layout?.cards ?? [],
      step: (id) => data.steps.get(id),
      card: (id) => data.cards.get(id),
      cellCards: (s, l, except) => data.cellCards(s, l, except),
      select: (s) => (app.selection = s),
      apply: (edit, about) => app.apply(edit, about),
      connect: async () => {},
      presenting: () => false,
      focus: () => {},
    },
    viewport,
  );
  const find = new FindController(() => data.model?.steps ?? null, () => {});
  const commands = new MapCommands(data, viewport, editing, gestures, find);
  const close = commands.provide();
  await settle();
  return { data, editing, commands, close };
}
