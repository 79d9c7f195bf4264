//! One module per subcommand: its `Args` (clap) and its `run`.

pub mod analyze;
pub mod check;
pub mod demo;
pub mod diff;
pub mod draft_plan;
pub mod export;
pub mod export_bpmn;
pub mod export_json;
pub mod export_map;
pub mod export_plan;
pub mod history;
pub mod import_bpmn;
pub mod import_json;
pub mod import_responses;
pub mod info;
pub mod new;
pub mod plan;
pub mod protect;
pub mod redo;
pub mod snapshot;
pub mod templates;
pub mod undo;

use std::path::Path;

use baton_core::Journey;
use baton_store::Document;

use crate::error::CliError;

/// Opens an existing client file, as the app does (an older file is backed up and upgraded).
/// An encrypted file asks for its passphrase (see `crate::passphrase`).
pub(crate) fn open(path: &Path) -> Result<Document, CliError> {
    match Document::open(path) {
        Err(error) if error.kind() == baton_store::ErrorKind::PassphraseRequired => {
            let passphrase =
                crate::passphrase::get(path, crate::passphrase::Wanted::Current, false)?;
            Document::open_with_passphrase(path, passphrase)
        }
        opened => opened,
    }
    .map_err(|error| CliError::store(path, error))
}

/// Closes `document`, so a failure to release the file is reported rather than lost.
pub(crate) fn close(document: Document) -> Result<(), CliError> {
    let path = document.path().to_owned();
    document
        .close()
        .map_err(|error| CliError::store(&path, error))
}

/// The document's history, oldest first.
pub(crate) fn history(document: &Document) -> Result<Vec<baton_store::HistoryEntry>, CliError> {
    document
        .history()
        .map_err(|error| CliError::store(document.path(), error))
}

/// The journeys `wanted` names in `document`: all of them, in order, when it is `None`; else the
/// one whose id is `wanted`, or the one whose name is `wanted` (trimmed, case-insensitive).
/// No match, or a name shared by several journeys, is an error listing the candidates.
pub(crate) fn chosen_journeys<'d>(
    document: &'d Document,
    wanted: Option<&str>,
) -> Result<Vec<&'d Journey>, CliError> {
    let journeys = document.journeys();
    let Some(wanted) = wanted else {
        return Ok(journeys);
    };
    if let Some(journey) = journeys.iter().find(|journey| journey.id == wanted) {
        return Ok(vec![journey]);
    }
    let name = wanted.trim().to_lowercase();
    let named: Vec<&Journey> = journeys
        .iter()
        .copied()
        .filter(|journey| journey.name.trim().to_lowercase() == name)
        .collect();
    let file = crate::output::path(document.path());
    let wanted = crate::output::shown(wanted);
    match named.len() {
        1 => Ok(named),
        0 if journeys.is_empty() => Err(CliError::new(format!(
            "{file}: no journey is called \"{wanted}\": the file has no journeys"
        ))),
        0 => Err(CliError::new(format!(
            "{file}: no journey is called \"{wanted}\"; the journeys are: {}",
            list_journeys(&journeys)
        ))),
        _ => Err(CliError::new(format!(
            "{file}: {} journeys are called \"{wanted}\"; name one by id: {}",
            named.len(),
            list_journeys(&named)
        ))),
    }
}

/// `"Onboarding" (id 0190...), "Billing" (id 0190...)`.
fn list_journeys(journeys: &[&Journey]) -> String {
    journeys
        .iter()
        .map(|journey| {
            format!(
                "\"{}\" (id {})",
                crate::output::shown(&journey.name),
                crate::output::shown(&journey.id)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}
