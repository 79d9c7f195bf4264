// The types the UI uses. Domain and IPC types come from the shell's generated bindings.ts
// (the one typed boundary); the layout types mirror baton-core's layout.rs until the shell's
// JourneyView carries the layout and the bindings export them.
import type {
  AppError,
  JourneyView as BoundJourneyView,
} from "../bindings";

export type {
  ChecklistItem,
  ContactChannel as Channel,
  ContextTransfer,
  Edit,
  EditOutcome as EditResult,
  Handoff,
  HandoffMode,
  Journey,
  JourneyModel,
  JourneyState,
  Lane,
  LaneKind,
  Metric,
  OpenedFile as DocHandle,
  Persona,
  Phase,
  RecentFile,
  Sourcing,
  Stage,
  Step,
  TemplateInfo,
  Visibility,
  Work,
  WorkspaceInfo,
  WorkspaceView,
} from "../bindings";

export type Id = string;

// ---- Layout (computed in baton-core's layout.rs; the UI only draws it) ----

export interface Point {
  x: number;
  y: number;
}
export interface StageColumn {
  stage_id: Id;
  x: number;
  width: number;
}
export interface LaneRow {
  lane_id: Id;
  y: number;
  height: number;
}
export interface CardBox {
  step_id: Id;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The title wrapped to the card's width. */
  lines: string[];
  /** True when `lines` do not hold the whole title. */
  clipped: boolean;
}
export interface HandoffPath {
  handoff_id: Id;
  /** An orthogonal polyline from the sending card's edge to the receiving card's edge. */
  points: Point[];
}
export interface EmotionCurve {
  lane_id: Id;
  points: Point[];
}
export interface Layout {
  width: number;
  height: number;
  /** Height of the stage header row at the top (y from 0). */
  header_height: number;
  /** Width of the lane header column on the left (x from 0). */
  lane_header_width: number;
  /** The card text size and line advance the title lines were wrapped for (presentation
   * layouts use larger ones); the UI draws with 15 / 19 when absent. */
  font_size?: number;
  line_height?: number;
  stages: StageColumn[];
  lanes: LaneRow[];
  cards: CardBox[];
  handoffs: HandoffPath[];
  emotion: EmotionCurve[];
}

// ---- Shell API results ----

/** A journey with its layout. The layout is optional until the shell sends it. */
export type JourneyView = BoundJourneyView & { layout?: Layout | null };

/** An error from Rust as the UI shows it. */
export type ApiError = Omit<AppError, "kind" | "field"> & { kind: string; field?: string | null };
