// What the map draws: culling to the screen, progressive drawing of what panning and zooming
// bring into view, and the level of detail. The cards and handoffs layers draw `shownCards` and
// `shownHandoffs`; `full(id)` says whether a card is drawn with its text.
import { flushSync, untrack } from "svelte";
import { boundsOf, cullBoxes, cullByBounds, CULL_THRESHOLD, grow, snapRect } from "../lib/cull";
import { budgetFor, stepToward, type Placed } from "../lib/progressive";
import type { CardBox, Id, Layout } from "../lib/types";
import type { Rect } from "../lib/viewport";
import type { ViewportController } from "./viewport.svelte";

/** Culling follows the visible rect snapped to this grid (layout units). */
const CULL_GRID = 64;
/** What a frame may spend creating newly visible cards and handoffs. */
const PROGRESSIVE_FRAME_MS = 6;
/**
 * Below this zoom a card's text is too small to read: cards show bars for their lines and no
 * icons or badges, which also keeps a zoomed-out frame (thousands of cards) cheap to draw.
 */
export const DETAIL_ZOOM = 0.45;

const boxOf = (c: CardBox): Rect => ({ x: c.x, y: c.y, width: c.w, height: c.h });

export interface DrawingSource {
  layout(): Layout | null;
  card(id: Id): CardBox | undefined;
  /** What identifies a fresh drawing (the journey, presentation): it is drawn at once. */
  key(): string;
  /** Lays the page out now, so a measured frame includes it. */
  layOut(): void;
}

export class DrawingController {
  /** Cards and handoffs drawn so far, of those near the screen (large maps only). */
  drawnCards = $state.raw(new Set<Id>());
  drawnHandoffs = $state.raw(new Set<Id>());
  /**
   * Cards and handoffs first drawn while a zoom is in progress, drawn without their text until
   * the zoom settles: WebKit lays out every SVG text of a layer again, at the new scale, when any
   * new text joins it, which made each frame of a zoom that revealed a card cost 20 ms or more.
   */
  textless = $state.raw(new Set<Id>());
  /** Whether cards are drawn with their text (follows the settled zoom, not the gesture's:
   * switching every card's drawing mid-gesture would make one frame redraw them all). */
  readonly detail: boolean;
  /** The area culled to: the screen snapped to a coarse grid, so most frames of a pan keep the
   * same drawn set and Svelte has nothing to diff; the cull margin covers the snapping. */
  readonly visible: Rect;
  /** Small maps are drawn whole. */
  readonly everything: boolean;
  readonly shownCards: CardBox[];
  readonly shownHandoffs: Layout["handoffs"];
  readonly #wantedCards: CardBox[];
  readonly #handoffBox: Map<Id, Rect>;
  readonly #wantedHandoffs: Layout["handoffs"];
  #lastArea: Rect | null = null;
  /** Recent cost of drawing one item, measured, so the budget suits the machine. */
  #msPerItem = 0.1;
  #frame = 0;
  #filledFor: string | null = null;
  #filledLayout: Layout | null = null;

