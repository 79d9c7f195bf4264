//! `baton info`: what a file holds, as text and as JSON.

use baton_tests::Sandbox;

#[test]
fn info_json_reports_journeys_personas_metrics_plan_and_history() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&[
            "new",
            "bank.baton",
            "--template",
            "bank_lost_card",
            "--name",
            "Acme Bank",
        ])
        .ok();
    let info = sandbox.run(&["info", "bank.baton", "--json"]).ok().json();
    assert_eq!(info["file"], "bank.baton");
    assert_eq!(info["name"], "Acme Bank");
    assert_eq!(info["schema_version"], baton_store::SCHEMA_VERSION);
    assert_eq!(info["history"]["entries"], 1);
    assert_eq!(info["history"]["undone"], 0);

    let journey = &info["journeys"][0];
    assert_eq!(journey["name"], "Report a lost card");
    assert_eq!(journey["state"], "current");
    assert_eq!(journey["persona"], "Maya Chen");
    assert_eq!(journey["handoffs"], 4);
    assert!(journey["stages"].as_u64().unwrap() >= 5);

    assert_eq!(info["personas"][0]["name"], "Maya Chen");
    assert_eq!(info["metrics"][0]["name"], "CSAT");
    assert_eq!(info["metrics"][1]["scale_max"], 10.0);
    let phases = info["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 3);
    assert_eq!(phases[0]["name"], "Baseline mapping and immediate fixes");
    assert!(phases
        .iter()
        .all(|p| !p["initiatives"].as_array().unwrap().is_empty()));
}

#[test]
fn info_text_names_the_journeys_with_their_counts() {
    let sandbox = Sandbox::new();
    sandbox.run(&["demo", "demo.baton"]).ok();
    let info = sandbox.run(&["info", "demo.baton", "--json"]).ok().json();
    let text = sandbox.run(&["info", "demo.baton"]).ok().stdout.clone();
    assert!(text.contains("\"Baton demo\""), "{text}");
    assert!(text.contains("Journeys (4)"), "{text}");
    for journey in info["journeys"].as_array().unwrap() {
        let name = journey["name"].as_str().unwrap();
        assert!(text.contains(name), "{name} in {text}");
        let counts = format!(
            "{} steps, {} handoffs",
            journey["steps"], journey["handoffs"]
        );
        assert!(text.contains(&counts), "{counts} in {text}");
    }
    assert!(text.contains("Iteration and continuous engagement"));
}
