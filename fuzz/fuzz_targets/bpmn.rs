//! The BPMN import (`plan_import`) on arbitrary bytes: it must plan or refuse without panicking;
//! every plan must apply to a new workspace as one edit, and the journey it makes must export
//! to BPMN that imports again.
//!
//! Modes (first byte): 0, the input as the whole file; 1, the input inside a process of a
//! BPMN skeleton (so the fuzzer reaches lanes, tasks and flows without finding the namespace).
#![no_main]

use baton_core::layout::{layout, LayoutStyle};
use baton_core::Workspace;
use baton_fuzz::mode;
use baton_interop::bpmn::{export, plan_import, BpmnOptions};
use libfuzzer_sys::fuzz_target;

const HEAD: &[u8] = br#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:di="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"><collaboration id="C"><participant id="PC" name="Customer"/><participant id="PB" processRef="P"/><messageFlow id="m" sourceRef="PC" targetRef="T1"/></collaboration><process id="P"><laneSet id="S"><lane id="L1" name="A"><flowNodeRef>T1</flowNodeRef></lane></laneSet><task id="T1" name="First"/>"#;
const TAIL: &[u8] = b"</process></definitions>";

fuzz_target!(|data: &[u8]| {
    let (mode, payload) = mode(data, 2);
    let bytes = match mode {
        0 => payload.to_vec(),
        _ => [HEAD, payload, TAIL].concat(),
    };
    let Ok(plan) = plan_import(&bytes, &BpmnOptions::default()) else {
        return;
    };
    let mut ws = Workspace::new_file("fuzz");
    let (edit, journey_id) = plan.edit(&ws);
    if let Err(error) = ws.apply(&edit) {
        panic!("a planned BPMN import does not apply: {error}");
    }
    let Some(model) = ws.journey_model(&journey_id) else {
        panic!("the imported journey is missing");
    };
    let exported = export(&model, &layout(&model, &LayoutStyle::default()));
    if let Err(error) = plan_import(&exported, &BpmnOptions::default()) {
        panic!("an exported journey does not import again: {error}");
    }
});
