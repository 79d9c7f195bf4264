// The steps a survey's answers can be about, as the mapping step's "Target" drop-down lists
// them: in the map's reading order (stage, then lane, then place in the cell), each named by
// where it sits so two cards with one title can be told apart.
import type { MapModel } from "../bindings";

export interface TargetChoice {
  id: string;
  label: string;
}

export function targetChoices(model: MapModel | null): TargetChoice[] {
  if (!model) return [];
  const stage = new Map(model.stages.map((s) => [s.id, s]));
  const lane = new Map(model.lanes.map((l) => [l.id, l]));
  const place = (id: string, of: Map<string, { position: number }>) => of.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
  return model.steps
    .filter((s) => stage.has(s.stage_id) && lane.has(s.lane_id))
    .sort((a, b) => place(a.stage_id, stage) - place(b.stage_id, stage) || place(a.lane_id, lane) - place(b.lane_id, lane) || a.position - b.position)
    .map((s) => ({ id: s.id, label: `${stage.get(s.stage_id)?.name} · ${lane.get(s.lane_id)?.name} · ${s.title}` }));
}
