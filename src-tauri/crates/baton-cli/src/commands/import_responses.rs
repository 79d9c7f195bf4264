//! `baton import-responses FILE SURVEY.(csv|xlsx) [--sheet S] [--journey NAME_OR_ID]
//! [--skip-invalid] [--json] [--mapping NAME | --preset NAME | --value-column C --date-column C
//! [--date-format F] (--target T | --target-column C) (--metric M | --metric-column C) ...]
//! [--save-mapping NAME]`:
//! survey responses from a CSV or a sheet of an XLSX workbook (Baton's own columns, or a
//! survey tool's export read through a mapping, `mapping_args.rs`), added as one edit (one
//! undo step).
//!
//! Nothing is skipped silently: when any row is rejected, nothing is imported and the command
//! exits 1 listing the rejected rows on stderr, unless `--skip-invalid` is given, which imports
//! the accepted rows and still lists the rejected ones. Reading the CSV (encoding, separator,
//! columns, targets, validation, duplicates) is `baton_interop::survey::plan_import`.

use std::path::{Path, PathBuf};

use baton_core::{Edit, Id, SurveyResponse};
use baton_interop::survey::{
    plan_import_each, plan_mapped_import_each, ImportError, ImportOptions, ImportSummary, Preset,
    RejectReason, RejectedRow, SourceEncoding, SurveyMapping,
};
use baton_store::{Document, ResponseSource};
use serde::Serialize;

mod compact;
mod mapping_args;
mod saved;

use compact::CompactResponses;
use mapping_args::MappingArgs;

use crate::error::CliError;
use crate::input;
use crate::output::{self, count, shown};

/// Import survey responses from a CSV file, as one undo step.
///
/// Columns: target (a step or handoff id, or `journey / stage / lane / card title`), metric,
/// value, date, and optional respondent and comment (see the README). When any row is
/// rejected nothing is imported, unless --skip-invalid is given.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The .baton file to add the responses to.
    file: PathBuf,
    /// The survey CSV (UTF-8, Windows-1252, or UTF-16 opening with its byte-order mark; `,`, `;`
    /// or tab separated), or an XLSX workbook.
    survey: PathBuf,
    /// The sheet of an XLSX workbook to read (default: its first).
    #[arg(long, value_name = "SHEET")]
    sheet: Option<String>,
    /// Only accept targets in this journey (its id or its name, case-insensitive).
    #[arg(long, value_name = "NAME_OR_ID")]
    journey: Option<String>,
    /// Import the valid rows even when some are rejected (the rejected ones are still listed).
    #[arg(long)]
    skip_invalid: bool,
    /// Print the result as JSON: {"file", "survey", "journey", "encoding", "separator",
    /// "sheet", "rows", "imported", "rejected": [{"line", "reason": {"kind", ...}, "message"}],
    /// "history_seq", "mapping" (the saved mapping read through), "saved_mapping" (the name
    /// the mapping was saved under)}.
    #[arg(long)]
    json: bool,
    // Boxed: the mapping's many options would make every command's arguments as large.
    #[command(flatten)]
    mapping: Box<MappingArgs>,
}

#[derive(Debug, Serialize)]
struct Report {
    file: String,
    survey: String,
    /// The journey targets were limited to, if any.
    journey: Option<JourneyRef>,
    encoding: SourceEncoding,
    /// Empty for a workbook.
    separator: String,
    /// The sheet read, for a workbook (`null` for a CSV).
    sheet: Option<String>,
    /// Data rows read (blank rows are not counted).
    rows: u32,
    /// Responses added to the file (0 when nothing was imported).
    imported: usize,
    rejected: Vec<RejectedRow>,
    /// The history entry of the import (what `baton undo` removes); `None` when nothing was
    /// imported.
    history_seq: Option<u32>,
    /// The saved mapping the file was read through (`--mapping`), if any.
    mapping: Option<String>,
    /// The name the mapping was saved under with the import (`--save-mapping`), if any.
    saved_mapping: Option<String>,
}

