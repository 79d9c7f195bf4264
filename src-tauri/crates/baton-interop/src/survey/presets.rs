//! Presets for the usual survey tools' exports: which header rows to skip, which column holds
//! the date and how it is written, which holds the respondent. The user still picks the rating
//! question (the value column) and the target and metric; detection only proposes a preset
//! from the header, the user confirms.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::dates::DateFormat;
use super::mapping::{default_labels, FieldSource, SurveyMapping};
use super::table::{Row, Source};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// Question ids, then question texts, then the `{"ImportId": …}` row: two rows to skip.
    Qualtrics,
    /// The question row, then "Response" / "Open-Ended Response": one row to skip; US dates.
    SurveyMonkey,
    /// "Timestamp" first, written `2026/11/04 10:23:45 AM GMT+1`.
    GoogleForms,
    /// "ID", "Start time", "Completion time" (US dates when saved as text).
    MicrosoftForms,
    /// "Submit Date (UTC)", ISO dates, "#" or "Response ID" per respondent.
    Typeform,
}

impl Preset {
    pub const ALL: [Preset; 5] = [
        Self::Qualtrics,
        Self::SurveyMonkey,
        Self::GoogleForms,
        Self::MicrosoftForms,
        Self::Typeform,
    ];

    /// The preset as the CLI names it (`qualtrics`, `surveymonkey`, `google-forms`,
    /// `microsoft-forms`, `typeform`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Qualtrics => "qualtrics",
            Self::SurveyMonkey => "surveymonkey",
            Self::GoogleForms => "google-forms",
            Self::MicrosoftForms => "microsoft-forms",
            Self::Typeform => "typeform",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        let wanted = name.trim().to_lowercase().replace([' ', '_'], "-");
        Self::ALL.into_iter().find(|p| p.name() == wanted)
    }

    /// The preset's mapping for the rating question `value_column`, the target and metric.
    /// The respondent column is the tool's own; the comment column is the user's to add.
    pub fn mapping(
        self,
        value_column: &str,
        target: FieldSource,
        metric: FieldSource,
    ) -> SurveyMapping {
        let (skip_rows, date_column, date_format, respondent) = match self {
            Self::Qualtrics => (2, "StartDate", DateFormat::Iso, "ResponseId"),
            Self::SurveyMonkey => (1, "Start Date", DateFormat::MonthDayYear, "Respondent ID"),
            Self::GoogleForms => (0, "Timestamp", DateFormat::GoogleForms, ""),
            Self::MicrosoftForms => (0, "Completion time", DateFormat::MonthDayYear, "ID"),
            Self::Typeform => (0, "Submit Date (UTC)", DateFormat::Iso, "#"),
        };
        SurveyMapping {
            skip_rows,
            target,
            metric,
            value_column: value_column.to_owned(),
            date_column: date_column.to_owned(),
            date_format,
            respondent_column: (!respondent.is_empty()).then(|| respondent.to_owned()),
            comment_column: None,
            labels: default_labels(),
        }
    }

    /// The preset whose tell-tale columns the file's header has, if one does (a workbook's
    /// first sheet).
    pub fn detect(bytes: &[u8]) -> Option<Self> {
        Self::detect_in(bytes, None)
    }

    /// `detect` on the sheet `sheet` of a workbook (`None`: its first; not used for a CSV).
    pub fn detect_in(bytes: &[u8], sheet: Option<&str>) -> Option<Self> {
        let mut source = Source::read(bytes, sheet).ok()?;
        let mut header = Row::new();
        if !source.rows().next_into(&mut header).ok()? {
            return None;
        }
        let names: Vec<String> = header
            .record
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect();
        let has = |name: &str| names.iter().any(|n| n == name);
        if has("responseid") && has("startdate") {
            Some(Self::Qualtrics)
        } else if has("respondent id") && has("collector id") {
            Some(Self::SurveyMonkey)
        } else if has("submit date (utc)") {
            Some(Self::Typeform)
        } else if has("completion time") && has("start time") {
            Some(Self::MicrosoftForms)
        } else if names.first().is_some_and(|n| n == "timestamp") {
            Some(Self::GoogleForms)
        } else {
            None
        }
    }
}
