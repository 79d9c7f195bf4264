//! BPMN export: the file is BPMN (roxmltree reads it back), and export then import gives the
//! same lanes, steps, handoffs and columns, for every template's journey.

use std::collections::BTreeMap;

use baton_core::layout::{layout, LayoutStyle};
use baton_core::model::*;
use baton_core::templates::{template_edit, template_list};
use baton_interop::bpmn::*;

/// (lane name, column, title) of every step in an exported lane, and (from title, to title)
/// of every handoff between them, sorted.
type Shape = (
    Vec<String>,
    Vec<(String, u32, String)>,
    Vec<(String, String)>,
);

fn original_shape(model: &JourneyModel) -> Shape {
    let exported = |kind: LaneKind| matches!(kind, LaneKind::Customer | LaneKind::Actor);
    let lanes: BTreeMap<&str, &Lane> = model.lanes.iter().map(|l| (l.id.as_str(), l)).collect();
    let steps: Vec<&Step> = model
        .steps
        .iter()
        .filter(|s| {
            lanes
                .get(s.lane_id.as_str())
                .is_some_and(|l| exported(l.kind))
        })
        .collect();
    // Columns: the stages that hold an exported step, renumbered from 0.
    let used: Vec<&Stage> = model
        .stages
        .iter()
        .filter(|st| steps.iter().any(|s| s.stage_id == st.id))
        .collect();
    let column = |s: &Step| {
        used.iter()
            .position(|st| st.id == s.stage_id)
            .unwrap_or(usize::MAX) as u32
    };
    let title: BTreeMap<&str, &str> = steps
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    let mut cells: Vec<(String, u32, String)> = steps
        .iter()
        .map(|s| {
            (
                lanes[s.lane_id.as_str()].name.clone(),
                column(s),
                s.title.clone(),
            )
        })
        .collect();
    cells.sort();
    let mut handoffs: Vec<(String, String)> = model
        .handoffs
        .iter()
        .filter_map(|h| {
            Some((
                title.get(h.from_step_id.as_str())?.to_string(),
                title.get(h.to_step_id.as_str())?.to_string(),
            ))
        })
        .collect();
    handoffs.sort();
    let lane_names = model
        .lanes
        .iter()
        .filter(|l| exported(l.kind))
        .map(|l| l.name.clone())
        .collect();
    (lane_names, cells, handoffs)
}

fn plan_shape(plan: &BpmnPlan) -> Shape {
    let mut cells: Vec<(String, u32, String)> = plan
        .steps
        .iter()
        .map(|s| {
            (
                plan.lanes[s.lane as usize].name.clone(),
                s.stage,
                s.title.clone(),
            )
        })
        .collect();
    cells.sort();
    let mut handoffs: Vec<(String, String)> = plan
        .handoffs
        .iter()
        .map(|h| {
            (
                plan.steps[h.from as usize].title.clone(),
                plan.steps[h.to as usize].title.clone(),
            )
        })
        .collect();
    handoffs.sort();
    (
        plan.lanes.iter().map(|l| l.name.clone()).collect(),
        cells,
        handoffs,
    )
}

#[test]
fn export_then_import_gives_the_same_lanes_steps_handoffs_and_columns() {
    let mut handoffs = 0;
    for template in template_list() {
        let mut ws = Workspace::new_file("x");
        let edit = template_edit(&template.key, &ws).expect("template");
        ws.apply(&edit).expect("applies");
        let journey_id = ws.journeys.keys().next().expect("journey").clone();
        let model = ws.journey_model(&journey_id).expect("model");
        let bytes = export(&model, &layout(&model, &LayoutStyle::default()));
        let customer = model.lanes.iter().find(|l| l.kind == LaneKind::Customer);
        let options = BpmnOptions {
            customer_lane: customer.map(|l| l.name.clone()),
        };
        let plan = plan_import(&bytes, &options)
            .unwrap_or_else(|e| panic!("{}: re-import failed: {e}", template.key));
        assert!(plan.from_diagram, "{}", template.key);
        assert!(
            plan.stages.len() > 1 && plan.lanes.len() > 1,
            "{}",
            template.key
        );
        handoffs += plan.handoffs.len();
        assert_eq!(
            plan_shape(&plan),
            original_shape(&model),
            "{}",
            template.key
        );
        assert_eq!(plan.journey_name, model.journey.name);
        // Lane kinds and work come back too.
        for lane in &plan.lanes {
            let original = model
                .lanes
                .iter()
                .find(|l| l.name == lane.name)
                .expect("lane");
            assert_eq!(
                lane.customer,
                original.kind == LaneKind::Customer,
                "{}",
                lane.name
            );
            if !lane.customer
                && plan
                    .steps
                    .iter()
                    .any(|s| plan.lanes[s.lane as usize].name == lane.name)
            {
                assert_eq!(
                    Some(lane.work),
                    original.work,
                    "{}: {}",
                    template.key,
                    lane.name
                );
            }
        }
    }
    assert!(
        handoffs > 3,
        "the templates' handoffs came back: {handoffs}"
    );
}

#[test]
fn exported_text_is_escaped_and_the_file_is_bpmn_with_a_diagram() {
    let mut ws = Workspace::new_file("x");
    let edit = template_edit("invoice_payment", &ws).expect("template");
    ws.apply(&edit).expect("applies");
    let journey_id = ws.journeys.keys().next().expect("journey").clone();
    let mut model = ws.journey_model(&journey_id).expect("model");
    model.journey.name = "R&D <script>\"x\"</script>".into();
    let bytes = export(&model, &layout(&model, &LayoutStyle::default()));
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    assert!(!text.contains("<script>"), "{text}");
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(BPMN_MODEL_NS));
    let collaboration = root
        .descendants()
        .find(|n| n.has_tag_name((BPMN_MODEL_NS, "collaboration")))
        .expect("collaboration");
    assert_eq!(
        collaboration.attribute("name"),
        Some("R&D <script>\"x\"</script>")
    );
    let shapes = root
        .descendants()
        .filter(|n| n.tag_name().name() == "BPMNShape")
        .count();
    let edges = root
        .descendants()
        .filter(|n| n.tag_name().name() == "BPMNEdge")
        .count();
    let flows = root
        .descendants()
        .filter(|n| n.has_tag_name((BPMN_MODEL_NS, "sequenceFlow")))
        .count();
    assert!(shapes > model.steps.len() / 2, "{shapes}");
    assert_eq!(edges, flows);
    assert!(flows >= model.handoffs.len());
}
