//! `journey_scores` on small journeys whose expected values are worked out by hand below.

use super::*;
use crate::model::{ContextTransfer, Handoff, HandoffMode, Journey, JourneyState, Step, Target};
use crate::scores::ScoreOrigin;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn metric(
    id: &str,
    kind: MetricKind,
    scale: (f64, f64),
    direction: Direction,
    position: u32,
) -> Metric {
    Metric {
        id: id.into(),
        name: id.to_uppercase(),
        kind,
        scale_min: scale.0,
        scale_max: scale.1,
        direction,
        position,
    }
}

/// CSAT, NPS and CES as every file has them, plus a lower-is-better custom one.
fn metrics() -> BTreeMap<Id, Metric> {
    [
        metric(
            "csat",
            MetricKind::Csat,
            (1.0, 5.0),
            Direction::HigherIsBetter,
            0,
        ),
        metric(
            "nps",
            MetricKind::Nps,
            (0.0, 10.0),
            Direction::HigherIsBetter,
            1,
        ),
        metric(
            "ces",
            MetricKind::Ces,
            (1.0, 7.0),
            Direction::HigherIsBetter,
            2,
        ),
        metric(
            "wait",
            MetricKind::Custom,
            (0.0, 10.0),
            Direction::LowerIsBetter,
            3,
        ),
    ]
    .into_iter()
    .map(|m| (m.id.clone(), m))
    .collect()
}

fn step(id: &str) -> Step {
    Step {
        id: id.into(),
        journey_id: "j".into(),
        stage_id: "s".into(),
        lane_id: format!("lane-{id}"),
        position: 0,
        title: id.into(),
        notes: String::new(),
        touchpoint: None,
        verification: false,
        resolution: false,
        emotion: None,
        origin_id: None,
    }
}

fn on_step(id: &str) -> Subject {
    Subject {
        kind: SubjectKind::Step,
        id: id.into(),
    }
}

fn on_handoff(id: &str) -> Subject {
    Subject {
        kind: SubjectKind::Handoff,
        id: id.into(),
    }
}

/// An empty model of journey "j" with the given steps (already in journey order).
fn model(steps: &[&str]) -> JourneyModel {
    JourneyModel {
        journey: Journey {
            id: "j".into(),
            name: "Lost card".into(),
            description: String::new(),
            persona_id: None,
            state: JourneyState::Current,
            origin_id: None,
            position: 0,
        },
        stages: Vec::new(),
        lanes: Vec::new(),
        steps: steps.iter().map(|s| step(s)).collect(),
        handoffs: Vec::new(),
        targets: Vec::new(),
        responses: Vec::new(),
        scores: Vec::new(),
    }
}

fn handoff(id: &str, from: &str, to: &str) -> Handoff {
    Handoff {
        id: id.into(),
        journey_id: "j".into(),
        from_step_id: from.into(),
        to_step_id: to.into(),
        mode: HandoffMode::Blind,
        context: ContextTransfer::None,
        customer_repeats: false,
        reverify: false,
        wait_minutes: 0,
        sensitive: false,
        secure_channel: false,
        checklist: Vec::new(),
        note: String::new(),
        origin_id: None,
    }
}

/// Appends one response per value; ids r000, r001... in the order given.
fn respond(m: &mut JourneyModel, subject: Subject, metric: &str, values: &[f64], on: NaiveDate) {
    for v in values {
        let id = format!("r{:03}", m.responses.len());
        m.responses.push(SurveyResponse {
            id,
            subject: subject.clone(),
            metric_id: metric.into(),
            value: *v,
            date: on,
            respondent: None,
            comment: None,
        });
    }
}

fn comment(
    m: &mut JourneyModel,
    subject: Subject,
    value: f64,
    on: NaiveDate,
    who: Option<&str>,
    text: Option<&str>,
) {
    let id = format!("r{:03}", m.responses.len());
    m.responses.push(SurveyResponse {
        id,
        subject,
        metric_id: "csat".into(),
        value,
        date: on,
        respondent: who.map(str::to_owned),
        comment: text.map(str::to_owned),
    });
}

