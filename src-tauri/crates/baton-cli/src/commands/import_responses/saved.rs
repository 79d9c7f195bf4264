//! Mappings saved in the client file: `--mapping NAME` reads the survey through one,
//! `--save-mapping NAME` saves the mapping used (in the same edit as the import), and a file
//! whose header fits a saved mapping is offered it when read without one.

use baton_core::{Edit, Workspace};
use baton_interop::survey::{self, header_of, offers, SavedSurvey, SurveyMapping};

use crate::error::CliError;
use crate::output::shown;

/// The saved mapping called `name` (trimmed, case-insensitively), read.
pub fn load(ws: &Workspace, name: &str) -> Result<(String, SavedSurvey), CliError> {
    let wanted = name.trim().to_lowercase();
    let saved = ws.saved_mappings_in_order();
    let Some(found) = saved.iter().find(|m| m.name.to_lowercase() == wanted) else {
        let known = if saved.is_empty() {
            "the file has no saved mapping".to_owned()
        } else {
            let names: Vec<String> = saved
                .iter()
                .map(|m| format!("“{}”", shown(&m.name)))
                .collect();
            format!("saved: {}", names.join(", "))
        };
        return Err(CliError::new(format!(
            "--mapping “{}”: no saved mapping has that name ({known})",
            shown(name)
        )));
    };
    let survey = SavedSurvey::from_text(&found.mapping).map_err(|reason| {
        CliError::new(format!(
            "the saved mapping “{}” cannot be read: {reason}",
            shown(&found.name)
        ))
    })?;
    Ok((found.name.clone(), survey))
}

/// The hint for a file read without a mapping whose header lacks Baton's columns: the saved
/// mapping that fits it, if one does.
pub fn offer_hint(ws: &Workspace, bytes: &[u8], sheet: Option<&str>) -> Option<String> {
    let header = header_of(bytes, sheet).ok()?;
    let offer = offers(&ws.saved_mappings_in_order(), &header)
        .into_iter()
        .next()?;
    Some(format!(
        " (the saved mapping “{}” fits this file: add --mapping “{}”)",
        shown(&offer.name),
        shown(&offer.name)
    ))
}

/// The edit saving `mapping` (made on a file with this header) under `name`
/// (`baton_interop::survey::save_edit`).
pub fn save_edit(
    ws: &Workspace,
    name: &str,
    mapping: &SurveyMapping,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<Edit, CliError> {
    let header = header_of(bytes, sheet)
        .map_err(|error| CliError::new(format!("--save-mapping: {error}")))?;
    let survey = SavedSurvey::new(mapping.clone(), header, sheet.map(str::to_owned));
    Ok(survey::save_edit(ws, name, &survey))
}
