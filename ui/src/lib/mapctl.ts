// The map view registers its viewport commands here so the top bar's buttons can reach them.
import type { Id } from "./types";

export interface MapCommands {
  zoomIn(): void;
  zoomOut(): void;
  zoomReset(): void;
  fit(): void;
  find(): void;
  showStage(index: number): void;
  /** Centre the cards, handoffs and stages with these ids in view (zooming out if needed). */
  focus(ids: Id[]): void;
}

let current: MapCommands | null = null;

export function registerMap(c: MapCommands | null): void {
  current = c;
}

export function mapCommands(): MapCommands | null {
  return current;
}
