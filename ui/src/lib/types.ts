// The types the UI uses. Domain and IPC types come from the shell's generated bindings.ts
// (the one typed boundary); the layout types mirror baton-core's layout.rs until the shell's
// JourneyView carries the layout and the bindings export them.
import type {
  AppError,
  EditAnswer as BoundEditAnswer,
  Handoff,
  JourneyView as BoundJourneyView,
  JourneyViewPatch as BoundJourneyViewPatch,
  LaneKind,
  Step,
} from "../bindings";

export type {
  ChecklistItem,
  CrossingTotals,
  FrictionFactor,
  AnalysisView,
  HandoffAnalysis,
  InsightsPatch,
  InsightsUpdate,
  JourneyInsights,
  MetricKind,
  MetricScores,
  ScorePoint,
  ScoreStatus,
  Subject,
  SubjectScores,
  Suggestion,
  SuggestionRule,
  Summary,
  TransferChain,
  Verbatim,
  ContactChannel as Channel,
  ContextTransfer,
  Edit,
  EntityKind,
  EditOutcome as EditResult,
  Handoff,
  HandoffMode,
  Journey,
  JourneyModel,
  MapModel,
  JourneyState,
  Lane,
  LaneKind,
  Metric,
  OnScreen,
  OpenedFile as DocHandle,
  Persona,
  Phase,
  Initiative,
  InitiativeStatus,
  ExpectedEffect,
  PlanView as CorePlanView,
  PhaseView,
  InitiativeView,
  Progress,
  ProgressState,
  Quadrant,
  Coverage,
  PlanScreen,
  PlanLinks,
  AddressedItem,
  InitiativeRef,
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

// ---- Layout (baton-core layout.rs; the UI only draws it) ----
// Mirrors the Rust types field for field until the bindings export them.

export interface LayoutStyle {
  card_width: number;
  card_min_height: number;
  card_padding: number;
  font_size: number;
  line_height: number;
  char_width_factor: number;
  cell_padding: number;
  card_gap: number;
  /** Width of the gutters between cells, where handoff arrows run. */
  gutter_width: number;
  stage_header_height: number;
  lane_header_width: number;
  emotion_lane_height: number;
  max_title_lines: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface StageColumn {
  stage_id: Id;
  name: string;
  x: number;
  width: number;
}
export interface LaneRow {
  lane_id: Id;
  name: string;
  kind: LaneKind;
  y: number;
  height: number;
}
/** One step's card. Emotion steps have no card: they are points of an emotion curve. */
export interface CardBox {
  step_id: Id;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The title wrapped to the card, at most `max_title_lines` lines. */
  lines: string[];
  /** The title did not fit: the last line ends with an ellipsis. */
  clipped: boolean;
}
export interface ArrowEnd {
  tip: Point;
  dx: number;
  dy: number;
}
export interface HandoffPath {
  handoff_id: Id;
  /** An orthogonal polyline from the sending card's edge to the receiving card's edge. */
  points: Point[];
  arrow: ArrowEnd;
  /** Where markers (re-verify, retell) go. */
  label_anchor: Point;
}
export interface EmotionPoint {
  step_id: Id;
  emotion: number;
  x: number;
  y: number;
}
export interface EmotionCurve {
  lane_id: Id;
  points: EmotionPoint[];
}
export interface Layout {
  width: number;
  height: number;
  style: LayoutStyle;
  stages: StageColumn[];
  lanes: LaneRow[];
  cards: CardBox[];
  handoffs: HandoffPath[];
  emotion_curves: EmotionCurve[];
}

// ---- Shell API results ----

/** A journey with its layout. The layout is optional until the shell sends it. */
export type JourneyView = Omit<BoundJourneyView, "layout"> & { layout?: Layout | null };

/** A list keyed by id, changed (see src-tauri/src/view_patch.rs). */
export interface ListPatch<T> {
  upserts: T[];
  removed: Id[];
  /** New or moved items, each with its index in the new list, ascending. */
  inserted: { index: number; item: T }[];
}

/** What changed in a journey's view since the view the screen holds (`base`). */
export type JourneyViewPatch = Omit<
  BoundJourneyViewPatch,
  "steps" | "handoffs" | "cards" | "handoff_paths" | "stage_columns" | "lane_rows" | "emotion_curves" | "style" | "width" | "height"
> & {
  steps: ListPatch<Step>;
  handoffs: ListPatch<Handoff>;
  width: number;
  height: number;
  style: LayoutStyle;
  stage_columns: StageColumn[];
  lane_rows: LaneRow[];
  emotion_curves: EmotionCurve[];
  cards: ListPatch<CardBox>;
  handoff_paths: ListPatch<HandoffPath>;
};

/** The answer to "my view is `token`, what is it now?": whole, or a patch on the held view. */
export type ViewUpdate =
  | { kind: "full"; token: number; view: JourneyView }
  | { kind: "patch"; token: number; patch: JourneyViewPatch };

/** What an edit, undo or redo did and what the screen shows after it (one call per edit). */
export type EditAnswer = Omit<BoundEditAnswer, "view"> & { view: ViewUpdate | null };

/** An error from Rust as the UI shows it. */
export type ApiError = Omit<AppError, "kind" | "field"> & { kind: string; field?: string | null };
