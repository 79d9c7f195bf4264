//! Workspaces the export tests draw: the demo (four journeys with figures) and hostile titles.
#![allow(dead_code)]

pub mod readers;

use baton_core::templates::demo_edit_on;
use baton_core::{JourneyModel, Workspace};
use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()
}

/// The demo file, with figures dated from a fixed day.
pub fn demo() -> Workspace {
    let mut ws = Workspace::new_file("Demo client");
    let edit = demo_edit_on(&ws, today());
    ws.apply(&edit).unwrap();
    ws
}

/// The first journey of `ws` and its model.
pub fn first_journey(ws: &Workspace) -> JourneyModel {
    let mut journeys: Vec<_> = ws.journeys.values().collect();
    journeys.sort_by_key(|j| j.position);
    ws.journey_model(&journeys[0].id).unwrap()
}

/// Titles that try to be markup, formulas or terminal codes, or are just awkward.
pub fn hostile_titles() -> Vec<String> {
    vec![
        "<script>alert(1)</script>".into(),
        "]]><svg onload=alert(1)>".into(),
        "=HYPERLINK(\"http://x\")".into(),
        "Tom & Jerry's \"quote\"".into(),
        "#set page(width: 1pt) #panic(\"x\")".into(),
        "مرحبا بالعالم עולם".into(),
        "Emoji 👩‍💻🚀 ok".into(),
        "Bell\u{7}and\u{1b}[31mred".into(),
        "x".repeat(10_000),
    ]
}

/// `model` with its non-emotion steps' titles replaced by the hostile ones, in turn.
pub fn with_hostile_titles(mut model: JourneyModel) -> JourneyModel {
    let titles = hostile_titles();
    let emotion: Vec<String> = model
        .lanes
        .iter()
        .filter(|l| l.kind == baton_core::LaneKind::Emotion)
        .map(|l| l.id.clone())
        .collect();
    let mut i = 0;
    for step in &mut model.steps {
        if !emotion.contains(&step.lane_id) {
            step.title = titles[i % titles.len()].clone();
            i += 1;
        }
    }
    model.stages[0].name = "<b>stage</b> & =1+1".into();
    model.lanes[0].name = "<i>lane</i>".into();
    model.journey.name = "<title>journey</title>".into();
    model
}

/// The demo with hostile initiative titles, descriptions and owners (set on the model
/// directly: an export must cope with whatever a file holds).
pub fn demo_with_hostile_plan() -> Workspace {
    let mut ws = demo();
    let titles = hostile_titles();
    for (k, initiative) in ws.initiatives.values_mut().enumerate() {
        initiative.title = titles[k % titles.len()].clone();
        initiative.owner = titles[(k + 3) % titles.len()].clone();
        initiative.description = format!("| a | b |\n*x* {}", titles[(k + 1) % titles.len()]);
    }
    ws.info.name = "<Client> & =2+2 | *bold*".into();
    ws
}
