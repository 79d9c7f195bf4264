//! The options that read a survey tool's export rather than Baton's own CSV: a preset and/or
//! a column mapping. Without any of them the file is read by its header names, as before.

use baton_interop::survey::{
    default_labels, AnswerLabel, DateFormat, FieldSource, Preset, SurveyMapping,
};

use crate::error::CliError;
use crate::output::shown;

#[derive(Debug, Default, clap::Args)]
pub struct MappingArgs {
    /// Read the survey through the mapping saved in the file under this name (see
    /// --save-mapping). A column renamed since it was saved is named in the error.
    #[arg(long = "mapping", value_name = "NAME", conflicts_with_all = [
        "preset", "value_column", "date_column", "date_format", "target", "target_column",
        "metric", "metric_column", "respondent_column", "comment_column", "skip_rows", "labels",
    ])]
    pub saved: Option<String>,
    /// Save the mapping used under this name in the file (replacing one of that name), in the
    /// same edit as the import, for the next import of the same survey.
    #[arg(long, value_name = "NAME")]
    pub save_mapping: Option<String>,
    /// Read a survey tool's export: qualtrics, surveymonkey, google-forms, microsoft-forms or
    /// typeform (its header rows, date column and format, respondent column). Needs
    /// --value-column, and --target/--target-column and --metric/--metric-column.
    #[arg(long, value_name = "NAME")]
    preset: Option<String>,
    /// The column holding the rating (the question's header text): reads the file through a
    /// mapping instead of Baton's own column names.
    #[arg(long, value_name = "COLUMN")]
    value_column: Option<String>,
    /// The column holding the date (a preset names its own).
    #[arg(long, value_name = "COLUMN")]
    date_column: Option<String>,
    /// How dates are written: iso (default), dmy, mdy, google-forms or excel (day numbers).
    #[arg(long, value_name = "FORMAT")]
    date_format: Option<String>,
    /// The target of every row: a step or handoff id or path.
    #[arg(long, value_name = "TARGET", conflicts_with = "target_column")]
    target: Option<String>,
    /// The column holding each row's target.
    #[arg(long, value_name = "COLUMN")]
    target_column: Option<String>,
    /// The metric of every row: a metric's id, name or kind.
    #[arg(long, value_name = "METRIC", conflicts_with = "metric_column")]
    metric: Option<String>,
    /// The column holding each row's metric.
    #[arg(long, value_name = "COLUMN")]
    metric_column: Option<String>,
    /// The column holding a respondent's id (a preset names its tool's own).
    #[arg(long, value_name = "COLUMN")]
    respondent_column: Option<String>,
    /// The column holding the verbatim comment.
    #[arg(long, value_name = "COLUMN")]
    comment_column: Option<String>,
    /// Rows right after the header that hold no answers (a preset knows its own).
    #[arg(long, value_name = "N")]
    skip_rows: Option<u32>,
    /// An answer label and the value it stands for, `"Very satisfied=5"` (repeatable; added to
    /// the usual scales' labels, replacing one of the same text).
    #[arg(long = "label", value_name = "LABEL=VALUE")]
    labels: Vec<String>,
}

impl MappingArgs {
    /// The mapping the options describe; `None` when none is given (Baton's own CSV).
    pub fn mapping(&self) -> Result<Option<SurveyMapping>, CliError> {
        let preset = match &self.preset {
            None => None,
            Some(name) => Some(Preset::from_name(name).ok_or_else(|| {
                CliError::new(format!(
                    "--preset “{}”: no such preset (qualtrics, surveymonkey, google-forms, \
                     microsoft-forms, typeform)",
                    shown(name)
                ))
            })?),
        };
        let mapped = preset.is_some()
            || [
                &self.value_column,
                &self.date_column,
                &self.date_format,
                &self.target,
                &self.target_column,
                &self.metric,
                &self.metric_column,
                &self.respondent_column,
                &self.comment_column,
            ]
            .iter()
            .any(|o| o.is_some())
            || self.skip_rows.is_some()
            || !self.labels.is_empty();
        if !mapped {
            return Ok(None);
        }
        let need = |what: &str| {
            CliError::new(format!(
                "reading a survey tool's export needs {what} (see `baton import-responses --help`)"
            ))
        };
        let value_column = self
            .value_column
            .as_deref()
            .ok_or_else(|| need("--value-column"))?;
        let source =
            |fixed: &Option<String>, column: &Option<String>, flags: &str| match (fixed, column) {
                (Some(text), _) => Ok(FieldSource::Fixed(text.clone())),
                (None, Some(name)) => Ok(FieldSource::Column(name.clone())),
                (None, None) => Err(need(flags)),
            };
        let target = source(
            &self.target,
            &self.target_column,
            "--target or --target-column",
        )?;
        let metric = source(
            &self.metric,
            &self.metric_column,
            "--metric or --metric-column",
        )?;
        let mut mapping = match preset {
            Some(preset) => preset.mapping(value_column, target, metric),
            None => SurveyMapping {
                skip_rows: 0,
                target,
                metric,
                value_column: value_column.to_owned(),
                date_column: self
                    .date_column
                    .clone()
                    .ok_or_else(|| need("--date-column"))?,
                date_format: DateFormat::Iso,
                respondent_column: None,
                comment_column: None,
                labels: default_labels(),
            },
        };
        if let Some(column) = &self.date_column {
            mapping.date_column = column.clone();
        }
        if let Some(name) = &self.date_format {
            mapping.date_format = DateFormat::parse_name(name).ok_or_else(|| {
                CliError::new(format!(
                    "--date-format “{}”: not a date format (iso, dmy, mdy, google-forms, excel)",
                    shown(name)
                ))
            })?;
        }
        if let Some(rows) = self.skip_rows {
            mapping.skip_rows = rows;
        }
        if self.respondent_column.is_some() {
            mapping.respondent_column = self.respondent_column.clone();
        }
        if self.comment_column.is_some() {
            mapping.comment_column = self.comment_column.clone();
        }
        for text in &self.labels {
            let label = parse_label(text)?;
            mapping
                .labels
                .retain(|l| l.label.trim().to_lowercase() != label.label.trim().to_lowercase());
            mapping.labels.push(label);
        }
        Ok(Some(mapping))
    }
}

/// `LABEL=VALUE`, split at the last `=` (a label may hold one).
fn parse_label(text: &str) -> Result<AnswerLabel, CliError> {
    let parsed = text.rsplit_once('=').and_then(|(label, value)| {
        let value: f64 = value.trim().parse().ok().filter(|v: &f64| v.is_finite())?;
        (!label.trim().is_empty()).then(|| AnswerLabel {
            label: label.trim().to_owned(),
            value,
        })
    });
    parsed.ok_or_else(|| {
        CliError::new(format!(
            "--label “{}”: not LABEL=VALUE (e.g. \"Very satisfied=5\")",
            shown(text)
        ))
    })
}
