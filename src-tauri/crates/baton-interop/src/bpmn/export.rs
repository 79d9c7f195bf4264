//! BPMN 2.0 export: a journey as a collaboration with one participant and a lane set, tasks
//! typed by lane work, sequence flows for handoffs and for the order within a lane, and BPMNDI
//! shapes and edges from the core layout (so bpmn.io and Camunda Modeler draw the map as Baton
//! does). Only customer and actor lanes are exported: the other lanes (emotion, pains...) hold
//! notes about the journey, not process steps.

use std::collections::HashMap;

use baton_core::layout::{Layout, Point};
use baton_core::model::{JourneyModel, LaneKind, Work};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::BPMN_MODEL_NS;

const DI_NS: &str = "http://www.omg.org/spec/BPMN/20100524/DI";
const DC_NS: &str = "http://www.omg.org/spec/DD/20100524/DC";
const DD_DI_NS: &str = "http://www.omg.org/spec/DD/20100524/DI";

/// The journey `model`, laid out as `layout`, as the bytes of a `.bpmn` file.
pub fn export(model: &JourneyModel, layout: &Layout) -> Vec<u8> {
    let mut out = Out(Writer::new_with_indent(Vec::new(), b' ', 2));
    out.0
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .ok();
    let lanes: Vec<usize> = (0..model.lanes.len())
        .filter(|i| matches!(model.lanes[*i].kind, LaneKind::Customer | LaneKind::Actor))
        .collect();
    let lane_ix: HashMap<&str, usize> = lanes
        .iter()
        .map(|i| (model.lanes[*i].id.as_str(), *i))
        .collect();
    // Steps of exported lanes, in the model's order (stage, lane, position in the cell).
    let steps: Vec<usize> = (0..model.steps.len())
        .filter(|i| lane_ix.contains_key(model.steps[*i].lane_id.as_str()))
        .collect();
    let task_id: HashMap<&str, String> = steps
        .iter()
        .map(|i| (model.steps[*i].id.as_str(), format!("Task_{i}")))
        .collect();
    let mut flows: Vec<(String, &str, &str)> = Vec::new();
    for (n, handoff) in model.handoffs.iter().enumerate() {
        let (Some(from), Some(to)) = (
            task_id.get(handoff.from_step_id.as_str()),
            task_id.get(handoff.to_step_id.as_str()),
        ) else {
            continue;
        };
        flows.push((format!("Handoff_{n}"), from, to));
    }
    for lane in &lanes {
        let in_lane: Vec<&String> = steps
            .iter()
            .filter(|s| model.steps[**s].lane_id == model.lanes[*lane].id)
            .filter_map(|s| task_id.get(model.steps[*s].id.as_str()))
            .collect();
        for pair in in_lane.windows(2) {
            flows.push((format!("Flow_{}", flows.len()), pair[0], pair[1]));
        }
    }

    let name = model.journey.name.as_str();
    out.start(
        "bpmn:definitions",
        &[
            ("xmlns:bpmn", BPMN_MODEL_NS),
            ("xmlns:bpmndi", DI_NS),
            ("xmlns:dc", DC_NS),
            ("xmlns:di", DD_DI_NS),
            ("id", "Definitions_1"),
            ("targetNamespace", "http://baton.app/bpmn"),
            ("exporter", "Baton"),
        ],
    );
    out.start(
        "bpmn:collaboration",
        &[("id", "Collaboration_1"), ("name", name)],
    );
    out.empty(
        "bpmn:participant",
        &[
            ("id", "Participant_1"),
            ("name", name),
            ("processRef", "Process_1"),
        ],
    );
    out.end("bpmn:collaboration");
    out.start(
        "bpmn:process",
        &[("id", "Process_1"), ("isExecutable", "false")],
    );
    out.start("bpmn:laneSet", &[("id", "LaneSet_1")]);
    for lane in &lanes {
        let l = &model.lanes[*lane];
        out.start(
            "bpmn:lane",
            &[("id", &format!("Lane_{lane}")), ("name", &l.name)],
        );
        for s in &steps {
            if model.steps[*s].lane_id == l.id {
                out.text_element("bpmn:flowNodeRef", &format!("Task_{s}"));
            }
        }
        out.end("bpmn:lane");
    }
    out.end("bpmn:laneSet");
    for s in &steps {
        let step = &model.steps[*s];
        let automated = lane_ix
            .get(step.lane_id.as_str())
            .is_some_and(|l| model.lanes[*l].work == Some(Work::Automated));
        let element = if automated {
            "bpmn:serviceTask"
        } else {
            "bpmn:userTask"
        };
        out.empty(
            element,
            &[("id", &format!("Task_{s}")), ("name", &step.title)],
        );
    }
    for (id, from, to) in &flows {
        out.empty(
            "bpmn:sequenceFlow",
            &[("id", id), ("sourceRef", from), ("targetRef", to)],
        );
    }
    out.end("bpmn:process");
    diagram(&mut out, model, layout, &lanes, &steps, &flows);
    out.end("bpmn:definitions");
    out.0.into_inner()
}

