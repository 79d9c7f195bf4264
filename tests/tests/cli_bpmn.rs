//! `baton import-bpmn` through the real binary on BPMN files written by the tests: one edit that
//! one `baton undo` removes; a bad model changes nothing in the client file (sha256).

use baton_tests::Sandbox;

/// A collaboration: a Customer pool (black box) calling the bank's agent, who hands over to a
/// card system lane through a gateway. Names carry a line break and an escape character, which
/// the text output must not print raw.
const MODEL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://example.com">
  <collaboration id="C" name="Lost card">
    <participant id="PC" name="Customer"/>
    <participant id="PB" name="Bank" processRef="P"/>
    <messageFlow id="m" sourceRef="PC" targetRef="Answer"/>
  </collaboration>
  <process id="P">
    <laneSet id="LS">
      <lane id="L1" name="Agent"><flowNodeRef>Answer</flowNodeRef><flowNodeRef>G</flowNodeRef></lane>
      <lane id="L2" name="Card&#x9b;31m system"><flowNodeRef>Block</flowNodeRef></lane>
    </laneSet>
    <userTask id="Answer" name="Answer the call"/>
    <exclusiveGateway id="G"/>
    <serviceTask id="Block" name="Block card"/>
    <sequenceFlow id="f1" sourceRef="Answer" targetRef="G"/>
    <sequenceFlow id="f2" sourceRef="G" targetRef="Block"/>
  </process>
</definitions>"#;

fn client() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.run(&["new", "client.baton"]).ok();
    sandbox
}