  constructor(
    private readonly source: DrawingSource,
    private readonly viewport: ViewportController,
  ) {
    this.detail = $derived(viewport.renderZoom >= DETAIL_ZOOM);
    this.visible = $derived.by(() => this.#cullArea());
    this.everything = $derived((source.layout()?.cards.length ?? 0) < CULL_THRESHOLD);
    this.#wantedCards = $derived.by(() => {
      const l = source.layout();
      return l ? cullBoxes(l.cards, this.visible) : [];
    });
    // Bounds once per layout, not on every frame of a pan.
    // A handoff's box holds its route and its label (which may sit beside the route).
    const labelCorners = (b: { x: number; y: number; w: number; h: number }) => [{ x: b.x, y: b.y }, { x: b.x + b.w, y: b.y + b.h }];
    this.#handoffBox = $derived(new Map((source.layout()?.handoffs ?? []).map((h) => [h.handoff_id, boundsOf([...h.points, ...labelCorners(h.label)])])));
    this.#wantedHandoffs = $derived.by(() => {
      const l = source.layout();
      if (!l) return [];
      const boxes = this.#handoffBox;
      return cullByBounds(l.handoffs, l.handoffs.map((h) => boxes.get(h.handoff_id)!), this.visible);
    });
    this.shownCards = $derived.by(() => {
      const l = source.layout();
      if (!l) return [];
      return this.everything ? l.cards : l.cards.filter((c) => this.drawnCards.has(c.step_id));
    });
    this.shownHandoffs = $derived.by(() => {
      const l = source.layout();
      if (!l) return [];
      return this.everything ? l.handoffs : l.handoffs.filter((h) => this.drawnHandoffs.has(h.handoff_id));
    });
  }

  /** Whether card `id` is drawn with its text and icons. */
  full(id: Id): boolean {
    return this.detail && !this.textless.has(id);
  }

  /**
   * Run in an effect by the map host. A journey's first drawing, and an edit's, happen at once
   * (the first paint and the edit's round trip include them); what panning and zooming bring
   * into view comes in over frames.
   */
  follow(): void {
    const l = this.source.layout();
    void this.visible;
    if (!l || this.everything) return;
    const key = this.source.key();
    untrack(() => {
      if (key !== this.#filledFor) {
        this.#filledFor = key;
        this.#filledLayout = l;
        this.drawStep(Infinity);
      } else if (l !== this.#filledLayout) {
        this.#filledLayout = l;
        if (!this.drawStep(budgetFor(PROGRESSIVE_FRAME_MS, this.#msPerItem)).done) this.#schedule();
      } else {
        this.#schedule();
      }
    });
  }

  /** Drops the text-less marks once a zoom settles (run in an effect by the map host). */
  settle(): void {
    if (!this.viewport.scaling && untrack(() => this.textless.size > 0)) this.textless = new Set();
  }

  /** One step of drawing toward what is near the screen; returns whether it is all drawn. */
  drawStep(budget: number): { done: boolean; changed: number } {
    const screen = this.viewport.visible;
    const keep = grow(this.visible, Math.max(screen.width, screen.height) / 2);
    const cards = stepToward(
      this.drawnCards,
      this.#wantedCards.map((c): Placed => ({ id: c.step_id, box: boxOf(c) })),
      (id) => {
        const c = this.source.card(id);
        return c && boxOf(c);
      },
      screen,
      keep,
      budget,
    );
    const boxes = this.#handoffBox;
    const handoffs = stepToward(
      this.drawnHandoffs,
      this.#wantedHandoffs.map((h): Placed => ({ id: h.handoff_id, box: boxes.get(h.handoff_id)! })),
      (id) => boxes.get(id),
      screen,
      keep,
      budget,
    );
    if (this.viewport.scaling) {
      const added = [
        ...[...cards.drawn].filter((id) => !this.drawnCards.has(id)),
        ...[...handoffs.drawn].filter((id) => !this.drawnHandoffs.has(id)),
      ];
      if (added.length > 0) this.textless = new Set([...this.textless, ...added]);
    }
    // Unchanged sets are kept, so nothing that depends on them is computed again.
    if (cards.changed > 0) this.drawnCards = cards.drawn;
    if (handoffs.changed > 0) this.drawnHandoffs = handoffs.drawn;
    return { done: cards.done && handoffs.done, changed: cards.changed + handoffs.changed };
  }

  /** Stops drawing (the map left the screen). */
  dispose(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #schedule(): void {
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#progress());
  }

  #progress(): void {
    this.#frame = 0;
    if (!this.source.layout() || this.everything) return;
    const t0 = performance.now();
    const { done, changed } = this.drawStep(budgetFor(PROGRESSIVE_FRAME_MS, this.#msPerItem));
    flushSync();
    this.source.layOut();
    if (changed >= 8) this.#msPerItem = 0.7 * this.#msPerItem + (0.3 * (performance.now() - t0)) / changed;
    if (!done) this.#schedule();
  }

  #cullArea(): Rect {
    // Sized for the zoom rounded down to a quarter octave, so zooming out adds a ring of cards
    // every few frames rather than on every frame.
    const vp = this.viewport.vp;
    const v = this.viewport.visible;
    const coarse = Math.pow(2, Math.floor(Math.log2(vp.zoom) * 4) / 4);
    const w = this.viewport.width / coarse;
    const h = this.viewport.height / coarse;
    const next = snapRect({ x: v.x + v.width / 2 - w / 2, y: v.y + v.height / 2 - h / 2, width: w, height: h }, CULL_GRID);
    const last = this.#lastArea;
    const same = last !== null && last.x === next.x && last.y === next.y && last.width === next.width && last.height === next.height;
    if (!same) this.#lastArea = next;
    return this.#lastArea ?? next;
  }
}
