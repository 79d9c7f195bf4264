//! A survey tool's export read through a column mapping: which column holds the answer, the
//! date (and how it is written), the respondent and the comment; the target and metric from a
//! column or fixed for the whole file; header rows to skip; answer labels to values.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use specta::Type;

use super::dates::DateFormat;
use super::ImportError;

/// How to read one survey tool's export. Column names compare trimmed and case-insensitively
/// with the header (the file's first line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SurveyMapping {
    /// Rows right after the header that hold no answers (Qualtrics' question texts and ImportId
    /// row, SurveyMonkey's second header row): skipped, not counted.
    pub skip_rows: u32,
    pub target: FieldSource,
    pub metric: FieldSource,
    /// The rating question's column (one among several rating columns).
    pub value_column: String,
    pub date_column: String,
    pub date_format: DateFormat,
    pub respondent_column: Option<String>,
    pub comment_column: Option<String>,
    /// Answer labels and the value each stands for ("Very satisfied" 5), compared trimmed and
    /// case-insensitively. A label not listed that starts with a number and ` - `
    /// (`10 - Extremely likely`) stands for that number.
    pub labels: Vec<AnswerLabel>,
}

impl SurveyMapping {
    /// The columns the mapping reads, in the order value, date, target, metric, respondent,
    /// comment (those it names).
    pub fn columns(&self) -> Vec<&str> {
        let mut columns: Vec<&str> = vec![&self.value_column, &self.date_column];
        for source in [&self.target, &self.metric] {
            if let FieldSource::Column(name) = source {
                columns.push(name);
            }
        }
        columns.extend(self.respondent_column.as_deref());
        columns.extend(self.comment_column.as_deref());
        columns
    }
}

/// Where a row's target or metric comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum FieldSource {
    /// The column of that name.
    Column(String),
    /// The same for every row (a target path or id, a metric name or kind).
    Fixed(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AnswerLabel {
    pub label: String,
    pub value: f64,
}

/// The labels survey tools write for the usual scales: CSAT's five (and "Neither satisfied nor
/// dissatisfied"), agreement and effort. A user edits the table; these are its start.
pub fn default_labels() -> Vec<AnswerLabel> {
    const LABELS: [(&str, f64); 17] = [
        ("Very satisfied", 5.0),
        ("Satisfied", 4.0),
        ("Neither satisfied nor dissatisfied", 3.0),
        ("Neutral", 3.0),
        ("Dissatisfied", 2.0),
        ("Very dissatisfied", 1.0),
        ("Extremely satisfied", 5.0),
        ("Extremely dissatisfied", 1.0),
        ("Strongly agree", 5.0),
        ("Agree", 4.0),
        ("Neither agree nor disagree", 3.0),
        ("Disagree", 2.0),
        ("Strongly disagree", 1.0),
        ("Very easy", 5.0),
        ("Easy", 4.0),
        ("Difficult", 2.0),
        ("Very difficult", 1.0),
    ];
    LABELS
        .iter()
        .map(|(label, value)| AnswerLabel {
            label: (*label).to_owned(),
            value: *value,
        })
        .collect()
}

/// The columns of `header` that hold ratings in `rows` (the data rows, header rows to skip
/// already left out): those where most non-empty cells are numbers or answer labels, and at
/// least one is. The mapping step offers them first when the user picks the rating question.
pub fn rating_columns(
    header: &[String],
    rows: &[Vec<String>],
    labels: &[AnswerLabel],
) -> Vec<String> {
    let table = LabelTable::new(labels);
    header
        .iter()
        .enumerate()
        .filter(|(at, _)| {
            let cells: Vec<&str> = rows
                .iter()
                .filter_map(|row| row.get(*at))
                .map(|cell| cell.trim())
                .filter(|cell| !cell.is_empty())
                .collect();
            let ratings = cells
                .iter()
                .filter(|cell| {
                    cell.replace(',', ".")
                        .parse::<f64>()
                        .is_ok_and(f64::is_finite)
                        || table.value_of(cell).is_some()
                })
                .count();
            ratings > 0 && ratings * 2 > cells.len()
        })
        .map(|(_, name)| name.clone())
        .collect()
}

/// Answer labels by their normalised text.
pub(super) struct LabelTable(HashMap<String, f64>);

impl LabelTable {
    pub(super) fn new(labels: &[AnswerLabel]) -> Self {
        Self(
            labels
                .iter()
                .map(|l| (normalise(&l.label), l.value))
                .collect(),
        )
    }

    /// The value a label stands for: from the table, or the leading number of `N - label`.
    pub(super) fn value_of(&self, text: &str) -> Option<f64> {
        if let Some(value) = self.0.get(&normalise(text)) {
            return Some(*value);
        }
        let (number, label) = text.split_once(" - ")?;
        let label_is_words = !label.trim().is_empty();
        number
            .trim()
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && label_is_words)
    }
}

fn normalise(text: &str) -> String {
    text.trim().to_lowercase()
}

/// The place of each column the mapping names, in `header`; the names not found, all of them,
/// in one error (a column renamed since the mapping was saved is named there).
pub(super) fn find_columns(
    header: &csv::StringRecord,
    wanted: &[&str],
) -> Result<Vec<usize>, ImportError> {
    let names: Vec<String> = header.iter().map(normalise).collect();
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for name in wanted {
        match names.iter().position(|n| *n == normalise(name)) {
            Some(at) => found.push(at),
            None => missing.push((*name).to_owned()),
        }
    }
    if missing.is_empty() {
        Ok(found)
    } else {
        Err(ImportError::MissingColumns { columns: missing })
    }
}
