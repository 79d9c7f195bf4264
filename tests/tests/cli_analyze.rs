//! `baton analyze`: the metrics, hotspots and suggestions of a real file, as text and as JSON,
//! checked against the core's analysis of the same file and against facts worked out by hand
//! from the bank lost-card template.

use baton_core::analysis::analyze;
use baton_core::{Id, Workspace};
use serde_json::Value;

use baton_tests::{bank, Sandbox};

fn step_id(ws: &Workspace, title: &str) -> Id {
    let ids: Vec<&Id> = ws
        .steps
        .values()
        .filter(|step| step.title == title)
        .map(|step| &step.id)
        .collect();
    assert_eq!(ids.len(), 1, "one step titled {title}");
    ids[0].clone()
}

fn handoff_id(ws: &Workspace, from: &str, to: &str) -> Id {
    let (from, to) = (step_id(ws, from), step_id(ws, to));
    ws.handoffs
        .values()
        .find(|h| h.from_step_id == from && h.to_step_id == to)
        .map(|h| h.id.clone())
        .unwrap_or_else(|| panic!("a handoff from {from} to {to}"))
}

/// The core's analysis of `journey_id`, as JSON read back from text as the CLI's output is (so
/// floats parse the same way on both sides).
fn core_analysis(ws: &Workspace, journey_id: &str) -> Value {
    let analysis = analyze(ws, journey_id).unwrap();
    serde_json::from_str(&serde_json::to_string(&analysis).unwrap()).unwrap()
}