fn diagram(
    out: &mut Out,
    model: &JourneyModel,
    layout: &Layout,
    lanes: &[usize],
    steps: &[usize],
    flows: &[(String, &str, &str)],
) {
    let card_of: HashMap<&str, &baton_core::layout::CardBox> = layout
        .cards
        .iter()
        .map(|c| (c.step_id.as_str(), c))
        .collect();
    let row_of: HashMap<&str, &baton_core::layout::LaneRow> = layout
        .lanes
        .iter()
        .map(|r| (r.lane_id.as_str(), r))
        .collect();
    out.start("bpmndi:BPMNDiagram", &[("id", "Diagram_1")]);
    out.start(
        "bpmndi:BPMNPlane",
        &[("id", "Plane_1"), ("bpmnElement", "Collaboration_1")],
    );
    let rows: Vec<&baton_core::layout::LaneRow> = lanes
        .iter()
        .filter_map(|l| row_of.get(model.lanes[*l].id.as_str()).copied())
        .collect();
    let top = rows.iter().map(|r| r.y).fold(f32::INFINITY, f32::min);
    let bottom = rows.iter().map(|r| r.y + r.height).fold(0.0, f32::max);
    let top = if top.is_finite() { top } else { 0.0 };
    let header = layout.style.lane_header_width;
    shape(
        out,
        "Participant_1",
        0.0,
        top,
        layout.width.max(header),
        (bottom - top).max(0.0),
        true,
    );
    for lane in lanes {
        if let Some(row) = row_of.get(model.lanes[*lane].id.as_str()) {
            let width = (layout.width - header / 2.0).max(0.0);
            shape(
                out,
                &format!("Lane_{lane}"),
                header / 2.0,
                row.y,
                width,
                row.height,
                true,
            );
        }
    }
    let mut centre: HashMap<String, (Point, f32)> = HashMap::new();
    for s in steps {
        if let Some(card) = card_of.get(model.steps[*s].id.as_str()) {
            let id = format!("Task_{s}");
            shape(out, &id, card.x, card.y, card.w, card.h, false);
            let mid = Point {
                x: card.x + card.w / 2.0,
                y: card.y + card.h / 2.0,
            };
            centre.insert(id, (mid, card.w / 2.0));
        }
    }
    let paths: HashMap<usize, &Vec<Point>> = model
        .handoffs
        .iter()
        .enumerate()
        .filter_map(|(n, h)| {
            layout
                .handoffs
                .iter()
                .find(|p| p.handoff_id == h.id)
                .map(|p| (n, &p.points))
        })
        .collect();
    for (id, from, to) in flows {
        let drawn = id
            .strip_prefix("Handoff_")
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| paths.get(&n))
            .filter(|points| points.len() >= 2)
            .map(|points| points.to_vec());
        let points = drawn.or_else(|| {
            let (a, half_a) = centre.get(*from)?;
            let (b, half_b) = centre.get(*to)?;
            Some(vec![
                Point {
                    x: a.x + half_a,
                    y: a.y,
                },
                Point {
                    x: b.x - half_b,
                    y: b.y,
                },
            ])
        });
        let Some(points) = points else { continue };
        out.start(
            "bpmndi:BPMNEdge",
            &[("id", &format!("{id}_di")), ("bpmnElement", id)],
        );
        for p in points {
            out.empty("di:waypoint", &[("x", &num(p.x)), ("y", &num(p.y))]);
        }
        out.end("bpmndi:BPMNEdge");
    }
    out.end("bpmndi:BPMNPlane");
    out.end("bpmndi:BPMNDiagram");
}

fn shape(out: &mut Out, element: &str, x: f32, y: f32, w: f32, h: f32, horizontal: bool) {
    let id = format!("{element}_di");
    let mut attributes = vec![("id", id.as_str()), ("bpmnElement", element)];
    if horizontal {
        attributes.push(("isHorizontal", "true"));
    }
    out.start("bpmndi:BPMNShape", &attributes);
    out.empty(
        "dc:Bounds",
        &[
            ("x", &num(x)),
            ("y", &num(y)),
            ("width", &num(w)),
            ("height", &num(h)),
        ],
    );
    out.end("bpmndi:BPMNShape");
}

/// A coordinate as BPMNDI writes it: whole numbers, finite.
fn num(v: f32) -> String {
    if v.is_finite() {
        format!("{}", v.round() as i64)
    } else {
        "0".to_string()
    }
}

/// A writer into memory: writing to a `Vec` cannot fail, so the results are dropped.
struct Out(Writer<Vec<u8>>);

impl Out {
    fn start(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let element = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.0.write_event(Event::Start(element)).ok();
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let element = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.0.write_event(Event::Empty(element)).ok();
    }

    fn end(&mut self, name: &str) {
        self.0.write_event(Event::End(BytesEnd::new(name))).ok();
    }

    fn text_element(&mut self, name: &str, text: &str) {
        self.start(name, &[]);
        self.0.write_event(Event::Text(BytesText::new(text))).ok();
        self.end(name);
    }
}
