//! Survey import in two steps: a preview (the file read and planned against the open document,
//! kept under a token) and a commit (the kept plan applied as one edit: one transaction, one
//! undo step). Between them the mapping step may read the kept file again through a column
//! mapping or on another sheet (`remap`), each time answered with a new preview. Nothing is
//! imported while rows are rejected unless the user chose to skip them, the same choice as the
//! CLI's `--skip-invalid`. A mapping may be saved under a name in the import's own edit.
//!
//! The app's commands (`src-tauri/src/commands/survey.rs`) only open the dialog and call these
//! functions, so the logic is tested here on real files without a window. `bpmn.rs` does the
//! same for a BPMN model.

mod bpmn;
mod file;
mod mapping;
mod pending;

use std::sync::Arc;

use baton_core::{Edit, Id};
use baton_interop::survey::{
    header_of, is_xlsx, plan_import, plan_mapped_import, preview_sheet_rows, save_edit,
    sheet_names, ImportError, ImportOptions, ImportPlan, RejectedRow, SavedSurvey, SourceEncoding,
    SurveyMapping,
};
use baton_store::EditOutcome;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::documents::OpenDocument;
use crate::error::{AppError, AppResult, ShellErrorKind};
pub use bpmn::{cancel_bpmn, commit_bpmn, preview_bpmn, replan_bpmn, BpmnImported, BpmnPreview};
pub use file::{file_name, read_bpmn_file, read_survey_file, MAX_CSV_BYTES};
pub use mapping::{MappingProposal, PresetChoice, SavedOffer};
use pending::PendingImport;
pub use pending::{Pending, PendingBpmnImports, PendingImports};

/// Data rows shown under the header in the preview table.
const PREVIEW_ROWS: usize = 8;
/// Characters kept per preview cell; the table ellipsises what it cannot fit anyway.
const PREVIEW_CELL_CHARS: usize = 120;
/// Rejected rows sent to the UI; the total is always sent too.
const REJECTED_SHOWN: usize = 100;

/// How a survey file is read: Baton's own columns (no mapping) or a survey tool's export
/// through a mapping, on a workbook's sheet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct SurveyReading {
    /// `None`: the file has Baton's columns (target, metric, value, date...).
    pub mapping: Option<SurveyMapping>,
    /// The sheet of an XLSX workbook; `None`: its first. Not used for a CSV.
    pub sheet: Option<String>,
}

/// What a survey file would add to the open journey, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportPreview {
    /// Names this preview in `commit_responses_import` and `cancel_responses_import`.
    pub token: String,
    pub file_name: String,
    pub journey_id: Id,
    pub encoding: SourceEncoding,
    /// "," or ";" (a tab, or empty for a workbook).
    pub separator: String,
    /// How the file was read for this preview.
    pub reading: SurveyReading,
    /// The sheets of a workbook, in order; empty for a CSV.
    pub sheets: Vec<String>,
    /// Why the file cannot be read this way (a column the mapping names is missing, e.g.
    /// renamed since the mapping was saved): the counts are then zero and nothing can be
    /// imported until the mapping is changed.
    pub problem: Option<String>,
    /// The header row as written in the file.
    pub header: Vec<String>,
    /// The first data rows (after the header rows the mapping skips), raw, each cell cut to a
    /// readable length.
    pub sample: Vec<PreviewRow>,
    /// Data rows read (accepted plus rejected).
    pub rows: u32,
    pub accepted: u32,
    pub rejected_count: u32,
    /// The first rejected rows in file order (at most 100; `rejected_count` has the total).
    pub rejected: Vec<RejectedRow>,
    /// What the mapping step proposes for this file (preset, saved mappings, rating columns).
    pub proposal: MappingProposal,
}

/// One data row of the preview table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PreviewRow {
    /// 1-based line of the file where the row starts, as in `RejectedRow::line`.
    pub line: u32,
    pub cells: Vec<String>,
}

/// What a committed import did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportResult {
    pub imported: u32,
    /// Rows skipped because they were rejected.
    pub rejected: u32,
    /// The name the mapping was saved under, when it was.
    pub saved_mapping: Option<String>,
    pub outcome: EditOutcome,
}

