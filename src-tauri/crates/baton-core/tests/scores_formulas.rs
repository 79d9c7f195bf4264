//! Score formulas, periods, series, latest score and gap, worked out by hand.
mod analysis_support;

use analysis_support::{date, MapBuilder};
use baton_core::scores::*;
use baton_core::*;

fn metric(kind: MetricKind, min: f64, max: f64, direction: Direction) -> Metric {
    Metric {
        id: "m".into(),
        name: "M".into(),
        kind,
        scale_min: min,
        scale_max: max,
        direction,
        position: 0,
    }
}

#[test]
fn nps_worked_examples() {
    let nps = metric(MetricKind::Nps, 0.0, 10.0, Direction::HigherIsBetter);
    // 10, 9, 9 promoters (3/10 = 30 %); 0, 5, 6 detractors (30 %); 7, 8, 8, 7 passives: 0.
    assert_eq!(
        score_of(&nps, &[10.0, 9.0, 9.0, 0.0, 5.0, 6.0, 7.0, 8.0, 8.0, 7.0]),
        Some(0.0)
    );
    // 3 promoters of 4 (75 %), 1 detractor (25 %): 50.
    assert_eq!(score_of(&nps, &[9.0, 10.0, 10.0, 6.0]), Some(50.0));
    // All detractors: 0 - 100 = -100.
    assert_eq!(score_of(&nps, &[0.0, 3.0, 6.0]), Some(-100.0));
    assert_eq!(score_of(&nps, &[]), None);
}

#[test]
fn csat_and_ces_worked_examples() {
    let csat = metric(MetricKind::Csat, 1.0, 5.0, Direction::HigherIsBetter);
    // 4 and 5 satisfied: 2 of 5 = 40 %.
    assert_eq!(score_of(&csat, &[1.0, 2.0, 3.0, 4.0, 5.0]), Some(40.0));
    assert_eq!(score_of(&csat, &[]), None);
    let ces = metric(MetricKind::Ces, 1.0, 7.0, Direction::HigherIsBetter);
    // (7 + 5 + 3) / 3 = 5.
    assert_eq!(score_of(&ces, &[7.0, 5.0, 3.0]), Some(5.0));
    let custom = metric(MetricKind::Custom, 0.0, 20.0, Direction::LowerIsBetter);
    // (2 + 3) / 2 = 2.5.
    assert_eq!(score_of(&custom, &[2.0, 3.0]), Some(2.5));
}

#[test]
fn ranges_normalising_and_gaps_respect_direction() {
    let csat = metric(MetricKind::Csat, 1.0, 5.0, Direction::HigherIsBetter);
    assert_eq!(score_range(&csat), (0.0, 100.0));
    assert_eq!(normalise(&csat, 75.0), Some(0.75));
    let nps = metric(MetricKind::Nps, 0.0, 10.0, Direction::HigherIsBetter);
    // -100..100: 0 is the middle.
    assert_eq!(normalise(&nps, 0.0), Some(0.5));
    let ces = metric(MetricKind::Ces, 1.0, 7.0, Direction::HigherIsBetter);
    // (4 - 1) / 6 = 0.5.
    assert_eq!(normalise(&ces, 4.0), Some(0.5));
    let wait = metric(MetricKind::Custom, 0.0, 10.0, Direction::LowerIsBetter);
    // 2 on 0..10 is 0.2 of the way, turned over: 0.8.
    assert_eq!(normalise(&wait, 2.0), Some(0.8));
    // Latest 6, target 4, lower is better: 4 - 6 = -2 (worse than target).
    assert_eq!(gap(&wait, 6.0, 4.0), -2.0);
    assert_eq!(gap(&csat, 85.0, 80.0), 5.0);
    let broken = metric(MetricKind::Custom, 3.0, 3.0, Direction::HigherIsBetter);
    assert_eq!(normalise(&broken, 3.0), None);
}

#[test]
fn periods_per_granularity() {
    // Thursday 2026-01-01 is in ISO week 2026-W01 (Monday 2025-12-29 .. Sunday 2026-01-04).
    let d = date(2026, 1, 1);
    let week = period_of(d, Granularity::Week);
    assert_eq!(
        (week.start, week.end, week.label.as_str()),
        (date(2025, 12, 29), date(2026, 1, 4), "2026-W01")
    );
    let day = period_of(d, Granularity::Day);
    assert_eq!(
        (day.start, day.end, day.label.as_str()),
        (d, d, "2026-01-01")
    );
    // February 2028 is a leap month.
    let month = period_of(date(2028, 2, 10), Granularity::Month);
    assert_eq!(
        (month.start, month.end, month.label.as_str()),
        (date(2028, 2, 1), date(2028, 2, 29), "2028-02")
    );
    let quarter = period_of(date(2026, 11, 21), Granularity::Quarter);
    assert_eq!(
        (quarter.start, quarter.end, quarter.label.as_str()),
        (date(2026, 10, 1), date(2026, 12, 31), "2026-Q4")
    );
    // Saturday 2027-01-02 belongs to ISO week 2026-W53.
    assert_eq!(
        period_of(date(2027, 1, 2), Granularity::Week).label,
        "2026-W53"
    );
}