#[derive(Debug, Serialize)]
struct JourneyRef {
    id: Id,
    name: String,
}

pub fn run(args: Args) -> Result<(), CliError> {
    // The CSV is read first (within the input limit), so a missing, unreadable or oversized one
    // never opens the client file.
    let bytes = input::read_survey(&args.survey)?;
    let document = super::open(&args.file)?;
    let mut responses = CompactResponses::default();
    let chosen = chosen_mapping(&args, &document)?;
    let (journey, plan) = plan(&args, &document, &bytes, &chosen, &mut responses)?;
    let accepted = plan.accepted;
    let refused = !plan.rejected.is_empty() && !args.skip_invalid;
    let save = match (&args.mapping.save_mapping, &chosen.mapping) {
        (Some(name), Some(mapping)) if !refused => Some(saved::save_edit(
            document.workspace(),
            name,
            mapping,
            &bytes,
            chosen.sheet.as_deref(),
        )?),
        (Some(_), None) => {
            return Err(CliError::new(
                "--save-mapping needs a mapping to save: --preset or --value-column ... (or \
                 --mapping)",
            ))
        }
        _ => None,
    };
    // The survey's bytes are no longer needed: their memory goes back before the write.
    drop(bytes);
    let history_seq = if refused || (accepted == 0 && save.is_none()) {
        super::close(document)?;
        None
    } else {
        Some(import(&args, document, &responses, save)?)
    };
    drop(responses);

    let report = Report {
        file: args.file.display().to_string(),
        survey: args.survey.display().to_string(),
        journey,
        encoding: plan.encoding,
        separator: plan.separator,
        sheet: plan.sheet,
        rows: plan.rows,
        imported: if history_seq.is_some() { accepted } else { 0 },
        rejected: plan.rejected,
        history_seq,
        mapping: chosen.saved_name,
        saved_mapping: args
            .mapping
            .save_mapping
            .clone()
            .filter(|_| history_seq.is_some()),
    };
    if refused {
        return refuse(&report, accepted, args.json);
    }
    let printed = if args.json {
        output::json(&report)
    } else {
        output::text(&render(&report))
    };
    if report.history_seq.is_some() {
        output::announce(printed)
    } else {
        printed
    }
}

/// Some rows were rejected and --skip-invalid was not given: the rejected rows on stderr (and
/// the report on stdout with --json), then the error.
fn refuse(report: &Report, accepted: usize, json: bool) -> Result<(), CliError> {
    if json {
        output::json(report)?;
    }
    output::notes(&rejected_lines(report));
    Err(CliError::new(format!(
        "{}: {} of {} rejected; nothing imported into {} (fix them, or add --skip-invalid to \
         import the {accepted} valid one(s))",
        shown(&report.survey),
        report.rejected.len(),
        count(report.rows as usize, "row", "rows"),
        shown(&report.file),
    )))
}

/// How the survey is read: a mapping (from the options, or saved in the file), or Baton's own
/// columns; and on which sheet.
struct Chosen {
    mapping: Option<SurveyMapping>,
    /// The saved mapping's name, when read through one.
    saved_name: Option<String>,
    sheet: Option<String>,
}

fn chosen_mapping(args: &Args, document: &Document) -> Result<Chosen, CliError> {
    match &args.mapping.saved {
        Some(name) => {
            let (name, survey) = saved::load(document.workspace(), name)?;
            Ok(Chosen {
                mapping: Some(survey.mapping),
                saved_name: Some(name),
                // The sheet it was saved with, unless another is named.
                sheet: args.sheet.clone().or(survey.sheet),
            })
        }
        None => Ok(Chosen {
            mapping: args.mapping.mapping()?,
            saved_name: None,
            sheet: args.sheet.clone(),
        }),
    }
}

