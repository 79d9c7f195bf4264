//! BPMN 2.0 import on files written here from the BPMN 2.0 schema, in the shapes of the OMG
//! Model Interchange test suite's models with lanes, and on hostile files.

use baton_core::model::*;
use baton_interop::bpmn::*;

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="Defs" targetNamespace="http://example.com/bpmn">"#;
const TAIL: &str = "</bpmn:definitions>";

fn doc(body: &str) -> Vec<u8> {
    format!("{HEAD}{body}{TAIL}").into_bytes()
}

/// A shape for `id` at (x, y), 100 wide.
fn shape(id: &str, x: u32, y: u32) -> String {
    format!(
        r#"<bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"><dc:Bounds x="{x}" y="{y}" width="100" height="80"/></bpmndi:BPMNShape>"#
    )
}

fn diagram(shapes: &[String]) -> String {
    format!(
        r#"<bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="Pl" bpmnElement="P">{}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>"#,
        shapes.concat()
    )
}

fn plan(bytes: &[u8]) -> BpmnPlan {
    match plan_import(bytes, &BpmnOptions::default()) {
        Ok(plan) => plan,
        Err(e) => panic!("import failed: {e}"),
    }
}

fn lane_names(plan: &BpmnPlan) -> Vec<&str> {
    plan.lanes.iter().map(|l| l.name.as_str()).collect()
}

fn step<'a>(plan: &'a BpmnPlan, title: &str) -> (usize, &'a PlannedStep) {
    plan.steps
        .iter()
        .enumerate()
        .find(|(_, s)| s.title == title)
        .unwrap_or_else(|| panic!("no step {title}"))
}

/// (from title, to title) of every handoff.
fn handoff_titles(plan: &BpmnPlan) -> Vec<(String, String)> {
    plan.handoffs
        .iter()
        .map(|h| {
            (
                plan.steps[h.from as usize].title.clone(),
                plan.steps[h.to as usize].title.clone(),
            )
        })
        .collect()
}

fn nested_lanes() -> Vec<u8> {
    let body = r#"<bpmn:process id="P" name="Claims">
      <bpmn:laneSet id="LS">
        <bpmn:lane id="Front" name="Front office">
          <bpmn:childLaneSet id="CLS">
            <bpmn:lane id="Agent" name="Agent"><bpmn:flowNodeRef>Start</bpmn:flowNodeRef><bpmn:flowNodeRef>Take</bpmn:flowNodeRef><bpmn:flowNodeRef>Close</bpmn:flowNodeRef></bpmn:lane>
            <bpmn:lane id="Sup" name="Supervisor"><bpmn:flowNodeRef>Approve</bpmn:flowNodeRef></bpmn:lane>
          </bpmn:childLaneSet>
        </bpmn:lane>
        <bpmn:lane id="Back" name="Back office"><bpmn:flowNodeRef>Pay</bpmn:flowNodeRef></bpmn:lane>
      </bpmn:laneSet>
      <bpmn:startEvent id="Start"/>
      <bpmn:userTask id="Take" name="Take claim"/>
      <bpmn:task id="Approve" name="Approve"/>
      <bpmn:task id="Pay" name="Pay out"/>
      <bpmn:task id="Close" name="Close claim"/>
      <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Take"/>
      <bpmn:sequenceFlow id="f2" sourceRef="Take" targetRef="Approve"/>
      <bpmn:sequenceFlow id="f3" sourceRef="Approve" targetRef="Pay"/>
      <bpmn:sequenceFlow id="f4" sourceRef="Pay" targetRef="Close"/>
    </bpmn:process>"#;
    // Take and Approve 60 apart (under the 100 median width): one column; Pay and Close later.
    let shapes = [
        shape("Take", 100, 0),
        shape("Approve", 160, 100),
        shape("Pay", 400, 200),
        shape("Close", 700, 0),
    ];
    doc(&format!("{body}{}", diagram(&shapes)))
}

