//! `latest_from` (the analysis' shortcut) always gives the last point of `series_from` (the
//! full series the rest of Baton shows), on random responses and entered scores crowded into
//! a few weeks so that periods, ends, starts, sample sizes and ids tie often.

use baton_core::scores::{latest_from, series_from, Granularity};
use baton_core::*;
use chrono::{Days, NaiveDate};
use proptest::collection::vec;
use proptest::prelude::*;

fn metric(kind: MetricKind) -> Metric {
    Metric {
        id: "m".into(),
        name: "M".into(),
        kind,
        scale_min: 0.0,
        scale_max: 10.0,
        direction: Direction::HigherIsBetter,
        position: 0,
    }
}

fn subject() -> Subject {
    Subject {
        kind: SubjectKind::Step,
        id: "s".into(),
    }
}

/// Days around a month and quarter boundary, in two years.
fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 20)
        .unwrap()
        .checked_add_days(Days::new(offset))
        .unwrap()
}

fn response(n: usize, (offset, value): (u64, u8)) -> SurveyResponse {
    SurveyResponse {
        id: format!("r{n:04}"),
        subject: subject(),
        metric_id: "m".into(),
        value: f64::from(value),
        date: day(offset),
        respondent: None,
        comment: None,
    }
}

fn score(n: usize, (id, offset, length, sample, value): (u8, u64, u64, u32, u8)) -> Score {
    Score {
        // Few distinct ids, so only the id can tell some of them apart; never the same id twice.
        id: format!("e{id}-{n}"),
        subject: subject(),
        metric_id: "m".into(),
        value: f64::from(value),
        sample_size: sample,
        period_start: day(offset),
        period_end: day(offset + length),
        source: format!("source {n}"),
    }
}

const GRANULARITIES: [Granularity; 4] = [
    Granularity::Day,
    Granularity::Week,
    Granularity::Month,
    Granularity::Quarter,
];

proptest! {
    #[test]
    fn latest_from_is_the_last_point_of_the_series(
        responses in vec((0u64..60, 0u8..=10), 0..40),
        scores in vec((0u8..3, 0u64..60, 0u64..20, 1u32..4, 0u8..=10), 0..6),
        kind in prop_oneof![
            Just(MetricKind::Csat),
            Just(MetricKind::Nps),
            Just(MetricKind::Ces),
            Just(MetricKind::Custom),
        ],
    ) {
        let metric = metric(kind);
        let responses: Vec<SurveyResponse> =
            responses.into_iter().enumerate().map(|(n, r)| response(n, r)).collect();
        let scores: Vec<Score> = scores.into_iter().enumerate().map(|(n, s)| score(n, s)).collect();
        let response_refs: Vec<&SurveyResponse> = responses.iter().collect();
        let score_refs: Vec<&Score> = scores.iter().collect();
        for granularity in GRANULARITIES {
            let expected = series_from(&metric, &response_refs, &score_refs, granularity).pop();
            let actual = latest_from(&metric, &response_refs, &score_refs, granularity);
            prop_assert_eq!(actual, expected, "{:?}", granularity);
        }
    }
}

/// At the last days chrono knows, a month cannot be closed and periods are cut short: the
/// shortcut must still agree with the series.
#[test]
fn latest_from_agrees_with_the_series_at_the_end_of_the_calendar() {
    let metric = metric(MetricKind::Ces);
    let last = NaiveDate::MAX;
    let responses: Vec<SurveyResponse> = [0u64, 3, 40, 400]
        .iter()
        .enumerate()
        .map(|(n, back)| SurveyResponse {
            date: last.checked_sub_days(Days::new(*back)).unwrap(),
            ..response(n, (0, 5 + n as u8))
        })
        .collect();
    let refs: Vec<&SurveyResponse> = responses.iter().collect();
    for granularity in GRANULARITIES {
        assert_eq!(
            latest_from(&metric, &refs, &[], granularity),
            series_from(&metric, &refs, &[], granularity).pop()
        );
    }
}