/// Plans the import, limited to the `--journey` given; the accepted responses go to `accepted`.
fn plan(
    args: &Args,
    document: &Document,
    bytes: &[u8],
    chosen: &Chosen,
    accepted: &mut CompactResponses,
) -> Result<(Option<JourneyRef>, ImportSummary), CliError> {
    let journey = match &args.journey {
        None => None,
        Some(wanted) => super::chosen_journeys(document, Some(wanted))?
            .first()
            .map(|journey| JourneyRef {
                id: journey.id.clone(),
                name: journey.name.clone(),
            }),
    };
    let options = ImportOptions {
        journey_id: journey.as_ref().map(|journey| journey.id.clone()),
        sheet: chosen.sheet.clone(),
    };
    // `survey.csv:LINE: ...` when the error is about one line, as compilers report.
    let add = |response| accepted.push(response);
    let mapping = &chosen.mapping;
    let ws = document.workspace();
    let planned = match &mapping {
        Some(mapping) => plan_mapped_import_each(ws, bytes, &options, mapping, add),
        None => plan_import_each(ws, bytes, &options, add),
    };
    let plan = planned.map_err(|error| {
        let at = match error.line() {
            Some(line) => format!("{}:{line}", output::path(&args.survey)),
            None => output::path(&args.survey),
        };
        // A saved mapping that fits is offered, else detection proposes a preset; the user
        // confirms either by naming it.
        let sheet = chosen.sheet.as_deref();
        let hint = match (&error, mapping, &chosen.saved_name) {
            (ImportError::MissingColumns { .. }, None, _) => saved::offer_hint(ws, bytes, sheet)
                .or_else(|| {
                    Preset::detect_in(bytes, sheet).map(|preset| {
                        format!(
                            " (it looks like a {} export: try --preset {} --value-column \
                             COLUMN --target TARGET --metric METRIC)",
                            preset.name(),
                            preset.name()
                        )
                    })
                }),
            (ImportError::MissingColumns { .. }, Some(_), Some(name)) => Some(format!(
                " (renamed since the mapping “{}” was saved? save it again with the new name)",
                shown(name)
            )),
            _ => None,
        }
        .unwrap_or_default();
        CliError::new(format!("{at}: {error}{hint}; nothing imported"))
    })?;
    Ok((journey, plan))
}