/// Plans `bytes` (read with Baton's own columns) against `document` for the journey
/// `journey_id`, keeps the plan under a fresh token in `pending` and returns what the preview
/// dialog shows. A file without Baton's columns is previewed with its `problem` and a
/// proposal for the mapping step.
pub fn preview(
    pending: &PendingImports,
    document: &OpenDocument,
    doc: &str,
    journey_id: &str,
    file_name: &str,
    bytes: Vec<u8>,
) -> AppResult<ImportPreview> {
    let mut import = PendingImport {
        doc: doc.to_owned(),
        journey_id: journey_id.to_owned(),
        file_name: file_name.to_owned(),
        bytes: Arc::new(bytes),
        reading: SurveyReading::default(),
        plan: None,
        revision: document.revision(),
    };
    let problem = replan(document, &mut import)?;
    let token = baton_core::new_id();
    let preview = preview_of(document, &token, &import, problem);
    pending.insert(token, import)?;
    Ok(preview)
}

/// Reads the kept file of preview `token` again with `reading` (the mapping step's every
/// change) and answers the new preview under the same token. A reading that names a column
/// the file lacks is a preview with its `problem`; a sheet the workbook lacks is an error,
/// and the preview stays as it was.
pub fn remap(
    pending: &PendingImports,
    document: &OpenDocument,
    doc: &str,
    token: &str,
    reading: SurveyReading,
) -> AppResult<ImportPreview> {
    let mut import = pending.take(doc, token)?;
    let before = (import.reading.clone(), import.plan.take());
    import.reading = reading;
    import.revision = document.revision();
    match replan(document, &mut import) {
        Ok(problem) => {
            let preview = preview_of(document, token, &import, problem);
            pending.put_back(token.to_owned(), import)?;
            Ok(preview)
        }
        Err(e) => {
            (import.reading, import.plan) = before;
            pending.put_back(token.to_owned(), import)?;
            Err(e)
        }
    }
}

/// Applies the preview `token` as one edit. Refused while rows are rejected and
/// `skip_invalid` is false (the preview stays, so the user can still choose to skip them).
/// When the document changed since the preview, the kept file is planned again first.
/// `save_mapping`: also save the mapping read with under that name, in the same edit.
pub fn commit(
    pending: &PendingImports,
    document: &mut OpenDocument,
    doc: &str,
    token: &str,
    skip_invalid: bool,
    save_mapping: Option<&str>,
) -> AppResult<ImportResult> {
    let mut import = pending.take(doc, token)?;
    if import.revision != document.revision() {
        let problem = replan(document, &mut import)?;
        import.revision = document.revision();
        if let Some(problem) = problem {
            pending.put_back(token.to_owned(), import)?;
            return Err(AppError::new(ShellErrorKind::CsvUnreadable, problem));
        }
    }
    match commit_edit(document, &import, skip_invalid, save_mapping) {
        Ok(edit) => match document.apply(edit.edit) {
            Ok(outcome) => Ok(ImportResult {
                imported: edit.imported,
                rejected: edit.rejected,
                saved_mapping: edit.saved_mapping,
                outcome,
            }),
            Err(e) => {
                pending.put_back(token.to_owned(), import)?;
                Err(e)
            }
        },
        Err(e) => {
            pending.put_back(token.to_owned(), import)?;
            Err(e)
        }
    }
}

/// The edit a commit applies, and what it reports.
struct CommitEdit {
    edit: Edit,
    imported: u32,
    rejected: u32,
    saved_mapping: Option<String>,
}

fn commit_edit(
    document: &OpenDocument,
    import: &PendingImport,
    skip_invalid: bool,
    save_mapping: Option<&str>,
) -> AppResult<CommitEdit> {
    let Some(plan) = &import.plan else {
        return Err(AppError::new(
            ShellErrorKind::CsvUnreadable,
            format!(
                "{}: the file cannot be read with this mapping; change the mapping first",
                import.file_name
            ),
        ));
    };
    let rejected = count(plan.rejected.len());
    if rejected > 0 && !skip_invalid {
        return Err(AppError::new(
            ShellErrorKind::RowsRejected,
            format!(
                "{rejected} of {} rows were rejected, so nothing was imported. Import the {} valid rows and skip the rejected ones, or fix the file.",
                plan.rows,
                plan.accepted.len()
            ),
        ));
    }
    if plan.accepted.is_empty() {
        return Err(AppError::new(
            ShellErrorKind::NothingToImport,
            "No valid row to import",
        ));
    }
    let imported = count(plan.accepted.len());
    let add = Edit::AddResponses {
        responses: plan.accepted.clone(),
    };
    let Some(name) = save_mapping else {
        return Ok(CommitEdit {
            edit: add,
            imported,
            rejected,
            saved_mapping: None,
        });
    };
    let name = name.trim();
    let Some(mapping) = &import.reading.mapping else {
        return Err(AppError::new(
            ShellErrorKind::InvalidRequest,
            "Only a file read through a column mapping has a mapping to save",
        ));
    };
    if name.is_empty() {
        return Err(AppError {
            field: Some("save_mapping".to_owned()),
            ..AppError::new(
                baton_store::ErrorKind::Empty,
                "Name the mapping to save it (for example “Post-call IVR survey”)",
            )
        });
    }
    let sheet = import.reading.sheet.as_deref();
    let header = header_of(&import.bytes, sheet).map_err(|e| unreadable(&import.file_name, e))?;
    let survey = SavedSurvey::new(mapping.clone(), header, plan.sheet.clone());
    let save = save_edit(document.workspace(), name, &survey);
    // The batch's label names the import in the history, as the CLI's does.
    let label = format!(
        "Import {imported} survey {} from {}",
        if imported == 1 {
            "response"
        } else {
            "responses"
        },
        import.file_name
    );
    Ok(CommitEdit {
        edit: Edit::Batch {
            label,
            edits: vec![add, save],
        },
        imported,
        rejected,
        saved_mapping: Some(name.to_owned()),
    })
}

