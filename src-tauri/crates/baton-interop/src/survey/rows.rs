//! One data row of a survey file into a response: where each field is (Baton's own header
//! names, or a mapping), then the checks every row passes.

use baton_core::apply::{MAX_LONG_TEXT_CHARS, MAX_NAME_CHARS};
use baton_core::model::{new_id, Metric, MetricKind, SurveyResponse};

use super::dates::DateFormat;
use super::mapping::{find_columns, FieldSource, LabelTable, SurveyMapping};
use super::resolve::Resolver;
use super::{ImportError, RejectReason};

/// A row's target or metric: a column's value, or the same text for every row.
enum Field {
    Column(usize),
    Fixed(String),
}

/// Where each field of a response is, and how its value and date are read.
pub(super) struct Columns {
    target: Field,
    metric: Field,
    value: usize,
    date: usize,
    date_format: DateFormat,
    respondent: Option<usize>,
    comment: Option<usize>,
    /// Answer labels (mapped files only).
    labels: Option<LabelTable>,
    /// Data rows after the header to pass over.
    pub(super) skip_rows: u32,
}

impl Columns {
    /// The place of the date column.
    pub(super) fn date_column(&self) -> usize {
        self.date
    }

    /// Baton's own CSV: the columns found by their names and aliases.
    pub(super) fn find(header: &csv::StringRecord) -> Result<Self, ImportError> {
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim().to_lowercase().replace([' ', '-'], "_"))
            .collect();
        let find = |aliases: &[&str]| names.iter().position(|n| aliases.contains(&n.as_str()));
        let target = find(&["target", "subject", "step", "handoff", "target_id"]);
        let metric = find(&["metric", "metric_name"]);
        let value = find(&["value", "score", "response", "answer", "rating"]);
        let date = find(&["date", "response_date", "answered_on"]);
        match (target, metric, value, date) {
            (Some(target), Some(metric), Some(value), Some(date)) => Ok(Self {
                target: Field::Column(target),
                metric: Field::Column(metric),
                value,
                date,
                date_format: DateFormat::Iso,
                respondent: find(&["respondent", "respondent_id"]),
                comment: find(&["comment", "comments", "verbatim"]),
                labels: None,
                skip_rows: 0,
            }),
            _ => Err(ImportError::MissingColumns {
                columns: [
                    ("target", target),
                    ("metric", metric),
                    ("value", value),
                    ("date", date),
                ]
                .iter()
                .filter(|(_, at)| at.is_none())
                .map(|(name, _)| (*name).to_owned())
                .collect(),
            }),
        }
    }

    /// A survey tool's export: the columns the mapping names, every one of which must be in
    /// the header.
    pub(super) fn mapped(
        header: &csv::StringRecord,
        mapping: &SurveyMapping,
    ) -> Result<Self, ImportError> {
        let wanted = mapping.columns();
        let found = find_columns(header, &wanted)?;
        let at = |name: &str| {
            wanted
                .iter()
                .position(|w| *w == name)
                .and_then(|i| found.get(i).copied())
        };
        let field = |source: &FieldSource| match source {
            FieldSource::Column(name) => at(name).map(Field::Column),
            FieldSource::Fixed(text) => Some(Field::Fixed(text.clone())),
        };
        let missing = |name: &str| ImportError::MissingColumns {
            columns: vec![name.to_owned()],
        };
        Ok(Self {
            target: field(&mapping.target).ok_or_else(|| missing("target"))?,
            metric: field(&mapping.metric).ok_or_else(|| missing("metric"))?,
            value: at(&mapping.value_column).ok_or_else(|| missing(&mapping.value_column))?,
            date: at(&mapping.date_column).ok_or_else(|| missing(&mapping.date_column))?,
            date_format: mapping.date_format,
            respondent: mapping.respondent_column.as_deref().and_then(at),
            comment: mapping.comment_column.as_deref().and_then(at),
            labels: Some(LabelTable::new(&mapping.labels)),
            skip_rows: mapping.skip_rows,
        })
    }
}

fn required<'r>(
    record: &'r csv::StringRecord,
    field: &'r Field,
    column: &str,
) -> Result<&'r str, RejectReason> {
    let text = match field {
        Field::Column(at) => record.get(*at),
        Field::Fixed(text) => Some(text.as_str()),
    };
    text.map(str::trim)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| RejectReason::MissingValue {
            column: column.to_owned(),
        })
}

fn optional(record: &csv::StringRecord, at: Option<usize>) -> Option<String> {
    at.and_then(|at| record.get(at))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// One data row into a response. `typed_date`: the date cell is a workbook's date, written
/// `yyyy-mm-ddThh:mm:ss` whatever format the mapping names for dates written as text.
pub(super) fn read_row(
    record: &csv::StringRecord,
    columns: &Columns,
    resolver: &Resolver,
    separator: u8,
    typed_date: bool,
) -> Result<SurveyResponse, RejectReason> {
    let value_column = Field::Column(columns.value);
    let date_column = Field::Column(columns.date);
    let target = required(record, &columns.target, "target")?;
    let metric_text = required(record, &columns.metric, "metric")?;
    let value_text = required(record, &value_column, "value")?;
    let date_text = required(record, &date_column, "date")?;
    let subject = resolver.subject(target)?;
    let metric = resolver.metric(metric_text)?;
    let labelled = columns
        .labels
        .as_ref()
        .and_then(|labels| labels.value_of(value_text));
    let value = match labelled {
        Some(value) => on_scale(value, metric)?,
        None => parse_value(value_text, separator, metric)?,
    };
    let date_format = if typed_date {
        DateFormat::Iso
    } else {
        columns.date_format
    };
    let date = date_format
        .parse(date_text)
        .ok_or_else(|| RejectReason::BadDate {
            date: date_text.to_owned(),
        })?;
    Ok(SurveyResponse {
        id: new_id(),
        subject,
        metric_id: metric.id.clone(),
        value,
        date,
        respondent: bounded(record, columns.respondent, "respondent", MAX_NAME_CHARS)?,
        comment: bounded(record, columns.comment, "comment", MAX_LONG_TEXT_CHARS)?,
    })
}

/// An optional column, refused here when it is longer than `apply` accepts, so that a row the
/// store would refuse is named with its line instead of failing the whole import.
fn bounded(
    record: &csv::StringRecord,
    at: Option<usize>,
    column: &str,
    max: usize,
) -> Result<Option<String>, RejectReason> {
    let text = optional(record, at);
    match &text {
        Some(t) if t.chars().nth(max).is_some() => Err(RejectReason::TooLong {
            column: column.to_owned(),
            max: u32::try_from(max).unwrap_or(u32::MAX),
        }),
        _ => Ok(text),
    }
}

fn parse_value(text: &str, separator: u8, metric: &Metric) -> Result<f64, RejectReason> {
    let normalised = if separator != b',' {
        text.replace(',', ".")
    } else {
        text.to_owned()
    };
    let value: f64 = normalised
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| RejectReason::NotANumber {
            value: text.to_owned(),
        })?;
    on_scale(value, metric)
}

fn on_scale(value: f64, metric: &Metric) -> Result<f64, RejectReason> {
    let whole_numbers = metric.kind != MetricKind::Custom;
    let fits = value >= metric.scale_min
        && value <= metric.scale_max
        && (!whole_numbers || value.fract() == 0.0);
    if fits {
        // -0 and 0 are one answer (and one duplicate key).
        Ok(value + 0.0)
    } else {
        Err(RejectReason::OffScale {
            value,
            min: metric.scale_min,
            max: metric.scale_max,
            whole_numbers,
        })
    }
}