#[test]
fn nested_lanes_become_their_leaf_lanes_and_columns_come_from_the_diagram() {
    let plan = plan(&nested_lanes());
    assert_eq!(lane_names(&plan), ["Agent", "Supervisor", "Back office"]);
    assert_eq!(plan.journey_name, "Claims");
    assert!(plan.from_diagram);
    assert_eq!(plan.stages.len(), 3);
    let stage = |t: &str| step(&plan, t).1.stage;
    assert_eq!(
        [
            stage("Take claim"),
            stage("Approve"),
            stage("Pay out"),
            stage("Close claim")
        ],
        [0, 0, 1, 2]
    );
    assert_eq!(
        handoff_titles(&plan),
        [
            ("Take claim".into(), "Approve".into()),
            ("Approve".into(), "Pay out".into()),
            ("Pay out".into(), "Close claim".into())
        ]
    );
    assert!(plan
        .handoffs
        .iter()
        .all(|h| h.mode == HandoffMode::Assisted && !h.message));
    // The lanes the leaves sit in are their department (one process: no pool name in it);
    // every lane manual; nobody is the customer.
    let departments: Vec<Option<&str>> =
        plan.lanes.iter().map(|l| l.department.as_deref()).collect();
    assert_eq!(
        departments,
        [Some("Front office"), Some("Front office"), None]
    );
    assert!(plan
        .lanes
        .iter()
        .all(|l| l.work == Work::Manual && !l.customer));
    assert!(plan
        .assumptions
        .iter()
        .any(|a| a.contains("Nested lanes of \"Claims\"")));
    assert!(plan.assumptions.iter().any(|a| a.contains("x positions")));
}