/// Asserts `actual == expected`, naming the first place they differ (the values are large).
#[track_caller]
fn assert_same_json(actual: &Value, expected: &Value) {
    fn first_difference(a: &Value, b: &Value, at: String) -> Option<String> {
        match (a, b) {
            (Value::Object(a), Value::Object(b)) => {
                let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
                keys.into_iter().find_map(|key| {
                    let (x, y) = (a.get(key), b.get(key));
                    match (x, y) {
                        (Some(x), Some(y)) => first_difference(x, y, format!("{at}.{key}")),
                        _ => Some(format!("{at}.{key}: {x:?} vs {y:?}")),
                    }
                })
            }
            (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
                .iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (x, y))| first_difference(x, y, format!("{at}[{i}]"))),
            _ if a == b => None,
            _ => Some(format!("{at}: {a} vs {b}")),
        }
    }
    if let Some(difference) = first_difference(actual, expected, "$".to_owned()) {
        panic!("the JSON differs at {difference}");
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

const AGENT_VERIFIES: &str = "Verifies identity: name, address, date of birth, security question";
const CARDS_VERIFIES: &str = "Cards team verifies identity again";
const CARDS_BLOCKS: &str = "Blocks the card and orders a replacement";
const FRAUD_VERIFIES: &str = "Fraud team verifies identity a third time";

#[test]
fn json_is_the_core_analysis_of_the_same_file_in_the_documented_envelope() {
    let sandbox = bank();
    let report = sandbox
        .run(&["analyze", "bank.baton", "--json"])
        .ok()
        .json();
    let ws = sandbox.workspace("bank.baton");
    let journey = ws.journeys.values().next().unwrap();

    assert_eq!(report["format"], "baton-analysis");
    assert_eq!(report["version"], 1);
    assert_eq!(report["file"], "bank.baton");
    let journeys = report["journeys"].as_array().unwrap();
    assert_eq!(journeys.len(), 1);
    assert_eq!(journeys[0]["id"], journey.id.as_str());
    assert_eq!(journeys[0]["name"], "Report a lost card");
    assert_eq!(journeys[0]["state"], "current");
    assert_same_json(&journeys[0]["analysis"], &core_analysis(&ws, &journey.id));

    // Every id the analysis mentions has a readable name, and names the right thing.
    let names = journeys[0]["names"].as_object().unwrap();
    for step in ws.steps.values() {
        let name = names[&step.id].as_str().unwrap();
        assert!(name.contains(step.title.trim()), "{name}");
    }
    for metric in ws.metrics.values() {
        assert_eq!(names[&metric.id], metric.name.as_str());
    }
    let to_fraud = handoff_id(&ws, CARDS_BLOCKS, FRAUD_VERIFIES);
    let name = names[&to_fraud].as_str().unwrap();
    assert!(
        name.find(CARDS_BLOCKS).unwrap() < name.find(FRAUD_VERIFIES).unwrap() && name.contains('→'),
        "{name}"
    );
}

#[test]
fn the_bank_template_gives_the_figures_worked_out_by_hand() {
    let sandbox = bank();
    let report = sandbox
        .run(&["analyze", "bank.baton", "--json"])
        .ok()
        .json();
    let ws = sandbox.workspace("bank.baton");
    let analysis = &report["journeys"][0]["analysis"];
    let summary = &analysis["summary"];

    // Agent -> cards and cards -> fraud are blind transfers the customer hears; the two
    // hand-offs to core banking are automated, and only the email of the second reaches her.
    assert_eq!(summary["handoffs"], 4);
    assert_eq!(summary["customer_visible_handoffs"], 3);
    assert_eq!(summary["blind_handoffs"], 2);
    assert_eq!(summary["assisted_handoffs"], 0);
    assert_eq!(summary["blind_share"], 1.0);
    // App, call, agent answers, agent verifies, cards verifies, cards blocks, fraud verifies,
    // dispute, confirmation email, new card.
    assert_eq!(summary["touchpoints"], 10);
    // Customer service, Card services, Fraud and security, IT (the email).
    assert_eq!(summary["parties"], 4);
    // Verified three times: twice after the first.
    assert_eq!(summary["reverifications"], 2);
    assert_eq!(summary["retellings"], 2);
    // Every handoff changes department; the two into core banking also go manual -> automated.
    assert_eq!(analysis["crossings"]["department"], 4);
    assert_eq!(analysis["crossings"]["sourcing"], 0);
    assert_eq!(analysis["crossings"]["automation"], 2);
    assert_eq!(analysis["crossings"]["total"], 6);

    // The chain: agent -> cards -> fraud, flagged at the second transfer; the dispute (a
    // resolution) ends it, so the confirmation email starts a new, unflagged one.
    let to_cards = handoff_id(&ws, AGENT_VERIFIES, CARDS_VERIFIES);
    let to_fraud = handoff_id(&ws, CARDS_BLOCKS, FRAUD_VERIFIES);
    assert_eq!(summary["flagged_chains"], 1);
    assert_eq!(summary["longest_chain"], 2);
    let flagged: Vec<&Value> = analysis["chains"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|chain| chain["flagged"] == true)
        .collect();
    assert_eq!(flagged.len(), 1);
    assert_eq!(
        strings(&flagged[0]["handoff_ids"]),
        [to_cards.clone(), to_fraud.clone()]
    );
    assert_eq!(flagged[0]["flag_at_handoff_id"], to_fraud.as_str());

    // Cards -> fraud: blind 25, no context 20, reverify 15, repeats 15, wait 14 min -> 2,
    // one department crossing 5, sensitive without a secure channel 10; the blocking step has
    // no score, so no drop. 92, the worst handoff.
    let top = &analysis["hotspots"]["handoffs"][0];
    assert_eq!(top["handoff_id"], to_fraud.as_str());
    assert_eq!(top["friction"], 92);
    assert_eq!(summary["max_friction"], 92);

    // The worst touchpoint: fraud verification, CSAT 41 against 80.
    let worst = &analysis["hotspots"]["touchpoints"][0];
    assert_eq!(worst["step_id"], step_id(&ws, FRAUD_VERIFIES).as_str());
    assert_eq!(worst["latest"], 41.0);
    assert_eq!(worst["target"], 80.0);
    assert_eq!(worst["gap"], -39.0);
}

#[test]
fn every_suggestion_names_evidence_that_exists_in_the_file() {
    let sandbox = bank();
    let report = sandbox
        .run(&["analyze", "bank.baton", "--json"])
        .ok()
        .json();
    let ws = sandbox.workspace("bank.baton");
    let suggestions = report["journeys"][0]["analysis"]["suggestions"]
        .as_array()
        .unwrap();
    assert!(!suggestions.is_empty());
    for suggestion in suggestions {
        assert!(!suggestion["reason"].as_str().unwrap().is_empty());
        assert!(!strings(&suggestion["seeds"]).is_empty());
        for id in strings(&suggestion["step_ids"]) {
            assert!(ws.steps.contains_key(&id), "step {id} of {suggestion}");
        }
        for id in strings(&suggestion["handoff_ids"]) {
            assert!(
                ws.handoffs.contains_key(&id),
                "handoff {id} of {suggestion}"
            );
        }
        for id in strings(&suggestion["stage_ids"]) {
            assert!(ws.stages.contains_key(&id), "stage {id} of {suggestion}");
        }
        for id in strings(&suggestion["metric_ids"]) {
            assert!(ws.metrics.contains_key(&id), "metric {id} of {suggestion}");
        }
    }
    let flag = suggestions
        .iter()
        .find(|s| s["rule"] == "flag_chain")
        .expect("the flagged chain is suggested");
    assert_eq!(
        strings(&flag["handoff_ids"]),
        [
            handoff_id(&ws, AGENT_VERIFIES, CARDS_VERIFIES),
            handoff_id(&ws, CARDS_BLOCKS, FRAUD_VERIFIES)
        ]
    );
    assert_eq!(strings(&flag["seeds"]), ["004"]);
    // The template's untouched touchpoint "Calls the lost-card line" has no score.
    let calls = step_id(&ws, "Calls the lost-card line");
    assert!(suggestions
        .iter()
        .any(|s| s["rule"] == "measure_touchpoint" && strings(&s["step_ids"]) == [calls.clone()]));
}

#[test]
fn text_shows_aligned_metrics_hotspots_with_breakdown_and_suggestions_by_name() {
    let sandbox = bank();
    let text = sandbox.run(&["analyze", "bank.baton"]).ok().stdout.clone();
    assert!(text.starts_with("Journey “Report a lost card”"), "{text}");

    // The summary: one row per metric, the values right-aligned in one column.
    let summary: Vec<&str> = text
        .lines()
        .skip_while(|line| *line != "Summary")
        .skip(1)
        .take_while(|line| !line.is_empty())
        .collect();
    let value_of = |label: &str| -> (usize, String) {
        let line = summary
            .iter()
            .find(|line| line.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("{label} in {text}"));
        let start = line.find(label).unwrap() + label.len();
        let rest = &line[start..];
        let padding = rest.len() - rest.trim_start().len();
        let value = rest.split_whitespace().next().unwrap().to_owned();
        (start + padding + value.len(), value)
    };
    let rows = [
        ("handoffs", "4"),
        ("touchpoints", "10"),
        ("parties", "4"),
        ("blind share", "100%"),
        ("re-verifications", "2"),
        ("retellings", "2"),
        ("transfer chains", "2"),
        ("boundary crossings", "6"),
    ];
    let ends: Vec<usize> = rows
        .iter()
        .map(|(label, expected)| {
            let (end, value) = value_of(label);
            assert_eq!(value, *expected, "{label} in {text}");
            end
        })
        .collect();
    assert!(ends.windows(2).all(|w| w[0] == w[1]), "aligned: {text}");
    assert!(text.contains("1 flagged"), "{text}");
    assert!(
        text.contains("department 4, sourcing 0, automation 2"),
        "{text}"
    );

    // The worst handoff first, by title, with its breakdown summing to 92.
    let hotspots: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.starts_with("Handoff hotspots"))
        .skip(1)
        .collect();
    assert!(hotspots[0].trim_start().starts_with("92  "), "{text}");
    assert!(
        hotspots[0].contains(CARDS_BLOCKS) && hotspots[0].contains(FRAUD_VERIFIES),
        "{text}"
    );
    let points: u32 = hotspots[1]
        .split(", ")
        .map(|item| item.rsplit(' ').next().unwrap().parse::<u32>().unwrap())
        .sum();
    assert_eq!(points, 92, "{}", hotspots[1]);
    assert!(hotspots[1].contains("no context 20"), "{}", hotspots[1]);

    assert!(text.contains("CSAT  “Fraud team verifies identity a third time”"));
    // A suggestion names its source by the article's title, never by an internal seed number.
    let flag: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.trim_start().ends_with(". Flag the transfer chain"))
        .take(3)
        .collect();
    assert_eq!(flag.len(), 3, "{text}");
    assert_eq!(
        flag[2].trim(),
        "from “Are You Missing an Easy Customer Service Opportunity with the Handoff?”",
        "{text}"
    );
    assert!(!text.contains("seed"), "{text}");
    // Evidence is named, never shown as bare ids.
    let ws = sandbox.workspace("bank.baton");
    for id in ws.steps.keys().chain(ws.handoffs.keys()) {
        assert!(!text.contains(id.as_str()), "{id} in {text}");
    }
}

