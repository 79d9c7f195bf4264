//! End to end: bringing data in from other tools, in the real app (issue 16). A Qualtrics
//! export goes through the mapping step (the preset proposed from its header, the rating
//! question, target and metric chosen, the preview read again by Rust at each change), is
//! imported with its mapping saved, and the next export of the same survey is offered that
//! mapping. A BPMN model is previewed, its customer lane marked, imported as a new journey and
//! undone. Everything is checked in the file on disk; screenshots at 1280x720.

use std::path::Path;
use std::time::Duration;

use baton_tests::Sandbox;
use serde_json::json;

use crate::e2e_support::webdriver::{Session, CONTROL};
use crate::e2e_support::{dialogs, launch, screens_dir};

const JOURNEY: &str = "Report a lost card";
const TARGET_CARD: &str = "Calls the lost-card line";
const SURVEY_DIALOG: &str = "Import survey responses";
const BPMN_DIALOG: &str = "Import a BPMN model";
const MAPPING_NAME: &str = "Post-call IVR survey";

fn css(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// A Qualtrics export: question ids, question texts, the ImportId row, then `rows` answers
/// (date, NPS answer, CSAT label, comment).
fn qualtrics(rows: &[(&str, &str, &str, &str)]) -> String {
    let mut text = String::from(
        "StartDate,EndDate,Progress,ResponseId,Q1,Q2,Q3\n\
         Start Date,End Date,Progress,Response ID,How likely are you to recommend us?,How satisfied were you?,Anything to add?\n\
         \"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"endDate\"\"}\",\"{\"\"ImportId\"\":\"\"progress\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\",\"{\"\"ImportId\"\":\"\"QID3\"\"}\"\n",
    );
    for (i, (date, nps, csat, comment)) in rows.iter().enumerate() {
        text.push_str(&format!(
            "{date} 10:00:00,{date} 10:04:00,100,R_e2e{i}{date},{nps},{csat},\"{comment}\"\n"
        ));
    }
    text
}

/// A bank's process: the caller's lane is not named Customer, so the user marks it.
const MODEL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://example.com">
  <collaboration id="C" name="Card blocked by phone"><participant id="PB" name="Bank" processRef="P"/></collaboration>
  <process id="P">
    <laneSet id="LS">
      <lane id="L0" name="Caller"><flowNodeRef>Call</flowNodeRef></lane>
      <lane id="L1" name="Agent"><flowNodeRef>Answer</flowNodeRef><flowNodeRef>G</flowNodeRef></lane>
      <lane id="L2" name="Card system"><flowNodeRef>Block</flowNodeRef></lane>
    </laneSet>
    <task id="Call" name="Calls the bank"/>
    <userTask id="Answer" name="Answers the call"/>
    <exclusiveGateway id="G"/>
    <serviceTask id="Block" name="Blocks the card"/>
    <sequenceFlow id="f0" sourceRef="Call" targetRef="Answer"/>
    <sequenceFlow id="f1" sourceRef="Answer" targetRef="G"/>
    <sequenceFlow id="f2" sourceRef="G" targetRef="Block"/>
  </process>
</definitions>"#;

/// Sets a drop-down's value as a person picking an option does (a change event).
fn pick(s: &Session, id: &str, value: &str) {
    let select = s.testid(id);
    s.exec(
        "const el = arguments[0];
         el.value = arguments[1];
         el.dispatchEvent(new Event('change', { bubbles: true }));",
        json!([Session::arg(&select), value]),
    );
}

fn summary(s: &Session, attr: &str) -> String {
    s.try_find(&css("import-summary"))
        .and_then(|e| s.attr(&e, attr))
        .unwrap_or_default()
}

/// Waits until the live preview counts `accepted` valid rows.
fn wait_accepted(s: &Session, accepted: &str) {
    s.wait_until(
        &format!("the preview to count {accepted} valid rows"),
        Duration::from_secs(15),
        |s| summary(s, "data-accepted") == accepted,
    );
}

/// (responses, saved mappings' names, journeys' names) in the file on disk.
fn on_disk(file: &Path) -> (usize, Vec<String>, Vec<String>) {
    let doc = baton_store::Document::open(file).expect("open");
    let ws = doc.workspace();
    let found = (
        ws.responses.len(),
        ws.saved_mappings.values().map(|m| m.name.clone()).collect(),
        ws.journeys.values().map(|j| j.name.clone()).collect(),
    );
    doc.close().expect("close");
    found
}

fn wait_journey(s: &Session, name: &str) {
    s.wait_until(
        &format!("the journey {name:?}"),
        Duration::from_secs(20),
        |s| s.try_text(&css("journey-name")).as_deref() == Some(name),
    );
}

#[test]
fn a_survey_export_goes_through_the_mapping_step_and_a_bpmn_model_becomes_a_journey() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "Bank.baton", "--template", "bank_lost_card"])
        .ok();
    let file = sandbox.path("Bank.baton");
    let (before, ..) = on_disk(&file);
    let first = sandbox.write(
        "ivr-november.csv",
        qualtrics(&[
            ("2026-11-01", "9", "Very satisfied", "Quick, thanks"),
            ("2026-11-02", "3", "Dissatisfied", "Long wait\nthen cut off"),
            ("2026-11-03", "10", "Satisfied", ""),
        ])
        .as_bytes(),
    );
    let second = sandbox.write(
        "ivr-december.csv",
        qualtrics(&[
            ("2026-12-01", "8", "Satisfied", "ok"),
            ("2026-12-02", "6", "Neutral", ""),
        ])
        .as_bytes(),
    );
    let model = sandbox.write("card blocked.bpmn", MODEL.as_bytes());

    let s = launch();
    s.set_window_size(1280, 720);
    s.click_testid("btn-open-file");
    dialogs::answer_open("Open client file", &file);
    wait_journey(&s, JOURNEY);

    // The export lacks Baton's columns: the mapping step opens with Qualtrics proposed.
    s.click_testid("btn-import-responses");
    dialogs::answer_open(SURVEY_DIALOG, &first);
    s.testid("import-mapping");
    // Read at once through the proposed mapping: every row lacks its target until one is chosen.
    s.wait_until("the proposal read", Duration::from_secs(15), |s| {
        summary(s, "data-rejected") == "3"
    });
    assert_eq!(
        s.property(&s.testid("import-preset"), "value"),
        json!("qualtrics")
    );
    assert_eq!(
        s.property(&s.testid("import-value-column"), "value"),
        json!("Q1")
    );
    let step_id = s
        .exec(
            "return [...arguments[0].options].find(o => o.text.endsWith(arguments[1]))?.value ?? null;",
            json!([Session::arg(&s.testid("import-target")), TARGET_CARD]),
        )
        .as_str()
        .expect("the card is a target choice")
        .to_owned();
    pick(&s, "import-target", &step_id);
    pick(&s, "import-metric", "NPS");
    pick(&s, "import-comment-column", "Q3");
    wait_accepted(&s, "3");
    assert_eq!(summary(&s, "data-rejected"), "0");
    // The two header rows Qualtrics adds are skipped: the first row shown is line 4.
    let first_row = s.find(&css("import-preview-row"));
    assert_eq!(s.attr(&first_row, "data-line").as_deref(), Some("4"));
    s.screenshot(&screens_dir().join("interop-mapping-step.png"));

    // Saved under a name with the import: one edit.
    s.click_testid("import-save-mapping");
    s.type_into(&s.testid("import-save-name"), MAPPING_NAME);
    s.click_testid("btn-import-commit");
    let result = s.text(&s.testid("import-result"));
    assert!(
        result.contains("Imported 3 responses") && result.contains(MAPPING_NAME),
        "{result}"
    );
    s.click_testid("btn-import-close");

    // The next export of the same survey is offered the saved mapping, which reads it as is.
    s.click_testid("btn-import-responses");
    dialogs::answer_open(SURVEY_DIALOG, &second);
    s.testid("import-mapping");
    let offered = s.testid("import-saved-mapping");
    let chosen = s.exec(
        "return arguments[0].selectedOptions[0]?.text ?? '';",
        json!([Session::arg(&offered)]),
    );
    assert_eq!(chosen, json!(MAPPING_NAME));
    wait_accepted(&s, "2");
    s.click_testid("btn-import-commit");
    s.testid("import-result");
    s.click_testid("btn-import-close");

    // A BPMN model: previewed, the caller's lane marked as the customer's, imported.
    s.click_testid("btn-import-bpmn");
    dialogs::answer_open(BPMN_DIALOG, &model);
    let summary_el = s.testid("bpmn-summary");
    assert_eq!(
        s.attr(&summary_el, "data-steps").as_deref(),
        Some("3"),
        "the gateway is no step"
    );
    assert!(
        s.count(&css("bpmn-assumption")) > 0,
        "every assumption is listed"
    );
    let customer = |s: &Session| {
        s.find_all(&css("bpmn-lane"))
            .iter()
            .map(|l| s.attr(l, "data-customer").unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(customer(&s), ["false", "false", "false"]);
    let caller = s.find(&format!("{} input[type=\"radio\"]", css("bpmn-lane")));
    s.click(&caller);
    s.wait_until("the caller's lane marked", Duration::from_secs(10), |s| {
        customer(s) == ["true", "false", "false"]
    });
    s.screenshot(&screens_dir().join("interop-bpmn-preview.png"));
    s.click_testid("btn-bpmn-commit");
    s.testid("bpmn-result");
    wait_journey(&s, "Card blocked by phone");
    s.click_testid("btn-bpmn-close");
    s.wait_until("the imported map", Duration::from_secs(15), |s| {
        s.try_find(&format!("{}[aria-label=\"Blocks the card\"]", css("card")))
            .is_some()
    });
    s.screenshot(&screens_dir().join("interop-bpmn-journey.png"));

    // One undo removes the imported journey.
    s.chord(CONTROL, "z");
    s.wait_until("the journey gone", Duration::from_secs(15), |s| {
        s.try_text(&css("journey-name")).as_deref() != Some("Card blocked by phone")
    });
    s.click_testid("btn-close-file");
    s.testid("start-screen");

    let (responses, mappings, journeys) = on_disk(&file);
    assert_eq!(responses, before + 5);
    assert_eq!(mappings, [MAPPING_NAME]);
    assert!(
        !journeys.iter().any(|j| j == "Card blocked by phone"),
        "{journeys:?}"
    );
}
