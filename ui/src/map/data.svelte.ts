// What the map's static layers read: the journey on screen, its layout and look-ups, the
// layout's type sizes, and the insights drawn on the map. Derived once, in the map host, from a
// source (the app state for the main map; the Compare view gives its map of differences) and
// shared through context (`setMapData` / `getMapData`).
import { getContext, setContext } from "svelte";
import { app } from "../lib/state.svelte";
import { Lookup, type ViewLookups } from "../lib/viewLookups";
import { chainMarks, scoresBySubject } from "../lib/insights";
import { gridOf, type Grid } from "../lib/cursor";
import type { CardBox, Handoff, Id, JourneyInsights, JourneyView, Lane, Stage, Step } from "../lib/types";

const NO_STEPS = new Lookup<Step>();
const NO_CARDS = new Lookup<CardBox>();
const NO_HANDOFFS = new Lookup<Handoff>();

/** What a map draws, read through functions so the map follows the source's state. */
export interface MapSource {
  view(): Pick<JourneyView, "model" | "layout"> | null;
  lookups(): ViewLookups | null;
  /** The insights drawn on the cards and handoffs (none for a map that is not the journey's). */
  insights(): JourneyInsights | null;
  evidence(): Set<Id> | null;
}

/** The main map's source: the journey on screen. */
export const APP_MAP_SOURCE: MapSource = {
  view: () => app.view,
  lookups: () => app.viewLookups,
  insights: () => app.insights,
  evidence: () => app.evidence?.ids ?? null,
};

export class MapData {
  readonly #source: MapSource;

  constructor(source: MapSource = APP_MAP_SOURCE) {
    this.#source = source;
  }

  /** The source, read by the deriveds below when they are first read (after the constructor). */
  #from(): MapSource {
    return this.#source;
  }

  readonly layout = $derived(this.#from().view()?.layout ?? null);
  readonly model = $derived(this.#from().view()?.model ?? null);
  // Kept up to date by each view patch (lib/viewLookups.ts), not rebuilt from 10,000 cards.
  readonly steps = $derived(this.#from().lookups()?.steps ?? NO_STEPS);
  readonly cards = $derived(this.#from().lookups()?.cards ?? NO_CARDS);
  readonly handoffs = $derived(this.#from().lookups()?.handoffs ?? NO_HANDOFFS);
  readonly lanes = $derived(new Map<Id, Lane>((this.model?.lanes ?? []).map((l) => [l.id, l])));
  readonly stages = $derived(new Map<Id, Stage>((this.model?.stages ?? []).map((s) => [s.id, s])));
  /** The keyboard cursor's grid; derived lazily, so only when an arrow reads it after a change. */
  readonly grid: Grid | null = $derived(this.model ? gridOf(this.model) : null);

  // Type sizes come from the layout (its presentation style is larger), so text fits its card.
  readonly style = $derived(this.layout?.style ?? null);
  readonly fontSize = $derived(this.style?.font_size ?? 13);
  readonly lineHeight = $derived(this.style?.line_height ?? 18);
  readonly pad = $derived(this.style?.card_padding ?? 8);
  readonly headH = $derived(this.style?.stage_header_height ?? 44);
  readonly laneW = $derived(this.style?.lane_header_width ?? 176);

  // Insights on the map, each from the one list it reads: an insights patch keeps the lists it
  // did not change (the same arrays), so the badges, chain marks and friction of every card
  // drawn are not worked out and drawn again when insights arrive unchanged after an edit.
  readonly scores = $derived(scoresBySubject(this.#from().insights()?.scores.subjects));
  readonly chains = $derived(chainMarks(this.#from().insights()?.analysis.chains));
  readonly friction = $derived(
    new Map((this.#from().insights()?.analysis.handoffs ?? []).map((h) => [h.handoff_id, h.friction.score])),
  );
  readonly evidence = $derived(this.#from().evidence());
  /** What stays undimmed while evidence is shown: the evidence and the cards its handoffs join. */
  readonly evidenceContext = $derived.by(() => {
    const ev = this.evidence;
    if (!ev) return null;
    const out = new Set(ev);
    for (const id of ev) {
      const h = this.handoffs.get(id);
      if (h) {
        out.add(h.from_step_id);
        out.add(h.to_step_id);
      }
    }
    return out;
  });

  dimmed(id: Id): boolean {
    return this.evidenceContext !== null && !this.evidenceContext.has(id);
  }

  /** Characters that fit a header of `w` map units at `size`, by the layout's own measure. */
  fits(text: string, w: number, size: number): string {
    const n = Math.max(4, Math.floor(w / (size * (this.style?.char_width_factor ?? 0.55))));
    return text.length > n ? text.slice(0, n - 1) + "…" : text;
  }

  /** The boxes of the cards in a cell, in the model's order, without `except`. */
  cellCards(stageId: Id, laneId: Id, except: Id | null = null): CardBox[] {
    return (this.model?.steps ?? [])
      .filter((s) => s.stage_id === stageId && s.lane_id === laneId && s.id !== except)
      .map((s) => this.cards.get(s.id))
      .filter((c): c is CardBox => c !== undefined);
  }
}

const KEY = Symbol("map data");

export function setMapData(data: MapData): MapData {
  return setContext(KEY, data);
}

export function getMapData(): MapData {
  return getContext<MapData>(KEY);
}