#[test]
fn a_bpmn_model_becomes_one_journey_in_one_edit_that_undo_removes() {
    let sandbox = client();
    sandbox.write("model.bpmn", MODEL.as_bytes());
    let before = sandbox.workspace("client.baton");
    let run = sandbox.run(&["import-bpmn", "client.baton", "model.bpmn"]);
    run.ok();
    assert!(
        run.stdout.contains("as the journey \"Lost card\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("\"Answer the call\" -> \"Block card\" (assisted)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Assumptions:"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("\"Customer\" was taken as the customer"),
        "{}",
        run.stdout
    );
    // The C1 control character (CSI) in a lane name is shown escaped, never sent to the terminal.
    assert!(!run.stdout.contains('\u{9b}'), "{}", run.stdout);

    let ws = sandbox.workspace("client.baton");
    assert_eq!(ws.journeys.len(), before.journeys.len() + 1);
    let journey = ws
        .journeys
        .values()
        .find(|j| j.name == "Lost card")
        .expect("journey");
    assert_eq!(
        ws.lanes
            .values()
            .filter(|l| l.journey_id == journey.id)
            .count(),
        3
    );
    assert_eq!(
        ws.steps
            .values()
            .filter(|s| s.journey_id == journey.id)
            .count(),
        2
    );
    assert_eq!(
        ws.handoffs
            .values()
            .filter(|h| h.journey_id == journey.id)
            .count(),
        1
    );
    let history = sandbox
        .run(&["history", "client.baton", "--json"])
        .ok()
        .json();
    let entries = history.as_array().map_or(0, Vec::len);

    sandbox.run(&["undo", "client.baton"]).ok();
    assert_eq!(sandbox.workspace("client.baton"), before);
    let after_undo = sandbox
        .run(&["history", "client.baton", "--json"])
        .ok()
        .json();
    assert_eq!(after_undo.as_array().map_or(0, Vec::len), entries);
}

#[test]
fn json_output_lists_the_plan_and_customer_chooses_the_customer_lane() {
    let sandbox = client();
    sandbox.write("model.bpmn", MODEL.as_bytes());
    let report = sandbox
        .run(&[
            "import-bpmn",
            "client.baton",
            "model.bpmn",
            "--customer",
            "agent",
            "--json",
        ])
        .ok()
        .json();
    let lanes = report["plan"]["lanes"].as_array().expect("lanes");
    let customers: Vec<&str> = lanes
        .iter()
        .filter(|l| l["customer"] == true)
        .filter_map(|l| l["name"].as_str())
        .collect();
    assert_eq!(customers, ["Agent"]);
    assert_eq!(
        report["plan"]["handoffs"][0]["mode"], "assisted",
        "{report}"
    );
    assert!(report["journey_id"].is_string());
    assert!(report["plan"]["assumptions"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
}

#[test]
fn a_bad_model_is_a_clear_error_and_leaves_the_file_unchanged() {
    let sandbox = client();
    let cases: [(&str, &[u8], &str); 5] = [
        ("notxml.bpmn", b"target,metric\n", "not XML"),
        ("svg.bpmn", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "not BPMN 2.0"),
        (
            "laughs.bpmn",
            b"<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"P\"><task id=\"T\" name=\"&b;\"/></process></definitions>",
            "DTD",
        ),
        (
            "missing.bpmn",
            b"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"P\"><task id=\"T\"/><sequenceFlow id=\"f\" sourceRef=\"T\" targetRef=\"Nowhere\"/></process></definitions>",
            "\"Nowhere\"",
        ),
        ("model.bpmn", MODEL.as_bytes(), "no lane or pool is named"),
    ];
    let before = sandbox.sha256("client.baton");
    for (name, bytes, expected) in cases {
        sandbox.write(name, bytes);
        let mut args = vec!["import-bpmn", "client.baton", name];
        if name == "model.bpmn" {
            args.extend(["--customer", "Nobody"]);
        }
        let line = sandbox.run(&args).error_line().to_owned();
        assert!(line.contains(expected), "{name}: {line}");
        assert!(line.contains("nothing imported"), "{name}: {line}");
        assert_eq!(sandbox.sha256("client.baton"), before, "{name}");
    }
}

#[test]
fn export_bpmn_writes_a_file_that_imports_back_as_the_same_journey() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "bank.baton", "--template", "bank_lost_card"])
        .ok();
    let journey = sandbox
        .workspace("bank.baton")
        .journeys
        .values()
        .next()
        .expect("journey")
        .name
        .clone();
    let run = sandbox.run(&[
        "export-bpmn",
        "bank.baton",
        "--journey",
        &journey,
        "-o",
        "out.bpmn",
    ]);
    run.ok();
    assert!(
        run.stdout.contains("Exported the journey"),
        "{}",
        run.stdout
    );
    let text = String::from_utf8(sandbox.read("out.bpmn")).expect("UTF-8");
    assert!(text.contains("<bpmn:collaboration"), "{text}");
    // An existing OUT is refused without --force, and left as it was.
    let again = sandbox.run(&[
        "export-bpmn",
        "bank.baton",
        "--journey",
        &journey,
        "-o",
        "out.bpmn",
    ]);
    assert!(again.error_line().contains("out.bpmn"));
    assert_eq!(sandbox.read("out.bpmn"), text.as_bytes());
    sandbox
        .run(&[
            "export-bpmn",
            "bank.baton",
            "--journey",
            &journey,
            "-o",
            "out.bpmn",
            "--force",
        ])
        .ok();
    // Imported back into the same file: a second journey with the same steps and handoffs.
    let report = sandbox
        .run(&["import-bpmn", "bank.baton", "out.bpmn", "--json"])
        .ok()
        .json();
    let ws = sandbox.workspace("bank.baton");
    assert_eq!(ws.journeys.len(), 2);
    let original = ws
        .journeys
        .values()
        .find(|j| j.name == journey)
        .expect("original");
    let original_handoffs = ws
        .handoffs
        .values()
        .filter(|h| h.journey_id == original.id)
        .count();
    assert_eq!(
        report["plan"]["handoffs"].as_array().map_or(0, Vec::len),
        original_handoffs
    );
    assert!(original_handoffs > 0);
    // An unknown journey is an error naming the candidates; nothing is written.
    let missing = sandbox.run(&[
        "export-bpmn",
        "bank.baton",
        "--journey",
        "Nope",
        "-o",
        "none.bpmn",
    ]);
    assert!(missing
        .error_line()
        .contains("no journey is called \"Nope\""));
    assert!(!sandbox.path("none.bpmn").exists());
}

#[test]
fn a_50_mb_model_is_refused_and_the_file_is_unchanged() {
    let sandbox = client();
    let mut big = MODEL.as_bytes().to_vec();
    big.resize(50 * 1024 * 1024, b' ');
    sandbox.write("big.bpmn", &big);
    let before = sandbox.sha256("client.baton");
    let line = sandbox
        .run(&["import-bpmn", "client.baton", "big.bpmn"])
        .error_line()
        .to_owned();
    assert!(line.contains("at most"), "{line}");
    assert!(line.contains("nothing imported"), "{line}");
    assert_eq!(sandbox.sha256("client.baton"), before);
}