#[test]
fn series_latest_and_standing_in_a_workspace() {
    let mut map = MapBuilder::new("J");
    let st = map.stage("S");
    let lane = map.actor("Desk", None, None, None);
    let step = map.step(&st, &lane, "Answers", |s| {
        s.touchpoint = Some(Channel::Phone)
    });
    let other = map.step(&st, &lane, "Unscored", |s| {
        s.touchpoint = Some(Channel::Phone)
    });
    let csat = map.metric("CSAT");
    // October: 5, 4, 1 -> 2/3 = 66.67 %. November (two weeks): 5, 2 and 4, 4 -> 3/4 = 75 %.
    map.respond(&step, &csat, &[5.0, 4.0, 1.0], date(2026, 10, 15));
    map.respond(&step, &csat, &[5.0, 2.0], date(2026, 11, 2));
    map.respond(&step, &csat, &[4.0, 4.0], date(2026, 11, 12));
    map.target(&step, &csat, 80.0);
    let subject = Subject {
        kind: SubjectKind::Step,
        id: step.clone(),
    };

    let monthly = score_series(&map.ws, &subject, &csat, Granularity::Month);
    let values: Vec<(String, f64, u32)> = monthly
        .iter()
        .map(|p| (p.period.label.clone(), p.value, p.sample_size))
        .collect();
    assert_eq!(
        values,
        vec![
            ("2026-10".into(), 200.0 / 3.0, 3),
            ("2026-11".into(), 75.0, 4)
        ]
    );
    // Weekly: W42 (Oct 15), W45 (Nov 2: 5, 2 -> 50 %), W46 (Nov 12: 4, 4 -> 100 %).
    let weekly = score_series(&map.ws, &subject, &csat, Granularity::Week);
    let values: Vec<(String, f64)> = weekly
        .iter()
        .map(|p| (p.period.label.clone(), p.value))
        .collect();
    assert_eq!(
        values,
        vec![
            ("2026-W42".into(), 200.0 / 3.0),
            ("2026-W45".into(), 50.0),
            ("2026-W46".into(), 100.0)
        ]
    );
    // Quarterly: all 7 in Q4: 5, 4, 5, 4, 4 satisfied = 5/7.
    let quarterly = score_series(&map.ws, &subject, &csat, Granularity::Quarter);
    assert_eq!(quarterly.len(), 1);
    assert!((quarterly[0].value - 500.0 / 7.0).abs() < 1e-9);

    // An entered score for the same month ends the same day and starts the same day: it wins
    // the tie over the computed one.
    let entered = Score {
        id: new_id(),
        subject: subject.clone(),
        metric_id: csat.clone(),
        value: 90.0,
        sample_size: 40,
        period_start: date(2026, 11, 1),
        period_end: date(2026, 11, 30),
        source: "Vendor survey".into(),
    };
    map.ws
        .apply(&Edit::CreateScore {
            score: entered.clone(),
        })
        .unwrap();
    let latest = latest_score(&map.ws, &subject, &csat, Granularity::Month).unwrap();
    assert_eq!(latest.value, 90.0);
    assert_eq!(
        latest.origin,
        ScoreOrigin::Entered {
            score_id: entered.id.clone(),
            source: "Vendor survey".into()
        }
    );
    // Weekly, W46 ends 2026-11-15 before the entered score's 2026-11-30: still the entered one.
    assert_eq!(
        latest_score(&map.ws, &subject, &csat, Granularity::Week)
            .unwrap()
            .value,
        90.0
    );

    let standing = &standings(&map.ws, &subject, Granularity::Month)[0];
    // 90 - 80 = 10, a tenth of CSAT's 0..100 range.
    assert_eq!(standing.gap, Some(10.0));
    assert_eq!(standing.normalised_gap, Some(0.1));

    // No responses: no score, not 0.
    let unscored = Subject {
        kind: SubjectKind::Step,
        id: other,
    };
    assert!(latest_score(&map.ws, &unscored, &csat, Granularity::Month).is_none());
    assert!(standings(&map.ws, &unscored, Granularity::Month).is_empty());
}
