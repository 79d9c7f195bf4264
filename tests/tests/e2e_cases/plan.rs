//! End to end: the Plan view in the real app (issue 12). The bank template's initiatives by
//! phase; "Plan a fix" on a hotspot of a journey the test builds (a blind handoff, a retell, a
//! re-verification) and its undo; that journey's draft plan previewed and added, its
//! initiatives those the core drafts; an initiative moved to phase 3 with Shift+arrows; an
//! expected effect set in the inspector; a survey CSV dated after its start imported and its
//! measured progress changing; the plan filtered by journey and cleared with one key; every
//! step undone and redone; the file closed, checked on disk and reopened. Screenshots of the
//! board, the draft, the filter, the matrix, the timeline and the empty plan.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use baton_tests::Sandbox;
use serde_json::json;

use crate::e2e_support::webdriver::{Session, CONTROL};
use crate::e2e_support::{dialogs, screens_dir};
use crate::open_file;

const SHIFT: &str = "\u{E008}";
const ARROW_RIGHT: &str = "\u{E014}";
const CARD: &str = "[data-testid=\"initiative-card\"]";
const JOURNEY: &str = "Report a lost card";
/// A touchpoint the template gives no score: its readings come from this test alone.
const TARGET: &str = "Report a lost card / Call / Maya / Calls the lost-card line";
const TARGET_CARD: &str = "Calls the lost-card line";
/// The journey the test builds beside the template's.
const BUILT: &str = "Card replaced by post";

