//! The fixture builds through edits, and cascading deletes undo exactly.
mod support;

use baton_core::*;
use support::*;

#[test]
fn fixture_builds_with_dense_positions() {
    let f = fixture();
    assert_dense_positions(&f.ws);
    assert_eq!(f.ws.steps.len(), 6);
    assert_eq!(f.ws.handoffs[&f.handoffs[0]].checklist.len(), 2);
}

#[test]
fn deleting_a_stage_with_steps_handoffs_and_measures_undoes_exactly() {
    let mut f = fixture();
    let stage = f.stages[1].clone();
    let applied = assert_round_trip(&mut f.ws, &Edit::DeleteStage { id: stage.clone() });
    assert!(matches!(applied.inverse, Edit::Batch { .. }));
    let touched = &applied.touched;
    for (kind, id) in [
        (EntityKind::Stage, &stage),
        (EntityKind::Step, &f.steps[3]),
        (EntityKind::Handoff, &f.handoffs[0]),
        (EntityKind::Target, &f.target),
        (EntityKind::Score, &f.score),
        (EntityKind::Response, &f.responses[0]),
        (EntityKind::Initiative, &f.initiative),
        (EntityKind::Stage, &f.stages[2]),
    ] {
        assert!(
            touched.contains(&EntityRef::new(kind, id.as_str())),
            "{kind:?} {id} not touched"
        );
    }
}

/// The map query is the full model minus its satisfaction lists, for every demo journey.
#[test]
fn the_journey_map_is_the_model_without_satisfaction_data() {
    let mut ws = Workspace::new_file("Demo");
    ws.apply(&templates::demo_edit(&ws)).unwrap();
    let mut with_scores = 0;
    for id in ws.journeys.keys() {
        let mut model = ws.journey_model(id).unwrap();
        let map = ws.journey_map(id).unwrap();
        assert!(map.targets.is_empty() && map.responses.is_empty() && map.scores.is_empty());
        if !model.scores.is_empty() || !model.responses.is_empty() {
            with_scores += 1;
        }
        model.targets.clear();
        model.responses.clear();
        model.scores.clear();
        assert_eq!(map, model);
    }
    assert!(with_scores > 0, "the demo should carry scores");
    assert!(ws.journey_map("no such journey").is_none());
}