/// Plans the kept file with its reading into `import.plan`: the problem (in words) when a
/// column the reading names is missing, an error when the file cannot be read at all.
fn replan(document: &OpenDocument, import: &mut PendingImport) -> AppResult<Option<String>> {
    let options = ImportOptions {
        journey_id: Some(import.journey_id.clone()),
        sheet: import.reading.sheet.clone(),
    };
    let ws = document.workspace();
    let planned = match &import.reading.mapping {
        Some(mapping) => plan_mapped_import(ws, &import.bytes, &options, mapping),
        None => plan_import(ws, &import.bytes, &options),
    };
    match planned {
        Ok(plan) => {
            import.plan = Some(plan);
            Ok(None)
        }
        Err(e @ ImportError::MissingColumns { .. }) => {
            import.plan = None;
            Ok(Some(e.to_string()))
        }
        Err(e) => Err(unreadable(&import.file_name, e)),
    }
}

fn unreadable(file_name: &str, e: ImportError) -> AppError {
    match e {
        ImportError::UnknownJourney { journey_id } => {
            AppError::not_found(format!("Journey {journey_id}"))
        }
        other => AppError::new(
            ShellErrorKind::CsvUnreadable,
            format!("{file_name}: {other}"),
        ),
    }
}

/// The preview of `import` as planned (`problem`: why it could not be).
fn preview_of(
    document: &OpenDocument,
    token: &str,
    import: &PendingImport,
    problem: Option<String>,
) -> ImportPreview {
    let sheet = import
        .plan
        .as_ref()
        .and_then(|p| p.sheet.clone())
        .or_else(|| import.reading.sheet.clone());
    let skip = import
        .reading
        .mapping
        .as_ref()
        .map_or(0, |m| m.skip_rows as usize);
    let mut rows = preview_sheet_rows(
        &import.bytes,
        sheet.as_deref(),
        PREVIEW_ROWS + skip,
        PREVIEW_CELL_CHARS,
    )
    .into_iter();
    let header = rows.next().map(|(_, cells)| cells).unwrap_or_default();
    let sample: Vec<PreviewRow> = rows
        .skip(skip)
        .map(|(line, cells)| PreviewRow { line, cells })
        .collect();
    let sheets = if is_xlsx(&import.bytes) {
        sheet_names(&import.bytes).unwrap_or_default()
    } else {
        Vec::new()
    };
    let proposal = mapping::propose(
        document.workspace(),
        &import.bytes,
        sheet.as_deref(),
        &header,
    );
    let (encoding, separator) = import
        .plan
        .as_ref()
        .map_or((SourceEncoding::Utf8, String::new()), |p| {
            (p.encoding, p.separator.clone())
        });
    let empty = ImportPlan {
        encoding,
        separator: separator.clone(),
        sheet: None,
        rows: 0,
        accepted: Vec::new(),
        rejected: Vec::new(),
    };
    let plan = import.plan.as_ref().unwrap_or(&empty);
    ImportPreview {
        token: token.to_owned(),
        file_name: import.file_name.clone(),
        journey_id: import.journey_id.clone(),
        encoding,
        separator,
        reading: SurveyReading {
            mapping: import.reading.mapping.clone(),
            sheet,
        },
        sheets,
        problem,
        header,
        sample,
        rows: plan.rows,
        accepted: count(plan.accepted.len()),
        rejected_count: count(plan.rejected.len()),
        rejected: plan.rejected.iter().take(REJECTED_SHOWN).cloned().collect(),
        proposal,
    }
}

/// Row counts cross IPC as u32 (DESIGN: no i64); a plan never holds 4 billion rows.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod mapping_tests;

#[cfg(test)]
mod tests;
