//! `plan_view` worked out by hand: quadrants at every boundary, measured progress in each state
//! and in both metric directions, readings from entered scores and from responses, the start
//! date on a period boundary, evidence, overdue, phase counts and filters.

mod support;

use baton_core::plan::*;
use baton_core::*;
use chrono::NaiveDate;
use support::*;

/// A journey with a customer lane, an actor lane and two touchpoints joined by a handoff.
struct Small {
    ws: Workspace,
    journey: Id,
    /// The agent's touchpoint (sending) and the specialist's (receiving).
    from: Id,
    to: Id,
    handoff: Id,
    csat: Id,
    ces: Id,
    phases: Vec<Id>,
}

fn small() -> Small {
    let mut ws = Workspace::new_file("Plan tests");
    let j = journey("Lost card", 0);
    let jid = j.id.clone();
    apply(&mut ws, Edit::CreateJourney { journey: j });
    let st = stage(&jid, "Call", 0);
    let stid = st.id.clone();
    apply(&mut ws, Edit::CreateStage { stage: st });
    let agent = lane(&jid, "Agent", LaneKind::Actor, 0);
    let specialist = lane(&jid, "Specialist", LaneKind::Actor, 1);
    let (a, s) = (agent.id.clone(), specialist.id.clone());
    apply(&mut ws, Edit::CreateLane { lane: agent });
    apply(&mut ws, Edit::CreateLane { lane: specialist });
    let mut from = step(&jid, &stid, &a, "Agent answers", 0);
    from.touchpoint = Some(Channel::Phone);
    let mut to = step(&jid, &stid, &s, "Specialist takes over", 0);
    to.touchpoint = Some(Channel::Phone);
    let (fid, tid) = (from.id.clone(), to.id.clone());
    apply(&mut ws, Edit::CreateStep { step: from });
    apply(&mut ws, Edit::CreateStep { step: to });
    let mut h = handoff(&jid, &fid, &tid);
    h.mode = HandoffMode::Blind;
    h.context = ContextTransfer::None;
    h.reverify = true;
    let hid = h.id.clone();
    apply(&mut ws, Edit::ConnectHandoff { handoff: h });
    let csat = metric_named(&ws, "CSAT");
    let ces = metric_named(&ws, "CES");
    let phases = ws.phases_in_order().iter().map(|p| p.id.clone()).collect();
    Small {
        ws,
        journey: jid,
        from: fid,
        to: tid,
        handoff: hid,
        csat,
        ces,
        phases,
    }
}

fn today() -> NaiveDate {
    date(2026, 12, 6)
}

/// `plan_view` with the analyses it reads computed now, as the CLI does.
fn planned(ws: &Workspace, filter: &PlanFilter, today: NaiveDate) -> PlanView {
    plan_view(ws, filter, today, &analyse_for_plan(ws, filter))
}

fn entered(
    ws: &mut Workspace,
    subject: Subject,
    metric: &str,
    value: f64,
    from: NaiveDate,
    to: NaiveDate,
) {
    let mut s = score(subject, metric, value);
    s.period_start = from;
    s.period_end = to;
    apply(ws, Edit::CreateScore { score: s });
}

fn add_initiative(ws: &mut Workspace, i: Initiative) -> Id {
    let id = i.id.clone();
    apply(ws, Edit::CreateInitiative { initiative: i });
    id
}

fn view_of<'v>(view: &'v PlanView, id: &str) -> &'v InitiativeView {
    view.initiatives()
        .find(|v| v.initiative.id == id)
        .expect("the initiative is shown")
}

fn progress(ws: &Workspace, id: &str) -> Progress {
    let view = planned(ws, &PlanFilter::default(), today());
    view_of(&view, id).progress.clone()
}

/// An initiative expecting `metric` on the receiving step to reach `value`, started `started`.
fn add_expecting(f: &mut Small, metric: &str, value: f64, started: Option<NaiveDate>) -> Id {
    let i = expecting(f, metric, value, started);
    add_initiative(&mut f.ws, i)
}

