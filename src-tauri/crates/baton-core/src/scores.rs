//! Satisfaction scores (DOMAIN.md, "Satisfaction"). Pure.
//!
//! - The score of a set of responses depends on the metric's kind: CSAT = % of responses 4 or 5,
//!   NPS = % promoters (9, 10) minus % detractors (0..=6), CES and custom = the mean.
//! - No responses give no score (`None`), never 0.
//! - A series for one subject and metric is made of the scores computed per period (day, ISO
//!   week, month, quarter) merged with the scores entered directly, which keep their own period.
//! - The latest score is the reading with the latest period end. Ties: the later period start
//!   (the narrower, more recent window) wins; then a directly entered score wins over a computed
//!   one (a consultant typed it on purpose); then the larger sample; then the smaller score id.
//! - Gap = latest minus target, sign turned so that positive is better (`Direction`).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::model::{Direction, Id, Metric, MetricKind, Score, Subject, SurveyResponse, Workspace};

/// The width of the periods scores are computed over.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Day,
    /// ISO 8601 weeks: Monday to Sunday, labelled by ISO week-year ("2026-W01").
    Week,
    #[default]
    Month,
    Quarter,
}

/// One period: its first and last day (both included) and a label ("2026-11-21", "2026-W47",
/// "2026-11", "2026-Q4").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub label: String,
}

/// The period of the given granularity that contains `date`.
pub fn period_of(date: NaiveDate, granularity: Granularity) -> Period {
    match granularity {
        Granularity::Day => Period {
            start: date,
            end: date,
            label: date.format("%Y-%m-%d").to_string(),
        },
        Granularity::Week => {
            let back = u64::from(date.weekday().num_days_from_monday());
            let start = date.checked_sub_days(Days::new(back)).unwrap_or(date);
            let end = start.checked_add_days(Days::new(6)).unwrap_or(start);
            let week = date.iso_week();
            Period {
                start,
                end,
                label: format!("{}-W{:02}", week.year(), week.week()),
            }
        }
        Granularity::Month => {
            let (start, end) = month_bounds(date.year(), date.month()).unwrap_or((date, date));
            Period {
                start,
                end,
                label: format!("{}-{:02}", date.year(), date.month()),
            }
        }
        Granularity::Quarter => {
            let quarter = (date.month() - 1) / 3 + 1;
            let first_month = (quarter - 1) * 3 + 1;
            let start = month_bounds(date.year(), first_month).map(|(s, _)| s);
            let end = month_bounds(date.year(), first_month + 2).map(|(_, e)| e);
            Period {
                start: start.unwrap_or(date),
                end: end.unwrap_or(date),
                label: format!("{}-Q{}", date.year(), quarter),
            }
        }
    }
}

/// The first day of the period containing `date`.
fn period_start(date: NaiveDate, granularity: Granularity) -> NaiveDate {
    let first_month = |month: u32| NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date);
    match granularity {
        Granularity::Day => date,
        Granularity::Week => date
            .checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
            .unwrap_or(date),
        Granularity::Month => first_month(date.month()),
        Granularity::Quarter => first_month((date.month() - 1) / 3 * 3 + 1),
    }
}

/// First and last day of a month; `None` only outside chrono's date range.
fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((start, next.pred_opt()?))
}

/// The range a metric's *score* can take: CSAT 0..100, NPS -100..100, CES and custom the
/// response scale.
pub fn score_range(metric: &Metric) -> (f64, f64) {
    match metric.kind {
        MetricKind::Csat => (0.0, 100.0),
        MetricKind::Nps => (-100.0, 100.0),
        MetricKind::Ces | MetricKind::Custom => (metric.scale_min, metric.scale_max),
    }
}

/// Whether `value` can be a score, or a target, of the metric: finite and within
/// `score_range`, both ends included.
pub fn in_score_range(metric: &Metric, value: f64) -> bool {
    let (low, high) = score_range(metric);
    value.is_finite() && low <= value && value <= high
}

/// The score range in words, for messages: "0 to 100 (the percentage of satisfied answers)".
pub fn score_range_words(metric: &Metric) -> String {
    let (low, high) = score_range(metric);
    let what = match metric.kind {
        MetricKind::Csat => "the percentage of satisfied answers",
        MetricKind::Nps => "promoters minus detractors, in percentage points",
        MetricKind::Ces | MetricKind::Custom => "its answer scale",
    };
    format!("{low} to {high} ({what})")
}

