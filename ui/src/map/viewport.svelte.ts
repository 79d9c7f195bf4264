// The map's viewport: pan, zoom, the settled zoom the layers are drawn at, fit, reveal, focus and
// the presented stage. Created by the workspace and shared through context (`setViewport` /
// `getViewport`): the map drives it, the top bar shows its zoom, the insights panel focuses
// what it points at.
import { getContext, setContext } from "svelte";
import { boundsOf } from "../lib/cull";
import type { Id, Layout } from "../lib/types";
import {
  clampPan,
  fitToView,
  focusRect,
  panBy,
  presentationZoom,
  revealRect,
  unionRect,
  visibleRect,
  zoomAt,
  type Rect,
  type Viewport,
} from "../lib/viewport";

/** The smallest card text a journey opens with, in screen pixels. */
const OPEN_MIN_TEXT_PX = 8;

/** What a presentation's page down keeps of the screen before it in view, in pixels. */
const PAGE_OVERLAP_PX = 48;

/** How long zooming must pause before the layers are drawn again at the new zoom. */
export const SETTLE_MS = 150;
/** Beyond these scales of the drawn layers the picture blurs: they are drawn again at once. */
const REDRAW_BELOW = 0.35;
const REDRAW_ABOVE = 3;

export interface WheelInput {
  deltaX: number;
  deltaY: number;
  /** Ctrl or Cmd held: the wheel zooms. */
  zoom: boolean;
  shift: boolean;
}

export class ViewportController {
  vp = $state<Viewport>({ tx: 0, ty: 0, zoom: 1 });
  /** The map's size on screen, in pixels. */
  width = $state(800);
  height = $state(600);
  /**
   * The zoom the SVG layers are drawn at. Pan and zoom move the layers with a CSS transform
   * (translate by the pan, scale by vp.zoom / renderZoom): WebKit lays out every SVG text again
   * whenever a transform inside the SVG changes, which cost most of a frame on a large map,
   * while a CSS transform on the <svg> element only repaints. The layers are drawn again at
   * the new zoom once zooming pauses, or at once when the scale drifts far enough to blur.
   */
  renderZoom = $state(1);
  /** The stage shown in presentation mode. */
  presentStage = $state(0);
  /** Presentation: the whole map fits on screen with readable text (no scrolling by stage). */
  presentFits = $state(false);
  /** Presentation: reveal mode, the stages after the one presented are dimmed. */
  presentReveal = $state(false);
  /** Presentation: the last stage was passed (the end cue shows). */
  presentEnded = $state(false);
  /** Presentation: the viewport before it, restored on leaving. */
  private beforePresenting: Viewport | null = null;

  /** Presentation starts (or ends): from the first stage; on leaving, the view before it. */
  presenting(on: boolean): void {
    this.presentEnded = false;
    if (on) {
      this.beforePresenting ??= this.vp;
      this.presentStage = 0;
      this.presentFits = false;
    } else if (this.beforePresenting) {
      this.#moveTo(this.beforePresenting);
      this.beforePresenting = null;
    }
  }
  /** The zoom in percent, for the top bar. */
  readonly percent: number;
  /** A zoom is in progress: the layers are scaled by CSS, not yet drawn at the new zoom. */
  readonly scaling: boolean;
  #settle: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param layout the layout on screen (pan is clamped to it)
   * @param activity told of each pan and zoom (insights wait for them to pause)
   */
  constructor(
    private readonly layout: () => Layout | null,
    private readonly activity: () => void = () => {},
  ) {
    this.percent = $derived(Math.round(this.vp.zoom * 100));
    this.scaling = $derived(this.vp.zoom !== this.renderZoom);
  }

  /** Moves to `next`, kept over the layout. */
  set(next: Viewport): void {
    const l = this.layout();
    this.#moveTo(l ? clampPan(next, l.width, l.height, this.width, this.height) : next);
    this.activity();
  }

  /** Back to the top-left at `zoom` (a journey opened, presentation started). */
  reset(zoom = 1): void {
    this.#moveTo({ tx: 0, ty: 0, zoom });
  }

  zoomBy(factor: number): void {
    this.set(zoomAt(this.vp, factor, this.width / 2, this.height / 2));
  }

  zoomReset(): void {
    this.set({ ...this.vp, zoom: 1 });
  }

  /** The whole map in view, never past 100%. */
  fit(): void {
    const l = this.layout();
    if (l) this.set(fitToView(l.width, l.height, this.width, this.height));
  }

  /** A journey opened: the whole map in view, as far as its text stays legible (a journey too
   * large for that opens at its top-left at the smallest legible zoom). */
  openFitted(): void {
    const l = this.layout();
    if (!l) return;
    const fitted = fitToView(l.width, l.height, this.width, this.height);
    const legible = Math.min(1, OPEN_MIN_TEXT_PX / l.style.font_size);
    this.#moveTo({ tx: 0, ty: 0, zoom: Math.max(fitted.zoom, legible) });
  }

  /** A wheel turn at screen point (x, y): zoom about it with Ctrl, else pan (sideways with Shift). */
  wheel(w: WheelInput, x: number, y: number): void {
    if (w.zoom) this.set(zoomAt(this.vp, Math.exp(-w.deltaY * 0.0015), x, y));
    else this.set(panBy(this.vp, -(w.shift ? w.deltaY : w.deltaX), w.shift ? 0 : -w.deltaY));
  }