fn expecting(f: &Small, metric: &str, value: f64, started: Option<NaiveDate>) -> Initiative {
    let mut i = initiative(&f.phases[0], "Warm transfer", 0);
    i.started = started;
    i.expected_effect = Some(ExpectedEffect {
        metric_id: metric.into(),
        subject: Some(subject_step(&f.to)),
        value,
    });
    i
}

#[test]
fn quadrants_at_every_boundary() {
    use Quadrant::*;
    let expected = [
        // effort 1..5 for impact 1, then impact 2...
        [FillIn, FillIn, MoneyPit, MoneyPit, MoneyPit],
        [FillIn, FillIn, MoneyPit, MoneyPit, MoneyPit],
        [QuickWin, QuickWin, BigBet, BigBet, BigBet],
        [QuickWin, QuickWin, BigBet, BigBet, BigBet],
        [QuickWin, QuickWin, BigBet, BigBet, BigBet],
    ];
    for impact in 1..=5u8 {
        for effort in 1..=5u8 {
            assert_eq!(
                quadrant_of(impact, effort),
                expected[usize::from(impact - 1)][usize::from(effort - 1)],
                "impact {impact}, effort {effort}"
            );
        }
    }
}

#[test]
fn progress_states_on_entered_scores_higher_is_better() {
    let mut f = small();
    let to = subject_step(&f.to);
    let ces = f.ces.clone();
    // October (before the start on 1 November): 3.0; November: 3.5.
    entered(
        &mut f.ws,
        to.clone(),
        &ces,
        3.0,
        date(2026, 10, 1),
        date(2026, 10, 31),
    );
    entered(
        &mut f.ws,
        to.clone(),
        &ces,
        3.5,
        date(2026, 11, 1),
        date(2026, 11, 30),
    );
    let start = Some(date(2026, 11, 1));

    let none = add_initiative(&mut f.ws, initiative(&f.phases[0], "Nothing expected", 0));
    assert_eq!(progress(&f.ws, &none).state, ProgressState::NotMeasurable);

    let unstarted = add_expecting(&mut f, &ces, 4.0, None);
    assert_eq!(progress(&f.ws, &unstarted).state, ProgressState::NotStarted);
    let future = add_expecting(&mut f, &ces, 4.0, Some(date(2026, 12, 7)));
    assert_eq!(progress(&f.ws, &future).state, ProgressState::NotStarted);

    // B 3.0, C 3.5, V 4.0: (3.5 - 3) / (4 - 3) = 50 %.
    let improving = add_expecting(&mut f, &ces, 4.0, start);
    let p = progress(&f.ws, &improving);
    assert_eq!(p.state, ProgressState::Improving);
    assert_eq!(p.baseline.as_ref().map(|b| b.value), Some(3.0));
    assert_eq!(p.baseline.as_ref().map(|b| b.sample_size), Some(40));
    assert_eq!(p.current.as_ref().map(|c| c.value), Some(3.5));
    assert_eq!(
        p.current.as_ref().map(|c| c.period.start),
        Some(date(2026, 11, 1))
    );
    assert_eq!(p.percent, Some(50.0));
    assert_eq!(p.bar, Some(50.0));
    assert_eq!((p.score_min, p.score_max), (Some(1.0), Some(7.0)));

    // V 3.25 is met by C 3.5: achieved, 200 % (the number is not clamped, the bar is).
    let achieved = add_expecting(&mut f, &ces, 3.25, start);
    let p = progress(&f.ws, &achieved);
    assert_eq!(p.state, ProgressState::Achieved);
    assert_eq!(p.percent, Some(200.0));
    assert_eq!(p.bar, Some(100.0));

    // V 2.5 is met by B 3.0 already.
    let met = add_expecting(&mut f, &ces, 2.5, start);
    assert_eq!(progress(&f.ws, &met).state, ProgressState::AlreadyMet);
    // V exactly B: already met, no percentage (no division by zero).
    let exact = add_expecting(&mut f, &ces, 3.0, start);
    let p = progress(&f.ws, &exact);
    assert_eq!(p.state, ProgressState::AlreadyMet);
    assert_eq!(p.percent, None);
}