fn target(m: &mut JourneyModel, subject: Subject, metric: &str, value: f64) {
    let id = format!("t{}", m.targets.len());
    m.targets.push(Target {
        id,
        subject,
        metric_id: metric.into(),
        value,
    });
}

/// The bank call: the customer reports (A), an agent answers (B), C has nothing measured; one
/// handoff A -> B.
fn bank_call() -> JourneyModel {
    let mut m = model(&["A", "B", "C"]);
    m.handoffs.push(handoff("h1", "A", "B"));
    // A, CSAT: October 5, 4, 2, 1 -> 2 of 4 are 4 or 5 = 50 %; November 5, 4, 4, 3 -> 3 of 4 = 75 %.
    respond(
        &mut m,
        on_step("A"),
        "csat",
        &[5.0, 4.0, 2.0, 1.0],
        date(2026, 10, 12),
    );
    respond(
        &mut m,
        on_step("A"),
        "csat",
        &[5.0, 4.0, 4.0, 3.0],
        date(2026, 11, 3),
    );
    // Target 80: gap 75 - 80 = -5, which is 5 % of CSAT's 0..100 range: near.
    target(&mut m, on_step("A"), "csat", 80.0);
    // A, NPS: a target and nothing measured.
    target(&mut m, on_step("A"), "nps", 20.0);
    // B, CES: 7, 6, 2 -> mean 5; target 4: gap +1, meets.
    respond(
        &mut m,
        on_step("B"),
        "ces",
        &[7.0, 6.0, 2.0],
        date(2026, 11, 20),
    );
    target(&mut m, on_step("B"), "ces", 4.0);
    // B, CSAT: only an entered score of 60 for November; target 80: gap -20 = -20 %: misses.
    m.scores.push(Score {
        id: "s1".into(),
        subject: on_step("B"),
        metric_id: "csat".into(),
        value: 60.0,
        sample_size: 40,
        period_start: date(2026, 11, 1),
        period_end: date(2026, 11, 30),
        source: "Vendor survey".into(),
    });
    target(&mut m, on_step("B"), "csat", 80.0);
    // h1, CSAT: 4 and 4 -> 100 %, no target.
    respond(
        &mut m,
        on_handoff("h1"),
        "csat",
        &[4.0, 4.0],
        date(2026, 11, 5),
    );
    // C: a response on a metric the file does not know is left out.
    respond(&mut m, on_step("C"), "gone", &[3.0], date(2026, 11, 5));
    m
}

fn find<'a>(scores: &'a JourneyScores, subject: &Subject, metric: &str) -> &'a MetricScores {
    scores
        .subjects
        .iter()
        .find(|s| &s.subject == subject)
        .and_then(|s| s.metrics.iter().find(|m| m.metric_id == metric))
        .unwrap()
}