#[test]
fn every_journey_in_order_or_one_chosen_by_id_or_name() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "demo.baton"]).ok();
    let info = sandbox.run(&["info", "demo.baton", "--json"]).ok().json();
    let in_order: Vec<(String, String)> = info["journeys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| {
            (
                j["id"].as_str().unwrap().to_owned(),
                j["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(in_order.len(), 4);

    let all = sandbox
        .run(&["analyze", "demo.baton", "--json"])
        .ok()
        .json();
    let ws = sandbox.workspace("demo.baton");
    let reported: Vec<(String, String)> = all["journeys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| {
            let id = j["id"].as_str().unwrap().to_owned();
            assert_same_json(&j["analysis"], &core_analysis(&ws, &id));
            (id, j["name"].as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(reported, in_order);

    let text = sandbox.run(&["analyze", "demo.baton"]).ok().stdout.clone();
    let headings: Vec<usize> = in_order
        .iter()
        .map(|(_, name)| text.find(&format!("Journey “{name}”")).unwrap())
        .collect();
    assert!(headings.windows(2).all(|w| w[0] < w[1]), "in order: {text}");

    let (id, name) = &in_order[2];
    for wanted in [id.clone(), name.to_uppercase(), format!("  {name} ")] {
        let one = sandbox
            .run(&["analyze", "demo.baton", "--journey", &wanted, "--json"])
            .ok()
            .json();
        let journeys = one["journeys"].as_array().unwrap();
        assert_eq!(journeys.len(), 1, "{wanted}");
        assert_eq!(journeys[0]["id"], id.as_str());
        assert_eq!(journeys[0], all["journeys"][2]);
    }
    let text = sandbox
        .run(&["analyze", "demo.baton", "--journey", name])
        .ok()
        .stdout
        .clone();
    assert_eq!(text.matches("Journey “").count(), 1, "{text}");
}

#[test]
fn an_unknown_or_ambiguous_journey_is_exit_1_listing_the_candidates() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "demo.baton"]).ok();
    let ws = sandbox.workspace("demo.baton");
    let line = sandbox
        .run(&["analyze", "demo.baton", "--journey", "No such journey"])
        .error_line()
        .to_owned();
    assert!(
        line.contains("demo.baton") && line.contains("No such journey"),
        "{line}"
    );
    for journey in ws.journeys.values() {
        assert!(
            line.contains(&journey.name) && line.contains(&journey.id),
            "{line}"
        );
    }

    // A second copy of the bank template: two journeys called "Report a lost card".
    let twins: Vec<Id> = sandbox.with_document("demo.baton", |document| {
        let edit =
            baton_core::templates::template_edit("bank_lost_card", document.workspace()).unwrap();
        document.apply(edit).unwrap();
        document
            .workspace()
            .journeys
            .values()
            .filter(|j| j.name == "Report a lost card")
            .map(|j| j.id.clone())
            .collect()
    });
    assert_eq!(twins.len(), 2);
    let before = sandbox.read("demo.baton");
    let run = sandbox.run(&[
        "analyze",
        "demo.baton",
        "--journey",
        "report a lost card",
        "--json",
    ]);
    let line = run.error_line();
    assert_eq!(run.stdout, "");
    assert!(line.contains("2 journeys are called"), "{line}");
    for id in &twins {
        assert!(line.contains(id.as_str()), "{id} in {line}");
    }
    // Either twin can still be chosen by id.
    let one = sandbox
        .run(&["analyze", "demo.baton", "--journey", &twins[1], "--json"])
        .ok()
        .json();
    assert_eq!(one["journeys"][0]["id"], twins[1].as_str());
    assert_eq!(sandbox.read("demo.baton"), before);
}

#[test]
fn analysing_never_changes_the_file() {
    let sandbox = bank();
    let before = sandbox.read("bank.baton");
    sandbox.run(&["analyze", "bank.baton"]).ok();
    sandbox.run(&["analyze", "bank.baton", "--json"]).ok();
    sandbox
        .run(&["analyze", "bank.baton", "--journey", "nope"])
        .error_line();
    assert_eq!(sandbox.read("bank.baton"), before);
    let history = sandbox
        .run(&["history", "bank.baton", "--json"])
        .ok()
        .json();
    assert_eq!(history.as_array().unwrap().len(), 1, "no edit recorded");
}

#[test]
fn a_file_without_journeys_or_handoffs_says_so() {
    let sandbox = Sandbox::new();
    sandbox.run(&["new", "empty.baton"]).ok();
    let text = sandbox.run(&["analyze", "empty.baton"]).ok().stdout.clone();
    assert!(text.contains("no journeys"), "{text}");
    let json = sandbox
        .run(&["analyze", "empty.baton", "--json"])
        .ok()
        .json();
    assert_eq!(json["journeys"], serde_json::json!([]));
    let line = sandbox
        .run(&["analyze", "empty.baton", "--journey", "x"])
        .error_line()
        .to_owned();
    assert!(line.contains("no journeys"), "{line}");

    // Delete the bank journey's four handoffs: nothing has friction any more.
    let sandbox = bank();
    sandbox.with_document("bank.baton", |document| {
        let ids: Vec<Id> = document.workspace().handoffs.keys().cloned().collect();
        for id in ids {
            document
                .apply(baton_core::Edit::DisconnectHandoff { id })
                .unwrap();
        }
    });
    let text = sandbox.run(&["analyze", "bank.baton"]).ok().stdout.clone();
    assert!(text.contains("no handoff has friction"), "{text}");
    assert!(text.contains("blind share"), "{text}");
    let json = sandbox
        .run(&["analyze", "bank.baton", "--json"])
        .ok()
        .json();
    let summary = &json["journeys"][0]["analysis"]["summary"];
    assert_eq!(summary["handoffs"], 0);
    assert_eq!(summary["blind_share"], Value::Null);
    assert_eq!(summary["mean_friction"], Value::Null);
}

#[test]
fn a_missing_file_is_exit_1_and_bad_usage_exit_2() {
    let sandbox = Sandbox::new();
    let line = sandbox
        .run(&["analyze", "missing.baton"])
        .error_line()
        .to_owned();
    assert!(line.contains("missing.baton"), "{line}");
    sandbox.run(&["analyze"]).usage_error();
    sandbox
        .run(&["analyze", "a.baton", "--journey"])
        .usage_error();
    assert_eq!(std::fs::read_dir(sandbox.dir()).unwrap().count(), 0);
}