#[test]
fn no_change_worse_awaiting_and_no_baseline() {
    let mut f = small();
    let to = subject_step(&f.to);
    let ces = f.ces.clone();
    entered(
        &mut f.ws,
        to.clone(),
        &ces,
        3.0,
        date(2026, 9, 1),
        date(2026, 9, 30),
    );
    // Started 1 October: September is the baseline, nothing since.
    let awaiting = add_expecting(&mut f, &ces, 4.0, Some(date(2026, 10, 1)));
    assert_eq!(
        progress(&f.ws, &awaiting).state,
        ProgressState::AwaitingData
    );
    // Started 30 September: September does not end before it, there is nothing earlier.
    let no_base = add_expecting(&mut f, &ces, 4.0, Some(date(2026, 9, 30)));
    let p = progress(&f.ws, &no_base);
    assert_eq!(p.state, ProgressState::NoBaseline);
    assert_eq!(p.baseline, None);

    entered(
        &mut f.ws,
        to.clone(),
        &ces,
        3.0,
        date(2026, 10, 1),
        date(2026, 10, 31),
    );
    assert_eq!(progress(&f.ws, &awaiting).state, ProgressState::NoChange);
    assert_eq!(progress(&f.ws, &awaiting).percent, Some(0.0));
    entered(
        &mut f.ws,
        to,
        &ces,
        2.5,
        date(2026, 11, 1),
        date(2026, 11, 30),
    );
    // C 2.5: (2.5 - 3) / (4 - 3) = -50 %, the bar at 0.
    let p = progress(&f.ws, &awaiting);
    assert_eq!(p.state, ProgressState::Worse);
    assert_eq!(p.percent, Some(-50.0));
    assert_eq!(p.bar, Some(0.0));
}

#[test]
fn lower_is_better_uses_the_same_formula() {
    let mut f = small();
    let wait = Metric {
        id: new_id(),
        name: "Minutes on hold".into(),
        kind: MetricKind::Custom,
        scale_min: 0.0,
        scale_max: 60.0,
        direction: Direction::LowerIsBetter,
        position: 3,
    };
    let wid = wait.id.clone();
    apply(&mut f.ws, Edit::CreateMetric { metric: wait });
    let to = subject_step(&f.to);
    entered(
        &mut f.ws,
        to.clone(),
        &wid,
        30.0,
        date(2026, 10, 1),
        date(2026, 10, 31),
    );
    let score_id = {
        let mut s = score(to.clone(), &wid, 20.0);
        s.period_start = date(2026, 11, 1);
        s.period_end = date(2026, 11, 30);
        let id = s.id.clone();
        apply(&mut f.ws, Edit::CreateScore { score: s });
        id
    };
    let start = Some(date(2026, 11, 1));
    // B 30, C 20, V 10: (20 - 30) / (10 - 30) = 50 %.
    let i = add_expecting(&mut f, &wid, 10.0, start);
    let p = progress(&f.ws, &i);
    assert_eq!(p.state, ProgressState::Improving);
    assert_eq!(p.percent, Some(50.0));
    assert_eq!(p.direction, Some(Direction::LowerIsBetter));
    // C 40: -50 %, worse.
    let mut s = f.ws.scores[&score_id].clone();
    s.value = 40.0;
    apply(&mut f.ws, Edit::UpdateScore { score: s.clone() });
    assert_eq!(progress(&f.ws, &i).state, ProgressState::Worse);
    assert_eq!(progress(&f.ws, &i).percent, Some(-50.0));
    // C 10 meets V 10 (at or below): achieved.
    s.value = 10.0;
    apply(&mut f.ws, Edit::UpdateScore { score: s });
    assert_eq!(progress(&f.ws, &i).state, ProgressState::Achieved);
    // V 35 is already met by B 30 (lower is better).
    let met = add_expecting(&mut f, &wid, 35.0, start);
    assert_eq!(progress(&f.ws, &met).state, ProgressState::AlreadyMet);
}