#[test]
fn subjects_come_in_journey_order_then_handoffs_and_metrics_by_position() {
    let scores = journey_scores(&bank_call(), &metrics(), Granularity::Month);
    assert_eq!(scores.journey_id, "j");
    let order: Vec<(&Subject, Vec<&str>)> = scores
        .subjects
        .iter()
        .map(|s| {
            (
                &s.subject,
                s.metrics.iter().map(|m| m.metric_id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        order,
        vec![
            (&on_step("A"), vec!["csat", "nps"]),
            (&on_step("B"), vec!["csat", "ces"]),
            (&on_handoff("h1"), vec!["csat"]),
        ]
    );
}

#[test]
fn latest_target_gap_status_and_series_of_each_metric() {
    let scores = journey_scores(&bank_call(), &metrics(), Granularity::Month);

    let a = find(&scores, &on_step("A"), "csat");
    let series: Vec<(&str, f64, u32)> = a
        .series
        .iter()
        .map(|p| (p.period.label.as_str(), p.value, p.sample_size))
        .collect();
    assert_eq!(series, vec![("2026-10", 50.0, 4), ("2026-11", 75.0, 4)]);
    assert_eq!(a.latest.as_ref().map(|p| p.value), Some(75.0));
    assert_eq!((a.target, a.gap), (Some(80.0), Some(-5.0)));
    assert_eq!(a.normalised_gap, Some(-0.05));
    assert_eq!(a.status, ScoreStatus::Near);
    assert_eq!((a.score_min, a.score_max), (0.0, 100.0));
    assert_eq!(a.metric_name, "CSAT");

    let nps = find(&scores, &on_step("A"), "nps");
    assert_eq!(
        (nps.latest.is_none(), nps.target, nps.gap),
        (true, Some(20.0), None)
    );
    assert_eq!(nps.status, ScoreStatus::NoScore);
    assert_eq!((nps.score_min, nps.score_max), (-100.0, 100.0));

    let ces = find(&scores, &on_step("B"), "ces");
    assert_eq!(ces.latest.as_ref().map(|p| p.value), Some(5.0));
    assert_eq!((ces.gap, ces.status), (Some(1.0), ScoreStatus::Meets));

    let entered = find(&scores, &on_step("B"), "csat");
    let latest = entered.latest.as_ref().unwrap();
    assert_eq!((latest.value, latest.sample_size), (60.0, 40));
    assert_eq!(
        latest.origin,
        ScoreOrigin::Entered {
            score_id: "s1".into(),
            source: "Vendor survey".into()
        }
    );
    assert_eq!(
        (entered.gap, entered.normalised_gap),
        (Some(-20.0), Some(-0.2))
    );
    assert_eq!(entered.status, ScoreStatus::Misses);

    let across = find(&scores, &on_handoff("h1"), "csat");
    assert_eq!(across.latest.as_ref().map(|p| p.value), Some(100.0));
    assert_eq!(
        (across.target, across.status),
        (None, ScoreStatus::NoTarget)
    );
}

#[test]
fn the_series_follows_the_granularity() {
    let scores = journey_scores(&bank_call(), &metrics(), Granularity::Quarter);
    let a = find(&scores, &on_step("A"), "csat");
    // Both months fall in Q4: 5, 4, 2, 1, 5, 4, 4, 3 -> 5 of 8 are 4 or 5 = 62.5 %.
    let series: Vec<(&str, f64, u32)> = a
        .series
        .iter()
        .map(|p| (p.period.label.as_str(), p.value, p.sample_size))
        .collect();
    assert_eq!(series, vec![("2026-Q4", 62.5, 8)]);
    // 62.5 - 80 = -17.5: misses at this granularity.
    assert_eq!(a.status, ScoreStatus::Misses);
    assert_eq!(scores.granularity, Granularity::Quarter);
}

#[test]
fn near_is_at_most_five_percent_of_the_range_below_target() {
    assert_eq!(status_of(true, Some(80.0), Some(0.0)), ScoreStatus::Meets);
    assert_eq!(status_of(true, Some(80.0), Some(0.3)), ScoreStatus::Meets);
    assert_eq!(status_of(true, Some(80.0), Some(-0.05)), ScoreStatus::Near);
    assert_eq!(
        status_of(true, Some(80.0), Some(-0.0501)),
        ScoreStatus::Misses
    );
    assert_eq!(status_of(true, None, None), ScoreStatus::NoTarget);
    assert_eq!(status_of(false, Some(80.0), None), ScoreStatus::NoScore);
    assert_eq!(status_of(false, None, None), ScoreStatus::NoScore);
}

#[test]
fn near_respects_each_metric_range_and_direction() {
    let mut m = model(&["A", "B"]);
    // NPS target 30; 10 answers: 9, 9, 9, 9 promoters (40 %), 0, 0 detractors (20 %) -> 20.
    // 20 - 30 = -10 of a 200-point range = -5 %: near.
    respond(
        &mut m,
        on_step("A"),
        "nps",
        &[9.0, 9.0, 9.0, 9.0, 0.0, 0.0, 7.0, 7.0, 8.0, 8.0],
        date(2026, 1, 5),
    );
    target(&mut m, on_step("A"), "nps", 30.0);
    // Wait (lower is better, 0..10) target 3; mean of 3 and 4 = 3.5: gap 3 - 3.5 = -0.5 = -5 %: near.
    respond(&mut m, on_step("B"), "wait", &[3.0, 4.0], date(2026, 1, 5));
    target(&mut m, on_step("B"), "wait", 3.0);
    let scores = journey_scores(&m, &metrics(), Granularity::Month);
    let nps = find(&scores, &on_step("A"), "nps");
    assert_eq!(
        (nps.latest.as_ref().map(|p| p.value), nps.gap),
        (Some(20.0), Some(-10.0))
    );
    assert_eq!(nps.status, ScoreStatus::Near);
    let wait = find(&scores, &on_step("B"), "wait");
    assert_eq!((wait.gap, wait.status), (Some(-0.5), ScoreStatus::Near));

    // One more slow answer: mean of 3, 4, 5 = 4, gap -1 = -10 %: misses.
    respond(&mut m, on_step("B"), "wait", &[5.0], date(2026, 1, 6));
    let scores = journey_scores(&m, &metrics(), Granularity::Month);
    let wait = find(&scores, &on_step("B"), "wait");
    assert_eq!((wait.gap, wait.status), (Some(-1.0), ScoreStatus::Misses));
}

#[test]
fn verbatims_are_trimmed_comments_newest_first() {
    let mut m = model(&["A"]);
    comment(
        &mut m,
        on_step("A"),
        2.0,
        date(2026, 10, 3),
        Some("cust-17"),
        Some("  Waited 40 minutes, then had to repeat everything.  "),
    );
    comment(
        &mut m,
        on_step("A"),
        5.0,
        date(2026, 11, 2),
        None,
        Some("Quick and kind"),
    );
    comment(
        &mut m,
        on_step("A"),
        4.0,
        date(2026, 11, 2),
        Some("cust-3"),
        Some("Fine"),
    );
    comment(
        &mut m,
        on_step("A"),
        3.0,
        date(2026, 11, 9),
        None,
        Some("   "),
    );
    comment(&mut m, on_step("A"), 1.0, date(2026, 11, 9), None, None);
    let scores = journey_scores(&m, &metrics(), Granularity::Month);
    let a = find(&scores, &on_step("A"), "csat");
    let seen: Vec<(&str, NaiveDate, Option<&str>, f64, &str)> = a
        .verbatims
        .iter()
        .map(|v| {
            (
                v.response_id.as_str(),
                v.date,
                v.respondent.as_deref(),
                v.value,
                v.comment.as_str(),
            )
        })
        .collect();
    // Same day (2 November): the later response (r002) first. Blank and missing comments are no verbatims.
    assert_eq!(
        seen,
        vec![
            ("r002", date(2026, 11, 2), Some("cust-3"), 4.0, "Fine"),
            ("r001", date(2026, 11, 2), None, 5.0, "Quick and kind"),
            (
                "r000",
                date(2026, 10, 3),
                Some("cust-17"),
                2.0,
                "Waited 40 minutes, then had to repeat everything."
            ),
        ]
    );
    assert_eq!(a.verbatim_count, 3);
    // Every response counts in the score, commented or not. October: 2 -> 0 %;
    // November: 5, 4, 3, 1 -> 2 of 4 are 4 or 5 = 50 %.
    let values: Vec<f64> = a.series.iter().map(|p| p.value).collect();
    assert_eq!(values, vec![0.0, 50.0]);
}

#[test]
fn at_most_fifty_verbatims_are_kept_and_all_are_counted() {
    let mut m = model(&["A"]);
    for day in 1..=30 {
        comment(
            &mut m,
            on_step("A"),
            3.0,
            date(2026, 9, day),
            None,
            Some("September"),
        );
        comment(
            &mut m,
            on_step("A"),
            4.0,
            date(2026, 10, day),
            None,
            Some("October"),
        );
    }
    let scores = journey_scores(&m, &metrics(), Granularity::Month);
    let a = find(&scores, &on_step("A"), "csat");
    assert_eq!(a.verbatim_count, 60);
    assert_eq!(a.verbatims.len(), MAX_VERBATIMS);
    // The 30 October ones, then the 20 latest of September (30 down to 11).
    assert_eq!(a.verbatims[0].date, date(2026, 10, 30));
    assert_eq!(a.verbatims[29].date, date(2026, 10, 1));
    assert_eq!(a.verbatims[30].date, date(2026, 9, 30));
    assert_eq!(a.verbatims[49].date, date(2026, 9, 11));
}

#[test]
fn a_journey_without_readings_has_no_subjects() {
    let mut m = model(&["A", "B"]);
    m.handoffs.push(handoff("h1", "A", "B"));
    let scores = journey_scores(&m, &metrics(), Granularity::Month);
    assert!(scores.subjects.is_empty());
}

#[test]
fn scores_of_a_journey_in_a_workspace() {
    let mut ws = Workspace::new_file("Client");
    let journey = Journey {
        id: crate::model::new_id(),
        name: "Lost card".into(),
        description: String::new(),
        persona_id: None,
        state: JourneyState::Current,
        origin_id: None,
        position: 0,
    };
    let id = journey.id.clone();
    ws.apply(&crate::Edit::CreateJourney { journey }).unwrap();
    let scores = journey_scores_in(&ws, &id, Granularity::Week).unwrap();
    assert_eq!(
        (scores.journey_id.as_str(), scores.subjects.len()),
        (id.as_str(), 0)
    );
    assert!(journey_scores_in(&ws, "no such journey", Granularity::Week).is_none());
}

/// One subject's scores read from the workspace are that subject's entry of the journey's
/// scores; the journey's summary keeps each latest reading and drops series and verbatims.
#[test]
fn one_subjects_scores_match_the_journeys_and_the_summary_drops_only_history() {
    use crate::synthetic::{synthetic_journey, SyntheticSpec};
    let mut ws = Workspace::new_file("Client");
    let edit = synthetic_journey(&ws, &SyntheticSpec::small());
    ws.apply(&edit).unwrap();
    let journey = ws.journeys.keys().next().unwrap().clone();
    let model = ws.journey_model(&journey).unwrap();
    let whole = journey_scores(&model, &ws.metrics, Granularity::Month);
    assert!(!whole.subjects.is_empty());
    for entry in &whole.subjects {
        assert_eq!(
            subject_scores(&ws, &entry.subject, Granularity::Month),
            entry.metrics
        );
    }
    let unknown = Subject {
        kind: SubjectKind::Step,
        id: "no such step".into(),
    };
    assert!(subject_scores(&ws, &unknown, Granularity::Month).is_empty());

    let summary = whole.clone().summary();
    assert_eq!(summary.subjects.len(), whole.subjects.len());
    for (short, full) in summary.subjects.iter().zip(&whole.subjects) {
        for (s, f) in short.metrics.iter().zip(&full.metrics) {
            assert!(s.series.is_empty() && s.verbatims.is_empty());
            assert_eq!(
                (&s.latest, s.status, s.verbatim_count),
                (&f.latest, f.status, f.verbatim_count)
            );
        }
    }
    assert!(whole
        .subjects
        .iter()
        .any(|s| s.metrics.iter().any(|m| !m.series.is_empty())));
}