/// A day as `date` prints it (`spec` as `date -d` reads it, e.g. "45 days ago").
fn day(spec: &str) -> String {
    let out = Command::new("date")
        .args(["-d", spec, "+%F"])
        .output()
        .expect("date runs");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// `n` CSAT answers of `value` on the target card, dated `date`, each from its own respondent
/// (the same answer twice would be a duplicate).
fn survey(n: usize, value: u8, date: &str) -> String {
    let mut csv = String::from("target,metric,value,date,comment\n");
    for k in 0..n {
        csv.push_str(&format!("{TARGET},CSAT,{value},{date},e2e answer {k}\n"));
    }
    csv
}

/// What the file on disk holds: per phase (by position) its initiatives' ids by position, the
/// target card's id and the CSAT metric's id.
struct OnDisk {
    phases: Vec<Vec<String>>,
    step: String,
    csat: String,
}

fn on_disk(file: &Path) -> (OnDisk, baton_core::Workspace) {
    let doc = baton_store::Document::open(file).unwrap();
    let phases = doc
        .plan()
        .into_iter()
        .map(|p| p.initiatives.into_iter().map(|i| i.id).collect())
        .collect();
    let ws = doc.workspace().clone();
    doc.close().unwrap();
    let step = ws
        .steps
        .values()
        .find(|s| s.title == TARGET_CARD)
        .map(|s| s.id.clone())
        .unwrap();
    let csat = ws
        .metrics
        .values()
        .find(|m| m.kind == baton_core::MetricKind::Csat)
        .map(|m| m.id.clone())
        .unwrap();
    (OnDisk { phases, step, csat }, ws)
}

/// Adds to `file` a journey of its own: a customer who asks, an agent who takes the call and
/// hands it blind to the cards team, where the customer tells the story again and is verified
/// again, then a second blind transfer to fraud (a chain of two). Returns its id.
fn build_journey(sandbox: &Sandbox, file: &str) -> String {
    use baton_core::*;
    sandbox.with_document(file, |doc| {
        let journey = Journey {
            id: new_id(),
            name: BUILT.into(),
            description: String::new(),
            persona_id: None,
            state: JourneyState::Current,
            origin_id: None,
            position: u32::try_from(doc.workspace().journeys.len()).unwrap(),
        };
        let j = journey.id.clone();
        let stage = |name: &str, position| Stage {
            id: new_id(),
            journey_id: j.clone(),
            name: name.into(),
            description: String::new(),
            position,
            origin_id: None,
        };
        let (call, follow) = (stage("Call", 0), stage("Follow-up", 1));
        let lane = |name: &str, kind, department: Option<&str>, position| Lane {
            id: new_id(),
            journey_id: j.clone(),
            name: name.into(),
            kind,
            position,
            department: department.map(str::to_owned),
            sourcing: None,
            work: None,
            visibility: None,
            origin_id: None,
        };
        let customer = lane("Customer", LaneKind::Customer, None, 0);
        let agent = lane("Agent", LaneKind::Actor, Some("Contact centre"), 1);
        let cards = lane("Cards team", LaneKind::Actor, Some("Cards"), 2);
        let fraud = lane("Fraud team", LaneKind::Actor, Some("Fraud"), 3);
        let step = |title: &str, stage: &Stage, lane: &Lane, verification| Step {
            id: new_id(),
            journey_id: j.clone(),
            stage_id: stage.id.clone(),
            lane_id: lane.id.clone(),
            position: 0,
            title: title.into(),
            notes: String::new(),
            touchpoint: Some(Channel::Phone),
            verification,
            resolution: false,
            emotion: None,
            origin_id: None,
        };
        let asks = step("Asks for a new card", &call, &customer, false);
        let takes = step("Takes the call", &call, &agent, true);
        let orders = step("Orders the card", &follow, &cards, true);
        let checks = step("Checks the account", &follow, &fraud, false);
        let blind = |from: &Step, to: &Step, retell| Handoff {
            id: new_id(),
            journey_id: j.clone(),
            from_step_id: from.id.clone(),
            to_step_id: to.id.clone(),
            mode: HandoffMode::Blind,
            context: ContextTransfer::None,
            customer_repeats: retell,
            reverify: retell,
            wait_minutes: 5,
            sensitive: false,
            secure_channel: false,
            checklist: Vec::new(),
            note: String::new(),
            origin_id: None,
        };
        let first = blind(&takes, &orders, true);
        let second = blind(&orders, &checks, false);
        let mut edits = vec![Edit::CreateJourney { journey }];
        edits.extend([call, follow].map(|stage| Edit::CreateStage { stage }));
        edits.extend([customer, agent, cards, fraud].map(|lane| Edit::CreateLane { lane }));
        edits.extend([asks, takes, orders, checks].map(|step| Edit::CreateStep { step }));
        edits.extend([first, second].map(|handoff| Edit::ConnectHandoff { handoff }));
        doc.apply(Edit::Batch {
            label: "Test journey".into(),
            edits,
        })
        .unwrap();
        j
    })
}

/// The titles of the initiatives the core drafts for `journey` in `file`, sorted.
fn core_draft(sandbox: &Sandbox, file: &str, journey: &str) -> Vec<String> {
    let ws = sandbox.workspace(file);
    let Some(baton_core::Edit::Batch { edits, .. }) =
        baton_core::plan::draft_plan(&ws, journey).unwrap()
    else {
        panic!("the built journey has something to draft");
    };
    let mut titles: Vec<String> = edits
        .iter()
        .map(|e| match e {
            baton_core::Edit::CreateInitiative { initiative } => initiative.title.clone(),
            other => panic!("only initiatives: {other:?}"),
        })
        .collect();
    titles.sort();
    titles
}

/// The titles of the cards `ids` on the board, sorted.
fn titles_of(s: &Session, ids: &[String]) -> Vec<String> {
    let mut titles: Vec<String> = ids
        .iter()
        .map(|id| s.text(&s.find(&format!("{CARD}[data-id=\"{id}\"] .title"))))
        .collect();
    titles.sort();
    titles
}

fn css(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

/// The ids of the cards in each phase column, left to right.
fn board(s: &Session) -> Vec<Vec<String>> {
    let value = s.exec(
        "return [...document.querySelectorAll('[data-testid=\"phase-column\"]')].map(c =>
           [...c.querySelectorAll('[data-testid=\"initiative-card\"]')].map(x => x.dataset.id));",
        json!([]),
    );
    serde_json::from_value(value).unwrap_or_default()
}

fn wait_board(s: &Session, what: &str, check: impl Fn(&[Vec<String>]) -> bool) {
    s.wait_until(what, Duration::from_secs(15), |s| check(&board(s)));
}

fn card_attr(s: &Session, id: &str, attr: &str) -> String {
    s.try_find(&format!("{CARD}[data-id=\"{id}\"]"))
        .and_then(|c| s.attr(&c, attr))
        .unwrap_or_default()
}

fn wait_progress(s: &Session, id: &str, state: &str) {
    s.wait_until(
        &format!("the progress of {id} to be {state}"),
        Duration::from_secs(15),
        |s| card_attr(s, id, "data-progress") == state,
    );
}

/// Sets a field of the inspector as a user picks or types a value, then leaves it (one edit).
fn set_field(s: &Session, testid: &str, value: &str) {
    s.exec(
        "const el = document.querySelector(`[data-testid=\"${arguments[0]}\"]`);
         el.value = arguments[1];
         el.dispatchEvent(new Event('change', { bubbles: true }));",
        json!([testid, value]),
    );
    // Each change is its own edit; the next waits for the answer of this one.
    std::thread::sleep(Duration::from_millis(400));
}

fn undo(s: &Session) {
    s.chord(CONTROL, "z");
    std::thread::sleep(Duration::from_millis(400));
}

/// Redo with the top bar's button (Ctrl+Z is tested above; the button is the other way in).
fn redo(s: &Session) {
    s.click_testid("btn-redo");
    std::thread::sleep(Duration::from_millis(500));
}

/// Clicks the card of initiative `id`, scrolled into view first (the board scrolls sideways).
fn click_card(s: &Session, id: &str) {
    let card = s.find(&format!("{CARD}[data-id=\"{id}\"]"));
    s.exec(
        "arguments[0].scrollIntoView({ block: 'center', inline: 'center' });",
        json!([Session::arg(&card)]),
    );
    s.click(&card);
}

fn shift_right(s: &Session) {
    s.chord(SHIFT, ARROW_RIGHT);
}

#[test]
fn the_plan_view_drafts_moves_measures_undoes_and_survives_reopening() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["new", "Bank.baton", "--template", "bank_lost_card"])
        .ok();
    // A baseline for the target card, a month and a half before the initiative starts.
    sandbox.write("baseline.csv", survey(5, 2, &day("45 days ago")).as_bytes());
    sandbox
        .run(&["import-responses", "Bank.baton", "baseline.csv"])
        .ok();
    let after_start = sandbox.write(
        "after the start.csv",
        survey(20, 5, &day("today")).as_bytes(),
    );
    sandbox.run(&["new", "Empty.baton"]).ok();
    let built = build_journey(&sandbox, "Bank.baton");
    let drafts = core_draft(&sandbox, "Bank.baton", &built);
    let file = sandbox.path("Bank.baton");
    let (before, _) = on_disk(&file);
    let template_count: usize = before.phases.iter().map(Vec::len).sum();
    assert!(template_count > 0 && before.phases.len() >= 3);

    let s = crate::e2e_support::launch();
    open_file(&s, &file);
    s.wait_until("the journey", Duration::from_secs(15), |s| {
        s.try_text(&css("journey-name")).as_deref() == Some(JOURNEY)
    });

    // "Plan a fix" on the built journey's worst handoff, from the insights panel: one edit,
    // an initiative linked to it; the hotspot then says it is in the plan. Undo takes it away.
    s.click(&s.find(&format!(
        "[data-testid=\"journey-item\"][data-id=\"{built}\"]"
    )));
    s.wait_until("the built journey", Duration::from_secs(15), |s| {
        s.try_text(&css("journey-name")).as_deref() == Some(BUILT)
    });
    s.click_testid("btn-insights");
    let fix =
        "[data-testid=\"hotspot\"][data-kind=\"handoff\"] + [data-testid=\"btn-hotspot-plan-fix\"]";
    s.wait_until("the handoff hotspots", Duration::from_secs(30), |s| {
        s.count(fix) == 2
    });
    s.click(&s.find(fix));
    s.wait_until("the hotspot in the plan", Duration::from_secs(15), |s| {
        s.count(
            "[data-testid=\"hotspot\"][data-kind=\"handoff\"] + [data-testid=\"hotspot-in-plan\"]",
        ) == 1
    });
    s.screenshot(&screens_dir().join("plan-fix-hotspot.png"));
    // Back to the template's journey: the inspector's effect chooses among its cards below.
    s.click(&s.find(&format!(
        "[data-testid=\"journey-item\"][title=\"{JOURNEY}\"]"
    )));
    s.wait_until("the template's journey", Duration::from_secs(15), |s| {
        s.try_text(&css("journey-name")).as_deref() == Some(JOURNEY)
    });
    s.click_testid("btn-show-plan");
    wait_board(&s, "the fix in phase 1", |b| {
        b.iter().map(Vec::len).sum::<usize>() == template_count + 1
    });
    let fixed = board(&s)[0]
        .iter()
        .find(|id| !before.phases[0].contains(id))
        .cloned()
        .expect("the fix is at the end of phase 1");
    assert!(titles_of(&s, std::slice::from_ref(&fixed))[0]
        .starts_with("Fix the handoff Takes the call"));
    undo(&s);
    wait_board(&s, "the template's plan", |b| b == before.phases.as_slice());
    assert!(s.try_find(&css("plan-empty")).is_none());
    s.screenshot(&screens_dir().join("plan-board.png"));

    // Draft plan for the built journey: previewed, then added as one edit; the new cards are
    // the initiatives the core drafts for it.
    s.click(&s.find(&format!(
        "[data-testid=\"coverage-journey\"][data-id=\"{built}\"] [data-testid=\"btn-draft-plan\"]"
    )));
    s.testid("draft-dialog");
    let drafted = s.count(&css("draft-item"));
    assert_eq!(drafted, drafts.len());
    s.screenshot(&screens_dir().join("plan-draft.png"));
    s.click_testid("btn-draft-add");
    wait_board(&s, "the drafted initiatives", |b| {
        b.iter().map(Vec::len).sum::<usize>() == template_count + drafted
    });
    let drafted_board = board(&s);
    let new_ids: Vec<String> = drafted_board
        .iter()
        .flatten()
        .filter(|id| !before.phases.iter().flatten().any(|b| b == *id))
        .cloned()
        .collect();
    assert_eq!(titles_of(&s, &new_ids), drafts);

    // An initiative of phase 1 with no expected effect yet (its progress is not measurable).
    let moved = drafted_board[0]
        .iter()
        .find(|id| card_attr(&s, id, "data-progress") == "not_measurable")
        .cloned()
        .expect("phase 1 holds an initiative with no expected effect");
    // Moved to phase 3 with Shift+Right, twice.
    click_card(&s, &moved);
    s.find(&format!("{CARD}.selected[data-id=\"{moved}\"]"));
    shift_right(&s);
    wait_board(&s, "the card in phase 2", |b| b[1].contains(&moved));
    shift_right(&s);
    wait_board(&s, "the card in phase 3", |b| b[2].contains(&moved));

    // Its expected effect: CSAT on the target card reaching 90, started this month.
    s.click_testid("btn-add-effect");
    let metric = s.testid("effect-metric");
    assert_eq!(
        s.property(&metric, "value"),
        json!(&before.csat),
        "CSAT comes first"
    );
    set_field(&s, "effect-subject", &format!("step:{}", before.step));
    set_field(&s, "effect-value", "90");
    s.click_testid("btn-set-effect");
    wait_progress(&s, &moved, "not_started");
    let month_start = format!("{}-01", &day("today")[..7]);
    set_field(&s, "initiative-started", &month_start);
    wait_progress(&s, &moved, "awaiting_data");
    let words_before = s.text(&s.find(&format!(
        "{CARD}[data-id=\"{moved}\"] [data-testid=\"initiative-progress\"]"
    )));

    // The survey dated after the start: the card's progress is measured, and met.
    s.click_testid("btn-import-responses");
    dialogs::answer_open("Import survey responses", &after_start);
    s.click(&s.testid("btn-import-commit"));
    s.testid("import-result");
    s.click_testid("btn-import-close");
    wait_progress(&s, &moved, "achieved");
    let words_after = s.text(&s.find(&format!(
        "{CARD}[data-id=\"{moved}\"] [data-testid=\"initiative-progress\"]"
    )));
    assert_ne!(words_before, words_after);
    assert!(words_after.contains("->"), "{words_after}");
    s.screenshot(&screens_dir().join("plan-board-progress.png"));

    // Filtered to the built journey: the board, the matrix and the timeline show only its
    // initiatives (the drafted ones), and say how many the filter hides; X clears it.
    set_field(&s, "plan-filter-journey", &built);
    let mut shown_ids = new_ids.clone();
    shown_ids.sort();
    wait_board(&s, "the built journey's initiatives alone", |b| {
        let mut ids: Vec<String> = b.iter().flatten().cloned().collect();
        ids.sort();
        ids == shown_ids
    });
    assert_eq!(
        s.text(&s.testid("plan-hidden")),
        format!("{template_count} hidden by the filter")
    );
    s.screenshot(&screens_dir().join("plan-filtered.png"));
    // The map's zoom is not offered over the plan.
    assert!(s.try_find("[data-testid=\"btn-zoom-in\"]").is_none());
    // On a small screen the filter bar stays one line: its drop-downs narrow instead.
    s.set_window_size(1280, 720);
    let middle = |testid: &str| {
        let (_, y, _, h) = s.rect(&s.testid(testid));
        y + h / 2.0
    };
    let (first, clear) = (middle("plan-filter-journey"), middle("plan-filter-clear"));
    assert!(
        (clear - first).abs() < 8.0,
        "Clear is not on the filter's line (middles at {clear} and {first})"
    );
    let right = |testid: &str| {
        let (x, _, w, _) = s.rect(&s.testid(testid));
        x + w
    };
    assert!(
        right("plan-filter-clear") <= right("plan-filter") + 0.5,
        "Clear is cut off at the filter bar's right edge"
    );
    s.screenshot(&screens_dir().join("plan-filtered-1280.png"));
    s.set_window_size(1440, 900);
    s.click_testid("plan-tab-matrix");
    s.wait_count(&css("matrix-dot"), drafted);
    s.click_testid("plan-tab-timeline");
    let undated = s.text(&s.find("[data-testid=\"timeline-undated\"] h3"));
    assert!(undated.ends_with(&format!("({drafted})")), "{undated}");
    s.click_testid("plan-tab-board");
    s.keys("x");
    wait_board(&s, "the whole plan again", |b| {
        b.iter().map(Vec::len).sum::<usize>() == template_count + drafted
    });
    assert!(s.try_find(&css("plan-hidden")).is_none());

    // Matrix and timeline of the same plan.
    s.click_testid("plan-tab-matrix");
    s.wait_count(&css("matrix-dot"), template_count + drafted);
    s.screenshot(&screens_dir().join("plan-matrix.png"));
    s.click_testid("plan-tab-timeline");
    s.testid("timeline-today");
    s.screenshot(&screens_dir().join("plan-timeline.png"));
    s.click_testid("plan-tab-board");
    s.find(&format!("{CARD}[data-id=\"{moved}\"]"));

    // Undo each step: the import, the start date, the effect, the two moves, the draft.
    click_card(&s, &moved);
    undo(&s);
    wait_progress(&s, &moved, "awaiting_data");
    undo(&s);
    wait_progress(&s, &moved, "not_started");
    undo(&s);
    wait_progress(&s, &moved, "not_measurable");
    undo(&s);
    wait_board(&s, "the card back in phase 2", |b| b[1].contains(&moved));
    undo(&s);
    wait_board(&s, "the card back in phase 1", |b| {
        b == drafted_board.as_slice()
    });
    undo(&s);
    wait_board(&s, "the plan before the draft", |b| {
        b == before.phases.as_slice()
    });

    // Redo them all, then close: the file holds the end state; reopened, the view shows it.
    for _ in 0..6 {
        redo(&s);
    }
    wait_progress(&s, &moved, "achieved");
    let end_board = board(&s);
    assert!(end_board[2].contains(&moved));
    s.click_testid("btn-close-file");
    s.testid("start-screen");
    let (after, ws) = on_disk(&file);
    assert_eq!(after.phases, end_board);
    let effect = ws.initiatives[&moved].expected_effect.clone().unwrap();
    assert_eq!(
        (effect.metric_id, effect.value),
        (before.csat.clone(), 90.0)
    );
    open_file(&s, &file);
    s.click_testid("btn-show-plan");
    wait_board(&s, "the plan after reopening", |b| {
        b == end_board.as_slice()
    });
    wait_progress(&s, &moved, "achieved");
    // The same views on a small screen, 1280x720.
    s.set_window_size(1280, 720);
    s.screenshot(&screens_dir().join("plan-board-1280.png"));
    s.click_testid("plan-tab-matrix");
    s.testid("plan-matrix");
    s.screenshot(&screens_dir().join("plan-matrix-1280.png"));
    s.click_testid("plan-tab-timeline");
    s.testid("timeline-today");
    s.screenshot(&screens_dir().join("plan-timeline-1280.png"));
    s.click_testid("plan-tab-board");
    s.click_testid("btn-close-file");
    s.testid("start-screen");

    // A file with no initiative: the plan says what it is for.
    open_file(&s, &sandbox.path("Empty.baton"));
    s.click_testid("btn-show-plan");
    s.testid("plan-empty");
    s.screenshot(&screens_dir().join("plan-empty-1280.png"));
    s.set_window_size(1440, 900);
    s.screenshot(&screens_dir().join("plan-empty.png"));
}