/// CSAT responses dated `day`.
fn csat_responses(f: &mut Small, day: NaiveDate, values: &[f64]) {
    let responses = values
        .iter()
        .map(|v| {
            let mut r = response(subject_step(&f.to), &f.csat, *v);
            r.date = day;
            r
        })
        .collect();
    apply(&mut f.ws, Edit::AddResponses { responses });
}

#[test]
fn readings_from_responses_per_month_and_the_start_on_a_period_boundary() {
    let mut f = small();
    // October: 4, 5, 2, 1 -> 50 % satisfied (n 4); November: 5, 5, 4, 2 -> 75 % (n 4).
    csat_responses(&mut f, date(2026, 10, 12), &[4.0, 5.0, 2.0, 1.0]);
    csat_responses(&mut f, date(2026, 11, 20), &[5.0, 5.0, 4.0, 2.0]);
    let csat = f.csat.clone();
    // Started on the first day of November: November is after, October before.
    let on_boundary = add_expecting(&mut f, &csat, 100.0, Some(date(2026, 11, 1)));
    let p = progress(&f.ws, &on_boundary);
    let b = p.baseline.clone().expect("a baseline");
    let c = p.current.clone().expect("a current reading");
    assert_eq!(
        (b.value, b.sample_size, b.period.label.as_str()),
        (50.0, 4, "2026-10")
    );
    assert_eq!(
        (c.value, c.sample_size, c.period.label.as_str()),
        (75.0, 4, "2026-11")
    );
    // (75 - 50) / (100 - 50) = 50 %.
    assert_eq!(p.percent, Some(50.0));
    assert_eq!(p.state, ProgressState::Improving);

    // Started on 2 November: November straddles the start, so nothing counts as current yet.
    let inside = add_expecting(&mut f, &csat, 100.0, Some(date(2026, 11, 2)));
    let p = progress(&f.ws, &inside);
    assert_eq!(p.state, ProgressState::AwaitingData);
    assert_eq!(
        p.baseline.map(|b| b.period.label),
        Some("2026-10".to_owned())
    );
    // By week, the week of 16-22 November starts after 2 November and is current.
    let filter = PlanFilter {
        granularity: scores::Granularity::Week,
        ..PlanFilter::default()
    };
    let view = planned(&f.ws, &filter, today());
    let p = &view_of(&view, &inside).progress;
    assert_eq!(
        p.current.as_ref().map(|c| c.period.label.as_str()),
        Some("2026-W47")
    );
    assert_eq!(p.state, ProgressState::Improving);
}

#[test]
fn evidence_counts_a_handoff_linked_twice_once_and_adds_missed_targets() {
    let mut f = small();
    let csat = f.csat.clone();
    // The receiving touchpoint: CSAT 60 against a target of 80: gap -20 of 100 -> 20 points.
    entered(
        &mut f.ws,
        subject_step(&f.to),
        &csat,
        60.0,
        date(2026, 11, 1),
        date(2026, 11, 30),
    );
    apply(
        &mut f.ws,
        Edit::CreateTarget {
            target: target(subject_step(&f.to), &csat, 80.0),
        },
    );
    // The handoff: blind 25 + context none 20 + reverify 15 = 60.
    let mut i = initiative(&f.phases[0], "Warm transfer", 0);
    i.handoff_ids = vec![f.handoff.clone()];
    i.step_ids = vec![f.to.clone(), f.from.clone()];
    let id = add_initiative(&mut f.ws, i);
    // A file written by an older version may list a handoff twice: it still counts once.
    let stored = f.ws.initiatives.get_mut(&id).expect("stored");
    stored.handoff_ids.push(f.handoff.clone());
    let view = planned(&f.ws, &PlanFilter::default(), today());
    let evidence = &view_of(&view, &id).evidence;
    assert_eq!(evidence.handoffs.len(), 1);
    assert_eq!(evidence.handoffs[0].friction, 60);
    assert_eq!(evidence.touchpoints.len(), 1);
    assert_eq!(evidence.touchpoints[0].step_id, f.to);
    assert_eq!(evidence.touchpoints[0].points, 20);
    assert_eq!(evidence.score, 80);
}