fn collaboration() -> Vec<u8> {
    doc(r#"<bpmn:collaboration id="C" name="Card replacement">
      <bpmn:participant id="PCust" name="Customer"/>
      <bpmn:participant id="PBank" name="Bank" processRef="Bank"/>
      <bpmn:participant id="PCourier" name="Courier" processRef="Courier"/>
      <bpmn:messageFlow id="m1" sourceRef="PCust" targetRef="Call"/>
      <bpmn:messageFlow id="m2" sourceRef="Send" targetRef="Deliver"/>
      <bpmn:messageFlow id="m3" sourceRef="Deliver" targetRef="PCust"/>
    </bpmn:collaboration>
    <bpmn:process id="Bank">
      <bpmn:laneSet id="LS1">
        <bpmn:lane id="L1" name="Agent"><bpmn:flowNodeRef>Call</bpmn:flowNodeRef></bpmn:lane>
        <bpmn:lane id="L2" name="Card system"><bpmn:flowNodeRef>Send</bpmn:flowNodeRef></bpmn:lane>
      </bpmn:laneSet>
      <bpmn:receiveTask id="Call" name="Answer call"/>
      <bpmn:sendTask id="Send" name="Order card"/>
      <bpmn:sequenceFlow id="s1" sourceRef="Call" targetRef="Send"/>
    </bpmn:process>
    <bpmn:process id="Courier">
      <bpmn:task id="Deliver" name="Deliver card"/>
    </bpmn:process>"#)
}

#[test]
fn a_collaboration_gives_pools_as_lanes_message_flows_as_handoffs_and_customer_touchpoints() {
    let plan = plan(&collaboration());
    assert_eq!(
        lane_names(&plan),
        ["Customer", "Agent", "Card system", "Courier"]
    );
    assert_eq!(plan.journey_name, "Card replacement");
    // The pool named Customer is proposed as the customer, and said so.
    assert!(plan.lanes[0].customer);
    assert!(plan
        .assumptions
        .iter()
        .any(|a| a.contains("\"Customer\" was taken as the customer")));
    // Several participants: the pool's name is the department.
    assert_eq!(plan.lanes[1].department.as_deref(), Some("Bank"));
    assert_eq!(plan.lanes[3].department.as_deref(), Some("Courier"));
    // The card system only sends: automated, and so is the handoff leaving it.
    assert_eq!(plan.lanes[2].work, Work::Automated);
    assert_eq!(plan.lanes[1].work, Work::Manual);
    assert_eq!(
        handoff_titles(&plan),
        [
            ("Answer call".into(), "Order card".into()),
            ("Order card".into(), "Deliver card".into())
        ]
    );
    assert_eq!(plan.handoffs[1].mode, HandoffMode::Automated);
    assert!(plan.handoffs[1].message);
    assert_eq!(plan.handoffs[0].mode, HandoffMode::Assisted);
    // Only the step receiving the customer's message is a touchpoint.
    assert!(step(&plan, "Answer call").1.touchpoint);
    assert!(!step(&plan, "Deliver card").1.touchpoint);
    assert!(!plan.from_diagram);
}

#[test]
fn the_user_can_name_another_customer_lane_and_an_unknown_one_is_a_clear_error() {
    let options = BpmnOptions {
        customer_lane: Some("courier".into()),
    };
    let plan = plan_import(&collaboration(), &options).expect("import");
    assert!(plan.lanes[3].customer && !plan.lanes[0].customer);
    let options = BpmnOptions {
        customer_lane: Some("Shopper".into()),
    };
    let err = plan_import(&collaboration(), &options).expect_err("unknown lane");
    assert!(matches!(err, BpmnError::UnknownCustomerLane { .. }));
    assert!(err.to_string().contains("\"Agent\""), "{err}");
}

#[test]
fn empty_lanes_are_kept_and_tasks_outside_any_lane_get_a_lane_of_their_own() {
    let plan = plan(&doc(r#"<bpmn:process id="P" name="Orders">
      <bpmn:laneSet id="LS">
        <bpmn:lane id="A" name="Sales"><bpmn:flowNodeRef>T1</bpmn:flowNodeRef></bpmn:lane>
        <bpmn:lane id="B" name="Legal"/>
      </bpmn:laneSet>
      <bpmn:task id="T1" name="Quote"/>
      <bpmn:task id="T2" name="Ship"/>
      <bpmn:sequenceFlow id="f" sourceRef="T1" targetRef="T2"/>
    </bpmn:process>"#));
    assert_eq!(lane_names(&plan), ["Sales", "Legal", "Orders (no lane)"]);
    assert!(plan
        .assumptions
        .iter()
        .any(|a| a.contains("\"Legal\" has no task")));
    assert!(plan
        .assumptions
        .iter()
        .any(|a| a.contains("outside any lane")));
    assert_eq!(step(&plan, "Ship").1.lane, 2);
    assert_eq!(handoff_titles(&plan), [("Quote".into(), "Ship".into())]);
}

#[test]
fn flows_are_followed_through_events_and_gateways_and_stages_come_from_flow_depth() {
    let plan = plan(&doc(r#"<bpmn:process id="P">
      <bpmn:laneSet id="LS">
        <bpmn:lane id="A" name="Rules engine"><bpmn:flowNodeRef>S</bpmn:flowNodeRef><bpmn:flowNodeRef>Check</bpmn:flowNodeRef><bpmn:flowNodeRef>G</bpmn:flowNodeRef><bpmn:flowNodeRef>Log</bpmn:flowNodeRef></bpmn:lane>
        <bpmn:lane id="B" name="Clerk"><bpmn:flowNodeRef>E</bpmn:flowNodeRef><bpmn:flowNodeRef>Fix</bpmn:flowNodeRef><bpmn:flowNodeRef>Wait</bpmn:flowNodeRef></bpmn:lane>
      </bpmn:laneSet>
      <bpmn:startEvent id="S"/>
      <bpmn:businessRuleTask id="Check" name="Check order"/>
      <bpmn:exclusiveGateway id="G"/>
      <bpmn:intermediateCatchEvent id="Wait"/>
      <bpmn:scriptTask id="Log" name="Log order"/>
      <bpmn:manualTask id="Fix" name="Fix order"/>
      <bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Check"/>
      <bpmn:sequenceFlow id="f2" sourceRef="Check" targetRef="G"/>
      <bpmn:sequenceFlow id="f3" sourceRef="G" targetRef="Wait"/>
      <bpmn:sequenceFlow id="f4" sourceRef="Wait" targetRef="Fix"/>
      <bpmn:sequenceFlow id="f5" sourceRef="G" targetRef="Log"/>
      <bpmn:sequenceFlow id="f6" sourceRef="Fix" targetRef="E"/>
    </bpmn:process>"#));
    assert_eq!(plan.journey_name, "Imported BPMN process");
    // Check leads to Fix through a gateway and an event: a handoff, automated (rule task).
    // Check to Log stays in one lane: no handoff.
    assert_eq!(
        handoff_titles(&plan),
        [("Check order".into(), "Fix order".into())]
    );
    assert_eq!(plan.handoffs[0].mode, HandoffMode::Automated);
    assert_eq!(plan.lanes[0].work, Work::Automated);
    assert_eq!(plan.lanes[1].work, Work::Manual);
    assert!(!plan.from_diagram);
    assert!(plan.assumptions.iter().any(|a| a.contains("no diagram")));
    let stage = |t: &str| step(&plan, t).1.stage;
    assert_eq!(
        [stage("Check order"), stage("Fix order"), stage("Log order")],
        [0, 1, 1]
    );
    assert_eq!(plan.stages, ["Stage 1", "Stage 2"]);
}

#[test]
fn sub_processes_and_call_activities_are_one_step_each_and_names_keep_their_letters() {
    let plan = plan(&doc(
        r#"<bpmn:process id="P" name="Déclaration de sinistre">
      <bpmn:subProcess id="Sub" name="Vérifier
          l'identité du 客户">
        <bpmn:task id="Inner" name="Inner task"/>
      </bpmn:subProcess>
      <bpmn:callActivity id="Call" name="Ödeme &amp; iade"/>
      <bpmn:task id="NoName"/>
      <bpmn:sequenceFlow id="f1" sourceRef="Sub" targetRef="Call"/>
      <bpmn:sequenceFlow id="f2" sourceRef="Call" targetRef="NoName"/>
    </bpmn:process>"#,
    ));
    let titles: Vec<&str> = plan.steps.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Vérifier l'identité du 客户", "Ödeme & iade", "Task NoName"]
    );
    assert_eq!(plan.journey_name, "Déclaration de sinistre");
    assert_eq!(lane_names(&plan), ["Déclaration de sinistre"]);
    assert!(plan
        .assumptions
        .iter()
        .any(|a| a.contains("Sub-process") && a.contains("客户")));
    assert!(plan.handoffs.is_empty());
    assert_eq!(plan.stages.len(), 3);
}

#[test]
fn the_plan_is_one_edit_that_undo_removes() {
    let mut ws = Workspace::new_file("x");
    let before = ws.clone();
    let plan = plan(&collaboration());
    let (edit, journey_id) = plan.edit(&ws);
    assert!(matches!(edit, baton_core::edit::Edit::Batch { .. }));
    let applied = ws.apply(&edit).expect("applies");
    assert_eq!(ws.journeys[&journey_id].name, "Card replacement");
    let lanes: Vec<&Lane> = ws
        .lanes
        .values()
        .filter(|l| l.journey_id == journey_id)
        .collect();
    assert_eq!(lanes.len(), 4);
    assert_eq!(
        lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Customer)
            .count(),
        1
    );
    assert_eq!(
        ws.steps
            .values()
            .filter(|s| s.journey_id == journey_id)
            .count(),
        3
    );
    let handoffs: Vec<&Handoff> = ws
        .handoffs
        .values()
        .filter(|h| h.journey_id == journey_id)
        .collect();
    assert_eq!(handoffs.len(), 2);
    assert!(handoffs
        .iter()
        .all(|h| h.context == ContextTransfer::Partial && h.note.contains("BPMN")));
    let touchpoints = ws.steps.values().filter(|s| s.touchpoint.is_some()).count();
    assert_eq!(touchpoints, 1);
    ws.apply(&applied.inverse).expect("undo applies");
    assert_eq!(ws, before);
}

#[test]
fn a_plan_from_a_diagram_applies_with_its_columns_as_stages() {
    let mut ws = Workspace::new_file("x");
    let plan = plan(&nested_lanes());
    let (edit, journey_id) = plan.edit(&ws);
    ws.apply(&edit).expect("applies");
    assert_eq!(ws.steps.len(), 4);
    let stages = ws
        .stages
        .values()
        .filter(|s| s.journey_id == journey_id)
        .count();
    assert_eq!(stages, 3);
}

fn refused(bytes: &[u8]) -> BpmnError {
    match plan_import(bytes, &BpmnOptions::default()) {
        Ok(_) => panic!("a bad file was imported"),
        Err(e) => e,
    }
}

#[test]
fn billion_laughs_and_external_entities_are_refused_never_expanded() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P"><bpmn:task id="T" name="&lol3;"/></bpmn:process></bpmn:definitions>"#;
    assert_eq!(refused(laughs.as_bytes()), BpmnError::DtdRefused);
    let external = r#"<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P"><bpmn:task id="T" name="&xxe;"/></bpmn:process></bpmn:definitions>"#;
    let err = refused(external.as_bytes());
    assert_eq!(err, BpmnError::DtdRefused);
    assert!(err.to_string().contains("DTD"));
}

#[test]
fn not_xml_not_bpmn_too_big_and_no_task_are_clear_errors() {
    assert!(matches!(
        refused(b"name,value\nx,1\n"),
        BpmnError::NotXml { .. }
    ));
    assert!(matches!(
        refused(&[0xff, 0xfe, 0x00]),
        BpmnError::NotXml { .. }
    ));
    assert!(matches!(
        refused(b"<bpmn:definitions xmlns:bpmn=\"x\"><unclosed>"),
        BpmnError::NotXml { .. }
    ));
    let svg = refused(br#"<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>"#);
    assert!(matches!(svg, BpmnError::NotBpmn { ref root, .. } if root == "svg"));
    assert!(svg.to_string().contains("not BPMN 2.0"));
    let big = vec![b' '; MAX_BPMN_BYTES + 1];
    assert!(matches!(refused(&big), BpmnError::TooBig { .. }));
    let empty = refused(&doc(
        r#"<bpmn:process id="P"><bpmn:startEvent id="S"/></bpmn:process>"#,
    ));
    assert_eq!(empty, BpmnError::NoTask);
}

#[test]
fn missing_references_name_the_element_and_the_reference() {
    let flow = refused(&doc(r#"<bpmn:process id="P"><bpmn:task id="T" name="A"/>
      <bpmn:sequenceFlow id="f9" sourceRef="T" targetRef="Ghost"/></bpmn:process>"#));
    assert_eq!(
        flow,
        BpmnError::MissingReference {
            element: "sequenceFlow".into(),
            id: "f9".into(),
            attribute: "targetRef".into(),
            reference: "Ghost".into()
        }
    );
    assert!(flow.to_string().contains("\"Ghost\""));
    let lane = refused(&doc(
        r#"<bpmn:process id="P"><bpmn:laneSet id="S"><bpmn:lane id="L" name="A"><bpmn:flowNodeRef>Nope</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet><bpmn:task id="T"/></bpmn:process>"#,
    ));
    assert!(
        matches!(lane, BpmnError::MissingReference { ref reference, .. } if reference == "Nope")
    );
    let pool = refused(&doc(
        r#"<bpmn:collaboration id="C"><bpmn:participant id="X" processRef="Missing"/></bpmn:collaboration><bpmn:process id="P"><bpmn:task id="T"/></bpmn:process>"#,
    ));
    assert!(
        matches!(pool, BpmnError::MissingReference { ref attribute, .. } if attribute == "processRef")
    );
    let message = refused(&doc(
        r#"<bpmn:collaboration id="C"><bpmn:participant id="X" processRef="P"/><bpmn:messageFlow id="m" sourceRef="T" targetRef="Elsewhere"/></bpmn:collaboration><bpmn:process id="P"><bpmn:task id="T"/></bpmn:process>"#,
    ));
    assert!(
        matches!(message, BpmnError::MissingReference { ref element, .. } if element == "messageFlow")
    );
    let no_target = refused(&doc(
        r#"<bpmn:process id="P"><bpmn:task id="T"/><bpmn:sequenceFlow id="f" sourceRef="T"/></bpmn:process>"#,
    ));
    assert_eq!(
        no_target.to_string(),
        "sequenceFlow \"f\" has no targetRef attribute, which BPMN requires"
    );
}

#[test]
fn deeply_nested_lanes_and_many_references_are_read_without_exhausting_anything() {
    let depth = 5_000;
    let mut lanes = String::new();
    for n in 0..depth {
        lanes.push_str(&format!(
            r#"<bpmn:lane id="L{n}" name="Lane {n}"><bpmn:childLaneSet id="S{n}">"#
        ));
    }
    lanes.push_str(
        r#"<bpmn:lane id="Leaf" name="Deepest"><bpmn:flowNodeRef>T</bpmn:flowNodeRef></bpmn:lane>"#,
    );
    for _ in 0..depth {
        lanes.push_str("</bpmn:childLaneSet></bpmn:lane>");
    }
    let bytes = doc(&format!(
        r#"<bpmn:process id="P"><bpmn:laneSet id="LS">{lanes}</bpmn:laneSet><bpmn:task id="T" name="Only"/></bpmn:process>"#
    ));
    match plan_import(&bytes, &BpmnOptions::default()) {
        // roxmltree may refuse the nesting itself: a clear error is as good as a plan.
        Err(BpmnError::NotXml { .. }) => {}
        Err(other) => panic!("unexpected error: {other}"),
        Ok(plan) => assert_eq!(lane_names(&plan), ["Deepest"]),
    }
}

#[test]
fn steps_in_one_cell_go_by_y_not_by_document_order() {
    let body = r#"<bpmn:process id="P"><bpmn:laneSet id="LS"><bpmn:lane id="A" name="Desk">
        <bpmn:flowNodeRef>Low</bpmn:flowNodeRef><bpmn:flowNodeRef>High</bpmn:flowNodeRef><bpmn:flowNodeRef>Next</bpmn:flowNodeRef>
      </bpmn:lane></bpmn:laneSet>
      <bpmn:task id="Low" name="Lower card"/><bpmn:task id="High" name="Upper card"/><bpmn:task id="Next" name="Later"/>
    </bpmn:process>"#;
    // Low and High share a column (centres 10 apart); Low sits below High.
    let shapes = [
        shape("Low", 100, 300),
        shape("High", 110, 50),
        shape("Next", 400, 50),
    ];
    let plan = plan(&doc(&format!("{body}{}", diagram(&shapes))));
    let at = |t: &str| {
        let s = step(&plan, t).1;
        (s.stage, s.position)
    };
    assert_eq!(
        [at("Upper card"), at("Lower card"), at("Later")],
        [(0, 0), (0, 1), (1, 0)]
    );
}

/// Two pools, one with lanes nested two deep; messages that end on a message start event and
/// on an intermediate catch event, and one that leaves a message end event.
fn messages_on_events() -> Vec<u8> {
    doc(r#"<bpmn:collaboration id="C" name="Card replacement">
      <bpmn:participant id="PCust" name="Customer"/>
      <bpmn:participant id="PBank" name="Bank" processRef="Bank"/>
      <bpmn:participant id="PCourier" name="Courier" processRef="Courier"/>
      <bpmn:messageFlow id="m1" sourceRef="PCust" targetRef="Received"/>
      <bpmn:messageFlow id="m2" sourceRef="Sent" targetRef="Parcel"/>
    </bpmn:collaboration>
    <bpmn:process id="Bank">
      <bpmn:laneSet id="LS1">
        <bpmn:lane id="Ops" name="Operations">
          <bpmn:childLaneSet id="CLS1">
            <bpmn:lane id="Cards" name="Cards">
              <bpmn:childLaneSet id="CLS2">
                <bpmn:lane id="L1" name="Agent"><bpmn:flowNodeRef>Received</bpmn:flowNodeRef><bpmn:flowNodeRef>Block</bpmn:flowNodeRef></bpmn:lane>
                <bpmn:lane id="L2" name="Issuing"><bpmn:flowNodeRef>Order</bpmn:flowNodeRef><bpmn:flowNodeRef>Sent</bpmn:flowNodeRef></bpmn:lane>
              </bpmn:childLaneSet>
            </bpmn:lane>
          </bpmn:childLaneSet>
        </bpmn:lane>
      </bpmn:laneSet>
      <bpmn:startEvent id="Received" name="Call received"><bpmn:messageEventDefinition id="md1"/></bpmn:startEvent>
      <bpmn:userTask id="Block" name="Block card"/>
      <bpmn:serviceTask id="Order" name="Order new card"/>
      <bpmn:endEvent id="Sent" name="Order sent"><bpmn:messageEventDefinition id="md2"/></bpmn:endEvent>
      <bpmn:sequenceFlow id="b1" sourceRef="Received" targetRef="Block"/>
      <bpmn:sequenceFlow id="b2" sourceRef="Block" targetRef="Order"/>
      <bpmn:sequenceFlow id="b3" sourceRef="Order" targetRef="Sent"/>
    </bpmn:process>
    <bpmn:process id="Courier">
      <bpmn:startEvent id="CStart"/>
      <bpmn:intermediateCatchEvent id="Parcel" name="Parcel order"><bpmn:messageEventDefinition id="md3"/></bpmn:intermediateCatchEvent>
      <bpmn:task id="Deliver" name="Deliver card"/>
      <bpmn:sequenceFlow id="c1" sourceRef="CStart" targetRef="Parcel"/>
      <bpmn:sequenceFlow id="c2" sourceRef="Parcel" targetRef="Deliver"/>
    </bpmn:process>"#)
}

#[test]
fn nested_lanes_in_pools_are_departments_and_messages_reach_through_events() {
    let plan = plan(&messages_on_events());
    assert_eq!(
        lane_names(&plan),
        ["Customer", "Agent", "Issuing", "Courier"]
    );
    let departments: Vec<Option<&str>> =
        plan.lanes.iter().map(|l| l.department.as_deref()).collect();
    // Several pools: the pool's name first, then the lanes the leaf sits in.
    assert_eq!(
        departments,
        [
            None,
            Some("Bank / Operations / Cards"),
            Some("Bank / Operations / Cards"),
            Some("Courier")
        ]
    );
    assert!(
        plan.lanes[0].customer,
        "the pool named Customer is proposed"
    );
    // The customer's message ends on the start event: the task it leads to is the touchpoint.
    assert!(step(&plan, "Block card").1.touchpoint);
    assert!(!step(&plan, "Order new card").1.touchpoint);
    // The message leaving the end event comes from the task before it and reaches, through
    // the courier's catch event, the task after it.
    let (order, _) = step(&plan, "Order new card");
    let (deliver, _) = step(&plan, "Deliver card");
    let message = plan
        .handoffs
        .iter()
        .find(|h| h.from as usize == order && h.to as usize == deliver)
        .expect("a handoff from the message flow");
    assert!(message.message);
    assert_eq!(
        message.mode,
        HandoffMode::Automated,
        "it leaves a service task"
    );
    assert_eq!(
        handoff_titles(&plan),
        [
            ("Block card".into(), "Order new card".into()),
            ("Order new card".into(), "Deliver card".into())
        ]
    );
    assert!(plan
        .assumptions
        .iter()
        .any(|a| a.contains("message flow ending on an event")));
    // The plan still applies as one edit, the departments with it.
    let mut ws = Workspace::new_file("T");
    let (edit, _) = plan.edit(&ws);
    ws.apply(&edit).expect("it applies");
    let mut got: Vec<_> = ws
        .lanes
        .values()
        .map(|l| (l.name.clone(), l.department.clone()))
        .collect();
    got.sort();
    assert!(
        got.contains(&("Agent".into(), Some("Bank / Operations / Cards".into()))),
        "{got:?}"
    );
}
