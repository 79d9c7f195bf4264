//! What the mapping step proposes for a survey file: the preset its header looks like (the
//! user confirms it), every preset's mapping, the saved mappings that fit it (the same survey
//! imported before), the columns that hold ratings, and the mapping the step starts from.

use baton_core::Workspace;
use baton_interop::survey::{
    default_labels, offers, preview_sheet_rows, rating_columns, DateFormat, FieldSource, Preset,
    SavedSurvey, SurveyMapping,
};
use serde::{Deserialize, Serialize};
use specta::Type;

/// Data rows read to tell which columns hold ratings.
const SAMPLE_ROWS: usize = 20;
/// A rating question's answers: a 0-10 scale at most (an id, a duration or a progress
/// percentage is not a rating).
const MAX_RATING: f64 = 10.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MappingProposal {
    /// The survey tool the header looks like; the user confirms it.
    pub detected: Option<Preset>,
    /// Every preset, with its mapping for the proposed rating question.
    pub presets: Vec<PresetChoice>,
    /// The saved mappings that fit this file's header (the same survey), best first.
    pub offers: Vec<SavedOffer>,
    /// The columns whose answers are ratings (numbers up to 10, or answer labels), in header
    /// order: the NPS, CSAT or CES question is one of them.
    pub rating_columns: Vec<String>,
    /// Where the mapping step starts: the best saved mapping's, else the detected preset's,
    /// else one guessed from the header.
    pub mapping: SurveyMapping,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PresetChoice {
    pub preset: Preset,
    /// The tool's name as people write it.
    pub label: String,
    pub mapping: SurveyMapping,
}

/// A saved mapping that fits the file, with what it reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SavedOffer {
    pub id: String,
    pub name: String,
    /// The file's header is the very one the mapping was saved with.
    pub exact: bool,
    /// Columns the mapping reads that the file lacks (renamed since).
    pub missing_columns: Vec<String>,
    pub mapping: SurveyMapping,
    pub sheet: Option<String>,
}

/// The proposal for a file whose header is `header` (on `sheet` of a workbook).
pub fn propose(
    ws: &Workspace,
    bytes: &[u8],
    sheet: Option<&str>,
    header: &[String],
) -> MappingProposal {
    let detected = Preset::detect_in(bytes, sheet);
    let tool = detected.map(|p| p.mapping("", none(), none()));
    let skip = tool.as_ref().map_or(0, |m| m.skip_rows as usize);
    // The tool's own date and respondent columns are no ratings (Microsoft Forms' ID is 1, 2...).
    let tool_columns: Vec<&str> = tool.as_ref().map_or(Vec::new(), |m| {
        let mut own = vec![m.date_column.as_str()];
        own.extend(m.respondent_column.as_deref());
        own
    });
    let rows: Vec<Vec<String>> = preview_sheet_rows(bytes, sheet, SAMPLE_ROWS + skip, 200)
        .into_iter()
        .skip(1 + skip)
        .map(|(_, cells)| cells)
        .collect();
    let labels = default_labels();
    let ratings = rating_columns(header, &rows, &labels);
    let rating_columns: Vec<String> = ratings
        .into_iter()
        .filter(|column| small_numbers(header, &rows, column))
        .filter(|column| !tool_columns.contains(&column.as_str()))
        .collect();
    let value = rating_columns.first().cloned().unwrap_or_default();
    let metric = FieldSource::Fixed(metric_named(ws, metric_kind(&value)));
    let presets: Vec<PresetChoice> = Preset::ALL
        .into_iter()
        .map(|preset| PresetChoice {
            preset,
            label: label(preset).to_owned(),
            mapping: preset.mapping(&value, none(), metric.clone()),
        })
        .collect();
    let offers: Vec<SavedOffer> = offers(&ws.saved_mappings_in_order(), header)
        .into_iter()
        .filter_map(|offer| {
            let saved = ws.saved_mappings.get(&offer.id)?;
            let survey = SavedSurvey::from_text(&saved.mapping).ok()?;
            Some(SavedOffer {
                id: offer.id,
                name: offer.name,
                exact: offer.exact,
                missing_columns: offer.missing_columns,
                mapping: survey.mapping,
                sheet: survey.sheet,
            })
        })
        .collect();
    let mapping = match (offers.first(), detected) {
        (Some(offer), _) => offer.mapping.clone(),
        (None, Some(preset)) => preset.mapping(&value, none(), metric),
        (None, None) => guessed(header, &value, metric),
    };
    MappingProposal {
        detected,
        presets,
        offers,
        rating_columns,
        mapping,
    }
}

/// A target or metric not chosen yet (the user picks it in the step).
fn none() -> FieldSource {
    FieldSource::Fixed(String::new())
}

pub fn label(preset: Preset) -> &'static str {
    match preset {
        Preset::Qualtrics => "Qualtrics",
        Preset::SurveyMonkey => "SurveyMonkey",
        Preset::GoogleForms => "Google Forms",
        Preset::MicrosoftForms => "Microsoft Forms",
        Preset::Typeform => "Typeform",
    }
}

/// Whether the numbers among `column`'s answers are all on a 0-10 scale.
fn small_numbers(header: &[String], rows: &[Vec<String>], column: &str) -> bool {
    let Some(at) = header.iter().position(|h| h == column) else {
        return false;
    };
    rows.iter()
        .filter_map(|row| row.get(at))
        .filter_map(|cell| cell.trim().replace(',', ".").parse::<f64>().ok())
        .all(|v| (0.0..=MAX_RATING).contains(&v))
}

/// The metric kind a question's wording suggests: NPS asks how likely one is to recommend,
/// CES how easy something was; otherwise CSAT.
fn metric_kind(question: &str) -> &'static str {
    let lower = question.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    if has("nps") || has("recommend") {
        "nps"
    } else if has("ces") || has("effort") || has("easy") {
        "ces"
    } else {
        "csat"
    }
}

/// The name of the file's one metric of `kind` (as the metric drop-down lists it), else the
/// kind itself (which the import resolves, or refuses naming it).
fn metric_named(ws: &Workspace, kind: &str) -> String {
    let mut of_kind = ws
        .metrics
        .values()
        .filter(|m| format!("{:?}", m.kind).eq_ignore_ascii_case(kind));
    match (of_kind.next(), of_kind.next()) {
        (Some(one), None) => one.name.clone(),
        _ => kind.to_owned(),
    }
}

/// A mapping for a file no preset knows: the first column named like a date, ISO dates.
fn guessed(header: &[String], value: &str, metric: FieldSource) -> SurveyMapping {
    let date = header
        .iter()
        .find(|h| {
            let lower = h.to_lowercase();
            lower.contains("date") || lower.contains("time")
        })
        .cloned()
        .unwrap_or_default();
    SurveyMapping {
        skip_rows: 0,
        target: none(),
        metric,
        value_column: value.to_owned(),
        date_column: date,
        date_format: DateFormat::Iso,
        respondent_column: None,
        comment_column: None,
        labels: default_labels(),
    }
}