#[test]
fn overdue_counts_and_filters() {
    let mut f = small();
    let mut late = initiative(&f.phases[0], "Late", 0);
    late.due = Some(date(2026, 12, 5));
    late.status = InitiativeStatus::InProgress;
    late.owner = "Ops".into();
    late.handoff_ids = vec![f.handoff.clone()];
    let late = add_initiative(&mut f.ws, late);
    let mut done = initiative(&f.phases[0], "Done late", 1);
    done.due = Some(date(2026, 12, 1));
    done.status = InitiativeStatus::Done;
    done.impact = 1;
    done.effort = 5;
    let done = add_initiative(&mut f.ws, done);
    let mut today_due = initiative(&f.phases[0], "Due today", 2);
    today_due.due = Some(today());
    today_due.status = InitiativeStatus::Dropped;
    let today_due = add_initiative(&mut f.ws, today_due);
    let mut later = initiative(&f.phases[1], "Later", 0);
    later.due = Some(today());
    later.impact = 5;
    later.effort = 1;
    let later = add_initiative(&mut f.ws, later);

    let view = planned(&f.ws, &PlanFilter::default(), today());
    assert!(view_of(&view, &late).overdue);
    assert!(!view_of(&view, &done).overdue, "done is never overdue");
    assert!(
        !view_of(&view, &today_due).overdue,
        "due today is not late yet"
    );
    assert!(!view_of(&view, &later).overdue);
    let first = &view.phases[0];
    assert_eq!(first.initiatives.len(), 3);
    assert_eq!(
        (
            first.counts.in_progress,
            first.counts.done,
            first.counts.dropped
        ),
        (1, 1, 1)
    );
    // done / (3 - 1 dropped) = 0.5.
    assert_eq!(first.done_share, Some(0.5));
    assert_eq!(view.phases[1].done_share, Some(0.0));
    assert_eq!(view.phases[2].done_share, None);
    assert_eq!(view.initiative_count, 4);
    // Priority: quick wins first, impact 5 before 4; "late" and "due today" tie on impact 4
    // and effort 2, and late's evidence (its handoff, 60) puts it first; the money pit last.
    assert_eq!(
        view.priority_order,
        vec![later.clone(), late.clone(), today_due.clone(), done.clone()]
    );

    let by_owner = |owner: &str| PlanFilter {
        owner: Some(owner.into()),
        ..PlanFilter::default()
    };
    let shown = |filter: &PlanFilter| -> Vec<Id> {
        planned(&f.ws, filter, today())
            .initiatives()
            .map(|v| v.initiative.id.clone())
            .collect()
    };
    assert_eq!(shown(&by_owner(" Ops ")), vec![late.clone()]);
    let status = PlanFilter {
        status: Some(InitiativeStatus::Done),
        ..PlanFilter::default()
    };
    assert_eq!(shown(&status), vec![done.clone()]);
    let pits = PlanFilter {
        quadrant: Some(Quadrant::MoneyPit),
        ..PlanFilter::default()
    };
    assert_eq!(shown(&pits), vec![done]);
    let journey = PlanFilter {
        journey_id: Some(f.journey.clone()),
        ..PlanFilter::default()
    };
    assert_eq!(shown(&journey), vec![late]);
    assert_eq!(planned(&f.ws, &journey, today()).coverage.len(), 1);

    // What the filter hides is counted, per phase and in all: owner "Ops" shows "late" and
    // hides the other two of phase 1 and "later" of phase 2.
    let ops = planned(&f.ws, &by_owner("Ops"), today());
    assert_eq!(ops.hidden_count, 3);
    let hidden: Vec<u32> = ops.phases.iter().map(|p| p.hidden_count).collect();
    assert_eq!(hidden, vec![2, 1, 0]);
    assert_eq!(view.hidden_count, 0, "no filter hides nothing");
    assert!(view.phases.iter().all(|p| p.hidden_count == 0));
}

