// Gestures turned into Edit objects. Ids come from the shell (`new_ids`) so redo re-creates the
// very same rows. Validation is Rust's: these only assemble what the user asked for.
import type {
  ChecklistItem,
  Edit,
  Handoff,
  Id,
  Journey,
  JourneyModel,
  Lane,
  LaneKind,
  Persona,
  Stage,
  Step,
} from "./types";

export function createStage(journeyId: Id, id: Id, position: number, name: string): Edit {
  return { op: "create_stage", stage: { id, journey_id: journeyId, name, description: "", position, origin_id: null } };
}

export function createLane(journeyId: Id, id: Id, position: number, name: string, kind: LaneKind): Edit {
  const actor = kind === "actor";
  const lane: Lane = {
    id,
    journey_id: journeyId,
    name,
    kind,
    position,
    department: null,
    sourcing: actor ? "in_house" : null,
    work: actor ? "manual" : null,
    visibility: actor ? "frontstage" : null,
    origin_id: null,
  };
  return { op: "create_lane", lane };
}

export function createStep(
  journeyId: Id,
  id: Id,
  stageId: Id,
  laneId: Id,
  position: number,
  title: string,
  laneKind: LaneKind,
): Edit {
  const step: Step = {
    id,
    journey_id: journeyId,
    stage_id: stageId,
    lane_id: laneId,
    position,
    title,
    notes: "",
    touchpoint: null,
    verification: false,
    resolution: false,
    emotion: laneKind === "emotion" ? 0 : null,
    origin_id: null,
  };
  return { op: "create_step", step };
}

/** A new handoff as drawn: a warm transfer with partial context until the user says otherwise. */
export function connectHandoff(journeyId: Id, id: Id, fromStepId: Id, toStepId: Id): Edit {
  const handoff: Handoff = {
    id,
    journey_id: journeyId,
    from_step_id: fromStepId,
    to_step_id: toStepId,
    mode: "assisted",
    context: "partial",
    customer_repeats: false,
    reverify: false,
    wait_minutes: 0,
    sensitive: false,
    secure_channel: false,
    checklist: [],
    note: "",
    origin_id: null,
  };
  return { op: "connect_handoff", handoff };
}

export function moveStep(id: Id, stageId: Id, laneId: Id, position: number): Edit {
  return { op: "move_step", id, stage_id: stageId, lane_id: laneId, position };
}

/** Field changes of one entity, merged over the entity as the model has it now. */
export function updateStage(s: Stage, patch: Partial<Stage>): Edit {
  return { op: "update_stage", stage: { ...s, ...patch, id: s.id, position: s.position, journey_id: s.journey_id } };
}
export function updateLane(l: Lane, patch: Partial<Lane>): Edit {
  return { op: "update_lane", lane: { ...l, ...patch, id: l.id, position: l.position, journey_id: l.journey_id } };
}
export function updateStep(s: Step, patch: Partial<Step>): Edit {
  return {
    op: "update_step",
    step: { ...s, ...patch, id: s.id, position: s.position, stage_id: s.stage_id, lane_id: s.lane_id, journey_id: s.journey_id },
  };
}
export function updateHandoff(h: Handoff, patch: Partial<Handoff>): Edit {
  return { op: "update_handoff", handoff: { ...h, ...patch, id: h.id, journey_id: h.journey_id, checklist: h.checklist } };
}
export function updateJourney(j: Journey, patch: Partial<Journey>): Edit {
  return { op: "update_journey", journey: { ...j, ...patch, id: j.id, position: j.position } };
}
export function updatePersona(p: Persona, patch: Partial<Persona>): Edit {
  return { op: "update_persona", persona: { ...p, ...patch, id: p.id, position: p.position } };
}

export function addChecklistItem(handoffId: Id, id: Id, text: string, position: number): Edit {
  const item: ChecklistItem = { id, text, done: false };
  return { op: "add_checklist_item", handoff_id: handoffId, item, position };
}

export type Deletable = { kind: "stage" | "lane" | "step" | "handoff" | "journey" | "persona"; id: Id };

export function deleteEdit(d: Deletable): Edit {
  switch (d.kind) {
    case "stage":
      return { op: "delete_stage", id: d.id };
    case "lane":
      return { op: "delete_lane", id: d.id };
    case "step":
      return { op: "delete_step", id: d.id };
    case "handoff":
      return { op: "disconnect_handoff", id: d.id };
    case "journey":
      return { op: "delete_journey", id: d.id };
    case "persona":
      return { op: "delete_persona", id: d.id };
  }
}

export function createJourney(id: Id, name: string, position: number): Edit {
  return {
    op: "create_journey",
    journey: { id, name, description: "", persona_id: null, state: "current", origin_id: null, position },
  };
}

export function createPersona(id: Id, name: string, position: number): Edit {
  return { op: "create_persona", persona: { id, name, role: "", description: "", goals: "", frustrations: "", position } };
}

/** What the map renames in place. */
export type Named = "stage" | "lane" | "step";

/**
 * The rename of a stage, lane or card, built from `model` and `steps` (its look-up) as they are
 * when the edit runs: pass it to `app.apply` as a builder, so an inspector change still queued
 * ahead of it is in the entity it copies (an edit built from the copy on screen would revert
 * it). Null when the entity is gone or already has that name.
 */
export function renameEdit(
  model: Pick<JourneyModel, "stages" | "lanes"> | null,
  steps: { get(id: Id): Step | undefined } | null,
  kind: Named,
  id: Id,
  name: string,
): Edit | null {
  if (kind === "step") {
    const s = steps?.get(id);
    return s && s.title !== name ? updateStep(s, { title: name }) : null;
  }
  if (kind === "stage") {
    const s = model?.stages.find((x) => x.id === id);
    return s && s.name !== name ? updateStage(s, { name }) : null;
  }
  const l = model?.lanes.find((x) => x.id === id);
  return l && l.name !== name ? updateLane(l, { name }) : null;
}