/// A score on 0..1 where 1 is best: the score's place in its range, turned over when lower is
/// better, clamped. `None` when the range is empty (a broken metric) or the value not finite.
pub fn normalise(metric: &Metric, value: f64) -> Option<f64> {
    let (low, high) = score_range(metric);
    let width = high - low;
    if width.is_nan() || width <= 0.0 || !value.is_finite() {
        return None;
    }
    let place = ((value - low) / width).clamp(0.0, 1.0);
    Some(match metric.direction {
        Direction::HigherIsBetter => place,
        Direction::LowerIsBetter => 1.0 - place,
    })
}

/// The score of a set of response values for a metric; `None` when there are none.
pub fn score_of(metric: &Metric, values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let count = values.len() as f64;
    let share = |pred: &dyn Fn(f64) -> bool| {
        values.iter().filter(|v| pred(**v)).count() as f64 * 100.0 / count
    };
    Some(match metric.kind {
        MetricKind::Csat => share(&|v| v >= 4.0),
        MetricKind::Nps => share(&|v| v >= 9.0) - share(&|v| v <= 6.0),
        MetricKind::Ces | MetricKind::Custom => {
            let mean = values.iter().sum::<f64>() / count;
            // The mean of answers on the scale lies on it; the sum's rounding must not carry it
            // past an end (max/min, unlike clamp, cannot panic on a broken scale).
            mean.max(metric.scale_min).min(metric.scale_max)
        }
    })
}

/// Latest minus target, sign turned so that positive is better.
pub fn gap(metric: &Metric, latest: f64, target: f64) -> f64 {
    match metric.direction {
        Direction::HigherIsBetter => latest - target,
        Direction::LowerIsBetter => target - latest,
    }
}

/// Where a reading comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ScoreOrigin {
    /// Computed from the survey responses of the period.
    Responses,
    /// Entered directly (`Score`), with its id and stated source.
    Entered { score_id: Id, source: String },
}

/// One reading of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ScorePoint {
    pub period: Period,
    pub value: f64,
    pub sample_size: u32,
    pub origin: ScoreOrigin,
}

impl ScorePoint {
    /// Series order: by period end, then period start, then computed before entered (so an
    /// entered score of the same period comes later and is the latest), then sample size, then
    /// score id descending (so the smallest id is the latest).
    fn series_order(&self, other: &Self) -> Ordering {
        self.period
            .end
            .cmp(&other.period.end)
            .then(self.period.start.cmp(&other.period.start))
            .then(origin_rank(&self.origin).cmp(&origin_rank(&other.origin)))
            .then(self.sample_size.cmp(&other.sample_size))
            .then_with(|| entered_id(&other.origin).cmp(entered_id(&self.origin)))
    }
}

/// Computed readings sort before entered ones of the same period.
const COMPUTED_RANK: u8 = 0;
const ENTERED_RANK: u8 = 1;

fn origin_rank(origin: &ScoreOrigin) -> u8 {
    match origin {
        ScoreOrigin::Responses => COMPUTED_RANK,
        ScoreOrigin::Entered { .. } => ENTERED_RANK,
    }
}

fn entered_id(origin: &ScoreOrigin) -> &str {
    match origin {
        ScoreOrigin::Responses => "",
        ScoreOrigin::Entered { score_id, .. } => score_id,
    }
}

/// The series of one subject and metric from its responses and entered scores, oldest first;
/// the last point is the latest score.
pub fn series_from(
    metric: &Metric,
    responses: &[&SurveyResponse],
    entered: &[&Score],
    granularity: Granularity,
) -> Vec<ScorePoint> {
    let readings: Vec<Reading> = responses.iter().map(|r| Reading::of(r)).collect();
    series_from_readings(metric, &readings, entered, granularity)
}

/// What scores read of a survey response: its day and its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Reading {
    pub date: NaiveDate,
    pub value: f64,
}

impl Reading {
    pub fn of(response: &SurveyResponse) -> Self {
        Reading {
            date: response.date,
            value: response.value,
        }
    }
}

/// `series_from`, from the responses' readings.
fn series_from_readings(
    metric: &Metric,
    responses: &[Reading],
    entered: &[&Score],
    granularity: Granularity,
) -> Vec<ScorePoint> {
    // Grouped by the period's first day (dates only: labels are made once per period).
    let mut by_period: BTreeMap<NaiveDate, (NaiveDate, Vec<f64>)> = BTreeMap::new();
    for response in responses {
        let start = period_start(response.date, granularity);
        by_period
            .entry(start)
            .or_insert_with(|| (response.date, Vec::new()))
            .1
            .push(response.value);
    }
    let mut points: Vec<ScorePoint> = by_period
        .into_values()
        .filter_map(|(some_day, values)| {
            let period = period_of(some_day, granularity);
            let value = score_of(metric, &values)?;
            Some(ScorePoint {
                period,
                value,
                sample_size: u32::try_from(values.len()).unwrap_or(u32::MAX),
                origin: ScoreOrigin::Responses,
            })
        })
        .collect();
    points.extend(entered.iter().map(|score| entered_point(score)));
    points.sort_by(ScorePoint::series_order);
    points
}

