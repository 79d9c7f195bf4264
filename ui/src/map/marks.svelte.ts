// Marks on map items (selected, find match, dragged...) that a layer of thousands reads per item.
// Each id has its own signal, so moving a mark from one card to another wakes those two cards'
// drawing and not every card's (a `Set` in one `$state` would wake them all).
import { getContext, setContext } from "svelte";
import { app } from "../lib/state.svelte";
import type { Id } from "../lib/types";
import type { FindController } from "./find.svelte";
import type { GestureController } from "./gestures.svelte";
import { selectedCards } from "./multiSelect.svelte";

class Flag {
  on: boolean;
  constructor(on: boolean) {
    this.on = $state(on);
  }
}

export class KeyedMarks {
  #flags = new Map<Id, Flag>();
  #marked = new Set<Id>();

  /** Whether `id` is marked; a reader is woken only when `id`'s own mark changes. */
  has(id: Id): boolean {
    let flag = this.#flags.get(id);
    if (!flag) {
      // Created in a root of its own: state created while a reader runs is not tracked by that
      // reader (Svelte ignores it for that run), and this reader must be woken by it.
      const on = this.#marked.has(id);
      const stop = $effect.root(() => {
        flag = new Flag(on);
      });
      stop();
      this.#flags.set(id, flag!);
    }
    return flag!.on;
  }

  /** Marks exactly `ids`; only the ids whose mark changes are told. */
  set(ids: Iterable<Id>): void {
    const next = new Set(ids);
    for (const id of this.#marked) if (!next.has(id)) this.#flip(id, false);
    for (const id of next) if (!this.#marked.has(id)) this.#flip(id, true);
    this.#marked = next;
  }

  /** Unmarks every id. The ids' signals are kept: drawn items still listen to them. */
  clear(): void {
    this.set([]);
  }

  #flip(id: Id, on: boolean): void {
    const flag = this.#flags.get(id);
    if (flag) flag.on = on;
  }
}

/** The marks the map's layers show, each kept by the map host from the state it follows. */
export class MapMarks {
  /** The selected card, emotion point, handoff, stage or lane. */
  readonly selected = new KeyedMarks();
  /** Cards matching the find bar's query, while it is open. */
  readonly match = new KeyedMarks();
  /** The match the find bar is on. */
  readonly current = new KeyedMarks();
  /** The card a handoff being drawn would end on. */
  readonly target = new KeyedMarks();
  /** The card being dragged (the overlay draws its ghost). */
  readonly dragging = new KeyedMarks();
  /** Cards and handoffs a live initiative addresses (the plan's links; not cleared with the
   * others: it follows `app.planLinks`, refetched for each journey). */
  readonly planned = new KeyedMarks();

  clear(): void {
    for (const m of [this.selected, this.match, this.current, this.target, this.dragging]) m.clear();
  }

  /** Keeps each mark following its state (run once, while the map host initialises). */
  follow(find: FindController, gestures: GestureController): void {
    $effect(() => {
      const s = app.selection;
      this.selected.set(s && s.kind !== "cell" && s.kind !== "step" ? [s.id] : selectedCards());
    });
    $effect(() => this.match.set(find.marked));
    $effect(() => this.current.set(find.current ? [find.current] : []));
    $effect(() => this.dragging.set(gestures.dragged ? [gestures.dragged.id] : []));
    $effect(() => this.planned.set(app.planLinks?.items.map((item) => item.id) ?? []));
    $effect(() => {
      // Drawing a handoff: the card under the pointer, or with the keyboard the selected card.
      const target = gestures.connectTarget;
      const s = app.selection;
      const keyboard = gestures.connectFrom !== null && s?.kind === "step" ? [s.id] : [];
      this.target.set([...(target ? [target] : []), ...keyboard]);
    });
  }
}

const KEY = Symbol("map marks");

export function setMarks(marks: MapMarks): MapMarks {
  return setContext(KEY, marks);
}

export function getMarks(): MapMarks {
  return getContext<MapMarks>(KEY);
}
