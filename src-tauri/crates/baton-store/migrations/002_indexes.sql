-- Schema version 2: indexes on every foreign-key child column (so deleting a parent row does
-- not scan the child table) and on the subject of targets, responses and scores.
CREATE INDEX journey_by_persona ON journey (persona_id);
CREATE INDEX stage_by_journey ON stage (journey_id);
CREATE INDEX lane_by_journey ON lane (journey_id);
CREATE INDEX step_by_journey ON step (journey_id);
CREATE INDEX step_by_stage ON step (stage_id);
CREATE INDEX step_by_lane ON step (lane_id);
CREATE INDEX handoff_by_journey ON handoff (journey_id);
CREATE INDEX handoff_by_from_step ON handoff (from_step_id);
CREATE INDEX handoff_by_to_step ON handoff (to_step_id);
CREATE INDEX target_by_metric ON target (metric_id);
CREATE INDEX target_by_subject ON target (subject_id);
CREATE INDEX response_by_metric ON response (metric_id);
CREATE INDEX response_by_subject ON response (subject_id);
CREATE INDEX score_by_metric ON score (metric_id);
CREATE INDEX score_by_subject ON score (subject_id);
CREATE INDEX initiative_by_phase ON initiative (phase_id);
CREATE INDEX snapshot_by_journey ON snapshot (journey_id);