/// The latest reading of one subject and metric: the same point as `series_from(..).pop()`,
/// without building the rest of the series. Only the latest period of responses is scored and
/// only the winning reading gets a label, so analysing thousands of subjects stays cheap.
pub fn latest_from(
    metric: &Metric,
    responses: &[&SurveyResponse],
    entered: &[&Score],
    granularity: Granularity,
) -> Option<ScorePoint> {
    let readings: Vec<Reading> = responses.iter().map(|r| Reading::of(r)).collect();
    latest_with_periods(metric, &readings, entered, granularity, &mut |day| {
        period_of(day, granularity)
    })
}

/// `latest_from` from the responses' readings, taking the period of a day from `period_of_day` (which must return
/// `period_of(day, granularity)`), so that a caller scoring many subjects can reuse periods.
pub(crate) fn latest_with_periods(
    metric: &Metric,
    responses: &[Reading],
    entered: &[&Score],
    granularity: Granularity,
    period_of_day: &mut dyn FnMut(NaiveDate) -> Period,
) -> Option<ScorePoint> {
    if responses.iter().any(|r| near_date_limits(r.date)) {
        // Periods clipped at the ends of the calendar break the shortcuts below.
        return series_from_readings(metric, responses, entered, granularity).pop();
    }
    let computed = latest_computed(metric, responses, granularity, period_of_day);
    // Candidates in `series_from`'s order before its stable sort (computed, then entered), so
    // that on a full tie the later one wins, as the last of a stable sort does.
    let mut best_entered: Option<&Score> = None;
    for score in entered {
        let later = match (best_entered, &computed) {
            (Some(best), _) => entered_order(score, best) != Ordering::Less,
            (None, Some(point)) => entered_against_computed(score, point) != Ordering::Less,
            (None, None) => true,
        };
        if later {
            best_entered = Some(score);
        }
    }
    match best_entered {
        Some(score) => Some(entered_point(score)),
        None => computed,
    }
}

/// Within a year of the first or last day chrono knows, where a period may be cut short.
fn near_date_limits(date: NaiveDate) -> bool {
    date.year() <= NaiveDate::MIN.year() + 1 || date.year() >= NaiveDate::MAX.year() - 1
}

/// The latest of the points `series_from` computes from responses: the period with the latest
/// start, as there (periods of one width never overlap). Its values are kept in response
/// order, as `series_from` sums them, and its period comes from its first response's day.
fn latest_computed(
    metric: &Metric,
    responses: &[Reading],
    granularity: Granularity,
    period_of_day: &mut dyn FnMut(NaiveDate) -> Period,
) -> Option<ScorePoint> {
    // A period starts on or before each of its days and a later day never starts an earlier
    // period, so the latest period is the latest day's, and a day before its start is in an
    // earlier one: only days from that start on need their own period start worked out.
    let latest_day = responses.iter().map(|r| r.date).max()?;
    let latest_start = period_start(latest_day, granularity);
    let mut some_day = None;
    let mut values: Vec<f64> = Vec::new();
    for response in responses {
        if response.date >= latest_start && period_start(response.date, granularity) == latest_start
        {
            some_day.get_or_insert(response.date);
            values.push(response.value);
        }
    }
    let period = period_of_day(some_day?);
    let value = score_of(metric, &values)?;
    Some(ScorePoint {
        period,
        value,
        sample_size: u32::try_from(values.len()).unwrap_or(u32::MAX),
        origin: ScoreOrigin::Responses,
    })
}

/// `ScorePoint::series_order` of two entered scores, without building their points.
fn entered_order(a: &Score, b: &Score) -> Ordering {
    a.period_end
        .cmp(&b.period_end)
        .then(a.period_start.cmp(&b.period_start))
        .then(a.sample_size.cmp(&b.sample_size))
        .then_with(|| b.id.cmp(&a.id))
}

/// `ScorePoint::series_order` of an entered score against a computed point.
fn entered_against_computed(score: &Score, point: &ScorePoint) -> Ordering {
    score
        .period_end
        .cmp(&point.period.end)
        .then(score.period_start.cmp(&point.period.start))
        .then(ENTERED_RANK.cmp(&origin_rank(&point.origin)))
        .then(score.sample_size.cmp(&point.sample_size))
        .then_with(|| entered_id(&point.origin).cmp(&score.id))
}

