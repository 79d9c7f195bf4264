// Domain and IPC types, mirroring baton-core (model.rs, edit.rs) and the planned shell API.
// When the shell's generated bindings.ts lands, these become re-exports of it: keep the names.

export type Id = string;

export type JourneyState = "current" | "future";
export type LaneKind =
  | "customer"
  | "actor"
  | "emotion"
  | "thoughts"
  | "pains"
  | "opportunities"
  | "channels"
  | "notes";
export type Sourcing = "in_house" | "outsourced" | "offshore";
export type Work = "manual" | "automated";
export type Visibility = "frontstage" | "backstage" | "support";
export type Channel =
  | "phone"
  | "chat"
  | "email"
  | "web"
  | "app"
  | "in_person"
  | "mail"
  | "social"
  | "other";
export type HandoffMode = "assisted" | "blind" | "automated";
export type ContextTransfer = "full" | "partial" | "none";

export interface WorkspaceInfo {
  name: string;
  description: string;
}
export interface Persona {
  id: Id;
  name: string;
  role: string;
  description: string;
  position: number;
}
export interface Journey {
  id: Id;
  name: string;
  description: string;
  persona_id: Id | null;
  state: JourneyState;
  origin_id: Id | null;
  position: number;
}
export interface Stage {
  id: Id;
  journey_id: Id;
  name: string;
  description: string;
  position: number;
}
export interface Lane {
  id: Id;
  journey_id: Id;
  name: string;
  kind: LaneKind;
  position: number;
  department: string | null;
  sourcing: Sourcing | null;
  work: Work | null;
  visibility: Visibility | null;
}
export interface Step {
  id: Id;
  journey_id: Id;
  stage_id: Id;
  lane_id: Id;
  position: number;
  title: string;
  notes: string;
  touchpoint: Channel | null;
  verification: boolean;
  resolution: boolean;
  emotion: number | null;
}
export interface ChecklistItem {
  id: Id;
  text: string;
  done: boolean;
}
export interface Handoff {
  id: Id;
  journey_id: Id;
  from_step_id: Id;
  to_step_id: Id;
  mode: HandoffMode;
  context: ContextTransfer;
  customer_repeats: boolean;
  reverify: boolean;
  wait_minutes: number;
  sensitive: boolean;
  secure_channel: boolean;
  checklist: ChecklistItem[];
  note: string;
}
export interface Metric {
  id: Id;
  name: string;
  kind: "csat" | "nps" | "ces" | "custom";
  scale_min: number;
  scale_max: number;
  direction: "higher_is_better" | "lower_is_better";
  position: number;
}
export interface Phase {
  id: Id;
  name: string;
  goal: string;
  start: string | null;
  end: string | null;
  position: number;
}

/** Everything of one journey (targets, responses and scores are passed through untouched). */
export interface JourneyModel {
  journey: Journey;
  stages: Stage[];
  lanes: Lane[];
  steps: Step[];
  handoffs: Handoff[];
  targets: unknown[];
  responses: unknown[];
  scores: unknown[];
}

export type Edit =
  | { op: "set_workspace_info"; info: WorkspaceInfo }
  | { op: "create_persona"; persona: Persona }
  | { op: "update_persona"; persona: Persona }
  | { op: "delete_persona"; id: Id }
  | { op: "move_persona"; id: Id; position: number }
  | { op: "create_journey"; journey: Journey }
  | { op: "update_journey"; journey: Journey }
  | { op: "delete_journey"; id: Id }
  | { op: "move_journey"; id: Id; position: number }
  | { op: "create_stage"; stage: Stage }
  | { op: "update_stage"; stage: Stage }
  | { op: "delete_stage"; id: Id }
  | { op: "move_stage"; id: Id; position: number }
  | { op: "create_lane"; lane: Lane }
  | { op: "update_lane"; lane: Lane }
  | { op: "delete_lane"; id: Id }
  | { op: "move_lane"; id: Id; position: number }
  | { op: "create_step"; step: Step }
  | { op: "update_step"; step: Step }
  | { op: "delete_step"; id: Id }
  | { op: "move_step"; id: Id; stage_id: Id; lane_id: Id; position: number }
  | { op: "connect_handoff"; handoff: Handoff }
  | { op: "update_handoff"; handoff: Handoff }
  | { op: "disconnect_handoff"; id: Id }
  | { op: "add_checklist_item"; handoff_id: Id; item: ChecklistItem; position: number }
  | { op: "update_checklist_item"; handoff_id: Id; item: ChecklistItem }
  | { op: "remove_checklist_item"; handoff_id: Id; item_id: Id }
  | { op: "move_checklist_item"; handoff_id: Id; item_id: Id; position: number }
  | { op: "batch"; label: string; edits: Edit[] };

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
  stages: StageColumn[];
  lanes: LaneRow[];
  cards: CardBox[];
  handoffs: HandoffPath[];
  emotion: EmotionCurve[];
}

// ---- Shell API results ----

export interface DocHandle {
  doc: string;
  path: string;
  name: string;
}
export interface RecentFile {
  path: string;
  name: string;
  exists: boolean;
}
export interface TemplateInfo {
  key: string;
  name: string;
  description: string;
}
export interface EditResult {
  revision: number;
  can_undo: boolean;
  can_redo: boolean;
}
export interface JourneyView extends EditResult {
  model: JourneyModel;
  layout: Layout;
}
export interface WorkspaceView {
  info: WorkspaceInfo;
  journeys: Journey[];
  personas: Persona[];
  metrics: Metric[];
  phases: Phase[];
  path: string;
}
export interface ApiError {
  kind: string;
  message: string;
  field?: string | null;
}
