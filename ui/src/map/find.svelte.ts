// The map's find controller: the find bar's state, which cards match, and stepping through them.
// Shared through context (`setFind`/`getFind`) by the map host, its find bar and the layers that
// mark matches.
import { getContext, setContext } from "svelte";
import { findMatches, stepIndex } from "../lib/find";
import type { Id, Step } from "../lib/types";

export class FindController {
  open = $state(false);
  query = $state("");
  /** The match shown, or -1 before the first step. */
  index = $state(-1);
  /** Bumped by `show`: the find bar selects its text again. */
  shown = $state(0);
  /** Ids of the matching cards, in journey order. */
  readonly matches: Id[];
  /** The matches marked on the map: only while the bar is open. */
  readonly marked: ReadonlySet<Id>;
  readonly current: Id | null;

  /**
   * @param steps the steps searched (the journey on screen)
   * @param reveal selects a match and brings it into view
   */
  constructor(
    steps: () => readonly Step[] | null,
    private readonly reveal: (id: Id) => void,
  ) {
    this.matches = $derived(findMatches(steps() ?? [], this.query));
    this.marked = $derived(new Set(this.open ? this.matches : []));
    this.current = $derived(this.open ? (this.matches[this.index] ?? null) : null);
  }

  show(): void {
    this.open = true;
    this.shown++;
  }

  close(): void {
    this.open = false;
  }

  /** The query changed: stepping starts again from the first match. */
  typed(): void {
    this.index = -1;
  }

  /** Moves to the next (1) or previous (-1) match, wrapping, and reveals it. */
  step(dir: 1 | -1): void {
    this.index = stepIndex(this.index, this.matches.length, dir);
    const id = this.matches[this.index];
    if (id !== undefined) this.reveal(id);
  }

  /** "2 of 5", "No match", or nothing before a query. */
  get countLabel(): string {
    const n = this.matches.length;
    if (n === 0) return this.query ? "No match" : "";
    return `${this.index >= 0 ? this.index + 1 : "–"} of ${n}`;
  }
}

const KEY = Symbol("map find");

export function setFind(find: FindController): FindController {
  return setContext(KEY, find);
}

export function getFind(): FindController {
  return getContext<FindController>(KEY);
}