/// Adds the accepted rows as one edit (one transaction, one undo step: the history entry of
/// `Edit::Batch { label, edits: [AddResponses] }`), streamed so that millions of rows fit in
/// memory, and closes the file; returns the entry's number. With a mapping to save, the batch
/// holds its edit too, applied as any edit (the responses then held in memory whole).
fn import(
    args: &Args,
    mut document: Document,
    responses: &CompactResponses,
    save: Option<Edit>,
) -> Result<u32, CliError> {
    // The batch's label names the import in the history (an `AddResponses` alone would read
    // "add responses").
    let label = format!(
        "Import {} from {}",
        count(responses.len(), "survey response", "survey responses"),
        file_name(&args.survey)
    );
    let store = |error| CliError::store(&args.file, error);
    let Some(save) = save else {
        return document
            .add_responses_and_close(&label, responses)
            .map_err(store);
    };
    let mut all: Vec<SurveyResponse> = Vec::with_capacity(responses.len());
    responses
        .each(&mut |response| {
            all.push(response);
            Ok(())
        })
        .map_err(store)?;
    let mut edits = Vec::with_capacity(2);
    if !all.is_empty() {
        edits.push(Edit::AddResponses { responses: all });
    }
    edits.push(save);
    document
        .apply(Edit::Batch { label, edits })
        .map_err(store)?;
    let seq = super::history(&document)?.len() as u32;
    super::close(document)?;
    Ok(seq)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

fn render(report: &Report) -> String {
    let (survey, file) = (shown(&report.survey), shown(&report.file));
    let mut out = match report.history_seq {
        Some(seq) => format!(
            "Imported {} from {} into {} as one edit (#{seq}; `baton undo {}` removes it all)\n",
            count(report.imported, "survey response", "survey responses"),
            survey,
            file,
            file,
        ),
        None if report.rows == 0 => {
            format!("{survey} has no data rows: nothing imported into {file}\n")
        }
        None => format!("Every row of {survey} was rejected: nothing imported into {file}\n"),
    };
    let encoding = match report.encoding {
        SourceEncoding::Utf8 => "UTF-8",
        SourceEncoding::Windows1252 => "Windows-1252 (the file is not UTF-8)",
        SourceEncoding::Utf16Le => "UTF-16 little-endian",
        SourceEncoding::Utf16Be => "UTF-16 big-endian",
    };
    let skipped = if report.rejected.is_empty() {
        String::new()
    } else {
        " (skipped: --skip-invalid)".to_owned()
    };
    let mut journey = report
        .journey
        .as_ref()
        .map(|journey| format!("  journey    “{}” only\n", shown(&journey.name)))
        .unwrap_or_default();
    if let Some(name) = &report.mapping {
        journey.push_str(&format!(
            "  mapping    “{}” (saved in the file)\n",
            shown(name)
        ));
    }
    if let Some(name) = &report.saved_mapping {
        journey.push_str(&format!(
            "  saved as   “{}” (--mapping reuses it)\n",
            shown(name)
        ));
    }
    let format = match &report.sheet {
        Some(sheet) => format!("  sheet      “{}” (XLSX)\n", shown(sheet)),
        None => format!(
            "  encoding   {encoding}\n  separator  “{}”\n",
            shown(&report.separator)
        ),
    };
    out.push_str(&format!(
        "  rows read  {}\n  imported   {}\n  rejected   {}{skipped}\n{format}{journey}",
        report.rows,
        report.imported,
        report.rejected.len(),
    ));
    if !report.rejected.is_empty() {
        out.push_str("Rejected rows:\n");
        out.push_str(&rejected_lines(report));
    }
    out
}

/// One line per rejected row, `survey.csv:LINE: KIND: message`, as compilers report.
fn rejected_lines(report: &Report) -> String {
    let survey = shown(&report.survey);
    report
        .rejected
        .iter()
        .map(|row| {
            format!(
                "{survey}:{}: {}: {}\n",
                row.line,
                reason_kind(&row.reason),
                output::one_line(&row.message)
            )
        })
        .collect()
}

/// The reason's `kind`, as in the JSON.
fn reason_kind(reason: &RejectReason) -> &'static str {
    match reason {
        RejectReason::MissingValue { .. } => "missing_value",
        RejectReason::UnknownTarget { .. } => "unknown_target",
        RejectReason::AmbiguousPath { .. } => "ambiguous_path",
        RejectReason::TargetOutsideJourney { .. } => "target_outside_journey",
        RejectReason::UnknownMetric { .. } => "unknown_metric",
        RejectReason::AmbiguousMetric { .. } => "ambiguous_metric",
        RejectReason::NotANumber { .. } => "not_a_number",
        RejectReason::OffScale { .. } => "off_scale",
        RejectReason::BadDate { .. } => "bad_date",
        RejectReason::TooLong { .. } => "too_long",
        RejectReason::Duplicate { .. } => "duplicate",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_kinds_are_the_json_tags() {
        let reasons = [
            RejectReason::MissingValue {
                column: "date".into(),
            },
            RejectReason::UnknownTarget { target: "x".into() },
            RejectReason::AmbiguousPath {
                target: "x".into(),
                candidates: vec![],
            },
            RejectReason::TargetOutsideJourney { target: "x".into() },
            RejectReason::UnknownMetric { metric: "x".into() },
            RejectReason::AmbiguousMetric {
                metric: "x".into(),
                candidates: vec![],
            },
            RejectReason::NotANumber { value: "x".into() },
            RejectReason::OffScale {
                value: 9.0,
                min: 1.0,
                max: 5.0,
                whole_numbers: true,
            },
            RejectReason::BadDate { date: "x".into() },
            RejectReason::Duplicate {
                existing_response_id: None,
                earlier_line: Some(2),
            },
        ];
        for reason in reasons {
            let json = serde_json::to_value(&reason).unwrap();
            assert_eq!(json["kind"], reason_kind(&reason), "{reason:?}");
        }
    }
}