fn entered_point(score: &Score) -> ScorePoint {
    ScorePoint {
        period: Period {
            start: score.period_start,
            end: score.period_end,
            label: entered_label(score.period_start, score.period_end),
        },
        value: score.value,
        sample_size: score.sample_size,
        origin: ScoreOrigin::Entered {
            score_id: score.id.clone(),
            source: score.source.clone(),
        },
    }
}

fn entered_label(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        start.format("%Y-%m-%d").to_string()
    } else {
        format!("{} to {}", start.format("%Y-%m-%d"), end.format("%Y-%m-%d"))
    }
}

/// The responses and entered scores of `subject` on `metric_id`, in id order.
fn readings_of<'w>(
    ws: &'w Workspace,
    subject: &Subject,
    metric_id: &str,
) -> (Vec<&'w SurveyResponse>, Vec<&'w Score>) {
    let responses = ws
        .responses
        .values()
        .filter(|r| r.metric_id == metric_id && &r.subject == subject)
        .collect();
    let entered = ws
        .scores
        .values()
        .filter(|s| s.metric_id == metric_id && &s.subject == subject)
        .collect();
    (responses, entered)
}

/// The series of `subject` and `metric_id` in a workspace (empty when the metric is unknown).
pub fn score_series(
    ws: &Workspace,
    subject: &Subject,
    metric_id: &str,
    granularity: Granularity,
) -> Vec<ScorePoint> {
    let Some(metric) = ws.metrics.get(metric_id) else {
        return Vec::new();
    };
    let (responses, entered) = readings_of(ws, subject, metric_id);
    series_from(metric, &responses, &entered, granularity)
}

/// The latest score of `subject` and `metric_id` (see the module notes for tie-breaking).
pub fn latest_score(
    ws: &Workspace,
    subject: &Subject,
    metric_id: &str,
    granularity: Granularity,
) -> Option<ScorePoint> {
    let metric = ws.metrics.get(metric_id)?;
    let (responses, entered) = readings_of(ws, subject, metric_id);
    latest_from(metric, &responses, &entered, granularity)
}

/// Where one subject stands on one metric: its latest score, its target and the gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MetricStanding {
    pub subject: Subject,
    pub metric_id: Id,
    pub latest: Option<ScorePoint>,
    pub target: Option<f64>,
    /// Latest minus target, positive is better; `None` unless both exist.
    pub gap: Option<f64>,
    /// The gap as a share of the metric's score range (-1..1), to compare metrics.
    pub normalised_gap: Option<f64>,
}

/// The standing of a subject on a metric from its latest reading and target.
pub fn standing(
    metric: &Metric,
    subject: &Subject,
    latest: Option<ScorePoint>,
    target: Option<f64>,
) -> MetricStanding {
    let gap_value = match (&latest, target) {
        (Some(point), Some(target)) => Some(gap(metric, point.value, target)),
        _ => None,
    };
    let (low, high) = score_range(metric);
    let normalised_gap = gap_value.and_then(|g| (high > low).then(|| g / (high - low)));
    MetricStanding {
        subject: subject.clone(),
        metric_id: metric.id.clone(),
        latest,
        target,
        gap: gap_value,
        normalised_gap,
    }
}

/// The standing of `subject` on every metric it has a score or a target for, by metric
/// position then id.
pub fn standings(
    ws: &Workspace,
    subject: &Subject,
    granularity: Granularity,
) -> Vec<MetricStanding> {
    let mut metrics: Vec<&Metric> = ws
        .metrics
        .values()
        .filter(|m| {
            ws.responses
                .values()
                .any(|r| r.metric_id == m.id && &r.subject == subject)
                || ws
                    .scores
                    .values()
                    .any(|s| s.metric_id == m.id && &s.subject == subject)
                || ws
                    .targets
                    .values()
                    .any(|t| t.metric_id == m.id && &t.subject == subject)
        })
        .collect();
    metrics.sort_by(|a, b| a.position.cmp(&b.position).then(a.id.cmp(&b.id)));
    metrics
        .into_iter()
        .map(|metric| {
            let latest = latest_score(ws, subject, &metric.id, granularity);
            let target = ws
                .targets
                .values()
                .find(|t| t.metric_id == metric.id && &t.subject == subject)
                .map(|t| t.value);
            standing(metric, subject, latest, target)
        })
        .collect()
}