  /** Scrolls just enough for `r` (layout units) to show beside the sticky headers. */
  reveal(r: Rect): void {
    const l = this.layout();
    if (!l) return;
    const next = revealRect(this.vp, r, this.width, this.height, l.style.lane_header_width, l.style.stage_header_height);
    // Kept over the layout and `r`: a new lane or stage being named stands just past the layout.
    const w = Math.max(l.width, r.x + r.width);
    const h = Math.max(l.height, r.y + r.height);
    this.#moveTo(clampPan(next, w, h, this.width, this.height));
    this.activity();
  }

  /** Centres the cards, handoffs and stages with these ids (hotspot and evidence clicks). */
  focus(ids: Id[]): void {
    const l = this.layout();
    if (!l) return;
    const want = new Set(ids);
    const r = unionRect([
      ...l.cards.filter((c) => want.has(c.step_id)).map((c) => ({ x: c.x, y: c.y, width: c.w, height: c.h })),
      ...l.handoffs.filter((h) => want.has(h.handoff_id)).map((h) => boundsOf(h.points)),
      ...l.stages.filter((s) => want.has(s.stage_id)).map((s) => ({ x: s.x, y: l.style.stage_header_height, width: s.width, height: 1 })),
    ]);
    if (r) this.set(focusRect(this.vp, r, this.width, this.height, l.style.lane_header_width, l.style.stage_header_height));
  }

  /** Presentation: the map fitted to the screen with its text readable (lib/viewport
   * `presentationZoom`), at the stage presented; stage by stage when it cannot fit whole, from
   * the top of the lanes (a stage taller than the screen is scrolled, never shrunk under 18 px). */
  presentFit(): void {
    const l = this.layout();
    if (!l) return;
    const { zoom, fits } = presentationZoom(l.width, l.height, this.width, this.height, l.style.font_size);
    this.presentFits = fits;
    this.#moveTo({ zoom, tx: fits ? Math.max(0, (this.width - l.width * zoom) / 2) : 0, ty: 0 });
    if (!fits) this.showStage(this.presentStage);
  }

  /** Presentation: the next stage (`step` 1) or the previous (-1), at the same height in the
   * lanes; past the last, the end cue. */
  stepStage(step: 1 | -1): void {
    const n = this.layout()?.stages.length ?? 0;
    if (step === 1 && this.presentStage >= n - 1) this.presentEnded = true;
    else {
      this.presentEnded = false;
      this.showStage(this.presentStage + step);
    }
  }

  /** Presentation, Down and PgDn (`step` 1): the rest of a stage taller than the screen, a
   * screenful at a time, then the next stage from its top. Up and PgUp (-1): back a screenful,
   * then the previous stage from its bottom. */
  pageStage(step: 1 | -1): void {
    const l = this.layout();
    if (!l) return;
    if (step === -1 && this.presentEnded) {
      this.presentEnded = false; // back from the end cue to the last thing shown
      return;
    }
    const headers = l.style.stage_header_height * this.vp.zoom;
    // A screenful less a margin, so the lane last seen shows again at the top.
    const page = Math.max(48, this.height - headers - PAGE_OVERLAP_PX);
    if (step === 1 && this.presentBelow) this.set({ ...this.vp, ty: this.vp.ty - page });
    else if (step === -1 && this.presentAbove) this.set({ ...this.vp, ty: this.vp.ty + page });
    else if (step === 1) {
      const last = this.presentStage >= l.stages.length - 1;
      this.stepStage(1);
      if (!last) this.set({ ...this.vp, ty: 0 });
    } else if (this.presentStage > 0) {
      this.stepStage(-1);
      this.set({ ...this.vp, ty: -Infinity });
    }
  }

  /** Presentation: part of the map is below the screen (the hint says so; Down shows it). */
  get presentBelow(): boolean {
    const l = this.layout();
    return !!l && l.height * this.vp.zoom + this.vp.ty > this.height + 1;
  }

  /** Presentation: the map is scrolled down. */
  get presentAbove(): boolean {
    return this.vp.ty < -1;
  }

  /** Presentation: centres stage `i` (clamped to the stages there are) beside the lane headers
   * when the map does not fit whole; marks it presented either way. */
  showStage(i: number): void {
    const l = this.layout();
    if (!l || l.stages.length === 0) return;
    this.presentStage = Math.max(0, Math.min(l.stages.length - 1, i));
    if (this.presentFits) return;
    const col = l.stages[this.presentStage];
    const lhw = l.style.lane_header_width;
    const centreX = lhw * this.vp.zoom + (this.width - lhw * this.vp.zoom) / 2;
    this.set({ ...this.vp, tx: centreX - (col.x + col.width / 2) * this.vp.zoom });
  }

  /** The part of the layout on screen. */
  get visible(): Rect {
    return visibleRect(this.vp, this.width, this.height);
  }

  /** The CSS transform that puts a layer drawn at `renderZoom` where the viewport wants it. */
  layerTransform(x: number, y: number): string {
    return `translate(${x}px,${y}px) scale(${this.vp.zoom / this.renderZoom})`;
  }

  /** Stops the settle timer (the map left the screen). */
  dispose(): void {
    clearTimeout(this.#settle);
  }

  #moveTo(next: Viewport): void {
    this.vp = next;
    const scale = next.zoom / this.renderZoom;
    clearTimeout(this.#settle);
    if (scale === 1) return;
    if (scale < REDRAW_BELOW || scale > REDRAW_ABOVE) this.renderZoom = next.zoom;
    else this.#settle = setTimeout(() => (this.renderZoom = this.vp.zoom), SETTLE_MS);
  }
}

const KEY = Symbol("map viewport");

export function setViewport(viewport: ViewportController): ViewportController {
  return setContext(KEY, viewport);
}

/** The workspace's viewport, or null outside a workspace (a component shown on its own). */
export function getViewport(): ViewportController | null {
  return getContext<ViewportController | undefined>(KEY) ?? null;
}