/// `plan_view` reads the analyses it is given and analyses nothing itself: without them the
/// handoff adds no evidence and the journey has no coverage; with them, both are there.
#[test]
fn the_view_reads_the_analyses_the_caller_holds() {
    let mut f = small();
    let mut i = initiative(&f.phases[0], "Warm transfer", 0);
    i.handoff_ids = vec![f.handoff.clone()];
    let id = add_initiative(&mut f.ws, i);
    let filter = PlanFilter::default();
    let none = plan_view(&f.ws, &filter, today(), &JourneyAnalyses::new());
    assert_eq!(view_of(&none, &id).evidence.score, 0);
    assert!(none.coverage.is_empty());
    let held = analyse_for_plan(&f.ws, &filter);
    assert_eq!(held.keys().collect::<Vec<_>>(), vec![&f.journey]);
    let with = plan_view(&f.ws, &filter, today(), &held);
    assert_eq!(view_of(&with, &id).evidence.score, 60);
    assert_eq!(with.coverage.len(), 1);
    assert_eq!(with.coverage[0].journey_id, f.journey);
}

/// A plan filtered to a journey reads that journey's analysis and those of every journey its
/// initiatives are about, and no other.
#[test]
fn a_journey_filter_reads_the_journeys_its_initiatives_are_about() {
    let mut f = small();
    let other = journey("Other", 1);
    let unrelated = journey("Unrelated", 2);
    let (oid, uid) = (other.id.clone(), unrelated.id.clone());
    apply(&mut f.ws, Edit::CreateJourney { journey: other });
    apply(&mut f.ws, Edit::CreateJourney { journey: unrelated });
    let st = stage(&oid, "Elsewhere", 0);
    let stid = st.id.clone();
    apply(&mut f.ws, Edit::CreateStage { stage: st });
    let l = lane(&oid, "Agent", LaneKind::Actor, 0);
    let lid = l.id.clone();
    apply(&mut f.ws, Edit::CreateLane { lane: l });
    let s = step(&oid, &stid, &lid, "Elsewhere", 0);
    let sid = s.id.clone();
    apply(&mut f.ws, Edit::CreateStep { step: s });
    let mut both = initiative(&f.phases[0], "Both journeys", 0);
    both.handoff_ids = vec![f.handoff.clone()];
    both.step_ids = vec![sid];
    add_initiative(&mut f.ws, both);
    let mut expected = vec![f.journey.clone(), oid.clone()];
    expected.sort();
    let read: Vec<String> = journeys_for_plan(&f.ws, Some(&f.journey))
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(read, expected);
    assert_eq!(journeys_for_plan(&f.ws, None).len(), 3);
    assert!(journeys_for_plan(&f.ws, Some(&uid)).contains(uid.as_str()));
    assert_eq!(journeys_for_plan(&f.ws, Some(&uid)).len(), 1);
    assert!(journeys_for_plan(&f.ws, Some("no-such-journey")).is_empty());
}

/// A journey with more unaddressed suggestions than coverage lists: the first fifty are listed
/// whole, in the analysis' order, and all of them are counted.
#[test]
fn coverage_lists_the_first_fifty_unaddressed_suggestions_and_counts_all() {
    let mut f = small();
    let stage = f.ws.stages.values().next().expect("a stage").id.clone();
    let lane = f.ws.steps[&f.from].lane_id.clone();
    for n in 1..=60u32 {
        let mut s = step(&f.journey, &stage, &lane, &format!("Touchpoint {n}"), n);
        s.touchpoint = Some(Channel::Email);
        apply(&mut f.ws, Edit::CreateStep { step: s });
    }
    let filter = PlanFilter::default();
    let held = analyse_for_plan(&f.ws, &filter);
    let all: Vec<String> = held[&f.journey]
        .suggestions
        .iter()
        .map(|s| s.key.clone())
        .collect();
    assert!(all.len() > 60, "every unscored touchpoint is a suggestion");
    let view = plan_view(&f.ws, &filter, today(), &held);
    let coverage = &view.coverage[0];
    assert_eq!(coverage.unaddressed_suggestion_count as usize, all.len());
    let listed: Vec<String> = coverage
        .unaddressed_suggestions
        .iter()
        .map(|s| s.key.clone())
        .collect();
    assert_eq!(listed.len(), LISTED_SUGGESTIONS);
    assert_eq!(listed, all[..LISTED_SUGGESTIONS].to_vec());
}
